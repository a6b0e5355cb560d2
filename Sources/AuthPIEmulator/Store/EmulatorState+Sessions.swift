/// The state's typed session store: sessions live in `sessions` by their user's sessions key
/// (`…/users/<id>/sessions`), which `locations` gives for a session id, like every other record's collection key.
extension EmulatorState {
    static func sessionsKey(_ account: String, _ issuer: String, _ user: String) -> String {
        userKey(account, issuer, user) + "/sessions"
    }

    /// Adds a session with the next creation sequence (shared with every other record, so cursors stay comparable).
    @discardableResult
    mutating func insertSession(_ session: SessionRecord, into key: String) -> SessionRecord {
        nextSeq += 1
        var session = session
        session.seq = nextSeq
        session.version = 1
        // Mutated in place: copying a user's sessions per write would make writes O(n).
        sessions[key, default: UserSessions()].append(session)
        locations[session.id] = key
        return session
    }

    func session(in key: String, id: String) -> SessionRecord? { sessions[key]?.get(id) }

    /// Applies `change`, bumps the version and keeps `updated_at` strictly increasing (as `update(in:id:now:)`).
    mutating func updateSession(in key: String, id: String, now: Int, _ change: (inout SessionRecord) throws -> Void) rethrows -> SessionRecord? {
        guard sessions[key] != nil else { return nil }
        return try sessions[key]?.update(id) { session in
            try change(&session)
            session.version += 1
            session.updatedAt = max(now, session.updatedAt + 1)
        } ?? nil
    }
}
