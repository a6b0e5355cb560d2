/// `{acct}/credits`: the credit ledger and top-ups.
public struct Credits: Sendable {
    let core: ClientCore
    let path: [PathPart]

    /// `GET {acct}/credits/ledger`.
    public func ledger(limit: Int? = nil, cursor: String? = nil, options: RequestOptions = .none) async throws -> Page<CreditLedgerEntry> {
        var query = Query()
        query.add("limit", limit)
        query.add("cursor", cursor)
        return try await core.page(path + [.literal("ledger")], query: query, options: options)
    }

    /// Every ledger entry, page after page.
    public func ledgerAll(limit: Int? = nil, options: RequestOptions = .none, fetching: PageFetching = .readAhead) -> PageSequence<CreditLedgerEntry> {
        PageSequence(fetching: fetching) { cursor in try await ledger(limit: limit, cursor: cursor, options: options) }
    }

    /// `POST {acct}/credits/topups`.
    public func createTopup(
        _ body: some RequestBody, ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions = .none
    ) async throws -> Versioned<CreditTopup> {
        try await core.object(
            .post, path + [.literal("topups")], body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }
}
