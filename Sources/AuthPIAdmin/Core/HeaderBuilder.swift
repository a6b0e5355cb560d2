/// Builds the headers of a request. Pure, so it is unit-tested on its own.
enum HeaderBuilder {
    static let protectedNames: Set<String> = ["authorization", "host", "user-agent"]
    static let userAgent = "authpi-admin-swift/\(AuthPIAdminVersion.string)"

    /// Refuses names and values that could split a header (CR, LF, NUL) and names that are not tokens.
    static func validate(name: String, value: String) throws {
        let forbidden: (Character) -> Bool = { $0 == "\r" || $0 == "\n" || $0 == "\0" || $0 == "\r\n" }
        guard !name.isEmpty, !name.contains(where: forbidden), !name.contains(where: { $0 == ":" || $0 == " " }) else {
            throw AuthPIError.invalidArgument("invalid header name \"\(name.filter { !forbidden($0) })\"")
        }
        guard !value.contains(where: forbidden) else {
            throw AuthPIError.invalidArgument("the value of header \"\(name)\" contains a line break")
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
            headers.removeAll { $0.name.lowercased() == lower }
            headers.append((name, value))
        }
        for (name, value) in defaults.sorted(by: { $0.key < $1.key }) { try set(name, value) }
        for (name, value) in perCall.sorted(by: { $0.key < $1.key }) { try set(name, value) }
        if let ifMatch { try set("If-Match", ifMatch) }
        if let idempotencyKey { try set("Idempotency-Key", idempotencyKey) }
        return headers
    }
}
