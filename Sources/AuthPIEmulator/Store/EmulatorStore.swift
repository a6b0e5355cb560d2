import Foundation
import Synchronization

/// The emulator's state behind one lock: each request's auth, checks and write run as one step, as one critical
/// section on the request's own thread. (It was an actor: three hops per request, each a possible thread switch,
/// cost more CPU than the store's own work on a small request.) Route handlers are synchronous and short.
final class EmulatorStore: Sendable {
    let routes: RouteTable
    private let contents: Mutex<EmulatorStoreContents>

    init(seed: EmulatorSeed, users: Int?, faults: [FaultRule], routes: RouteTable, compatibility: EmulatorCompatibility? = nil) {
        self.routes = routes
        contents = Mutex(EmulatorStoreContents(seed: seed, users: users, faults: faults, compatibility: compatibility))
    }

    func reset() { contents.withLock { $0.reset() } }
    func addFault(_ rule: FaultRule) { contents.withLock { $0.addFault(rule) } }
    func clearFaults() { contents.withLock { $0.clearFaults() } }
    var faults: JSON { contents.withLock { $0.faults } }
    func takeFault(method: String, path: String) -> FaultRule? { contents.withLock { $0.takeFault(method: method, path: path) } }
    func log(_ entry: RequestLogEntry) { contents.withLock { $0.log(entry) } }
    func requests(limit: Int) -> JSON { contents.withLock { $0.requests(limit: limit) } }
    func expireAccessToken(_ token: String) -> Bool { contents.withLock { $0.expireAccessToken(token) } }

    func appendEvents(_ items: [JSON], account: String, now: Int) throws(APIError) -> [String] {
        try contents.withLock { (contents) throws(APIError) in try contents.appendEvents(items, account: account, now: now) }
    }

    func mintAccessToken(account: String, ttl: Int, userID: String?) throws(APIError) -> (String, Double) {
        let minted = try contents.withLock { (contents) throws(APIError) in
            let (token, expiresAt) = try contents.mintAccessToken(account: account, ttl: ttl, userID: userID)
            return MintedToken(token: token, expiresAt: expiresAt)
        }
        return (minted.token, minted.expiresAt)
    }

    private struct MintedToken: Sendable {
        var token: String
        var expiresAt: Double
    }

    func authenticate(_ authorization: String?) throws(APIError) -> Caller {
        try contents.withLock { (contents) throws(APIError) in try contents.authenticate(authorization) }
    }

    /// Authenticates, checks the account and parents, applies idempotency and runs the handler.
    func handle(
        route: RouteTable.Route, params: [String: String], request: APIRequest, authorization: String?
    ) -> Result<APIResponse, APIError> {
        contents.withLock { $0.handle(route: route, params: params, request: request, authorization: authorization) }
    }

    /// `trimmingCharacters(in: .whitespaces)`, without Foundation when neither end can be white space (a space or a
    /// tab in ASCII): the usual header, on every request.
    static func trimmingWhitespace(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        func plain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") }
        return plain(first) && plain(last) ? text : text.trimmingCharacters(in: .whitespaces)
    }
}

/// What `EmulatorStore`'s lock guards; every method here runs with the lock held.
struct EmulatorStoreContents: Sendable {
    private var state: EmulatorState
    private let seed: EmulatorSeed
    private let users: Int?
    private let compatibility: EmulatorCompatibility?

    init(seed: EmulatorSeed, users: Int?, faults: [FaultRule], compatibility: EmulatorCompatibility?) {
        self.seed = seed
        self.compatibility = compatibility
        self.users = users
        var state = Seed.build(seed: seed, users: users)
        state.faults = faults.map { EmulatorState.ArmedFault(rule: $0, remaining: $0.count) }
        self.state = state
    }

    // MARK: Control API

    /// Restores the seed; clears faults and idempotency records, keeps access tokens and the request log.
    mutating func reset() {
        var fresh = Seed.build(seed: seed, users: users)
        fresh.accessTokens = state.accessTokens
        fresh.requestLog = state.requestLog
        fresh.requestCount = state.requestCount
        state = fresh
    }

    mutating func addFault(_ rule: FaultRule) { state.faults.append(.init(rule: rule, remaining: rule.count)) }
    mutating func clearFaults() { state.faults.removeAll() }
    var faults: JSON {
        .array(state.faults.map { fault in
            var json = fault.rule.json
            json["remaining"] = .num(fault.remaining)
            return json
        })
    }

    /// The first armed fault matching the request, consuming one of its uses.
    mutating func takeFault(method: String, path: String) -> FaultRule? {
        guard let index = state.faults.firstIndex(where: { $0.rule.matches(method: method, path: path) }) else { return nil }
        let rule = state.faults[index].rule
        if let remaining = state.faults[index].remaining {
            if remaining <= 1 { state.faults.remove(at: index) } else { state.faults[index].remaining = remaining - 1 }
        }
        return rule
    }

    mutating func log(_ entry: RequestLogEntry) {
        state.requestCount += 1
        state.requestLog.append(entry)
        if state.requestLog.count > EmulatorState.requestLogLimit {
            state.requestLog.removeFirst(state.requestLog.count - EmulatorState.requestLogLimit)
        }
    }

    /// Records events as if something had happened `ago_seconds` ago (control API): for tests and demos of
    /// following and charting. Each item: `type` (required), `ago_seconds` (0…2,592,000, default 0), `issuer_id`,
    /// `user_id`, `subject` (an object). Returns the new events' ids, in order.
    mutating func appendEvents(_ items: [JSON], account: String, now: Int) throws(APIError) -> [String] {
        guard (1...1_000).contains(items.count) else { throw .badRequest("between 1 and 1000 events are required", field: "events") }
        var checked: [(type: String, at: Int, issuer: String?, user: String?, subject: [String: JSON])] = []
        for (index, item) in items.enumerated() {
            guard let type = item["type"]?.stringValue, !type.isEmpty, type.count <= 100 else {
                throw .invalidField("events[\(index)].type", "invalid", "type must be a non-empty string of at most 100 characters")
            }
            let agoValue = item["ago_seconds"] ?? .int(0)
            guard let ago = agoValue.intValue, agoValue.boolValue == nil, (0...2_592_000).contains(ago) else {
                throw .invalidField("events[\(index)].ago_seconds", "invalid", "ago_seconds must be an integer between 0 and 2592000")
            }
            let user = item["user_id"]?.stringValue
            let subject = item["subject"]?.objectValue ?? (user.map { ["type": "user", "id": .string($0)] } ?? ["type": "account", "id": .string(account)])
            checked.append((type, now - ago, item["issuer_id"]?.stringValue, user, subject))
        }
        return checked.map { event in
            state.emit(event.type, account: account, now: event.at, issuer: event.issuer, user: event.user, subject: event.subject)
            return state.lastEventID ?? ""
        }
    }

    func requests(limit: Int) -> JSON {
        .array(state.requestLog.suffix(limit).map(\.json))
    }

    mutating func mintAccessToken(account: String, ttl: Int, userID: String?) throws(APIError) -> (String, Double) {
        guard state.collections["/v1/accounts"]?.get(account) != nil else { throw APIError.notFound("Account \(account)") }
        var generator = SystemRandomNumberGenerator()
        let token = "tok_" + (0..<3).map { _ in Deterministic.hex(generator.next(), width: 16) }.joined()
        let expiresAt = Date().timeIntervalSince1970 + Double(ttl)
        state.accessTokens[token] = .init(accountID: account, userID: userID ?? "usr_console_admin", expiresAt: expiresAt)
        return (token, expiresAt)
    }

    mutating func expireAccessToken(_ token: String) -> Bool {
        guard state.accessTokens[token] != nil else { return false }
        state.accessTokens[token]?.expiresAt = 0
        return true
    }

    // MARK: API requests

    mutating func authenticate(_ authorization: String?) throws(APIError) -> Caller {
        guard let authorization = authorization.map(EmulatorStore.trimmingWhitespace), !authorization.isEmpty else {
            throw APIError.unauthorized("Missing Authorization header", code: "missing_credentials")
        }
        let parts = authorization.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw APIError.unauthorized("Malformed Authorization header", code: "invalid_credentials") }
        let scheme = parts[0].lowercased()
        let value = EmulatorStore.trimmingWhitespace(parts[1])
        if scheme == "basic" {
            let (keyID, secret) = try basicCredentials(value)
            guard let expected = state.apiKeySecrets[keyID], expected == secret, let accounts = state.apiKeyAccounts[keyID], !accounts.isEmpty else {
                throw APIError.unauthorized("Invalid API key id or secret", code: "invalid_credentials")
            }
            try requireActiveKey(keyID)
            return Caller(kind: .apiKey(keyID: keyID), accountIDs: accounts)
        }
        guard scheme == "bearer" else { throw APIError.unauthorized("Unsupported authorization scheme", code: "invalid_credentials") }
        if value.hasPrefix("key_") {
            // The seed SDK's single-string key: only `--compat 0.3` accepts it, as the real API never did.
            guard compatibility == .v0_3 else { throw APIError.apiKeyAsBearer }
            guard state.apiKeySecrets[value] != nil, let accounts = state.apiKeyAccounts[value], !accounts.isEmpty else {
                throw APIError.unauthorized("Unknown API key", code: "invalid_credentials")
            }
            try requireActiveKey(value)
            return Caller(kind: .apiKey(keyID: value), accountIDs: accounts)
        }
        guard let token = state.accessTokens[value] else {
            throw APIError.unauthorized("Invalid access token", code: "invalid_token")
        }
        guard token.expiresAt > Date().timeIntervalSince1970 else {
            throw APIError.unauthorized("The access token has expired", code: "token_expired")
        }
        return Caller(kind: .accessToken(tokenID: value, userID: token.userID), accountIDs: [token.accountID])
    }

    /// Decoded Basic credentials by header value: a client sends the same header on every request, and decoding it
    /// is a visible share of a small request. Bounded; only the decoding is remembered, every check still runs.
    private var decodedBasic: [String: (keyID: String, secret: String)] = [:]

    private mutating func basicCredentials(_ value: String) throws(APIError) -> (keyID: String, secret: String) {
        if let known = decodedBasic[value] { return known }
        guard let data = Data(base64Encoded: value), let decoded = String(data: data, encoding: .utf8),
            let colon = decoded.firstIndex(of: ":")
        else { throw APIError.unauthorized("Malformed Basic credentials", code: "invalid_credentials") }
        let credentials = (keyID: String(decoded[..<colon]), secret: String(decoded[decoded.index(after: colon)...]))
        if decodedBasic.count >= 64 { decodedBasic.removeAll(keepingCapacity: true) }
        decodedBasic[value] = credentials
        return credentials
    }

    private func requireActiveKey(_ keyID: String) throws(APIError) {
        guard let key = state.locations[keyID], let record = state.record(in: key, id: keyID) else { return }
        let status = record.object["status"]?.stringValue ?? "active"
        if status != "active" { throw APIError.unauthorized("This API key is \(status)", code: "key_inactive") }
    }

    /// Authenticates, checks the account and parents, applies idempotency and runs the handler.
    mutating func handle(
        route: RouteTable.Route, params: [String: String], request partial: APIRequest, authorization: String?
    ) -> Result<APIResponse, APIError> {
        do {
            var request = partial
            request.caller = try authenticate(authorization)
            request.params = params
            try resolveScope(&request)
            guard ["POST", "PATCH"].contains(request.method), let key = request.idempotencyKey, !key.isEmpty else {
                return .success(try route.handler(&state, request))
            }
            let scopeKey = "\(request.params["acct"] ?? request.caller.accountIDs.joined(separator: ",")) \(request.method) \(request.path) \(key)"
            let fingerprint = request.body?.serializedString ?? ""
            if let entry = state.idempotency[scopeKey] {
                guard entry.fingerprint == fingerprint else {
                    throw APIError(
                        status: 409, code: "idempotency_key_reused",
                        message: "This Idempotency-Key was already used with a different request body"
                    )
                }
                if let response = entry.response { return .success(response) }
                if let error = entry.error { return .failure(error) }
            }
            // A long-running emulator must not grow without bound; old keys simply stop replaying.
            if state.idempotency.count >= EmulatorState.idempotencyLimit { state.idempotency.removeAll(keepingCapacity: true) }
            do {
                let response = try route.handler(&state, request)
                state.idempotency[scopeKey] = .init(fingerprint: fingerprint, response: response)
                return .success(response)
            } catch let error as APIError {
                state.idempotency[scopeKey] = .init(fingerprint: fingerprint, error: error)
                throw error
            }
        } catch let error as APIError {
            return .failure(error)
        } catch {
            return .failure(APIError(status: 500, code: "internal_error", message: "Unexpected emulator error"))
        }
    }

    /// Resolves `me` (only under `--compat 0.3`), refuses other accounts, and 404s when a parent in the path does not exist.
    private func resolveScope(_ request: inout APIRequest) throws(APIError) {
        guard let account = request.params["acct"] else { return }
        if account == "me" && compatibility != .v0_3 { throw APIError.noMeAlias }
        // Under `--compat 0.3`, `me` stands for the credential's first account (0.3.0's alias).
        let resolved = account == "me" ? (request.caller.accountIDs.first ?? "") : account
        guard request.caller.mayAct(on: resolved) else {
            throw APIError.forbidden("This credential may not act on account \(account)")
        }
        request.params["acct"] = resolved
        if let issuer = request.params["iss"] {
            guard state.record(in: EmulatorState.key(resolved, "issuers"), id: issuer) != nil else { throw APIError.notFound("Issuer \(issuer)") }
            if let user = request.params["usr"],
                !(state.collections[EmulatorState.issuerKey(resolved, issuer) + "/users"]?.contains(user) ?? false)
            {
                throw APIError.notFound("User \(user)")
            }
            if let org = request.params["org"],
                state.record(in: EmulatorState.issuerKey(resolved, issuer) + "/organizations", id: org) == nil
            {
                throw APIError.notFound("Organization \(org)")
            }
            if let agent = request.params["agent"],
                state.record(in: EmulatorState.issuerKey(resolved, issuer) + "/agents", id: agent) == nil
            {
                throw APIError.notFound("Agent \(agent)")
            }
        }
        if let webhook = request.params["wh"], state.record(in: EmulatorState.key(resolved, "webhooks"), id: webhook) == nil {
            throw APIError.notFound("Webhook \(webhook)")
        }
    }
}
