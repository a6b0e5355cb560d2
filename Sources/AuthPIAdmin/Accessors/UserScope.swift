/// `{iss}/users/{user_id}` and everything under it.
public struct UserScope: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// Reads this resource (`GET`). The answer carries its ETag.
    public func get(options: RequestOptions = .none) async throws -> Versioned<User> {
        try await core.object(.get, path, options: options)
    }

    /// Changes this resource (`PATCH`). With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<User> {
        try await core.object(.patch, path, body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes this resource (`DELETE`). With `ifMatch`, only while the ETag still matches.
    public func delete(ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path, ifMatch: ifMatch, options: options)
    }

    /// The `…/sessions` collection under this scope; makes no request.
    public var sessions: UserSessions { UserSessions(core: core, path: path + [.literal("sessions")]) }
    /// The `…/tokens` collection under this scope; makes no request.
    public var tokens: UserTokens { UserTokens(core: core, path: path + [.literal("tokens")]) }
    /// The `…/trusted-devices` collection under this scope; makes no request.
    public var trustedDevices: TrustedDevices { TrustedDevices(core: core, path: path + [.literal("trusted-devices")]) }
    /// The `…/verifiers` collection under this scope; makes no request.
    public var verifiers: UserVerifiers { UserVerifiers(core: core, path: path + [.literal("verifiers")]) }
}

/// `{usr}/sessions`. Revoke, suspend and reactivate through `issuer(id).sessions`.
public struct UserSessions: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(status: String? = nil, limit: Int? = nil, cursor: String? = nil, options: RequestOptions = .none) async throws -> Page<Session> {
        var query = Query()
        query.add("status", status)
        query.add("limit", limit)
        query.add("cursor", cursor)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(status: String? = nil, limit: Int? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<Session> {
        PageSequence(fetching: fetching) { cursor in try await list(status: status, limit: limit, cursor: cursor, options: options) }
    }
}

/// `{usr}/tokens`.
public struct UserTokens: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(limit: Int? = nil, cursor: String? = nil, status: String? = nil, options: RequestOptions = .none) async throws -> Page<UserToken> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("status", status)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(limit: Int? = nil, status: String? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<UserToken> {
        PageSequence(fetching: fetching) { cursor in try await list(limit: limit, cursor: cursor, status: status, options: options) }
    }

    /// Creates a token; the answer's `tokenPlain` is shown only once.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<CreatedUserToken> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `{usr}/trusted-devices`.
public struct TrustedDevices: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(limit: Int? = nil, cursor: String? = nil, options: RequestOptions = .none) async throws -> Page<TrustedDevice> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(limit: Int? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<TrustedDevice> {
        PageSequence(fetching: fetching) { cursor in try await list(limit: limit, cursor: cursor, options: options) }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<TrustedDeviceCreated> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "device id")], ifMatch: ifMatch, options: options)
    }

    /// Revokes every trusted device of the user; the answer counts them.
    public func revokeAll(ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<RevokeAllResult> {
        try await core.object(.post, path + [.literal("revoke-all")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `{usr}/verifiers`.
public struct UserVerifiers: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(limit: Int? = nil, cursor: String? = nil, options: RequestOptions = .none) async throws -> Page<Verifier> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(limit: Int? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<Verifier> {
        PageSequence(fetching: fetching) { cursor in try await list(limit: limit, cursor: cursor, options: options) }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Complete enrollment: `POST …/complete-enrollment`.
    public func completeEnrollment(_ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.literal("complete-enrollment")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Verifier> {
        try await core.object(.get, path + [.id(id, label: "verifier id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Verifier> {
        try await core.object(.patch, path + [.id(id, label: "verifier id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "verifier id")], ifMatch: ifMatch, options: options)
    }

    /// Regenerate: `POST …/{id}/regenerate`.
    public func regenerate(_ id: String, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.id(id, label: "verifier id"), .literal("regenerate")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Verify: `POST …/{id}/verify`.
    public func verify(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.id(id, label: "verifier id"), .literal("verify")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}
