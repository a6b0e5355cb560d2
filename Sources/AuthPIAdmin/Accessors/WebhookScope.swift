/// `{acct}/webhooks/{webhook_id}`.
public struct WebhookScope: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// Reads this resource (`GET`). The answer carries its ETag.
    public func get(options: RequestOptions = .none) async throws -> Versioned<Webhook> {
        try await core.object(.get, path, options: options)
    }

    /// Changes this resource (`PATCH`). With `ifMatch`, only while the ETag still
    /// matches (else `AuthPIError.preconditionFailed`).
    public func update(_ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Webhook> {
        try await core.object(.patch, path, body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// Deletes this resource (`DELETE`). With `ifMatch`, only while the ETag still matches.
    public func delete(ifMatch: String? = nil, options: RequestOptions = .none) async throws {
        try await core.delete(path, ifMatch: ifMatch, options: options)
    }

    /// The `…/deliveries` collection under this scope; makes no request.
    public var deliveries: Deliveries { Deliveries(core: core, path: path + [.literal("deliveries")]) }

    /// `POST {wh}/redeliver`: redelivers events selected by the body.
    public func redeliver(_ body: some RequestBody, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Resource> {
        try await core.object(.post, path + [.literal("redeliver")], body: body, idempotencyKey: idempotencyKey, options: options)
    }
}

/// `{wh}/deliveries`.
public struct Deliveries: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// `after` / `before` are Unix seconds.
    public func list(
        limit: Int? = nil, cursor: String? = nil, eventType: String? = nil, status: String? = nil,
        after: Double? = nil, before: Double? = nil, options: RequestOptions = .none
    ) async throws -> Page<Delivery> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        query.add("event_type", eventType)
        query.add("status", status)
        query.add("after", after)
        query.add("before", before)
        return try await core.page(path, query: query, options: options)
    }

    /// Every item across pages, as an async sequence that requests pages as you iterate (one page ahead
    /// unless `fetching` is `.onDemand`).
    public func listAll(
        limit: Int? = nil, eventType: String? = nil, status: String? = nil, after: Double? = nil,
        before: Double? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead
    ) -> PageSequence<Delivery> {
        PageSequence(fetching: fetching) { cursor in
            try await list(limit: limit, cursor: cursor, eventType: eventType, status: status, after: after, before: before, options: options)
        }
    }

    /// Sends the delivery again; the answer is the delivery with `success` for this attempt.
    public func redeliver(_ id: String, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none) async throws -> Versioned<Delivery> {
        try await core.object(.post, path + [.id(id, label: "delivery id"), .literal("redeliver")], ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}
