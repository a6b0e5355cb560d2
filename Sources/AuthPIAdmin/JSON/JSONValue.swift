import Foundation

/// A JSON object: the raw form of every resource and request body.
public typealias JSONObject = [String: JSONValue]

/// Any JSON value. Integers and doubles are kept apart so that a value read and written back is unchanged.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number without fraction or exponent that fits 64 bits.
    case int(Int64)
    /// Any other number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; a repeated key keeps its last value.
    case object(JSONObject)
}

extension JSONValue {
    /// Whether this is JSON `null`.
    public var isNull: Bool { if case .null = self { true } else { false } }

    /// The string, when this is one.
    public var stringValue: String? { if case .string(let value) = self { value } else { nil } }

    /// The boolean, when this is one.
    public var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }

    /// The value as an integer; a double without a fractional part counts too.
    public var intValue: Int? {
        switch self {
        case .int(let value): Int(exactly: value)
        case .double(let value): Int(exactly: value)
        default: nil
        }
    }

    /// The number as a `Double`, when this is a number.
    public var doubleValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    /// The array, when this is one.
    public var arrayValue: [JSONValue]? { if case .array(let value) = self { value } else { nil } }

    /// The object, when this is one.
    public var objectValue: JSONObject? { if case .object(let value) = self { value } else { nil } }

    /// Member of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }
}

extension JSONValue: Codable {
    /// Decodes the JSON value as sent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode(JSONObject.self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a JSON value")
        }
    }

    /// Encodes the JSON value as it was read.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// JSON `null`, from `nil`.
    public init(nilLiteral: ()) { self = .null }
    /// A JSON boolean, from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A JSON integer, from a literal.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// A JSON number, from a literal.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A JSON string, from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A JSON array, from a literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// A JSON object, from a literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject(minimumCapacity: elements.count)
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON text.
    public var description: String {
        guard let data = try? JSONCoding.encode(self) else { return "<unencodable JSON>" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension JSONValue {
    /// Converts Swift values (String, Int, Double, Bool, arrays, dictionaries, nil) into JSON.
    public init(_ value: String) { self = .string(value) }
    /// A JSON integer.
    public init(_ value: Int) { self = .int(Int64(value)) }
    /// A JSON number.
    public init(_ value: Double) { self = .double(value) }
    /// A JSON boolean.
    public init(_ value: Bool) { self = .bool(value) }
    /// A JSON array of strings.
    public init(_ values: [String]) { self = .array(values.map { .string($0) }) }
    /// A JSON object.
    public init(_ object: JSONObject) { self = .object(object) }

    /// Encodes any `Encodable` value into its JSON form.
    public init(encoding value: some Encodable) throws {
        self = try JSONParser.parse(Array(JSONCoding.encode(value)))
    }

    /// Decodes this JSON into any `Decodable` type.
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        try JSONCoding.decode(T.self, from: JSONCoding.encode(self))
    }
}

/// Shared JSON encoding settings: sorted keys make bodies stable (and tests readable).
enum JSONCoding {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try JSONDecoder().decode(T.self, from: data)
    }
}

extension Dictionary where Key == String, Value == JSONValue {
    /// Removes, recursively, every key that starts with `_` (client-side annotations such as `_etag`).
    public func strippingUnderscoreKeys() -> JSONObject {
        var result = JSONObject(minimumCapacity: count)
        for (key, value) in self where !key.hasPrefix("_") {
            result[key] = value.strippingUnderscoreKeys()
        }
        return result
    }
}

extension JSONValue {
    /// Removes, recursively, every object key that starts with `_`.
    public func strippingUnderscoreKeys() -> JSONValue {
        switch self {
        case .object(let object): .object(object.strippingUnderscoreKeys())
        case .array(let values): .array(values.map { $0.strippingUnderscoreKeys() })
        default: self
        }
    }
}
