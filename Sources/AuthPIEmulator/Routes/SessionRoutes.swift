/// Sessions: the user's list and the issuer-level get / revoke / suspend / reactivate.
/// Valid transitions: revoke from active or suspended; suspend from active; reactivate from suspended.
/// Anything else is 409 `invalid_session_transition` and changes nothing.
enum SessionRoutes {
    static let statuses = ["active", "suspended", "revoked", "expired"]

    static let transitionRules = [FieldRule("reason", .string), FieldRule("compromised", .bool)]

    static func register(_ table: inout RouteTable) {
        table.add("GET", "\(APIRoutes.usr)/sessions", doc: .list([.init("status", .oneOf(statuses))])) { state, request in
            let limit = try ListQuery.limit(request)
            let after = try ListQuery.after(request)
            let status = try ListQuery.oneOf(request, "status", statuses)
            let key = EmulatorState.userKey(request.param("acct"), request.param("iss"), request.param("usr")) + "/sessions"
            let page = (state.collections[key] ?? RecordCollection()).page(after: after, limit: limit) { record in
                status == nil || record.object["status"]?.stringValue == status
            }
            return .list(page.records, hasMore: page.hasMore)
        }
        let base = "\(APIRoutes.iss)/sessions/:session"
        table.add("GET", base) { state, request in
            let (_, record) = try find(state, request)
            return .single(encoded: record.encodedObject, etag: record.etag(for: record.id))
        }
        table.add("POST", "\(base)/revoke", doc: .action(transitionRules, etag: true)) { state, request in
            try transition(&state, request, from: ["active", "suspended"], to: "revoked", event: "session.terminated") { object, body in
                object["revoked_at"] = .int(request.now)
                object["revoked_reason"] = body["reason"] ?? "admin"
                object["status_reason"] = body["reason"] ?? "Revoked by an administrator"
                if body["compromised"]?.boolValue == true {
                    object["compromised"] = true
                    object["compromised_at"] = .int(request.now)
                    object["compromised_reason"] = body["reason"] ?? "reported"
                }
            }
        }
        table.add("POST", "\(base)/suspend", doc: .action(transitionRules, etag: true)) { state, request in
            try transition(&state, request, from: ["active"], to: "suspended", event: "session.updated") { object, body in
                object["status_reason"] = body["reason"] ?? "Suspended by an administrator"
            }
        }
        table.add("POST", "\(base)/reactivate", doc: .action(transitionRules, etag: true)) { state, request in
            try transition(&state, request, from: ["suspended"], to: "active", event: "session.updated") { object, _ in
                object["status_reason"] = .null
            }
        }
    }

    static func find(_ state: EmulatorState, _ request: APIRequest) throws -> (String, Record) {
        let id = request.param("session")
        let prefix = EmulatorState.issuerKey(request.param("acct"), request.param("iss")) + "/users/"
        guard let key = state.locations[id], key.hasPrefix(prefix), key.hasSuffix("/sessions"), let record = state.record(in: key, id: id) else {
            throw APIError.notFound("Session \(id)")
        }
        return (key, record)
    }

    static func transition(
        _ state: inout EmulatorState, _ request: APIRequest, from: Set<String>, to target: String, event: String,
        _ change: (inout [String: JSON], [String: JSON]) -> Void
    ) throws -> APIResponse {
        let (key, current) = try find(state, request)
        let id = current.id
        try state.checkIfMatch(request, current, id: id)
        let body = try request.objectBody(required: false)
        try Validator.check(body, transitionRules, creating: false)
        let status = current.object["status"]?.stringValue ?? ""
        guard from.contains(status) else {
            throw APIError.conflict("Cannot move a session from \(status) to \(target)", code: "invalid_session_transition")
        }
        guard let record = try state.update(in: key, id: id, now: request.now, { object in
            object["status"] = .string(target)
            object["status_at"] = .int(request.now)
            object["status_by"] = .string(UserRoutes.callerName(request.caller))
            change(&object, body)
        }) else { throw APIError.notFound("Session \(id)") }
        let user = record.object["user_id"]?.stringValue
        state.emit(event, account: request.param("acct"), now: request.now, issuer: request.param("iss"), user: user,
                   subject: ["type": "session", "id": .string(id)], data: ["status": .string(target), "previous_status": .string(status)], caller: request.caller)
        return .single(.object(record.object), etag: record.etag(for: id))
    }
}
