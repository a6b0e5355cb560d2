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
    /// A body already written to JSON bytes by a typed record or a record's kept encoding.
    enum Encoded: Sendable {
        /// A single resource's object: the envelope `{"data": …}` is added when rendering (or not, for 0.x clients).
        case single([UInt8])
        /// A whole list page, envelope included.
        case page([UInt8])
    }

    var status: Int
    /// The JSON body; for an encoded answer it is parsed from the bytes (only routes that rewrite an answer read it).
    var body: JSON? {
        get {
            switch encoded {
            case nil: return json
            case .single(let bytes): return (try? JSON.parse(bytes)).map { ["data": $0] }
            case .page(let bytes): return try? JSON.parse(bytes)
            }
        }
        set {
            json = newValue
            encoded = nil
        }
    }
    var etag: String?
    private(set) var json: JSON?
    private(set) var encoded: Encoded?

    init(status: Int, body: JSON?, etag: String? = nil) {
        self.status = status
        self.json = body
        self.etag = etag
    }

    init(status: Int = 200, encoded: Encoded, etag: String? = nil) {
        self.status = status
        self.encoded = encoded
        self.etag = etag
    }

    /// `{"data": object}` with its ETag.
    static func single(_ object: JSON, etag: String? = nil, status: Int = 200) -> APIResponse {
        APIResponse(status: status, body: ["data": object], etag: etag)
    }
    /// A single resource from its JSON bytes.
    static func single(encoded bytes: [UInt8], etag: String?) -> APIResponse {
        APIResponse(encoded: .single(bytes), etag: etag)
    }
    static func list(_ items: [JSON], hasMore: Bool, nextCursor: String?) -> APIResponse {
        APIResponse(status: 200, body: ["data": .array(items), "has_more": .bool(hasMore), "next_cursor": .str(nextCursor)])
    }
    /// A list page of stored records, written from their kept encodings.
    static func list(_ records: [Record], hasMore: Bool) -> APIResponse {
        let bytes = JSONWriter.page(
            count: records.count, bytesPerItem: records.first?.encoded?.count ?? 256, hasMore: hasMore,
            nextCursor: hasMore ? records.last.map { Cursor.encode($0.seq) } : nil
        ) { index, json in json.bytes(records[index].encodedObject) }
        return APIResponse(encoded: .page(bytes))
    }
    static let noContent = APIResponse(status: 204, body: nil)
}
