import Foundation

/// A resource of the AuthPI API.
///
/// Every model keeps the whole JSON object it was read from in ``json``; its typed properties read and
/// write that object. So a resource read and written back loses no field the SDK does not know yet, and
/// any field can be reached raw through ``json`` or the string subscript.
///
/// Decoding is lenient about missing or differently typed fields (the typed property is then `nil`), and
/// strict about the shape: the value must be a JSON object carrying the model's ``requiredKeys``.
public protocol AuthPIModel: Codable, Sendable, Hashable, CustomStringConvertible, CustomReflectable, RequestBody {
    /// The JSON object as read from (or to be sent to) the API.
    var json: JSONObject { get set }
    /// Wraps a JSON object without checking it.
    init(json: JSONObject)
    /// Keys that must hold a string for a value to count as this resource.
    static var requiredKeys: [String] { get }
    /// Wraps a JSON value, checking it is an object with the required keys.
    init(validating value: JSONValue) throws
    /// Whether a 2xx answer without a body counts as an empty resource (for free-form answers).
    static var acceptsEmptyBody: Bool { get }
}

extension AuthPIModel {
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { [] }
    /// Whether an empty 2xx body reads as an empty model.
    public static var acceptsEmptyBody: Bool { false }

    /// Decodes the JSON value as sent.
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        try self.init(validating: value)
    }

    /// Encodes the JSON value as it was read.
    public func encode(to encoder: any Encoder) throws {
        try JSONValue.object(json).encode(to: encoder)
    }

    /// Wraps a JSON value, checking it is an object with the required keys.
    public init(validating value: JSONValue) throws {
        guard case .object(let object) = value else {
            throw AuthPIError.malformedResponse("expected a JSON object for \(Self.self), got \(value.kindName)")
        }
        for key in Self.requiredKeys where object[key]?.stringValue == nil {
            throw AuthPIError.malformedResponse("\(Self.self) lacks the string field \"\(key)\"")
        }
        self.init(json: object)
    }

    /// Raw access to any field.
    public subscript(key: String) -> JSONValue? {
        get { json[key] }
        set { json[key] = newValue }
    }

    /// The JSON object, with the values of secret-looking fields (`secret`, `*_token`, `password`, …) hidden:
    /// safe to log. Read a secret the API returned through ``json`` or the subscript.
    public var description: String { "\(Self.self)(\(Redaction.redacting(JSONValue.object(json))))" }

    /// `dump` and debuggers show the same redacted JSON as ``description``.
    public var customMirror: Mirror { Mirror(self, children: ["json": Redaction.redacting(JSONValue.object(json)).description]) }

    // Typed accessors used by the models' properties.

    func string(_ key: String) -> String? { json[key]?.stringValue }
    func int(_ key: String) -> Int? { json[key]?.intValue }
    func double(_ key: String) -> Double? { json[key]?.doubleValue }
    func bool(_ key: String) -> Bool? { json[key]?.boolValue }
    func object(_ key: String) -> JSONObject? { json[key]?.objectValue }
    func strings(_ key: String) -> [String]? {
        json[key]?.arrayValue.map { $0.compactMap(\.stringValue) }
    }
    /// Timestamps are Unix seconds (integer or fractional).
    func date(_ key: String) -> Date? {
        json[key]?.doubleValue.map { Date(timeIntervalSince1970: $0) }
    }

    mutating func set(_ key: String, _ value: String?) { json[key] = value.map(JSONValue.string) ?? .null }
    mutating func set(_ key: String, _ value: Int?) { json[key] = value.map { .int(Int64($0)) } ?? .null }
    mutating func set(_ key: String, _ value: Bool?) { json[key] = value.map(JSONValue.bool) ?? .null }
    mutating func set(_ key: String, _ value: JSONObject?) { json[key] = value.map(JSONValue.object) ?? .null }
    mutating func set(_ key: String, _ value: [String]?) {
        json[key] = value.map { .array($0.map(JSONValue.string)) } ?? .null
    }
}

extension JSONValue {
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A resource of a kind the SDK has no dedicated type for: its JSON object, with an optional `id`.
/// Free-form answers (`{}` or no body at all) are accepted as an empty object.
public struct Resource: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// Whether an empty 2xx body reads as an empty model.
    public static var acceptsEmptyBody: Bool { true }
    /// The `id` field; `nil` when absent or of another type.
    public var id: String? { string("id") }
}
