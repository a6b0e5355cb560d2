import Foundation

/// Everything the emulator knows. Mutated only under `EmulatorStore`'s lock, so every request
/// sees and changes it atomically: two writers with the same If-Match cannot both win.
struct EmulatorState: Sendable {
    struct AccessToken: Sendable {
        var accountID: String
        var userID: String
        var expiresAt: Double
    }

    struct IdempotentEntry: Sendable {
        var fingerprint: String
        var response: APIResponse?
        var error: APIError?
    }

    struct ArmedFault: Sendable {
        var rule: FaultRule
        var remaining: Int?
    }

    var collections: [String: RecordCollection] = [:]
    /// Typed sessions, by their user's sessions key (see `EmulatorState+Sessions`).
    var sessions: [String: UserSessions] = [:]
    /// Written list items of generated users (see `VirtualListItemCache`).
    var virtualListItems = VirtualListItemCache()
    /// Where each materialized record lives: id → collection key.
    var locations: [String: String] = [:]
    /// Creation sequence for new records; above every virtual user index.
    var nextSeq = 10_000_000
    var idCounter: UInt64 = 0
    /// API key id → secret, for Basic authentication.
    var apiKeySecrets: [String: String] = [:]
    /// API key id → the accounts its identity may act on.
    var apiKeyAccounts: [String: [String]] = [:]
    var accessTokens: [String: AccessToken] = [:]
    /// Plain personal tokens (shown once at creation) → token id, for introspection.
    var plainTokens: [String: String] = [:]
    var idempotency: [String: IdempotentEntry] = [:]
    var faults: [ArmedFault] = []
    var requestLog: [RequestLogEntry] = []
    var requestCount = 0

    static let requestLogLimit = 500
    static let idempotencyLimit = 10_000

    // MARK: Keys

    static func accountKey(_ account: String) -> String { "/v1/accounts/" + account }
    /// Built by appending into one string: requests build several of these to check their parents.
    static func key(_ account: String, _ rest: String...) -> String {
        var key = "/v1/accounts/"
        key.reserveCapacity(13 + account.utf8.count + rest.reduce(0) { $0 + $1.utf8.count + 1 })
        key += account
        for part in rest {
            key += "/"
            key += part
        }
        return key
    }
    static func issuerKey(_ account: String, _ issuer: String) -> String { key(account, "issuers", issuer) }
    static func userKey(_ account: String, _ issuer: String, _ user: String) -> String { key(account, "issuers", issuer, "users", user) }
    static func orgKey(_ account: String, _ issuer: String, _ org: String) -> String { key(account, "issuers", issuer, "organizations", org) }

    // MARK: Records

    mutating func newID(_ prefix: String) -> String {
        idCounter += 1
        return "\(prefix)_\(Deterministic.hex(Deterministic.mix(idCounter ^ 0xE1D), width: 16))"
    }

    mutating func collection(_ key: String) -> RecordCollection {
        collections[key] ?? RecordCollection()
    }

    func record(in key: String, id: String) -> Record? { collections[key]?.get(id) }

    @discardableResult
    mutating func insert(_ object: [String: JSON], into key: String) -> Record {
        nextSeq += 1
        // Mutated in place: copying a large collection per write would make writes O(n).
        collections[key, default: RecordCollection()].append(object, seq: nextSeq)
        let id = object["id"]?.stringValue ?? ""
        locations[id] = key
        return Record(seq: nextSeq, version: 1, object: object)
    }

    /// Applies `change`, bumps the version and keeps `updated_at` strictly increasing.
    @discardableResult
    mutating func update(in key: String, id: String, now: Int, touch: Bool = true, _ change: (inout [String: JSON]) throws -> Void) throws -> Record? {
        guard collections[key] != nil else { return nil }
        return try collections[key]?.update(id) { object in
            try change(&object)
            if touch {
                let previous = object["updated_at"]?.intValue ?? 0
                object["updated_at"] = .int(max(now, previous + 1))
            }
        } ?? nil
    }

    @discardableResult
    mutating func remove(from key: String, id: String) -> Record? {
        guard collections[key] != nil else { return nil }
        let record = collections[key]?.remove(id) ?? nil
        locations[id] = nil
        return record
    }

    /// Drops every collection under a deleted parent.
    mutating func removeChildren(of prefix: String) {
        let doomed = collections.keys.filter { $0.hasPrefix(prefix + "/") }
        for key in doomed {
            if let collection = collections[key] {
                for record in collection.materialized() { locations[record.id] = nil }
            }
            collections[key] = nil
        }
        let doomedSessions = sessions.keys.filter { $0.hasPrefix(prefix + "/") }
        for key in doomedSessions {
            for session in sessions[key]?.records ?? [] { locations[session.id] = nil }
            sessions[key] = nil
        }
    }

    /// 412 unless `If-Match` is absent, `*`, or the record's current ETag.
    func checkIfMatch(_ request: APIRequest, _ record: Record, id: String) throws {
        try checkIfMatch(request, current: record.etag(for: id))
    }

    /// 412 unless `If-Match` is absent, `*`, or `current`.
    func checkIfMatch(_ request: APIRequest, current: String) throws {
        guard let ifMatch = request.ifMatch?.trimmingCharacters(in: .whitespaces), !ifMatch.isEmpty, ifMatch != "*" else { return }
        let candidates = ifMatch.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        func strip(_ tag: String) -> String { tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag }
        if !candidates.contains(where: { strip($0) == current || strip($0) == current.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }) {
            throw APIError.preconditionFailed(current: current)
        }
    }

    // MARK: Events and deliveries

    /// The id of the event recorded last (the control API answers with it).
    var lastEventID: String?

    /// Records an event and a delivery for every active webhook of the account subscribed to it.
    mutating func emit(
        _ type: String, account: String, now: Int, issuer: String? = nil, user: String? = nil, client: String? = nil,
        subject: [String: JSON], data: [String: JSON] = [:], caller: Caller? = nil
    ) {
        let eventID = newID("evt")
        var auth: [String: JSON] = ["type": "api_key", "key_id": .string(EmulatorDemo.apiKeyID)]
        if let caller {
            switch caller.kind {
            case .apiKey(let keyID): auth = ["type": "api_key", "key_id": .string(keyID)]
            case .accessToken(_, let userID): auth = ["type": "user", "user_id": .string(userID)]
            }
        }
        var eventData = data
        if let issuer { eventData["issuer_id"] = .string(issuer) }
        if let user { eventData["user_id"] = .string(user) }
        if let client { eventData["client_id"] = .string(client) }
        let event: [String: JSON] = [
            "spec": "1.0", "id": .string(eventID), "trace": .string("trc_\(Deterministic.hex(Deterministic.mix(idCounter), width: 16))"),
            "type": .string(type), "source": .string(issuer.map { "/issuers/\($0)" } ?? "/accounts/\(account)"),
            "trigger": "api", "auth": .object(auth), "subject": .object(subject), "timestamp": .double(Double(now)),
            "data": .object(eventData),
        ]
        insert(event, into: Self.key(account, "events"))
        lastEventID = eventID
        let webhooks = collections[Self.key(account, "webhooks")]?.all() ?? []
        for webhook in webhooks where webhook.object["status"]?.stringValue == "active" {
            let events = webhook.object["events"]?.arrayValue?.compactMap(\.stringValue) ?? []
            guard events.contains(type) else { continue }
            let webhookID = webhook.id
            let delivery: [String: JSON] = [
                "id": .string(newID("dlv")), "webhook_id": .string(webhookID), "event_id": .string(eventID),
                "event_type": .string(type), "status": "pending", "attempt_count": 0,
                "first_attempted_at": .null, "last_attempted_at": .null, "next_attempt_at": .int(now + 5),
                "retry_workflow_id": .null, "attempt_budget": 8, "last_error": .null, "last_response_status": .null,
                "created_at": .int(now), "updated_at": .int(now),
            ]
            insert(delivery, into: Self.key(account, "webhooks", webhookID, "deliveries"))
        }
    }
}
