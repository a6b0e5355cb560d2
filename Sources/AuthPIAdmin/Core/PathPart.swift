import Foundation

/// A piece of a request path. Ids from callers are checked as path segments before any request.
enum PathPart: Sendable {
    case literal(String)
    /// The account segment: the configured id, the resolved one, or `me`.
    case account
    case id(String, label: String)

    /// Rejects what could change the path: empty, `.`, `..`, and `/ \ ? #`, plus control characters.
    static func validateSegment(_ value: String, label: String) throws {
        if value.isEmpty || value == "." || value == ".."
            || value.contains(where: { "/\\?#".contains($0) || $0.isNewline || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true })
        {
            throw AuthPIError.invalidArgument(
                "invalid \(label): must not be empty, \".\" or \"..\", nor contain / \\ ? # or control characters")
        }
    }

    static let segmentAllowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~!$&'()*+,;=:@")
        return set
    }()

    static let queryAllowed: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~")
        return set
    }()

    static func encodeSegment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? value
    }

    static func encodeQuery(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? value
    }

    /// Builds `/a/b/c` from parts, validating ids.
    static func build(_ parts: [PathPart], account: String) throws -> String {
        var path = ""
        for part in parts {
            switch part {
            case .literal(let text): path += "/" + text
            case .account: path += "/" + encodeSegment(account)
            case .id(let value, let label):
                try validateSegment(value, label: label)
                path += "/" + encodeSegment(value)
            }
        }
        return path
    }
}

/// Query parameters: absent values are not sent; booleans and numbers as their JSON text.
public struct Query: Sendable, Equatable {
    var items: [(name: String, value: String)] = []

    public init() {}

    public static func == (lhs: Query, rhs: Query) -> Bool {
        lhs.items.map { "\($0.name)=\($0.value)" } == rhs.items.map { "\($0.name)=\($0.value)" }
    }

    mutating func add(_ name: String, _ value: String?) {
        if let value { items.append((name, value)) }
    }

    mutating func add(_ name: String, _ value: Int?) {
        if let value { items.append((name, String(value))) }
    }

    mutating func add(_ name: String, _ value: Bool?) {
        if let value { items.append((name, value ? "true" : "false")) }
    }

    mutating func add(_ name: String, _ values: [String]?) {
        if let values, !values.isEmpty { items.append((name, values.joined(separator: ","))) }
    }

    /// `?a=1&b=2`, or empty.
    var encoded: String {
        guard !items.isEmpty else { return "" }
        return "?" + items.map { "\(PathPart.encodeQuery($0.name))=\(PathPart.encodeQuery($0.value))" }
            .joined(separator: "&")
    }
}

extension Query {
    mutating func add(_ name: String, _ value: Double?) {
        guard let value else { return }
        if let exact = Int(exactly: value) { items.append((name, String(exact))) } else { items.append((name, String(value))) }
    }
}
