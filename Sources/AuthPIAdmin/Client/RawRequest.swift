/// The answer of ``AuthPIClient/send(_:_:query:body:headers:ifMatch:idempotencyKey:options:)``: the JSON body
/// as sent (nil for 204 or an empty body) and its `ETag`.
public struct RawResponse: Sendable {
    /// The body, not unwrapped: a single resource arrives as `{"data": {...}}`.
    public var json: JSONValue?
    /// The `ETag` header of the answer, when it sent one.
    public var etag: String?

    /// The body with a sole-key `{"data": X}` envelope removed (X), else the body itself.
    public var data: JSONValue? { json.map(ClientCore.unwrapData) }
}

extension AuthPIClient {
    /// The account-path placeholder of ``send(_:_:query:body:headers:ifMatch:idempotencyKey:options:)``:
    /// `"/v1/accounts/{account}/credits/ledger"` goes to the configured or resolved account.
    public static let accountPlaceholder = PathPart.accountPlaceholder

    /// Sends any request through the client's own machinery: the same credential (and refresh), account
    /// resolution, retries (GET, HEAD and OPTIONS only), error mapping and secret scrubbing as the accessors.
    /// For endpoints the SDK does not wrap yet, like 1.4.0's `admin.http.request`.
    ///
    /// ```
    /// let ledger = try await client.send("GET", "/v1/accounts/{account}/credits/ledger", query: ["limit": "10"])
    /// ```
    ///
    /// - Parameters:
    ///   - method: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `HEAD` or `OPTIONS`.
    ///   - path: starts with `/v1`; `{account}` as a whole segment stands for the account id; no `?`, `#`, `.` or `..`
    ///     segments, and never `/v1/accounts/me` (the API has no such alias).
    ///   - query: sent sorted by name; percent-encoded by the client.
    ///   - body: the JSON body, sent with `Content-Type: application/json`; none when `nil`.
    ///   - headers: extra headers (`Authorization`, `Host` and `User-Agent` cannot be set).
    ///   - ifMatch: sent as `If-Match` when not empty.
    ///   - idempotencyKey: sent as `Idempotency-Key` when not empty.
    ///   - options: a per-call timeout and extra headers.
    /// - Returns: the body as sent and its `ETag`.
    public func send(
        _ method: String, _ path: String, query: [String: String] = [:], body: (any RequestBody)? = nil,
        headers: [String: String] = [:], ifMatch: String? = nil, idempotencyKey: String? = nil,
        options: RequestOptions = .none
    ) async throws -> RawResponse {
        guard let verb = HTTPMethodName(rawValue: method.uppercased()) else {
            throw AuthPIError.invalidArgument("unsupported HTTP method \"\(method.prefix(16))\": use GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS")
        }
        _ = try await core.auth.snapshot()  // a closed client fails before resolving anything
        let needsAccount = path.split(separator: "/").contains { $0 == PathPart.accountPlaceholder }
        let account = needsAccount ? try await core.accountID() : nil
        let pathText = try PathPart.raw(path, account: account)
        var perCall = options
        for (name, value) in headers { perCall.headers[name] = value }
        var queryItems = Query()
        for (name, value) in query.sorted(by: { $0.key < $1.key }) { queryItems.add(name, value) }
        let result = try await core.execute(
            verb, pathText, query: queryItems, body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey,
            options: perCall)
        return RawResponse(json: result.body, etag: result.etag)
    }
}
