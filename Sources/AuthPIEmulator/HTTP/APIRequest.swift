/// One parsed request as the route handlers see it.
struct APIRequest: Sendable {
    var method: String
    var path: String
    var segments: [String]
    var query: [String: String]
    var body: JSON?
    var ifMatch: String?
    var idempotencyKey: String?
    var caller: Caller
    /// Path parameters by name (`acct` already resolved from `me` under `--compat 0.3`).
    var params: [String: String] = [:]
    /// Receive time, Unix seconds.
    var now: Int
    /// The older contract also accepted (`--compat`), nil for real-API fidelity.
    var compatibility: EmulatorCompatibility? = nil

    func param(_ name: String) -> String { params[name] ?? "" }

    /// The JSON object body, or a 400 when the body is missing or not an object.
    func objectBody(required: Bool = true) throws(APIError) -> [String: JSON] {
        guard let body else {
            if required { throw APIError.badRequest("A JSON object body is required") }
            return [:]
        }
        guard case .object(let object) = body else { throw APIError.badRequest("The body must be a JSON object") }
        return object
    }
}

/// Who is calling, from the Authorization header.
struct Caller: Sendable {
    enum Kind: Sendable { case apiKey(keyID: String), accessToken(tokenID: String, userID: String) }
    var kind: Kind
    /// The accounts this credential may act on, in the order `GET /v1/me` lists them (never empty once authenticated).
    var accountIDs: [String]

    func mayAct(on account: String) -> Bool { accountIDs.contains(account) }
}

/// A successful answer: status, optional JSON body, optional ETag.
struct APIResponse: Sendable {
    var status: Int
    var body: JSON?
    var etag: String?

    /// `{"data": object}` with its ETag.
    static func single(_ object: JSON, etag: String? = nil, status: Int = 200) -> APIResponse {
        APIResponse(status: status, body: ["data": object], etag: etag)
    }
    static func list(_ items: [JSON], hasMore: Bool, nextCursor: String?) -> APIResponse {
        APIResponse(status: 200, body: ["data": .array(items), "has_more": .bool(hasMore), "next_cursor": .str(nextCursor)])
    }
    static let noContent = APIResponse(status: 204, body: nil)
}
