/// Every `/v1` route of the AuthPI Core API (billing excluded), 1.4.0 layout plus the 0.3.0 paths.
enum APIRoutes {
    static let acct = "/v1/accounts/:acct"
    static let iss = "\(acct)/issuers/:iss"
    static let usr = "\(iss)/users/:usr"

    static let table: RouteTable = {
        var table = RouteTable()
        IdentityRoutes.register(&table)
        IssuerRoutes.register(&table)
        UserRoutes.register(&table)
        SessionRoutes.register(&table)
        ExtraRoutes.register(&table)
        return table
    }()
}

enum IdentityRoutes {
    static let accountRules = [FieldRule("name", .nonEmptyString), FieldRule("metadata", .object), FieldRule("features", .object), FieldRule("owner_user_id", .string)]

    static func register(_ table: inout RouteTable) {
        table.add("GET", "/v1/me", doc: .read(etag: false)) { state, request in
            let accounts = request.caller.accountIDs
            var identity: [String: JSON] = [
                "accounts": .array(accounts.map { ["account_id": .string($0), "org_id": .string("org_\($0)"), "scopes": ["*"]] }),
                "organizations": .array(accounts.map { ["org_id": .string("org_\($0)"), "scopes": ["*"]] }),
            ]
            switch request.caller.kind {
            case .apiKey(let keyID):
                identity["type"] = "api_key"
                identity["key_id"] = .string(keyID)
            case .accessToken(_, let userID):
                identity["type"] = "user"
                identity["user_id"] = .string(userID)
                identity["issuer_id"] = .string(Seed.platformIssuerID)
            }
            return .single(.object(identity))
        }
        table.add("GET", "/v1/accounts") { state, request in
            let limit = try ListQuery.limit(request)
            let after = try ListQuery.after(request)
            let collection = state.collections["/v1/accounts"] ?? RecordCollection()
            let page = collection.page(after: after, limit: limit) { request.caller.mayAct(on: $0.id) }
            return .list(page.records.map { account(state, $0.object) }, hasMore: page.hasMore,
                         nextCursor: page.hasMore ? page.records.last.map { Cursor.encode($0.seq) } : nil)
        }
        table.add("GET", APIRoutes.acct) { state, request in
            let id = request.param("acct")
            guard let record = state.record(in: "/v1/accounts", id: id) else { throw APIError.notFound("Account \(id)") }
            return .single(account(state, record.object), etag: record.etag(for: id))
        }
        table.add("PATCH", APIRoutes.acct, doc: .update(accountRules)) { state, request in
            let id = request.param("acct")
            guard let current = state.record(in: "/v1/accounts", id: id) else { throw APIError.notFound("Account \(id)") }
            try state.checkIfMatch(request, current, id: id)
            let body = try request.objectBody()
            try Validator.check(body, accountRules, creating: false)
            guard let record = try state.update(in: "/v1/accounts", id: id, now: request.now, { object in
                if let name = body["name"] { object["organization"]?["name"] = name }
                if let metadata = body["metadata"] { object["metadata"] = Validator.mergePatch(object["metadata"], metadata) }
                if let features = body["features"] { object["features"] = Validator.mergePatch(object["features"], features) }
                if let owner = body["owner_user_id"] { object["owner_user_id"] = owner }
            }) else { throw APIError.notFound("Account \(id)") }
            state.emit("account.updated", account: id, now: request.now, subject: ["type": "account", "id": .string(id)], caller: request.caller)
            return .single(account(state, record.object), etag: record.etag(for: id))
        }
    }

    /// The account with its domains list filled from the domains collection.
    static func account(_ state: EmulatorState, _ object: [String: JSON]) -> JSON {
        var result = object
        let id = object["id"]?.stringValue ?? ""
        result["domains"] = .array((state.collections[EmulatorState.key(id, "domains")]?.all() ?? []).map { .object($0.object) })
        return .object(result)
    }
}

enum IssuerRoutes {
    static let statuses = ["active", "disabled", "suspended"]

    static let issuers = CRUD(
        noun: "Issuer", idPrefix: "iss", event: "issuer",
        createRules: [
            FieldRule("name", .nonEmptyString, required: true), FieldRule("description", .string), FieldRule("links", .object),
            FieldRule("available_scopes", .stringArray), FieldRule("status", .oneOf(statuses)), FieldRule("settings", .object), FieldRule("metadata", .object),
        ],
        updateRules: [
            FieldRule("name", .nonEmptyString), FieldRule("description", .string), FieldRule("links", .object),
            FieldRule("available_scopes", .stringArray), FieldRule("status", .oneOf(statuses)), FieldRule("settings", .object), FieldRule("metadata", .object),
        ],
        filters: [.equals(query: "status", field: "status")],
        idParam: "iss",
        key: { EmulatorState.key($0.param("acct"), "issuers") },
        build: { id, body, request, state in
            let object = Models.issuer(id: id, account: request.param("acct"), body: body, now: request.now)
            state.collections[EmulatorState.issuerKey(request.param("acct"), id) + "/users"] = RecordCollection()
            return object
        }
    )

    static func register(_ table: inout RouteTable) {
        let base = "\(APIRoutes.acct)/issuers"
        table.add("GET", base, doc: .list([.init("status"), .init("access_mode"), .init("readiness"), .init("q")])) { state, request in
            let limit = try ListQuery.limit(request)
            let after = try ListQuery.after(request)
            let account = request.param("acct")
            let status = request.query["status"]
            let accessMode = request.query["access_mode"]
            let readiness = request.query["readiness"]
            let q = request.query["q"]?.lowercased()
            let collection = state.collections[EmulatorState.key(account, "issuers")] ?? RecordCollection()
            let snapshot = state
            let page = collection.page(after: after, limit: limit) { record in
                let item = listItem(snapshot, account: account, record.object)
                if let status, item["status"]?.stringValue != status { return false }
                if let accessMode, item["access_mode"]?.stringValue != accessMode { return false }
                if let readiness, item["readiness"]?.stringValue != readiness { return false }
                if let q, !(item["name"]?.stringValue?.lowercased().contains(q) ?? false) && !(item["id"]?.stringValue?.contains(q) ?? false) { return false }
                return true
            }
            return .list(page.records.map { .object(listItem(snapshot, account: account, $0.object)) }, hasMore: page.hasMore,
                         nextCursor: page.hasMore ? page.records.last.map { Cursor.encode($0.seq) } : nil)
        }
        table.crud(base, issuers, [.create, .get, .update, .delete])
    }

    static func listItem(_ state: EmulatorState, account: String, _ object: [String: JSON]) -> [String: JSON] {
        var item = object
        let id = object["id"]?.stringValue ?? ""
        let methods = state.collections[EmulatorState.issuerKey(account, id) + "/auth-methods"]?.all() ?? []
        let settings = object["settings"]?.objectValue ?? [:]
        item["access_mode"] = settings["access"]?["mode"] ?? .null
        item["auth_method_count"] = .int(methods.count)
        item["enabled_login_method_count"] = .int(methods.filter { $0.object["login_enabled"]?.boolValue ?? false }.count)
        item["enabled_signup_method_count"] = .int(methods.filter { $0.object["signup_enabled"]?.boolValue ?? false }.count)
        item["available_scope_count"] = .int(object["available_scopes"]?.arrayValue?.count ?? 0)
        let branding = settings["branding"]?.objectValue ?? [:]
        item["branding_configured"] = .bool(!branding.isEmpty)
        item["readiness"] = .string(methods.isEmpty ? "needs_auth_method" : (object["status"]?.stringValue == "active" ? "ready" : "inactive"))
        return item
    }
}
