/// `{iss}/agents/{agent_id}`.
public struct AgentScope: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// Reads this resource (`GET`). The answer carries its ETag.
    public func get(options: RequestOptions = .none) async throws -> Versioned<Agent> {
        try await core.object(.get, path, options: options)
    }

    /// Changes this resource (`PATCH`). With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Agent> {
        try await core.object(.patch, path, body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes this resource (`DELETE`). With `ifMatch`, only while the ETag still matches.
    public func delete(ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path, ifMatch: ifMatch, options: options)
    }

    /// The `…/verifiers` collection under this scope; makes no request.
    public var verifiers: AgentVerifiers { AgentVerifiers(core: core, path: path + [.literal("verifiers")]) }
}

/// `{iss}/agents/{agent_id}/verifiers`.
public struct AgentVerifiers: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// `GET {agent}/verifiers` (no paging parameters: a `cursor` is sent only when a page names one).
    public func list(cursor: String? = nil, options: RequestOptions = .none) async throws -> Page<Resource> {
        var query = Query()
        query.add("cursor", cursor)
        return try await core.page(path, query: query, options: options)
    }

    /// Every verifier of the agent, page after page.
    public func listAll(options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<Resource> {
        PageSequence(fetching: fetching) { cursor in try await list(cursor: cursor, options: options) }
    }

    /// Creates one: `POST` on the collection. A repeated `idempotencyKey` answers with the first answer.
    public func create(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path, body: body, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes one by id: `DELETE …/{id}`. With `ifMatch`, only while the ETag still matches.
    public func delete(_ id: String, ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path + [.id(id, label: "verifier id")], ifMatch: ifMatch, options: options)
    }
}
