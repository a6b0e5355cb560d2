/// Sessions: the user's list and the issuer-level get / revoke / suspend / reactivate, on typed `SessionRecord`s.
/// Valid transitions: revoke from active or suspended; suspend from active; reactivate from suspended.
/// Anything else is 409 `invalid_session_transition` and changes nothing.
enum SessionRoutes {
    static let statuses = ["active", "suspended", "revoked", "expired"]

    static let transitionRules = [FieldRule("reason", .string), FieldRule("compromised", .bool)]

    /// What a transition request asked for.
    struct TransitionBody {
        /// Absent (nil), sent as null (`.some(nil)`) or a string: null clears the reason fields, absent takes the default.
        var reason: String??
        var compromised: Bool

        init(_ body: [String: JSON]) {
            reason = body["reason"].map(\.stringValue)
            compromised = body["compromised"]?.boolValue == true
        }

        func reason(default fallback: String) -> String? { reason ?? fallback }
    }

    static func register(_ table: inout RouteTable) {
        table.add("GET", "\(APIRoutes.usr)/sessions", doc: .list([.init("status", .oneOf(statuses))])) { state, request in
            let limit = try ListQuery.limit(request)
            let after = try ListQuery.after(request)
            let status = try ListQuery.oneOf(request, "status", statuses)
            let key = EmulatorState.sessionsKey(request.param("acct"), request.param("iss"), request.param("usr"))
            let page = (state.sessions[key] ?? UserSessions()).page(after: after, limit: limit) { session in
                status == nil || session.status == status
            }
            return list(page.records, hasMore: page.hasMore)
        }
        let base = "\(APIRoutes.iss)/sessions/:session"
        table.add("GET", base) { state, request in
            let (_, session) = try find(state, request)
            return .single(encoded: session.encoded, etag: session.etag)
        }
        table.add("POST", "\(base)/revoke", doc: .action(transitionRules, etag: true)) { state, request in
            try transition(&state, request, from: ["active", "suspended"], to: "revoked", event: "session.terminated") { session, body in
                session.revokedAt = request.now
                session.revokedReason = body.reason(default: "admin")
                session.statusReason = body.reason(default: "Revoked by an administrator")
                if body.compromised {
                    session.compromised = true
                    session.compromisedAt = request.now
                    session.compromisedReason = body.reason(default: "reported")
                }
            }
        }
        table.add("POST", "\(base)/suspend", doc: .action(transitionRules, etag: true)) { state, request in
            try transition(&state, request, from: ["active"], to: "suspended", event: "session.updated") { session, body in
                session.statusReason = body.reason(default: "Suspended by an administrator")
            }
        }
        table.add("POST", "\(base)/reactivate", doc: .action(transitionRules, etag: true)) { state, request in
            try transition(&state, request, from: ["suspended"], to: "active", event: "session.updated") { session, _ in
                session.statusReason = nil
            }
        }
    }

    /// A list page written straight from the typed sessions.
    static func list(_ sessions: [SessionRecord], hasMore: Bool) -> APIResponse {
        let bytes = JSONWriter.page(
            count: sessions.count, bytesPerItem: 1_100, hasMore: hasMore,
            nextCursor: hasMore ? sessions.last.map { Cursor.encode($0.seq) } : nil
        ) { index, json in sessions[index].write(to: &json) }
        return APIResponse(encoded: .page(bytes))
    }

    /// The session and its key, if it belongs to the issuer in the path.
    static func find(_ state: EmulatorState, _ request: APIRequest) throws -> (String, SessionRecord) {
        let id = request.param("session")
        let prefix = EmulatorState.issuerKey(request.param("acct"), request.param("iss")) + "/users/"
        guard let key = state.locations[id], key.hasPrefix(prefix), key.hasSuffix("/sessions"), let session = state.session(in: key, id: id) else {
            throw APIError.notFound("Session \(id)")
        }
        return (key, session)
    }

    static func transition(
        _ state: inout EmulatorState, _ request: APIRequest, from: Set<String>, to target: String, event: String,
        _ change: (inout SessionRecord, TransitionBody) -> Void
    ) throws -> APIResponse {
        let (key, current) = try find(state, request)
        let id = current.id
        try state.checkIfMatch(request, current: current.etag)
        let body = try request.objectBody(required: false)
        try Validator.check(body, transitionRules, creating: false)
        let status = current.status
        guard from.contains(status) else {
            throw APIError.conflict("Cannot move a session from \(status) to \(target)", code: "invalid_session_transition")
        }
        let asked = TransitionBody(body)
        guard let session = state.updateSession(in: key, id: id, now: request.now, { session in
            session.status = target
            session.statusAt = request.now
            session.statusBy = UserRoutes.callerName(request.caller)
            change(&session, asked)
        }) else { throw APIError.notFound("Session \(id)") }
        state.emit(event, account: request.param("acct"), now: request.now, issuer: request.param("iss"), user: session.userID,
                   subject: ["type": "session", "id": .string(id)], data: ["status": .string(target), "previous_status": .string(status)], caller: request.caller)
        return .single(encoded: session.encoded, etag: session.etag)
    }
}
