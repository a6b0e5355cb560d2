import Foundation

/// A piece of a request path. Ids from callers are checked as path segments before any request.
enum PathPart: Sendable {
    case literal(String)
    /// The account segment: the configured id, or the one resolved through `GET /v1/me`.
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
        // Most ids need no escaping: checked byte by byte first, as Foundation's encoder is slow on Linux.
        if value.utf8.allSatisfy({ $0 < 128 && segmentAllowedASCII[Int($0)] }) { return value }
        return value.addingPercentEncoding(withAllowedCharacters: segmentAllowed) ?? value
    }

    static func encodeQuery(_ value: String) -> String {
        if value.utf8.allSatisfy({ $0 < 128 && queryAllowedASCII[Int($0)] }) { return value }
        return value.addingPercentEncoding(withAllowedCharacters: queryAllowed) ?? value
    }

    /// The two sets above as tables of the 128 ASCII bytes.
    static let segmentAllowedASCII = asciiTable(segmentAllowed)
    static let queryAllowedASCII = asciiTable(queryAllowed)

    private static func asciiTable(_ set: CharacterSet) -> [Bool] {
        (0..<128).map { set.contains(Unicode.Scalar(UInt8($0))) }
    }

    /// `GET /v1/me`, the caller identity.
    static let callerIdentity: [PathPart] = [.literal("v1"), .literal("me")]

    /// Builds `/a/b/c` from parts, validating ids. `account` is required when the parts hold ``account``.
    static func build(_ parts: [PathPart], account: String?) throws -> String {
        var path = ""
        for part in parts {
            switch part {
            case .literal(let text): path += "/" + text
            case .account:
                guard let account else { throw AuthPIError.configuration("an account path was built without an account id") }
                path += "/" + encodeSegment(account)
            case .id(let value, let label):
                try validateSegment(value, label: label)
                path += "/" + encodeSegment(value)
            }
        }
        return path
    }
}

extension PathPart {
    /// The real API has no `me` alias for the account: a path under `/v1/accounts/me` is never sent.
    static func refuseMeAlias(_ path: String) throws {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.count >= 4, segments[1] == "v1", segments[2] == "accounts", segments[3].lowercased() == "me" {
            throw AuthPIError.invalidArgument(
                "the API has no /v1/accounts/me alias: use the account id, or {account} to have it resolved through GET /v1/me")
        }
    }

    /// Checks a caller-written path for ``AuthPIClient/send(_:_:query:body:headers:ifMatch:idempotencyKey:options:)``
    /// and puts `account` in place of `{account}`. Each segment is sent as written (already percent-encoded).
    static func raw(_ path: String, account: String?) throws -> String {
        guard path.hasPrefix("/") else { throw AuthPIError.invalidArgument("a request path must start with \"/\", e.g. /v1/me") }
        guard !path.contains(where: { "?#\\".contains($0) || $0.isNewline || $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true })
        else {
            throw AuthPIError.invalidArgument(
                "a request path must not contain ? # \\, spaces or control characters (pass the query as `query`)")
        }
        var segments: [String] = []
        for segment in path.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard !segment.isEmpty, segment != ".", segment != ".." else {
                throw AuthPIError.invalidArgument("a request path must not have empty, \".\" or \"..\" segments")
            }
            if segment == accountPlaceholder {
                guard let account else { throw AuthPIError.configuration("an account path was built without an account id") }
                segments.append(encodeSegment(account))
            } else {
                guard !segment.contains("{"), !segment.contains("}") else {
                    throw AuthPIError.invalidArgument("the only placeholder a request path may hold is \(accountPlaceholder), as a whole segment")
                }
                // Already-encoded text stays as is; anything else outside a segment's characters is encoded.
                segments.append(String(segment).addingPercentEncoding(withAllowedCharacters: rawSegmentAllowed) ?? String(segment))
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    static let rawSegmentAllowed: CharacterSet = segmentAllowed.union(CharacterSet(charactersIn: "%"))

    /// Stands for the account id in a raw request path.
    static let accountPlaceholder = "{account}"
}

/// Query parameters: absent values are not sent; booleans and numbers as their JSON text.
public struct Query: Sendable, Equatable {
    var items: [(name: String, value: String)] = []

    /// An empty query.
    public init() {}

    /// Two queries are equal when they send the same parameters.
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
