/// A resource family served by the generic list/create/get/update/delete handlers.
struct CRUD: Sendable {
    enum Filter: Sendable {
        /// `?query=value` keeps items whose `field` equals value.
        case equals(query: String, field: String)
        /// `?query=true|false` against a boolean field (nested with dots).
        case bool(query: String, field: String)
    }

    var noun: String
    var idPrefix: String
    /// `client` → `client.created` / `client.updated` / `client.deleted`; nil emits nothing.
    var event: String?
    var createRules: [FieldRule]
    var updateRules: [FieldRule]
    var filters: [Filter] = []
    var idParam = "id"
    /// The collection key of the list endpoint for this request.
    var key: @Sendable (APIRequest) -> String
    var build: @Sendable (_ id: String, _ body: [String: JSON], _ request: APIRequest, _ state: inout EmulatorState) throws -> [String: JSON]
    var listItem: (@Sendable ([String: JSON]) -> JSON)? = nil
    /// Adds fields shown only in the create response (secrets).
    var createResponse: (@Sendable (inout [String: JSON], APIRequest) -> Void)? = nil
    /// Checks that need the whole state (uniqueness, references).
    var validate: (@Sendable ([String: JSON], APIRequest, EmulatorState, _ creating: Bool) throws -> Void)? = nil

    /// The list filters as documented query parameters.
    var queryDocs: [RouteDoc.Query] {
        filters.map { filter in
            switch filter {
            case .equals(let query, _): return RouteDoc.Query(query)
            case .bool(let query, _): return RouteDoc.Query(query, .bool)
            }
        }
    }

    func subject(_ id: String) -> [String: JSON] { ["type": .string(noun.lowercased().replacingOccurrences(of: " ", with: "_")), "id": .string(id)] }

    func emit(_ state: inout EmulatorState, _ suffix: String, id: String, request: APIRequest) {
        guard let event else { return }
        state.emit(
            "\(event).\(suffix)", account: request.param("acct"), now: request.now, issuer: request.params["iss"], user: request.params["usr"],
            subject: subject(id), caller: request.caller
        )
    }

    /// `encoded: false` answers with a JSON body, for routes that rewrite the page afterwards.
    func list(_ state: inout EmulatorState, _ request: APIRequest, encoded: Bool = true) throws -> APIResponse {
        let limit = try ListQuery.limit(request)
        let after = try ListQuery.after(request)
        var predicates: [@Sendable ([String: JSON]) -> Bool] = []
        for filter in filters {
            switch filter {
            case .equals(let query, let field):
                if let value = request.query[query] { predicates.append { $0[field]?.stringValue == value } }
            case .bool(let query, let field):
                if let value = try ListQuery.bool(request, query) {
                    predicates.append { object in CRUD.lookup(object, field)?.boolValue ?? false == value }
                }
            }
        }
        let collection = state.collections[key(request)] ?? RecordCollection()
        let page = collection.page(after: after, limit: limit) { record in predicates.allSatisfy { $0(record.object) } }
        if encoded && listItem == nil { return .list(page.records, hasMore: page.hasMore) }
        let items = page.records.map { listItem?($0.object) ?? .object($0.object) }
        return .list(items, hasMore: page.hasMore, nextCursor: page.hasMore ? page.records.last.map { Cursor.encode($0.seq) } : nil)
    }

    static func lookup(_ object: [String: JSON], _ path: String) -> JSON? {
        var current: JSON? = .object(object)
        for part in path.split(separator: ".") { current = current?[String(part)] }
        return current
    }

    func create(_ state: inout EmulatorState, _ request: APIRequest) throws -> APIResponse {
        let body = try request.objectBody()
        try Validator.check(body, createRules, creating: true)
        try validate?(body, request, state, true)
        let id = state.newID(idPrefix)
        var object = try build(id, body, request, &state)
        state.insert(object, into: key(request))
        let record = state.record(in: key(request), id: id)
        emit(&state, "created", id: id, request: request)
        createResponse?(&object, request)
        return .single(.object(object), etag: record?.etag(for: id), status: 201)
    }

    func get(_ state: inout EmulatorState, _ request: APIRequest) throws -> APIResponse {
        let id = request.param(idParam)
        guard let record = state.record(in: key(request), id: id) else { throw APIError.notFound("\(noun) \(id)") }
        return .single(encoded: record.encodedObject, etag: record.etag(for: id))
    }

    func update(_ state: inout EmulatorState, _ request: APIRequest) throws -> APIResponse {
        let id = request.param(idParam)
        guard let current = state.record(in: key(request), id: id) else { throw APIError.notFound("\(noun) \(id)") }
        try state.checkIfMatch(request, current, id: id)
        let body = try request.objectBody()
        try Validator.check(body, updateRules, creating: false)
        try validate?(body, request, state, false)
        let allowed = Set(updateRules.map(\.name))
        guard let record = try state.update(in: key(request), id: id, now: request.now, { object in
            for (field, value) in body where allowed.contains(field) {
                if case .object = value, case .object = object[field] ?? .null {
                    object[field] = Validator.mergePatch(object[field], value)
                } else {
                    object[field] = value
                }
            }
            if body["status"] != nil { object["status_at"] = .int(request.now) }
        }) else { throw APIError.notFound("\(noun) \(id)") }
        emit(&state, "updated", id: id, request: request)
        return .single(.object(record.object), etag: record.etag(for: id))
    }

    func delete(_ state: inout EmulatorState, _ request: APIRequest) throws -> APIResponse {
        let id = request.param(idParam)
        let collectionKey = key(request)
        guard let current = state.record(in: collectionKey, id: id) else { throw APIError.notFound("\(noun) \(id)") }
        try state.checkIfMatch(request, current, id: id)
        state.remove(from: collectionKey, id: id)
        state.removeChildren(of: collectionKey + "/" + id)
        emit(&state, "deleted", id: id, request: request)
        return .noContent
    }
}

extension RouteTable {
    enum Operation: Sendable { case list, create, get, update, delete }

    /// Registers `GET/POST base` and `GET/PATCH/DELETE base/:id`.
    mutating func crud(_ base: String, _ resource: CRUD, _ operations: Set<Operation> = [.list, .create, .get, .update, .delete]) {
        if operations.contains(.list) { add("GET", base, doc: .list(resource.queryDocs)) { try resource.list(&$0, $1) } }
        if operations.contains(.create) { add("POST", base, doc: .create(resource.createRules)) { try resource.create(&$0, $1) } }
        let item = "\(base)/:\(resource.idParam)"
        if operations.contains(.get) { add("GET", item, doc: .read()) { try resource.get(&$0, $1) } }
        if operations.contains(.update) { add("PATCH", item, doc: .update(resource.updateRules)) { try resource.update(&$0, $1) } }
        if operations.contains(.delete) { add("DELETE", item) { try resource.delete(&$0, $1) } }
    }
}
