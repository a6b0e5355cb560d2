/// Builds the headers of a request. Pure, so it is unit-tested on its own.
enum HeaderBuilder {
    static let protectedNames: Set<String> = ["authorization", "host", "user-agent"]
    static let userAgent = "authpi-admin-swift/\(AuthPIAdminVersion.string)"

    /// Refuses names that are not HTTP tokens (RFC 9110 §5.1) and values with control characters (CR, LF,
    /// NUL, … — a horizontal tab is allowed), which could split a header or be refused by the HTTP stack
    /// after part of the request was built.
    static func validate(name: String, value: String) throws {
        guard isToken(name) else {
            let shown = String(name.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(64))
            throw AuthPIError.invalidArgument("invalid header name \"\(shown)\": only letters, digits and !#$%&'*+-.^_`|~")
        }
        guard !value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) else {
            throw AuthPIError.invalidArgument("the value of header \"\(name)\" contains a line break or control character")
        }
    }

    static func isToken(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                        || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
            }
    }

    /// Headers of one attempt: ours first, then default and per-call headers, which cannot replace
    /// `Authorization`, `Host` or `User-Agent`. A later header replaces an earlier one of the same name.
    static func build(
        authorization: String, hasBody: Bool, defaults: [String: String], perCall: [String: String],
        ifMatch: String?, idempotencyKey: String?
    ) throws -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [
            ("Authorization", authorization), ("Accept", "application/json"), ("User-Agent", userAgent),
        ]
        if hasBody { headers.append(("Content-Type", "application/json")) }

        func set(_ name: String, _ value: String) throws {
            try validate(name: name, value: value)
            let lower = name.lowercased()
            guard !protectedNames.contains(lower) else { return }
            headers.removeAll { HeaderName.equal($0.name, name) }
            headers.append((name, value))
        }
        for (name, value) in defaults.sorted(by: { $0.key < $1.key }) { try set(name, value) }
        for (name, value) in perCall.sorted(by: { $0.key < $1.key }) { try set(name, value) }
        // Empty values are not sent (as 1.4.0): an empty If-Match would be a precondition nothing matches.
        if let ifMatch, !ifMatch.isEmpty { try set("If-Match", ifMatch) }
        if let idempotencyKey, !idempotencyKey.isEmpty { try set("Idempotency-Key", idempotencyKey) }
        return headers
    }
}
