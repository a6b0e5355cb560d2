/// Users (light list items, 0.3.0 and 1.4.0 create bodies), approvals and the 0.3.0 user actions.
enum UserRoutes {
    static let statuses = ["active", "blocked", "pending"]
    static let usernameTypes = ["email", "phone", "username"]

    static func key(_ request: APIRequest) -> String { EmulatorState.issuerKey(request.param("acct"), request.param("iss")) + "/users" }

    /// `IssuerUsersListItem`: no username or profile, as the real API.
    static func listItem(_ object: [String: JSON]) -> JSON {
        let username = object["username"]?.stringValue ?? ""
        let region = object["profile"]?["timezone"]?.stringValue.map(listRegion(timezone:))
        return [
            "user_id": object["id"] ?? .null, "issuer_id": object["issuer_id"] ?? .null,
            "username_hash": .string(Deterministic.digest(username.lowercased())), "username_type": object["username_type"] ?? "email",
            "status": object["status"] ?? "active", "store_id": .string("st_\(Deterministic.hex(Deterministic.fnv(object["issuer_id"]?.stringValue ?? ""), width: 8))"),
            "region": .str(region ?? "eu-central-1"),
            "created_at": .double(object["created_at"]?.doubleValue ?? 0), "updated_at": .double(object["updated_at"]?.doubleValue ?? object["created_at"]?.doubleValue ?? 0),
        ]
    }

    /// The list item's `region`, from the user's time zone.
    static func listRegion(timezone zone: String) -> String {
        if zone.hasPrefix("America") { return "us-east-1" }
        if zone.hasPrefix("Asia") { return "ap-northeast-1" }
        return "eu-central-1"
    }

    static let profileRules = [FieldRule("first_name", .string), FieldRule("last_name", .string), FieldRule("display_name", .string), FieldRule("email", .email)]

    static func list(_ state: inout EmulatorState, _ request: APIRequest, onlyStatus: String? = nil) throws -> APIResponse {
        let limit = try ListQuery.limit(request)
        let after = try ListQuery.after(request)
        let status = try onlyStatus ?? ListQuery.oneOf(request, "status", statuses)
        let collection = state.collections[key(request)] ?? RecordCollection()
        let virtual = collection.virtual
        let page = collection.pageItems(after: after, limit: limit) { record in
            status == nil || record.object["status"]?.stringValue == status
        } virtualMatches: { index in
            status == nil || virtual?.status(index) == status
        }
        // Generated users are written from their index (or copied, written before); users changed since are stored
        // dictionaries.
        let bytes = JSONWriter.page(
            count: page.items.count, bytesPerItem: 360, hasMore: page.hasMore,
            nextCursor: page.hasMore ? page.items.last.map { Cursor.encode($0.seq) } : nil
        ) { position, json in
            switch page.items[position] {
            case .virtual(let index):
                if let virtual { state.virtualListItems.write(virtual, index: index, to: &json) }
            case .stored(let record):
                json.value(listItem(record.object))
            }
        }
        return APIResponse(encoded: .page(bytes))
    }

    static let createRules = [
        FieldRule("username", .nonEmptyString, required: true), FieldRule("username_type", .oneOf(usernameTypes)),
        FieldRule("email", .email), FieldRule("display_name", .string), FieldRule("status", .oneOf(statuses)),
        FieldRule("profile", .object), FieldRule("scopes", .stringArray), FieldRule("custom_fields", .object), FieldRule("metadata", .object),
        FieldRule("security", .object), FieldRule("preferences", .object),
    ]

    /// 0.3.0's top-level create fields; the real API takes `username_type` + `username` and a `profile` object.
    static let seedCreateFields = ["email", "phone", "display_name", "first_name", "last_name"]

    /// The real body's fields (`username_type`, `username`, `profile{}`…). A missing `username_type` is inferred from
    /// the username, as before: the contract does not say the real API refuses it, only the 0.3.0 top-level fields.
    static let realCreateRules = createRules.filter { !seedCreateFields.contains($0.name) }

    static func create(_ state: inout EmulatorState, _ request: APIRequest) throws -> APIResponse {
        var body = try request.objectBody()
        var profile = body["profile"]?.objectValue ?? [:]
        if request.compatibility == .v0_3 {
            // 0.3.0 bodies: top-level email / display_name.
            if body["username"] == nil, let email = body["email"] {
                body["username"] = email
                if body["username_type"] == nil { body["username_type"] = "email" }
            }
            if let display = body["display_name"], profile["display_name"] == nil { profile["display_name"] = display }
            for name in ["first_name", "last_name"] where body[name] != nil && profile[name] == nil { profile[name] = body[name] }
            try Validator.check(body, createRules, creating: true)
        } else {
            let seedFields = seedCreateFields.filter { body[$0] != nil }
            if !seedFields.isEmpty {
                throw APIError.validation(
                    seedFields.map { field in
                        APIError.FieldError(field: field, code: "unknown_field", message: ["email", "phone"].contains(field)
                            ? "\(field) is not a User create field: send username_type \"\(field)\" and username"
                            : "\(field) is not a User create field: send it inside profile")
                    },
                    message: "The User create body is {\"username_type\", \"username\", \"profile\": {…}}; top-level \(seedFields.joined(separator: ", ")) is the 0.3.0 form"
                )
            }
            try Validator.check(body, realCreateRules, creating: true)
        }
        try Validator.check(profile, profileRules, creating: false)
        let username = body["username"]?.stringValue ?? ""
        let type = body["username_type"]?.stringValue ?? (username.contains("@") ? "email" : (username.hasPrefix("+") ? "phone" : "username"))
        if type == "email", !Validator.isEmail(username) {
            throw APIError.invalidField(body["email"] != nil ? "email" : "username", "invalid_email", "username must be a valid email address")
        }
        let collectionKey = key(request)
        let existing = state.collections[collectionKey]?.materialized { $0.object["username"]?.stringValue?.lowercased() == username.lowercased() } ?? []
        if !existing.isEmpty { throw APIError.conflict("A user with this username already exists", code: "username_taken") }
        let id = state.newID("usr")
        let status = body["status"]?.stringValue ?? "active"
        let object: [String: JSON] = [
            "id": .string(id), "issuer_id": .string(request.param("iss")), "status": .string(status), "status_at": .int(request.now),
            "status_reason": .null, "status_by": .null, "username_type": .string(type), "username": .string(username),
            "profile": .object(profile), "scopes": body["scopes"] ?? [], "security": body["security"] ?? ["mfa_enabled": false, "password_set": false],
            "compliance": [:], "preferences": body["preferences"] ?? [:], "approval": status == "pending" ? ["status": "pending", "requested_at": .int(request.now)] : .null,
            "custom_fields": body["custom_fields"] ?? [:], "metadata": body["metadata"] ?? [:],
            "created_at": .int(request.now), "updated_at": .int(request.now),
        ]
        let record = state.insert(object, into: collectionKey)
        state.emit("user.created", account: request.param("acct"), now: request.now, issuer: request.param("iss"), user: id,
                   subject: ["type": "user", "id": .string(id)], data: ["username_type": .string(type)], caller: request.caller)
        return .single(.object(object), etag: record.etag(for: id), status: 201)
    }

    static func get(_ state: inout EmulatorState, _ request: APIRequest) throws -> APIResponse {
        let id = request.param("usr")
        guard let found = state.collections[key(request)]?.encodedSingle(id) else { throw APIError.notFound("User \(id)") }
        return .single(encoded: found.bytes, etag: Record.etag(id: id, version: found.version))
    }

    static let updateRules = [
        FieldRule("username", .nonEmptyString), FieldRule("status", .oneOf(statuses)), FieldRule("status_reason", .string),
        FieldRule("profile", .object), FieldRule("scopes", .stringArray), FieldRule("custom_fields", .object), FieldRule("metadata", .object),
        FieldRule("security", .object), FieldRule("preferences", .object), FieldRule("compliance", .object), FieldRule("approval", .object),
        FieldRule("email", .email), FieldRule("display_name", .string),
    ]

    static func update(_ state: inout EmulatorState, _ request: APIRequest) throws -> APIResponse {
        let id = request.param("usr")
        let collectionKey = key(request)
        guard let current = state.record(in: collectionKey, id: id) else { throw APIError.notFound("User \(id)") }
        try state.checkIfMatch(request, current, id: id)
        let body = try request.objectBody()
        if request.compatibility != .v0_3 {
            let seedFields = ["email", "display_name"].filter { body[$0] != nil }
            if !seedFields.isEmpty {
                throw APIError.validation(
                    seedFields.map { APIError.FieldError(field: $0, code: "unknown_field", message: $0 == "email" ? "email is not a User field: update username" : "display_name is not a User field: update profile.display_name") },
                    message: "Top-level \(seedFields.joined(separator: ", ")) is the 0.3.0 form; the real API takes username and profile{}"
                )
            }
        }
        try Validator.check(body, updateRules, creating: false)
        if let profile = body["profile"]?.objectValue { try Validator.check(profile, profileRules, creating: false) }
        if current.object["username_type"]?.stringValue == "email", let username = body["username"]?.stringValue, !Validator.isEmail(username) {
            throw APIError.invalidField("username", "invalid_email", "username must be a valid email address")
        }
        let previousStatus = current.object["status"]?.stringValue
        guard let record = try state.update(in: collectionKey, id: id, now: request.now, { object in
            for field in ["username", "status", "status_reason", "scopes"] where body[field] != nil { object[field] = body[field] }
            for field in ["profile", "custom_fields", "metadata", "security", "preferences", "compliance", "approval"] {
                if let value = body[field] { object[field] = Validator.mergePatch(object[field], value) }
            }
            if let email = body["email"], object["username_type"]?.stringValue == "email" { object["username"] = email }
            if let display = body["display_name"] { object["profile"] = Validator.mergePatch(object["profile"], ["display_name": display]) }
            if body["status"] != nil, body["status"]?.stringValue != previousStatus {
                object["status_at"] = .int(request.now)
                object["status_by"] = .string(callerName(request.caller))
            }
        }) else { throw APIError.notFound("User \(id)") }
        let account = request.param("acct")
        let issuer = request.param("iss")
        let newStatus = record.object["status"]?.stringValue
        state.emit("user.updated", account: account, now: request.now, issuer: issuer, user: id, subject: ["type": "user", "id": .string(id)],
                   data: ["changed": JSON.strings(body.keys.sorted())], caller: request.caller)
        if newStatus != previousStatus, newStatus == "blocked" {
            state.emit("user.blocked", account: account, now: request.now, issuer: issuer, user: id, subject: ["type": "user", "id": .string(id)], caller: request.caller)
        } else if newStatus != previousStatus, previousStatus == "blocked" {
            state.emit("user.unblocked", account: account, now: request.now, issuer: issuer, user: id, subject: ["type": "user", "id": .string(id)], caller: request.caller)
        }
        return .single(.object(record.object), etag: record.etag(for: id))
    }

    static func delete(_ state: inout EmulatorState, _ request: APIRequest) throws -> APIResponse {
        let id = request.param("usr")
        let collectionKey = key(request)
        guard let current = state.record(in: collectionKey, id: id) else { throw APIError.notFound("User \(id)") }
        try state.checkIfMatch(request, current, id: id)
        state.remove(from: collectionKey, id: id)
        state.removeChildren(of: collectionKey + "/" + id)
        state.emit("user.deleted", account: request.param("acct"), now: request.now, issuer: request.param("iss"), user: id,
                   subject: ["type": "user", "id": .string(id)], caller: request.caller)
        return .noContent
    }

    static func callerName(_ caller: Caller) -> String {
        switch caller.kind {
        case .apiKey(let keyID): return keyID
        case .accessToken(_, let userID): return userID
        }
    }

    static let approvalDecisions = ["approved", "rejected", "active", "blocked", "pending"]

    static func register(_ table: inout RouteTable) {
        let base = "\(APIRoutes.iss)/users"
        table.add("GET", base, doc: .list([.init("status", .oneOf(statuses))])) { try list(&$0, $1) }
        // The real body only: the 0.3.0 form (top-level email) is accepted under `--compat 0.3` but not documented.
        table.add("POST", base, doc: .create(realCreateRules)) { try create(&$0, $1) }
        table.add("GET", APIRoutes.usr) { try get(&$0, $1) }
        table.add("PATCH", APIRoutes.usr, doc: .update(updateRules)) { try update(&$0, $1) }
        table.add("DELETE", APIRoutes.usr) { try delete(&$0, $1) }

        // Approvals: users waiting in `pending`.
        let approvals = "\(APIRoutes.iss)/approvals"
        table.add("GET", approvals) { try list(&$0, $1, onlyStatus: "pending") }
        table.add("GET", "\(approvals)/:usr") { state, request in try get(&state, request) }
        table.add("PATCH", "\(approvals)/:usr", doc: .update([FieldRule("status", .oneOf(approvalDecisions)), FieldRule("decision", .oneOf(approvalDecisions)), FieldRule("reason", .any)])) { state, request in
            let body = try request.objectBody()
            let decision = body["status"]?.stringValue ?? body["decision"]?.stringValue
            let allowed = approvalDecisions
            guard let decision, allowed.contains(decision) else {
                throw APIError.invalidField("status", "invalid_enum", "status must be one of: \(allowed.joined(separator: ", "))")
            }
            let id = request.param("usr")
            guard let current = state.record(in: key(request), id: id) else { throw APIError.notFound("User \(id)") }
            try state.checkIfMatch(request, current, id: id)
            let approved = decision == "approved" || decision == "active"
            let pending = decision == "pending"
            guard let record = try state.update(in: key(request), id: id, now: request.now, { object in
                object["status"] = .string(pending ? "pending" : (approved ? "active" : "blocked"))
                object["status_at"] = .int(request.now)
                object["approval"] = ["status": .string(pending ? "pending" : (approved ? "approved" : "rejected")), "decided_at": .int(request.now),
                                      "reason": body["reason"] ?? .null]
            }) else { throw APIError.notFound("User \(id)") }
            if !pending {
                state.emit(approved ? "user.approval.approved" : "user.approval.rejected", account: request.param("acct"), now: request.now,
                           issuer: request.param("iss"), user: id, subject: ["type": "user", "id": .string(id)], caller: request.caller)
            }
            return .single(.object(record.object), etag: record.etag(for: id))
        }
    }
}
