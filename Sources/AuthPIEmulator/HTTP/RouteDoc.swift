/// What `/openapi.json` says about one route: kept next to the route in the table, so the
/// document is generated from what the emulator serves and cannot drift from it.
struct RouteDoc: Sendable {
    /// A query parameter a handler reads.
    struct Query: Sendable {
        enum Kind: Sendable {
            case string
            case limit
            case bool
            case timestamp
            case oneOf([String])
        }

        let name: String
        let kind: Kind
        let required: Bool

        init(_ name: String, _ kind: Kind = .string, required: Bool = false) {
            self.name = name
            self.kind = kind
            self.required = required
        }
    }

    /// The request body.
    enum Body: Sendable {
        case none
        /// A JSON object checked against these rules; unknown fields are ignored.
        case object([FieldRule], required: Bool)
    }

    /// The success answer.
    enum Success: Sendable {
        /// `{"data": {...}}`; `etag` when the ETag header is always present.
        case single(status: Int, etag: Bool)
        /// `{"data": [...], "has_more", "next_cursor"}`.
        case list
        /// `{"data": [...]}` without paging.
        case array
        /// No body.
        case noContent
    }

    var query: [Query] = []
    var body: Body = .none
    /// At least one of these body fields is required (aliases such as `host` / `domain`).
    var oneOfRequired: [String] = []
    var success: Success
    /// A 0.3.0 alias kept for the old SDK.
    var deprecated = false

    static let paging = [Query("limit", .limit), Query("cursor")]

    /// The document a route gets when it is registered without one: lists page, reads and updates
    /// return the resource with its ETag, deletes return 204, actions return `{"data": …}`.
    static func inferred(method: String, pattern: [RouteTable.Segment]) -> RouteDoc {
        let endsWithParam = if case .param = pattern.last { true } else { false }
        switch method {
        case "GET": return endsWithParam ? RouteDoc(success: .single(status: 200, etag: true)) : RouteDoc(query: paging, success: .list)
        case "PATCH": return RouteDoc(body: .object([], required: true), success: .single(status: 200, etag: true))
        case "DELETE": return RouteDoc(success: .noContent)
        default: return RouteDoc(body: .object([], required: false), success: .single(status: 200, etag: false))
        }
    }

    static func list(_ filters: [Query] = []) -> RouteDoc {
        RouteDoc(query: paging + filters, success: .list)
    }

    static func create(_ rules: [FieldRule], etag: Bool = true, status: Int = 201) -> RouteDoc {
        RouteDoc(body: .object(rules, required: true), success: .single(status: status, etag: etag))
    }

    static func update(_ rules: [FieldRule]) -> RouteDoc {
        RouteDoc(body: .object(rules, required: true), success: .single(status: 200, etag: true))
    }

    static func action(_ rules: [FieldRule] = [], bodyRequired: Bool = false, status: Int = 200, etag: Bool = false) -> RouteDoc {
        RouteDoc(body: .object(rules, required: bodyRequired), success: .single(status: status, etag: etag))
    }

    static func read(etag: Bool = true, query: [Query] = []) -> RouteDoc {
        RouteDoc(query: query, success: .single(status: 200, etag: etag))
    }
}
