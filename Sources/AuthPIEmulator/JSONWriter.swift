/// Appends JSON straight to a byte buffer: typed records write their members in a fixed (sorted) key order with
/// this, instead of building a `JSON.object` and sorting its keys per object.
struct JSONWriter {
    var out: [UInt8]

    init(capacity: Int) {
        out = []
        out.reserveCapacity(capacity)
    }

    /// Literal JSON punctuation and keys, e.g. `,"status":`.
    mutating func raw(_ text: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func bytes(_ bytes: [UInt8]) { out.append(contentsOf: bytes) }
    mutating func string(_ value: String) { JSON.writeString(value, to: &out) }
    mutating func optionalString(_ value: String?) {
        if let value { JSON.writeString(value, to: &out) } else { raw("null") }
    }
    mutating func int(_ value: Int) { JSON.writeInt(value, to: &out) }
    mutating func optionalInt(_ value: Int?) {
        if let value { JSON.writeInt(value, to: &out) } else { raw("null") }
    }
    mutating func double(_ value: Double) { JSON.writeDouble(value, to: &out) }
    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }
    mutating func value(_ value: JSON) { value.write(to: &out) }

    /// `{"data":[…],"has_more":…,"next_cursor":…}` (the list envelope, keys sorted) around `count` items written
    /// by `item`.
    static func page(count: Int, bytesPerItem: Int, hasMore: Bool, nextCursor: String?, _ item: (Int, inout JSONWriter) -> Void) -> [UInt8] {
        var json = JSONWriter(capacity: 64 + count * bytesPerItem)
        json.raw("{\"data\":[")
        for index in 0..<count {
            if index > 0 { json.raw(",") }
            item(index, &json)
        }
        json.raw("],\"has_more\":")
        json.bool(hasMore)
        json.raw(",\"next_cursor\":")
        json.optionalString(nextCursor)
        json.raw("}")
        return json.out
    }
}
