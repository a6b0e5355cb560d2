/// `{acct}/issuers`.
public struct Issuers: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(
        limit: Int? = nil, cursor: String? = nil, q: String? = nil, status: String? = nil, accessMode: String? = nil,
        readiness: String? = nil, options: RequestOptions = .none
    ) async throws -> Page<IssuerListItem> {
        var query = Query()
        query.add("q", q)
        query.add("status", status)
        query.add("access_mode", accessMode)
        query.add("readiness", readiness)
        query.add("limit", limit)
        query.add("cursor", cursor)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(
        limit: Int? = nil, q: String? = nil, status: String? = nil, accessMode: String? = nil,
        readiness: String? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead
    ) -> PageSequence<IssuerListItem> {
        PageSequence(fetching: fetching) { cursor in
            try await list(
                limit: limit, cursor: cursor, q: q, status: status, accessMode: accessMode, readiness: readiness,
                options: options)
        }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Issuer> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Issuer> {
        try await core.object(.get, path + [.id(id, label: "issuer id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Issuer> {
        try await core.object(.patch, path + [.id(id, label: "issuer id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "issuer id")], ifMatch: ifMatch, options: options)
    }
}

/// `{acct}/webhooks`.
public struct Webhooks: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(limit: Int? = nil, cursor: String? = nil, status: String? = nil, options: RequestOptions = .none) async throws -> Page<Webhook> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("status", status)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(limit: Int? = nil, status: String? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<Webhook> {
        PageSequence(fetching: fetching) { cursor in try await list(limit: limit, cursor: cursor, status: status, options: options) }
    }

    /// Creates a webhook; the answer carries its secrets once (in `auth`).
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Webhook> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Webhook> {
        try await core.object(.get, path + [.id(id, label: "webhook id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Webhook> {
        try await core.object(.patch, path + [.id(id, label: "webhook id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "webhook id")], ifMatch: ifMatch, options: options)
    }
}

/// `{acct}/events`.
public struct Events: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// `after` / `before` are Unix seconds; `eventTypes` are sent comma-separated.
    public func list(
        limit: Int? = nil, cursor: String? = nil, issuerID: String? = nil, userID: String? = nil,
        clientID: String? = nil, eventTypes: [String]? = nil, after: Double? = nil, before: Double? = nil,
        options: RequestOptions = .none
    ) async throws -> Page<Event> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("issuer_id", issuerID)
        query.add("user_id", userID)
        query.add("client_id", clientID)
        query.add("event_types", eventTypes)
        query.add("after", after)
        query.add("before", before)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(
        limit: Int? = nil, issuerID: String? = nil, userID: String? = nil, clientID: String? = nil,
        eventTypes: [String]? = nil, after: Double? = nil, before: Double? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead
    ) -> PageSequence<Event> {
        PageSequence(fetching: fetching) { cursor in
            try await list(
                limit: limit, cursor: cursor, issuerID: issuerID, userID: userID, clientID: clientID,
                eventTypes: eventTypes, after: after, before: before, options: options)
        }
    }

    /// Aggregate: `GET …/aggregate`.
    public func aggregate(
        issuerID: String? = nil, userID: String? = nil, clientID: String? = nil, eventTypes: [String]? = nil,
        after: Double? = nil, before: Double? = nil, groupBy: String? = nil, interval: String? = nil,
        countUnique: String? = nil, options: RequestOptions = .none
    ) async throws -> Versioned<Resource> {
        var query = Query()
        query.add("issuer_id", issuerID)
        query.add("user_id", userID)
        query.add("client_id", clientID)
        query.add("event_types", eventTypes)
        query.add("after", after)
        query.add("before", before)
        query.add("group_by", groupBy)
        query.add("interval", interval)
        query.add("count_unique", countUnique)
        return try await core.object(.get, path + [.literal("aggregate")], query: query, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Event> {
        try await core.object(.get, path + [.id(id, label: "event id")], options: options)
    }
}

/// `{acct}/api-keys`.
public struct AccountAPIKeys: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(
        limit: Int? = nil, cursor: String? = nil, q: String? = nil, status: String? = nil, access: String? = nil,
        readiness: String? = nil, options: RequestOptions = .none
    ) async throws -> Page<APIKey> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("q", q)
        query.add("status", status)
        query.add("access", access)
        query.add("readiness", readiness)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(
        limit: Int? = nil, q: String? = nil, status: String? = nil, access: String? = nil, readiness: String? = nil,
        options: RequestOptions = .none, fetching: PageFetching = .readAhead
    ) -> PageSequence<APIKey> {
        PageSequence(fetching: fetching) { cursor in
            try await list(limit: limit, cursor: cursor, q: q, status: status, access: access, readiness: readiness, options: options)
        }
    }

    /// Creates a key; the answer carries its secret once.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<APIKey> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<APIKey> {
        try await core.object(.get, path + [.id(id, label: "key id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<APIKey> {
        try await core.object(.patch, path + [.id(id, label: "key id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "key id")], ifMatch: ifMatch, options: options)
    }

    /// Block: `POST …/{id}/block`. The answer carries the new ETag.
    public func block(_ id: String, _ body: JSONObject = [:], ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<APIKey> {
        try await action(id, "block", body, ifMatch, idempotencyKey, options)
    }

    /// Revoke: `POST …/{id}/revoke`. The answer carries the new ETag.
    public func revoke(_ id: String, _ body: JSONObject = [:], ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<APIKey> {
        try await action(id, "revoke", body, ifMatch, idempotencyKey, options)
    }

    /// Rotates the secret; the answer carries the new secret once.
    public func rotate(_ id: String, _ body: JSONObject = [:], ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<APIKey> {
        try await action(id, "rotate", body, ifMatch, idempotencyKey, options)
    }

    /// Unblock: `POST …/{id}/unblock`. The answer carries the new ETag.
    public func unblock(_ id: String, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<APIKey> {
        try await action(id, "unblock", nil, ifMatch, idempotencyKey, options)
    }

    private func action(_ id: String, _ name: String, _ body: JSONObject?, _ ifMatch: String?, _ idempotencyKey: String?, _ options: RequestOptions) async throws -> Versioned<APIKey> {
        try await core.object(.post, path + [.id(id, label: "key id"), .literal(name)], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `{acct}/tokens` (personal tokens).
public struct AccountTokens: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.get, path + [.id(id, label: "token id")], options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "token id")], ifMatch: ifMatch, options: options)
    }

    /// Revoke: `POST …/{id}/revoke`.
    public func revoke(_ id: String, _ body: JSONObject = [:], ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.id(id, label: "token id"), .literal("revoke")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `/v1/accounts`.
public struct Accounts: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(limit: Int? = nil, cursor: String? = nil, options: RequestOptions = .none) async throws -> Page<Account> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(limit: Int? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<Account> {
        PageSequence(fetching: fetching) { cursor in try await list(limit: limit, cursor: cursor, options: options) }
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Account> {
        try await core.object(.get, path + [.id(id, label: "account id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Account> {
        try await core.object(.patch, path + [.id(id, label: "account id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `{acct}/domains`.
public struct Domains: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// `GET {acct}/domains` (the API takes no paging parameters: a `cursor` is sent only when a page names one).
    public func list(cursor: String? = nil, options: RequestOptions = .none) async throws -> Page<AccountDomain> {
        var query = Query()
        query.add("cursor", cursor)
        return try await core.page(path, query: query, options: options)
    }

    /// Every domain, page after page.
    public func listAll(options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<AccountDomain> {
        PageSequence(fetching: fetching) { cursor in try await list(cursor: cursor, options: options) }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Account> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes this resource: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ domain: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(domain, label: "domain")], ifMatch: ifMatch, options: options)
    }

    /// Assign: `POST …/{id}/assign`.
    public func assign(_ domain: String, _ body: JSONObject = [:], ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Account> {
        try await core.object(.post, path + [.id(domain, label: "domain"), .literal("assign")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Unassign: `POST …/{id}/unassign`.
    public func unassign(_ domain: String, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Account> {
        try await core.object(.post, path + [.id(domain, label: "domain"), .literal("unassign")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Verify: `POST …/{id}/verify`.
    public func verify(_ domain: String, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Account> {
        try await core.object(.post, path + [.id(domain, label: "domain"), .literal("verify")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `{acct}/notes`.
public struct Notes: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(
        limit: Int? = nil, cursor: String? = nil, subjectType: String? = nil, subjectID: String? = nil,
        issuerID: String? = nil, createdBy: String? = nil, pinned: Bool? = nil, mentionsUserID: String? = nil,
        options: RequestOptions = .none
    ) async throws -> Page<Note> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("subject_type", subjectType)
        query.add("subject_id", subjectID)
        query.add("issuer_id", issuerID)
        query.add("created_by", createdBy)
        query.add("pinned", pinned)
        query.add("mentions_user_id", mentionsUserID)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(
        limit: Int? = nil, subjectType: String? = nil, subjectID: String? = nil, issuerID: String? = nil,
        createdBy: String? = nil, pinned: Bool? = nil, mentionsUserID: String? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead
    ) -> PageSequence<Note> {
        PageSequence(fetching: fetching) { cursor in
            try await list(
                limit: limit, cursor: cursor, subjectType: subjectType, subjectID: subjectID, issuerID: issuerID,
                createdBy: createdBy, pinned: pinned, mentionsUserID: mentionsUserID, options: options)
        }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Note> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Backlinks: `GET …/backlinks`.
    public func backlinks(refType: String, refID: String, limit: Int? = nil, options: RequestOptions = .none) async throws -> [Note] {
        var query = Query()
        query.add("ref_type", refType)
        query.add("ref_id", refID)
        query.add("limit", limit)
        return try await core.array(path + [.literal("backlinks")], query: query, options: options)
    }

    /// Count: `GET …/count`.
    public func count(subjectType: String, subjectID: String, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        var query = Query()
        query.add("subject_type", subjectType)
        query.add("subject_id", subjectID)
        return try await core.object(.get, path + [.literal("count")], query: query, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Note> {
        try await core.object(.get, path + [.id(id, label: "note id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Note> {
        try await core.object(.patch, path + [.id(id, label: "note id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "note id")], ifMatch: ifMatch, options: options)
    }
}
