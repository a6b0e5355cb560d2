/// API keys: account keys (1.4.0 and 0.3.0), organization keys (1.4.0) and issuer keys (0.3.0),
/// with block / revoke / rotate / unblock. New keys authenticate with their secret.
enum ApiKeyRoutes {
    static let statuses = ["active", "blocked", "revoked", "expired"]

    static let createRules = [
        FieldRule("name", .nonEmptyString, required: true), FieldRule("description", .string), FieldRule("tags", .stringArray),
        FieldRule("restrictions", .object), FieldRule("expires_at", .int), FieldRule("metadata", .object),
        FieldRule("secret", .string), FieldRule("secret_hint", .string),
    ]
    static let updateRules = [
        FieldRule("name", .nonEmptyString), FieldRule("description", .string), FieldRule("tags", .stringArray),
        FieldRule("restrictions", .object), FieldRule("expires_at", .int), FieldRule("metadata", .object),
        FieldRule("status", .oneOf(["active", "blocked"])), FieldRule("status_reason", .string), FieldRule("status_by", .string),
    ]

    static func resource(key: @escaping @Sendable (APIRequest) -> String) -> CRUD {
        CRUD(
            noun: "API key", idPrefix: "key", event: "api-key", createRules: createRules, updateRules: updateRules,
            filters: [.equals(query: "status", field: "status")], idParam: "key", key: key,
            build: { id, body, request, state in
                var generator = SystemRandomNumberGenerator()
                let secret = body["secret"]?.stringValue ?? "sk_" + Deterministic.hex(generator.next(), width: 16) + Deterministic.hex(generator.next(), width: 16)
                state.apiKeySecrets[id] = secret
                state.apiKeyAccounts[id] = [request.param("acct")]
                var object = Models.apiKey(
                    id: id, account: request.param("acct"), body: body, now: request.now, hint: "…" + String(secret.suffix(4)),
                    org: request.params["org"], issuer: request.params["iss"]
                )
                object["_secret_plain"] = .string(secret)
                return object
            },
            listItem: { object in .object(object.filter { !$0.key.hasPrefix("_") }) },
            createResponse: { object, _ in
                object["secret_plain"] = object["_secret_plain"]
                object["_secret_plain"] = nil
            },
            validate: { body, request, _, creating in
                // PATCH status=blocked would lock every demo client out, as block would.
                if !creating, request.param("key") == EmulatorDemo.apiKeyID, let status = body["status"]?.stringValue, status != "active" {
                    throw APIError.conflict("The emulator's demo key cannot be blocked or revoked", code: "protected_key")
                }
            }
        )
    }

    /// Stored objects keep the plain secret under `_secret_plain` only until the create response.
    static func strip(_ state: inout EmulatorState, key: String, id: String) {
        guard var collection = state.collections[key] else { return }
        collection.patchSilently(id) { $0["_secret_plain"] = nil }
        state.collections[key] = collection
    }

    static func register(_ table: inout RouteTable, base: String, key: @escaping @Sendable (APIRequest) -> String, operations: Set<RouteTable.Operation>) {
        let keys = resource(key: key)
        if operations.contains(.create) {
            table.add("POST", base, doc: .create(createRules)) { state, request in
                var response = try keys.create(&state, request)
                if let id = response.body?["data"]?["id"]?.stringValue {
                    strip(&state, key: key(request), id: id)
                    if case .object(var data) = response.body?["data"] ?? .null {
                        data["_secret_plain"] = nil
                        response.body = ["data": .object(data)]
                    }
                }
                return response
            }
        }
        table.crud(base, keys, operations.subtracting([.create, .delete]))
        if operations.contains(.delete) {
            table.add("DELETE", "\(base)/:key") { state, request in
                guard request.param("key") != EmulatorDemo.apiKeyID else {
                    throw APIError.conflict("The emulator's demo key cannot be deleted", code: "protected_key")
                }
                return try keys.delete(&state, request)
            }
        }
        guard operations.contains(.get) else { return }
        let item = "\(base)/:key"
        table.add("POST", "\(item)/block", doc: .action([FieldRule("reason", .string), FieldRule("status_reason", .string)], etag: true)) { state, request in
            try change(&state, request, key: key(request), from: ["active"], to: "blocked", event: "api-key.blocked")
        }
        table.add("POST", "\(item)/unblock", doc: .action([FieldRule("reason", .string), FieldRule("status_reason", .string)], etag: true)) { state, request in
            try change(&state, request, key: key(request), from: ["blocked"], to: "active", event: "api-key.unblocked")
        }
        table.add("POST", "\(item)/revoke", doc: .action([FieldRule("reason", .string), FieldRule("status_reason", .string)], etag: true)) { state, request in
            try change(&state, request, key: key(request), from: ["active", "blocked"], to: "revoked", event: "api-key.updated")
        }
        table.add("POST", "\(item)/rotate", doc: .action(etag: true)) { state, request in
            let id = request.param("key")
            guard let current = state.record(in: key(request), id: id) else { throw APIError.notFound("API key \(id)") }
            try state.checkIfMatch(request, current, id: id)
            guard current.object["status"]?.stringValue == "active" else {
                throw APIError.conflict("Only an active key can be rotated", code: "invalid_key_state")
            }
            guard id != EmulatorDemo.apiKeyID else { throw APIError.conflict("The emulator's demo key cannot be rotated", code: "protected_key") }
            var generator = SystemRandomNumberGenerator()
            let secret = "sk_" + Deterministic.hex(generator.next(), width: 16) + Deterministic.hex(generator.next(), width: 16)
            state.apiKeySecrets[id] = secret
            let record = try state.update(in: key(request), id: id, now: request.now) { object in
                object["secret"] = ["hint": .string("…" + String(secret.suffix(4))), "created_at": .int(request.now)]
                object["secret_hint"] = .string("…" + String(secret.suffix(4)))
                object["last_rotated_at"] = .int(request.now)
            }
            state.emit("api-key.updated", account: request.param("acct"), now: request.now, subject: ["type": "api_key", "id": .string(id)], caller: request.caller)
            return APIResponse(status: 200, body: ["data": ["secret_plain": .string(secret)]], etag: record?.etag(for: id))
        }
    }

    static func change(_ state: inout EmulatorState, _ request: APIRequest, key: String, from: Set<String>, to target: String, event: String) throws -> APIResponse {
        let id = request.param("key")
        guard let current = state.record(in: key, id: id) else { throw APIError.notFound("API key \(id)") }
        try state.checkIfMatch(request, current, id: id)
        if id == EmulatorDemo.apiKeyID && target != "active" {
            throw APIError.conflict("The emulator's demo key cannot be blocked or revoked", code: "protected_key")
        }
        let status = current.object["status"]?.stringValue ?? ""
        guard from.contains(status) else {
            throw APIError.conflict("Cannot move an API key from \(status) to \(target)", code: "invalid_key_state")
        }
        let body = try request.objectBody(required: false)
        let record = try state.update(in: key, id: id, now: request.now) { object in
            object["status"] = .string(target)
            object["status_at"] = .int(request.now)
            object["status_reason"] = body["reason"] ?? body["status_reason"] ?? .null
            object["status_by"] = .string(UserRoutes.callerName(request.caller))
        }
        state.emit(event, account: request.param("acct"), now: request.now, subject: ["type": "api_key", "id": .string(id)], caller: request.caller)
        return .single(.object(record?.object ?? current.object), etag: record?.etag(for: id))
    }
}
