/// `{iss}/organizations/{org_id}` and everything under it.
public struct OrganizationScope: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// Reads this resource (`GET`). The answer carries its ETag.
    public func get(options: RequestOptions = .none) async throws -> Versioned<Organization> {
        try await core.object(.get, path, options: options)
    }

    /// Changes this resource (`PATCH`). With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Organization> {
        try await core.object(.patch, path, body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes this resource (`DELETE`). With `ifMatch`, only while the ETag still matches.
    public func delete(ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path, ifMatch: ifMatch, options: options)
    }

    /// The `…/api-keys` collection under this scope; makes no request.
    public var apiKeys: OrganizationAPIKeys { OrganizationAPIKeys(core: core, path: path + [.literal("api-keys")]) }
    /// The `…/groups` collection under this scope; makes no request.
    public var groups: Groups { Groups(core: core, path: path + [.literal("groups")]) }
    /// The `…/invitations` collection under this scope; makes no request.
    public var invitations: Invitations { Invitations(core: core, path: path + [.literal("invitations")]) }
    /// The `…/members` collection under this scope; makes no request.
    public var members: Members { Members(core: core, path: path + [.literal("members")]) }
    /// The `…/sso` collection under this scope; makes no request.
    public var sso: OrganizationSSO { OrganizationSSO(core: core, path: path + [.literal("sso")]) }
}

/// `{org}/api-keys`.
public struct OrganizationAPIKeys: Sendable {
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

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<APIKey> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `{org}/groups`.
public struct Groups: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(limit: Int? = nil, cursor: String? = nil, options: RequestOptions = .none) async throws -> Page<Group> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(limit: Int? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<Group> {
        PageSequence(fetching: fetching) { cursor in try await list(limit: limit, cursor: cursor, options: options) }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Group> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Group> {
        try await core.object(.get, path + [.id(id, label: "group id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Group> {
        try await core.object(.patch, path + [.id(id, label: "group id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "group id")], ifMatch: ifMatch, options: options)
    }
}

/// `{org}/invitations`.
public struct Invitations: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(limit: Int? = nil, cursor: String? = nil, status: String? = nil, options: RequestOptions = .none) async throws -> Page<Invitation> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("status", status)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(limit: Int? = nil, status: String? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<Invitation> {
        PageSequence(fetching: fetching) { cursor in try await list(limit: limit, cursor: cursor, status: status, options: options) }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Invitation> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Reads one by id: `GET …/{id}`. The answer carries its ETag.
    public func get(_ id: String, options: RequestOptions = .none) async throws -> Versioned<Invitation> {
        try await core.object(.get, path + [.id(id, label: "invitation id")], options: options)
    }

    /// Changes one by id: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ id: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Invitation> {
        try await core.object(.patch, path + [.id(id, label: "invitation id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Resend: `POST …/{id}/resend`.
    public func resend(_ id: String, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.id(id, label: "invitation id"), .literal("resend")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Revoke: `POST …/{id}/revoke`.
    public func revoke(_ id: String, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.id(id, label: "invitation id"), .literal("revoke")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `{org}/members`.
public struct Members: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// One page: `GET` on the collection. Pass a page's `nextCursor` as `cursor` for the next one.
    public func list(limit: Int? = nil, cursor: String? = nil, status: String? = nil, scope: String? = nil, options: RequestOptions = .none) async throws -> Page<Membership> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("status", status)
        query.add("scope", scope)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(limit: Int? = nil, status: String? = nil, scope: String? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<Membership> {
        PageSequence(fetching: fetching) { cursor in try await list(limit: limit, cursor: cursor, status: status, scope: scope, options: options) }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Membership> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Changes this resource: `PATCH …/{id}`. With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ memberID: String, _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Membership> {
        try await core.object(.patch, path + [.id(memberID, label: "member id")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes this resource: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ memberID: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(memberID, label: "member id")], ifMatch: ifMatch, options: options)
    }
}

/// `{org}/sso`.
public struct OrganizationSSO: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// Adds an SSO domain (`{"domain": "example.com"}`); the answer names the TXT record to publish.
    public func addDomain(_ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.literal("domains")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Removes an SSO domain; the answer (e.g. `{"deleted": true, "domain": …}`) comes with its ETag.
    @discardableResult
    public func removeDomain(_ domain: String, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.delete, path + [.literal("domains"), .id(domain, label: "domain")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Verify domain: `POST …/domains/{id}/verify`.
    public func verifyDomain(_ domain: String, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.literal("domains"), .id(domain, label: "domain"), .literal("verify")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Rotates the SSO secret; the answer carries it once.
    public func rotateSecret(ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.literal("rotate-secret")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}
