/// Account-level families: personal tokens, domains, webhooks and deliveries, events, notes.
enum AccountRoutes {
    static let webhookEventTypes = [
        "session.created", "session.updated", "session.expired", "session.terminated", "session.compromised", "session.token-refreshed",
        "machine.token.issued", "user.created", "user.updated", "user.deleted", "user.blocked", "user.unblocked",
        "user.verification.succeeded", "user.verification.failed", "user.password.changed", "user.password.reset-requested",
        "user.password.reset", "user.login-link.requested", "user.login-link.consumed", "user.verifier.created", "user.verifier.updated",
        "user.verifier.deleted", "user.email.change-requested", "user.email.changed", "user.email.verified", "user.approval.requested",
        "user.approval.approved", "user.approval.rejected", "user.mfa.factor-created", "user.mfa.factor-deleted",
        "user.mfa.backup-codes.regenerated", "user.mfa.backup-codes.low", "user.mfa.verification.succeeded", "user.mfa.verification.failed",
        "user.device.trusted", "user.device.revoked", "user.consent.granted", "user.consent.revoked", "user.sso.provisioned", "user.sso.linked",
        "user.personal-token.created", "user.personal-token.updated", "user.personal-token.deleted", "client.created", "client.updated",
        "client.deleted", "client.secret.rotated", "client.blocked", "client.unblocked", "api-key.created", "api-key.updated",
        "api-key.deleted", "api-key.blocked", "api-key.unblocked", "issuer.created", "issuer.updated", "issuer.deleted",
        "issuer.auth-method.created", "issuer.auth-method.updated", "issuer.auth-method.deleted", "organization.created",
        "organization.updated", "organization.deleted", "organization.suspended", "organization.reactivated",
        "organization.membership.created", "organization.membership.updated", "organization.membership.deleted",
        "organization.group.created", "organization.group.updated", "organization.group.deleted", "organization.invitation.created",
        "organization.invitation.accepted", "organization.invitation.declined", "organization.invitation.deleted",
        "organization.sso.enabled", "organization.sso.disabled", "organization.sso.updated", "organization.sso.domain-created",
        "organization.sso.domain-verified", "organization.sso.domain-deleted", "agent.created", "agent.updated", "agent.deleted",
        "agent.verifier.added", "agent.verifier.removed", "account.created", "account.updated", "account.deleted",
        "account.domain.assigned", "account.domain.unassigned", "account.domain.added", "account.domain.removed",
        "account.credits.depleted", "account.credits.updated", "webhook.created", "webhook.updated", "webhook.deleted", "webhook.paused",
        "webhook.resumed", "email.sent", "email.failed", "auth.flow.rate-limited", "auth.flow.expired", "auth.flow.replay-attempt",
        "auth.flow.device-mismatch",
    ]

    static func register(_ table: inout RouteTable) {
        registerTokens(&table)
        registerDomains(&table, base: "\(APIRoutes.acct)/domains")
        table.registeringLegacy = true
        registerDomains(&table, base: "\(APIRoutes.iss)/domains")
        table.registeringLegacy = false
        registerWebhooks(&table)
        registerEvents(&table)
        registerNotes(&table)
    }

    // MARK: Personal tokens by id

    static func findToken(_ state: EmulatorState, _ request: APIRequest) throws -> (String, Record) {
        let id = request.param("token")
        let prefix = EmulatorState.accountKey(request.param("acct")) + "/"
        guard let key = state.locations[id], key.hasPrefix(prefix), key.hasSuffix("/tokens"), let record = state.record(in: key, id: id) else {
            throw APIError.notFound("Token \(id)")
        }
        return (key, record)
    }

    static func registerTokens(_ table: inout RouteTable) {
        let base = "\(APIRoutes.acct)/tokens/:token"
        table.add("GET", base) { state, request in
            let (_, record) = try findToken(state, request)
            return .single(.object(record.object), etag: record.etag(for: record.id))
        }
        table.add("DELETE", base) { state, request in
            let (key, record) = try findToken(state, request)
            try state.checkIfMatch(request, record, id: record.id)
            state.remove(from: key, id: record.id)
            state.emit("user.personal-token.deleted", account: request.param("acct"), now: request.now, issuer: record.object["issuer_id"]?.stringValue,
                       user: record.object["user_id"]?.stringValue, subject: ["type": "token", "id": .string(record.id)], caller: request.caller)
            return .noContent
        }
        table.add("POST", "\(base)/revoke", doc: .action([FieldRule("reason", .string)], etag: true)) { state, request in
            let (key, current) = try findToken(state, request)
            try state.checkIfMatch(request, current, id: current.id)
            guard current.object["status"]?.stringValue == "active" else {
                throw APIError.conflict("Only an active token can be revoked", code: "invalid_token_state")
            }
            let body = try request.objectBody(required: false)
            let record = try state.update(in: key, id: current.id, now: request.now) { object in
                object["status"] = "revoked"
                object["status_at"] = .int(request.now)
                object["status_reason"] = body["reason"] ?? .null
            }
            state.emit("user.personal-token.updated", account: request.param("acct"), now: request.now, issuer: current.object["issuer_id"]?.stringValue,
                       user: current.object["user_id"]?.stringValue, subject: ["type": "token", "id": .string(current.id)], caller: request.caller)
            return .single(.object(record?.object ?? current.object), etag: record?.etag(for: current.id))
        }
    }

    // MARK: Domains

    static func domainsKey(_ request: APIRequest) -> String { EmulatorState.key(request.param("acct"), "domains") }

    static func accountResponse(_ state: EmulatorState, _ request: APIRequest) -> APIResponse {
        let id = request.param("acct")
        let record = state.record(in: "/v1/accounts", id: id)
        return .single(IdentityRoutes.account(state, record?.object ?? [:]), etag: record?.etag(for: id))
    }

    static func registerDomains(_ table: inout RouteTable, base: String) {
        table.add("GET", base, doc: .list()) { state, request in
            let limit = try ListQuery.limit(request, default: ListQuery.maximumLimit)
            let after = try ListQuery.after(request)
            let issuer = request.params["iss"]
            let page = (state.collections[domainsKey(request)] ?? RecordCollection()).page(after: after, limit: limit) { record in
                issuer == nil || record.object["assigned_issuer_id"]?.stringValue == issuer
            }
            return .list(page.records.map { .object($0.object) }, hasMore: page.hasMore, nextCursor: page.hasMore ? page.records.last.map { Cursor.encode($0.seq) } : nil)
        }
        var createDoc = RouteDoc.create([FieldRule("host", .nonEmptyString), FieldRule("domain", .nonEmptyString), FieldRule("primary", .bool)])
        createDoc.oneOfRequired = ["host", "domain"]
        table.add("POST", base, doc: createDoc) { state, request in
            var body = try request.objectBody()
            if body["host"] == nil, let domain = body["domain"] { body["host"] = domain }
            try Validator.check(body, [FieldRule("host", .nonEmptyString, required: true), FieldRule("primary", .bool)], creating: true)
            let host = (body["host"]?.stringValue ?? "").lowercased()
            guard isHostname(host) else { throw APIError.invalidField("host", "invalid_hostname", "host must be a domain name such as login.example.com") }
            guard state.record(in: domainsKey(request), id: host) == nil else { throw APIError.conflict("Domain \(host) already exists", code: "domain_exists") }
            state.insert(Models.domain(host: host, now: request.now, primary: body["primary"]?.boolValue ?? false, issuer: request.params["iss"]), into: domainsKey(request))
            touchAccount(&state, request)
            state.emit("account.domain.added", account: request.param("acct"), now: request.now, subject: ["type": "domain", "id": .string(host)], caller: request.caller)
            var response = accountResponse(state, request)
            response.status = 201
            return response
        }
        table.add("DELETE", "\(base)/:domain") { state, request in
            let host = request.param("domain").lowercased()
            guard let record = state.record(in: domainsKey(request), id: host) else { throw APIError.notFound("Domain \(host)") }
            try state.checkIfMatch(request, record, id: host)
            state.remove(from: domainsKey(request), id: host)
            touchAccount(&state, request)
            state.emit("account.domain.removed", account: request.param("acct"), now: request.now, subject: ["type": "domain", "id": .string(host)], caller: request.caller)
            return .noContent
        }
        let issuerScoped = base.contains("/:iss/")
        table.add("POST", "\(base)/:domain/assign", doc: .action([FieldRule("issuer_id", .nonEmptyString, required: !issuerScoped)], bodyRequired: !issuerScoped, etag: true)) { state, request in
            let body = try request.objectBody(required: request.params["iss"] == nil)
            try Validator.check(body, [FieldRule("issuer_id", .nonEmptyString, required: request.params["iss"] == nil)], creating: true)
            let issuer = request.params["iss"] ?? body["issuer_id"]?.stringValue ?? ""
            guard state.record(in: EmulatorState.key(request.param("acct"), "issuers"), id: issuer) != nil else {
                throw APIError.invalidField("issuer_id", "not_found", "Issuer \(issuer) does not exist")
            }
            return try changeDomain(&state, request, event: "account.domain.assigned") { object in
                object["assigned_issuer_id"] = .string(issuer)
                object["assigned_at"] = .int(request.now)
            }
        }
        table.add("POST", "\(base)/:domain/unassign", doc: .action(etag: true)) { state, request in
            try changeDomain(&state, request, event: "account.domain.unassigned") { object in
                object["assigned_issuer_id"] = .null
                object["assigned_at"] = .null
            }
        }
        table.add("POST", "\(base)/:domain/verify", doc: .action(etag: true)) { state, request in
            try changeDomain(&state, request, event: nil) { object in
                object["verified"] = true
                object["cf_status"] = "active"
            }
        }
    }

    static func isHostname(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, host.count <= 253 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    static func touchAccount(_ state: inout EmulatorState, _ request: APIRequest) {
        _ = try? state.update(in: "/v1/accounts", id: request.param("acct"), now: request.now) { _ in }
    }

    static func changeDomain(_ state: inout EmulatorState, _ request: APIRequest, event: String?, _ change: (inout [String: JSON]) -> Void) throws -> APIResponse {
        let host = request.param("domain").lowercased()
        guard let record = state.record(in: domainsKey(request), id: host) else { throw APIError.notFound("Domain \(host)") }
        try state.checkIfMatch(request, record, id: host)
        try state.update(in: domainsKey(request), id: host, now: request.now, touch: false) { change(&$0) }
        touchAccount(&state, request)
        if let event {
            state.emit(event, account: request.param("acct"), now: request.now, subject: ["type": "domain", "id": .string(host)], caller: request.caller)
        }
        return accountResponse(state, request)
    }

    // MARK: Webhooks

    static let webhookStatuses = ["active", "paused", "disabled"]
    /// Webhook auth types the real API takes: 1.4.0 creates webhooks with `{"type": "signature"}` (signed
    /// deliveries) and shows no other. The signing secret is returned once, at creation.
    static let authTypes = ["signature"]
    static let authShape = FieldRule.Kind.shape([FieldRule("type", .oneOf(authTypes), required: true)])

    static let webhooks = CRUD(
        noun: "Webhook", idPrefix: "wh", event: "webhook",
        createRules: [
            FieldRule("name", .nonEmptyString, required: true), FieldRule("description", .string), FieldRule("url", .url, required: true),
            FieldRule("status", .oneOf(webhookStatuses)), FieldRule("auth", authShape, required: true), FieldRule("events", .listOf(webhookEventTypes), required: true),
            FieldRule("subjects", .array), FieldRule("retry", .object), FieldRule("circuit_breaker", .object), FieldRule("metadata", .object),
        ],
        updateRules: [
            FieldRule("name", .nonEmptyString), FieldRule("description", .string), FieldRule("url", .url), FieldRule("status", .oneOf(webhookStatuses)),
            FieldRule("status_reason", .string), FieldRule("status_by", .string), FieldRule("auth", authShape), FieldRule("events", .listOf(webhookEventTypes)),
            FieldRule("subjects", .array), FieldRule("retry", .object), FieldRule("circuit_breaker", .object), FieldRule("metadata", .object),
        ],
        filters: [.equals(query: "status", field: "status")], idParam: "wh",
        key: { EmulatorState.key($0.param("acct"), "webhooks") },
        build: { id, body, request, _ in Models.webhook(id: id, account: request.param("acct"), body: body, now: request.now) },
        createResponse: { object, _ in
            if object["auth"]?["type"]?.stringValue == "signature" {
                var generator = SystemRandomNumberGenerator()
                object["auth"]?["secret"] = .string("whsec_" + Deterministic.hex(generator.next(), width: 16) + Deterministic.hex(generator.next(), width: 16))
            }
        }
    )

    static func registerWebhooks(_ table: inout RouteTable) {
        let base = "\(APIRoutes.acct)/webhooks"
        table.add("PATCH", "\(base)/:wh", doc: .update(webhooks.updateRules)) { state, request in
            let response = try webhooks.update(&state, request)
            guard let type = request.body?["auth"]?["type"] else { return response }
            // The list item's auth_type follows auth.type.
            let key = EmulatorState.key(request.param("acct"), "webhooks")
            var collection = state.collection(key)
            collection.patchSilently(request.param("wh")) { $0["auth_type"] = type }
            state.collections[key] = collection
            let record = state.record(in: key, id: request.param("wh"))
            return .single(.object(record?.object ?? [:]), etag: record?.etag(for: request.param("wh")))
        }
        table.crud(base, webhooks, [.list, .create, .get, .delete])

        let deliveries = "\(base)/:wh/deliveries"
        table.add("GET", deliveries, doc: .list([.init("after", .timestamp), .init("before", .timestamp), .init("event_type"), .init("status")])) { state, request in
            let limit = try ListQuery.limit(request)
            let cursor = try ListQuery.after(request)
            let after = try ListQuery.timestamp(request, "after")
            let before = try ListQuery.timestamp(request, "before")
            let type = request.query["event_type"]
            let status = request.query["status"]
            let key = EmulatorState.key(request.param("acct"), "webhooks", request.param("wh"), "deliveries")
            let page = (state.collections[key] ?? RecordCollection()).pageNewestFirst(before: cursor, limit: limit) { record in
                let created = record.object["created_at"]?.doubleValue ?? 0
                if let type, record.object["event_type"]?.stringValue != type { return false }
                if let status, record.object["status"]?.stringValue != status { return false }
                if let after, created < after { return false }
                if let before, created >= before { return false }
                return true
            }
            return .list(page.records.map { .object($0.object) }, hasMore: page.hasMore, nextCursor: page.hasMore ? page.records.last.map { Cursor.encode($0.seq) } : nil)
        }
        table.add("POST", "\(deliveries)/:delivery/redeliver", doc: .action(etag: true)) { state, request in
            let key = EmulatorState.key(request.param("acct"), "webhooks", request.param("wh"), "deliveries")
            let id = request.param("delivery")
            guard let current = state.record(in: key, id: id) else { throw APIError.notFound("Delivery \(id)") }
            try state.checkIfMatch(request, current, id: id)
            let record = try redeliver(&state, key: key, id: id, now: request.now)
            var object = record.object
            object["success"] = true
            return .single(.object(object), etag: record.etag(for: id))
        }
        table.add("POST", "\(base)/:wh/redeliver", doc: .action([FieldRule("delivery_ids", .stringArray), FieldRule("event_ids", .stringArray), FieldRule("status", .string),
                                                                     FieldRule("after", .number), FieldRule("before", .number)], status: 202)) { state, request in
            let body = try request.objectBody(required: false)
            try Validator.check(body, [FieldRule("delivery_ids", .stringArray), FieldRule("event_ids", .stringArray), FieldRule("status", .string),
                                       FieldRule("after", .number), FieldRule("before", .number)], creating: false)
            let key = EmulatorState.key(request.param("acct"), "webhooks", request.param("wh"), "deliveries")
            let ids = body["delivery_ids"]?.arrayValue?.compactMap(\.stringValue)
            let events = body["event_ids"]?.arrayValue?.compactMap(\.stringValue)
            let status = body["status"]?.stringValue ?? ((ids == nil && events == nil) ? "failed" : nil)
            let matching = (state.collections[key]?.all() ?? []).filter { record in
                if let ids, !ids.contains(record.id) { return false }
                if let events, !events.contains(record.object["event_id"]?.stringValue ?? "") { return false }
                if let status, record.object["status"]?.stringValue != status { return false }
                let created = record.object["created_at"]?.doubleValue ?? 0
                if let after = body["after"]?.doubleValue, created < after { return false }
                if let before = body["before"]?.doubleValue, created >= before { return false }
                return true
            }.prefix(1_000)
            var redelivered: [JSON] = []
            for record in matching {
                _ = try redeliver(&state, key: key, id: record.id, now: request.now)
                redelivered.append(.string(record.id))
            }
            return APIResponse(status: 202, body: ["data": ["redelivered_count": .int(redelivered.count), "delivery_ids": .array(redelivered)]])
        }
    }

    /// One more attempt, which the emulator's receiver always accepts.
    static func redeliver(_ state: inout EmulatorState, key: String, id: String, now: Int) throws -> Record {
        guard let record = try state.update(in: key, id: id, now: now, { object in
            let attempts = (object["attempt_count"]?.intValue ?? 0) + 1
            object["attempt_count"] = .int(attempts)
            if object["first_attempted_at"]?.isNull ?? true { object["first_attempted_at"] = .int(now) }
            object["last_attempted_at"] = .int(now)
            object["next_attempt_at"] = .null
            object["status"] = "succeeded"
            object["last_response_status"] = 200
            object["last_error"] = .null
        }) else { throw APIError.notFound("Delivery \(id)") }
        return record
    }

    // MARK: Events

    static func eventFilter(_ request: APIRequest) throws -> @Sendable (Record) -> Bool {
        let issuer = request.query["issuer_id"]
        let user = request.query["user_id"]
        let client = request.query["client_id"]
        let types = request.query["event_types"].map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
        let after = try ListQuery.timestamp(request, "after")
        let before = try ListQuery.timestamp(request, "before")
        return { record in
            let object = record.object
            if let types, !types.contains(object["type"]?.stringValue ?? "") { return false }
            if let issuer, object["data"]?["issuer_id"]?.stringValue != issuer { return false }
            if let user, object["data"]?["user_id"]?.stringValue != user && object["subject"]?["id"]?.stringValue != user { return false }
            if let client, object["data"]?["client_id"]?.stringValue != client && object["subject"]?["id"]?.stringValue != client { return false }
            let time = object["timestamp"]?.doubleValue ?? 0
            if let after, time < after { return false }
            if let before, time >= before { return false }
            return true
        }
    }

    static let eventQueries: [RouteDoc.Query] = [
        .init("issuer_id"), .init("user_id"), .init("client_id"), .init("event_types"), .init("after", .timestamp), .init("before", .timestamp),
    ]

    static func registerEvents(_ table: inout RouteTable) {
        let base = "\(APIRoutes.acct)/events"
        table.add("GET", base, doc: .list(eventQueries)) { state, request in
            let limit = try ListQuery.limit(request)
            let after = try ListQuery.after(request)
            let filter = try eventFilter(request)
            let page = (state.collections[EmulatorState.key(request.param("acct"), "events")] ?? RecordCollection()).pageNewestFirst(before: after, limit: limit, filter: filter)
            return .list(page.records.map { .object($0.object) }, hasMore: page.hasMore, nextCursor: page.hasMore ? page.records.last.map { Cursor.encode($0.seq) } : nil)
        }
        table.add("GET", "\(base)/aggregate", doc: .read(etag: false, query: eventQueries + [
            .init("group_by", .oneOf(["type", "issuer_id", "user_id", "client_id", "source"])), .init("interval", .oneOf(["hour", "day", "week", "month"])),
            .init("count_unique", .oneOf(["user_id", "issuer_id", "client_id"])),
        ])) { state, request in
            let filter = try eventFilter(request)
            let groupBy = try ListQuery.oneOf(request, "group_by", ["type", "issuer_id", "user_id", "client_id", "source"])
            let interval = try ListQuery.oneOf(request, "interval", ["hour", "day", "week", "month"])
            let unique = try ListQuery.oneOf(request, "count_unique", ["user_id", "issuer_id", "client_id"])
            let seconds = ["hour": 3_600, "day": 86_400, "week": 604_800, "month": 2_592_000][interval ?? ""]
            var buckets: [String: (start: Int?, key: String?, count: Int, unique: Set<String>)] = [:]
            for record in state.collections[EmulatorState.key(request.param("acct"), "events")]?.all(filter: filter) ?? [] {
                let object = record.object
                let time = Int(object["timestamp"]?.doubleValue ?? 0)
                let start = seconds.map { time - time % $0 }
                let key: String? = groupBy.map { field in
                    field == "type" || field == "source" ? (object[field]?.stringValue ?? "") : (object["data"]?[field]?.stringValue ?? "")
                }
                let bucketKey = "\(start ?? 0)|\(key ?? "")"
                var bucket = buckets[bucketKey] ?? (start, key, 0, [])
                bucket.count += 1
                if let unique, let value = object["data"]?[unique]?.stringValue { bucket.unique.insert(value) }
                buckets[bucketKey] = bucket
            }
            let sorted = buckets.values.sorted { ($0.start ?? 0, $0.key ?? "") < ($1.start ?? 0, $1.key ?? "") }
            let items: [JSON] = sorted.map { bucket in
                var item: [String: JSON] = ["count": .int(bucket.count)]
                if let start = bucket.start { item["start"] = .int(start) }
                if let key = bucket.key { item["key"] = .string(key) }
                if unique != nil { item["unique_count"] = .int(bucket.unique.count) }
                return .object(item)
            }
            return APIResponse(status: 200, body: ["data": ["interval": .str(interval), "group_by": .str(groupBy), "buckets": .array(items)]])
        }
        table.add("GET", "\(base)/:event") { state, request in
            let id = request.param("event")
            guard let record = state.record(in: EmulatorState.key(request.param("acct"), "events"), id: id) else { throw APIError.notFound("Event \(id)") }
            return .single(.object(record.object), etag: record.etag(for: id))
        }
    }

    // MARK: Notes

    static let subjectTypes = ["user", "org", "issuer", "client", "agent"]

    static let notes = CRUD(
        noun: "Note", idPrefix: "note", event: nil,
        createRules: [
            FieldRule("subject_type", .oneOf(subjectTypes), required: true), FieldRule("subject_id", .nonEmptyString, required: true),
            FieldRule("issuer_id", .string), FieldRule("content", .nonEmptyString, required: true), FieldRule("pinned", .bool), FieldRule("references", .array),
        ],
        updateRules: [FieldRule("content", .nonEmptyString), FieldRule("pinned", .bool)],
        filters: [
            .equals(query: "subject_type", field: "subject_type"), .equals(query: "subject_id", field: "subject_id"),
            .equals(query: "issuer_id", field: "issuer_id"), .equals(query: "created_by", field: "created_by"), .bool(query: "pinned", field: "pinned"),
        ],
        idParam: "note",
        key: { EmulatorState.key($0.param("acct"), "notes") },
        build: { id, body, request, _ in
            Models.note(id: id, account: request.param("acct"), body: body, createdBy: UserRoutes.callerName(request.caller), now: request.now)
        }
    )

    static func registerNotes(_ table: inout RouteTable) {
        let base = "\(APIRoutes.acct)/notes"
        table.add("GET", "\(base)/backlinks", doc: RouteDoc(query: [.init("limit", .limit), .init("ref_type"), .init("ref_id", required: true)], success: .array)) { state, request in
            let limit = try ListQuery.limit(request)
            let type = request.query["ref_type"]
            guard let id = request.query["ref_id"], !id.isEmpty else { throw APIError.badRequest("ref_id is required", field: "ref_id") }
            let found = state.collections[EmulatorState.key(request.param("acct"), "notes")]?.all { record in
                (record.object["references"]?.arrayValue ?? []).contains { ref in
                    ref["ref_id"]?.stringValue == id && (type == nil || ref["ref_type"]?.stringValue == type)
                } || (record.object["mentions"]?.arrayValue ?? []).contains { $0["mentioned_user_id"]?.stringValue == id }
            } ?? []
            return APIResponse(status: 200, body: ["data": .array(found.prefix(limit).map { .object($0.object) })])
        }
        table.add("GET", "\(base)/count", doc: .read(etag: false, query: [.init("subject_type"), .init("subject_id")])) { state, request in
            let type = request.query["subject_type"]
            let subject = request.query["subject_id"]
            let count = state.collections[EmulatorState.key(request.param("acct"), "notes")]?.all { record in
                (type == nil || record.object["subject_type"]?.stringValue == type) && (subject == nil || record.object["subject_id"]?.stringValue == subject)
            }.count ?? 0
            return APIResponse(status: 200, body: ["data": ["count": .int(count)]])
        }
        table.add("GET", base, doc: .list(notes.queryDocs + [.init("mentions_user_id")])) { state, request in
            var response = try notes.list(&state, request, encoded: request.query["mentions_user_id"] == nil)
            if let mentioned = request.query["mentions_user_id"], case .array(let items) = response.body?["data"] ?? .null {
                let kept = items.filter { ($0["mentions"]?.arrayValue ?? []).contains { $0["mentioned_user_id"]?.stringValue == mentioned } }
                response.body?["data"] = .array(kept)
            }
            return response
        }
        table.add("PATCH", "\(base)/:note", doc: .update(notes.updateRules)) { state, request in
            var response = try notes.update(&state, request)
            let key = EmulatorState.key(request.param("acct"), "notes")
            let id = request.param("note")
            let record = try state.update(in: key, id: id, now: request.now, touch: false) { object in
                object["updated_by"] = .string(UserRoutes.callerName(request.caller))
                object["updated_at"] = .double(Double(max(request.now, Int(object["updated_at"]?.doubleValue ?? 0) + 1)))
            }
            response = .single(.object(record?.object ?? [:]), etag: record?.etag(for: id))
            return response
        }
        table.crud(base, notes, [.create, .get, .delete])
    }
}

import Foundation
