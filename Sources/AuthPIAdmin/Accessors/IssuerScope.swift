/// `{acct}/issuers/{issuer_id}` and everything under it.
public struct IssuerScope: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// Reads this resource (`GET`). The answer carries its ETag.
    public func get(options: RequestOptions = .none) async throws -> Versioned<Issuer> {
        try await core.object(.get, path, options: options)
    }

    /// Changes this resource (`PATCH`). With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Issuer> {
        try await core.object(.patch, path, body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes this resource (`DELETE`). With `ifMatch`, only while the ETag still matches.
    public func delete(ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path, ifMatch: ifMatch, options: options)
    }

    /// The `…/users` collection under this scope; makes no request.
    public var users: Users { Users(core: core, path: path + [.literal("users")]) }
    /// One item of `…/users` by id, as a scope to read, change or navigate from; makes no request.
    public func user(_ id: String) -> UserScope { UserScope(core: core, path: path + [.literal("users"), .id(id, label: "user id")]) }
    /// The `…/agents` collection under this scope; makes no request.
    public var agents: Agents { Agents(core: core, path: path + [.literal("agents")]) }
    /// One item of `…/agents` by id, as a scope to read, change or navigate from; makes no request.
    public func agent(_ id: String) -> AgentScope { AgentScope(core: core, path: path + [.literal("agents"), .id(id, label: "agent id")]) }
    /// The `…/clients` collection under this scope; makes no request.
    public var clients: Clients { Clients(core: core, path: path + [.literal("clients")]) }
    /// The `…/organizations` collection under this scope; makes no request.
    public var organizations: Organizations { Organizations(core: core, path: path + [.literal("organizations")]) }
    /// One item of `…/organizations` by id, as a scope to read, change or navigate from; makes no request.
    public func organization(_ id: String) -> OrganizationScope {
        OrganizationScope(core: core, path: path + [.literal("organizations"), .id(id, label: "organization id")])
    }
    /// The `…/sessions` collection under this scope; makes no request.
    public var sessions: IssuerSessions { IssuerSessions(core: core, path: path + [.literal("sessions")]) }
    /// The `…/approvals` collection under this scope; makes no request.
    public var approvals: Approvals { Approvals(core: core, path: path + [.literal("approvals")]) }
    /// The `…/auth-methods` collection under this scope; makes no request.
    public var authMethods: AuthMethods { AuthMethods(core: core, path: path + [.literal("auth-methods")]) }
    /// The `…/tokens` collection under this scope; makes no request.
    public var tokens: IssuerTokens { IssuerTokens(core: core, path: path + [.literal("tokens")]) }
}

/// `{iss}/users`.
public struct Users: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// Light items (no username or profile): fetch a user for its names.
    public func list(limit: Int? = nil, cursor: String? = nil, status: String? = nil, options: RequestOptions = .none) async throws -> Page<UserListItem> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("status", status)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(limit: Int? = nil, status: String? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<UserListItem> {
        PageSequence(fetching: fetching) { cursor in try await list(limit: limit, cursor: cursor, status: status, options: options) }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<User> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<User> {
        try await core.object(.get, path + [.id(id, label: "user id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<User> {
        try await core.object(.patch, path + [.id(id, label: "user id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "user id")], ifMatch: ifMatch, options: options)
    }
}

/// `{iss}/agents`.
public struct Agents: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(
        limit: Int? = nil, cursor: String? = nil, status: String? = nil, model: String? = nil,
        provider: String? = nil, hasVerifiers: Bool? = nil, options: RequestOptions = .none
    ) async throws -> Page<Agent> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("status", status)
        query.add("model", model)
        query.add("provider", provider)
        query.add("has_verifiers", hasVerifiers)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(
        limit: Int? = nil, status: String? = nil, model: String? = nil, provider: String? = nil,
        hasVerifiers: Bool? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead
    ) -> PageSequence<Agent> {
        PageSequence(fetching: fetching) { cursor in
            try await list(limit: limit, cursor: cursor, status: status, model: model, provider: provider, hasVerifiers: hasVerifiers, options: options)
        }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Agent> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Agent> {
        try await core.object(.get, path + [.id(id, label: "agent id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Agent> {
        try await core.object(.patch, path + [.id(id, label: "agent id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "agent id")], ifMatch: ifMatch, options: options)
    }
}

/// `{iss}/clients`.
public struct Clients: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(
        limit: Int? = nil, cursor: String? = nil, q: String? = nil, status: String? = nil,
        applicationType: String? = nil, readiness: String? = nil, name: String? = nil, options: RequestOptions = .none
    ) async throws -> Page<Client> {
        var query = Query()
        query.add("q", q)
        query.add("status", status)
        query.add("application_type", applicationType)
        query.add("readiness", readiness)
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("name", name)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(
        limit: Int? = nil, q: String? = nil, status: String? = nil, applicationType: String? = nil,
        readiness: String? = nil, name: String? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead
    ) -> PageSequence<Client> {
        PageSequence(fetching: fetching) { cursor in
            try await list(limit: limit, cursor: cursor, q: q, status: status, applicationType: applicationType, readiness: readiness, name: name, options: options)
        }
    }

    /// Creates a client; a confidential client's answer carries its secret once.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Client> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Client> {
        try await core.object(.get, path + [.id(id, label: "client id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Client> {
        try await core.object(.patch, path + [.id(id, label: "client id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "client id")], ifMatch: ifMatch, options: options)
    }

    /// Rotates the client secret; the answer carries the new secret once.
    public func rotateSecret(_ id: String, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.id(id, label: "client id"), .literal("secret"), .literal("rotate")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `{iss}/organizations`.
public struct Organizations: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(
        limit: Int? = nil, cursor: String? = nil, status: String? = nil, ssoEnabled: Bool? = nil, ssoOnly: Bool? = nil,
        mfaRequired: Bool? = nil, invitationEnabled: Bool? = nil, options: RequestOptions = .none
    ) async throws -> Page<Organization> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("status", status)
        query.add("sso_enabled", ssoEnabled)
        query.add("sso_only", ssoOnly)
        query.add("mfa_required", mfaRequired)
        query.add("invitation_enabled", invitationEnabled)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(
        limit: Int? = nil, status: String? = nil, ssoEnabled: Bool? = nil, ssoOnly: Bool? = nil,
        mfaRequired: Bool? = nil, invitationEnabled: Bool? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead
    ) -> PageSequence<Organization> {
        PageSequence(fetching: fetching) { cursor in
            try await list(limit: limit, cursor: cursor, status: status, ssoEnabled: ssoEnabled, ssoOnly: ssoOnly, mfaRequired: mfaRequired, invitationEnabled: invitationEnabled, options: options)
        }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Organization> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Organization> {
        try await core.object(.get, path + [.id(id, label: "organization id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Organization> {
        try await core.object(.patch, path + [.id(id, label: "organization id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "organization id")], ifMatch: ifMatch, options: options)
    }
}

/// `{iss}/sessions`: get one session, revoke, suspend or reactivate it.
public struct IssuerSessions: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Session> {
        try await core.object(.get, path + [.id(id, label: "session id")], options: options)
    }

    /// Revoke: `POST …/{id}/revoke`.
    public func revoke(_ id: String, _ body: JSONObject = [:], ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Session> {
        try await core.object(.post, path + [.id(id, label: "session id"), .literal("revoke")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Suspend: `POST …/{id}/suspend`.
    public func suspend(_ id: String, _ body: JSONObject = [:], ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Session> {
        try await core.object(.post, path + [.id(id, label: "session id"), .literal("suspend")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reactivate: `POST …/{id}/reactivate`.
    public func reactivate(_ id: String, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Session> {
        try await core.object(.post, path + [.id(id, label: "session id"), .literal("reactivate")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `{iss}/approvals`: users awaiting approval.
public struct Approvals: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(limit: Int? = nil, cursor: String? = nil, options: RequestOptions = .none) async throws -> Page<Resource> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(limit: Int? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<Resource> {
        PageSequence(fetching: fetching) { cursor in try await list(limit: limit, cursor: cursor, options: options) }
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<User> {
        try await core.object(.get, path + [.id(id, label: "approval id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<User> {
        try await core.object(.patch, path + [.id(id, label: "approval id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `{iss}/auth-methods`.
public struct AuthMethods: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// `GET {iss}/auth-methods` (no paging parameters: a `cursor` is sent only when a page names one).
    public func list(cursor: String? = nil, options: RequestOptions = .none) async throws -> Page<Resource> {
        var query = Query()
        query.add("cursor", cursor)
        return try await core.page(path, query: query, options: options)
    }

    /// Every auth method, page after page.
    public func listAll(options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<Resource> {
        PageSequence(fetching: fetching) { cursor in try await list(cursor: cursor, options: options) }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.get, path + [.id(id, label: "method id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.patch, path + [.id(id, label: "method id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "method id")], ifMatch: ifMatch, options: options)
    }
}

/// `{iss}/tokens`.
public struct IssuerTokens: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// Introspects a token (`{"token": "..."}`).
    public func introspect(_ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.literal("introspect")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}
