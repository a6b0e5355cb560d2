/// One stored resource: its creation sequence (the pagination key), its version (the ETag) and body.
struct Record: Sendable {
    var seq: Int
    var version: Int
    var object: [String: JSON]
    /// The body's JSON, written once per write to the record (`RecordCollection` keeps it current), so reads
    /// copy bytes instead of sorting and writing a dictionary per request. Nil for generated users.
    var encoded: [UInt8]?

    init(seq: Int, version: Int, object: [String: JSON], encoded: [UInt8]? = nil) {
        self.seq = seq
        self.version = version
        self.object = object
        self.encoded = encoded
    }

    /// The body's JSON bytes, from `encoded` when it is there.
    var encodedObject: [UInt8] { encoded ?? JSON.object(object).serialized() }

    var id: String { object["id"]?.stringValue ?? "" }

    /// Quoted, opaque, changes with every write.
    func etag(for id: String) -> String { Self.etag(id: id, version: version) }

    static func etag(id: String, version: Int) -> String {
        "\"\(Deterministic.hex(Deterministic.fnv(id), width: 12))-\(version)\""
    }
}

/// The records of one list endpoint, ordered by creation sequence. Pages are addressed by the last
/// sequence returned, so inserts and deletes elsewhere never shift or repeat what a cursor points at.
struct RecordCollection: Sendable {
    struct Entry: Sendable {
        let seq: Int
        let id: String
    }

    /// A page member: a stored record, or a generated user not yet written to (built only when it is written out).
    enum PageItem: Sendable {
        case stored(Record)
        case virtual(index: Int)

        var seq: Int {
            switch self {
            case .stored(let record): return record.seq
            case .virtual(let index): return index
            }
        }
    }

    /// Materialized records (including changed virtual users), by id.
    private(set) var records: [String: Record] = [:]
    /// Non-virtual records in ascending `seq`.
    private(set) var order: [Entry] = []
    var virtual: VirtualUsers?
    private(set) var removedVirtual: Set<Int> = []

    init(virtual: VirtualUsers? = nil) { self.virtual = virtual }

    var count: Int { (virtual?.count ?? 0) - removedVirtual.count + order.count }

    func get(_ id: String) -> Record? {
        if let record = records[id] { return record }
        if let virtual, let index = virtual.index(of: id), !removedVirtual.contains(index) {
            return Record(seq: index, version: 1, object: virtual.user(at: index))
        }
        return nil
    }

    /// Whether `id` is here, without generating a virtual user's body.
    func contains(_ id: String) -> Bool {
        if records[id] != nil { return true }
        if let virtual, let index = virtual.index(of: id) { return !removedVirtual.contains(index) }
        return false
    }

    /// A record's ETag version and body bytes, for single GETs: stored records give their kept bytes, generated
    /// users are written straight from their typed record.
    func encodedSingle(_ id: String) -> (version: Int, bytes: [UInt8])? {
        if let record = records[id] { return (record.version, record.encodedObject) }
        guard let virtual, let index = virtual.index(of: id), !removedVirtual.contains(index) else { return nil }
        var json = JSONWriter(capacity: 1_024)
        VirtualUser(virtual, index: index).write(to: &json)
        return (1, json.out)
    }

    /// Adds a new record; `seq` must be greater than every sequence already stored.
    mutating func append(_ object: [String: JSON], seq: Int) {
        let record = Record(seq: seq, version: 1, object: object, encoded: JSON.object(object).serialized())
        records[record.id] = record
        order.append(Entry(seq: seq, id: record.id))
    }

    /// Replaces a record's body and bumps its version.
    @discardableResult
    mutating func update(_ id: String, _ change: (inout [String: JSON]) throws -> Void) rethrows -> Record? {
        guard var record = get(id) else { return nil }
        try change(&record.object)
        record.version += 1
        record.encoded = JSON.object(record.object).serialized()
        records[id] = record
        return record
    }

    /// Changes a stored record without a new version (bookkeeping that is not a client-visible write).
    mutating func patchSilently(_ id: String, _ change: (inout [String: JSON]) -> Void) {
        guard var record = get(id) else { return }
        change(&record.object)
        record.encoded = JSON.object(record.object).serialized()
        records[id] = record
    }

    @discardableResult
    mutating func remove(_ id: String) -> Record? {
        guard let record = get(id) else { return nil }
        records[id] = nil
        if let virtual, record.seq < virtual.count, virtual.index(of: id) == record.seq {
            removedVirtual.insert(record.seq)
        } else if let position = position(ofSeq: record.seq) {
            order.remove(at: position)
        }
        return record
    }

    private func position(ofSeq seq: Int) -> Int? {
        let low = firstPosition(after: seq - 1)
        return low < order.count && order[low].seq == seq ? low : nil
    }

    /// First index in `order` with a sequence greater than `seq`.
    private func firstPosition(after seq: Int) -> Int {
        SequenceSearch.firstPosition(after: seq, count: order.count) { order[$0].seq }
    }

    /// Up to `limit` records after `afterSeq` that pass `filter`, and whether more exist.
    func page(after afterSeq: Int, limit: Int, filter: (Record) -> Bool = { _ in true }) -> (records: [Record], hasMore: Bool) {
        let virtual = virtual
        let result = pageItems(after: afterSeq, limit: limit, storedMatches: filter) { index in
            guard let virtual else { return false }
            return filter(Record(seq: index, version: 1, object: virtual.user(at: index)))
        }
        return (result.items.map(record(for:)), result.hasMore)
    }

    /// The record of a page member (generated users are built here).
    func record(for item: PageItem) -> Record {
        switch item {
        case .stored(let record): return record
        case .virtual(let index): return Record(seq: index, version: 1, object: virtual?.user(at: index) ?? [:])
        }
    }

    /// Up to `limit` members after `afterSeq`, and whether more exist. The page starts where the cursor points
    /// (a generated user's index, or a binary search in `order`): nothing before it is looked at. Generated users
    /// that were never written are checked with `virtualMatches` on their index alone and not built.
    func pageItems(
        after afterSeq: Int, limit: Int, storedMatches: (Record) -> Bool, virtualMatches: (Int) -> Bool
    ) -> (items: [PageItem], hasMore: Bool) {
        var result: [PageItem] = []
        result.reserveCapacity(min(limit, 128))
        if let virtual, afterSeq + 1 < virtual.count {
            var index = max(afterSeq + 1, 0)
            // Most generated users were never written: skip the per-user id lookup when none was.
            let anyStored = !records.isEmpty
            let anyRemoved = !removedVirtual.isEmpty
            while index < virtual.count {
                defer { index += 1 }
                if anyRemoved && removedVirtual.contains(index) { continue }
                let item: PageItem
                if anyStored, let stored = records[virtual.id(at: index)] {
                    guard storedMatches(stored) else { continue }
                    item = .stored(stored)
                } else {
                    guard virtualMatches(index) else { continue }
                    item = .virtual(index: index)
                }
                if result.count == limit { return (result, true) }
                result.append(item)
            }
        }
        var position = firstPosition(after: afterSeq)
        while position < order.count {
            defer { position += 1 }
            guard let record = records[order[position].id], storedMatches(record) else { continue }
            if result.count == limit { return (result, true) }
            result.append(.stored(record))
        }
        return (result, false)
    }

    /// Stored (created or changed) records only, unordered: cheap even beside a million virtual users.
    func materialized(filter: (Record) -> Bool = { _ in true }) -> [Record] {
        records.values.filter(filter)
    }

    /// Newest first (event and delivery logs): `before` is the sequence of the last item already
    /// seen (-1 for the first page), so new items never shift a cursor.
    func pageNewestFirst(before: Int, limit: Int, filter: (Record) -> Bool = { _ in true }) -> (records: [Record], hasMore: Bool) {
        var result: [Record] = []
        result.reserveCapacity(min(limit, 128))
        var position = before < 0 ? order.count - 1 : firstPosition(after: before - 1) - 1
        while position >= 0 {
            defer { position -= 1 }
            guard let record = records[order[position].id], filter(record) else { continue }
            if result.count == limit { return (result, true) }
            result.append(record)
        }
        return (result, false)
    }

    /// Every record, in order (small collections only).
    func all(filter: (Record) -> Bool = { _ in true }) -> [Record] {
        page(after: -1, limit: Int.max - 1, filter: filter).records
    }
}
