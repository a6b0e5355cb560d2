/// What the store asks of the server. `AuthPIDataSource` implements it with the client core; tests may use
/// in-memory sources. Methods throw `ConsoleFailure` for server and transport errors (anything else is shown as
/// an unexpected error) and `CancellationError` when cancelled.
public protocol ConsoleDataSource: Sendable {
    /// One page of a server list pane.
    func fetchPage(_ request: PageRequest) async throws -> RowPage
    /// One page of a server list pane whose rows are mapped only when asked for (`G` skips the pages it drops).
    /// The default maps them at once, through `fetchPage`.
    func fetchUnmappedPage(_ request: PageRequest) async throws -> UnmappedRowPage
    /// The full user, with the ETag of this version.
    func fetchUser(issuerID: String, userID: String) async throws -> UserRecord
    /// PATCH the user; `ifMatch` makes it conditional (412 → `ConsoleFailure.Kind.preconditionFailed`).
    func updateUser(issuerID: String, userID: String, changes: UserChanges, ifMatch: String?) async throws
        -> UserRecord
    /// Runs one row action; returns the row as the server now has it, or nil when the resource is gone.
    /// `ifMatch` makes it conditional (412 → `ConsoleFailure.Kind.preconditionFailed`).
    func perform(_ action: RowActionKind, rowID: String, context: PaneContext, ifMatch: String?) async throws
        -> ConsoleRow?
    /// One row of a pane read now, with its ETag (users, sessions, tokens); nil for kinds the API cannot read
    /// one by one (trusted devices, …).
    func fetchCurrent(_ kind: PaneKind, rowID: String, context: PaneContext) async throws -> ConsoleRow?
    /// Revokes every trusted device of the user; returns how many were revoked.
    func revokeAllTrustedDevices(issuerID: String, userID: String) async throws -> Int
    /// The console's own HTTP requests, newest first (the Requests pane); empty when they are not recorded.
    func recentRequests() -> [RequestLogEntry]
    /// Event counts per type over the chart's window, from the server's aggregate.
    func eventCounts(_ request: EventCountsRequest) async throws -> EventCounts
    /// Runs a row action whose answer carries a one-time secret (a rotation): the row and the secret.
    func performRevealing(_ action: RowActionKind, rowID: String, context: PaneContext, ifMatch: String?) async throws
        -> FormResult
    /// A resource read now for its edit form, with its ETag.
    func loadForm(_ action: FormAction, rowID: String, context: PaneContext) async throws -> FormRecord
    /// Sends a create or edit form.
    func submitForm(_ action: FormAction, _ submission: FormSubmission) async throws -> FormResult
}

extension ConsoleDataSource {
    public func recentRequests() -> [RequestLogEntry] { [] }

    public func eventCounts(_ request: EventCountsRequest) async throws -> EventCounts {
        throw ConsoleFailure(kind: .unexpected, code: "unsupported", message: "this data source cannot count events")
    }

    /// Sources without secrets answer a revealing action as a plain one.
    public func performRevealing(_ action: RowActionKind, rowID: String, context: PaneContext, ifMatch: String?)
        async throws -> FormResult
    {
        FormResult(row: try await perform(action, rowID: rowID, context: context, ifMatch: ifMatch))
    }

    public func loadForm(_ action: FormAction, rowID: String, context: PaneContext) async throws -> FormRecord {
        throw ConsoleFailure(kind: .configuration, code: "unsupported", message: "this source has no \(action.noun) forms")
    }

    public func submitForm(_ action: FormAction, _ submission: FormSubmission) async throws -> FormResult {
        throw ConsoleFailure(kind: .configuration, code: "unsupported", message: "this source has no \(action.noun) forms")
    }
}

extension ConsoleDataSource {
    /// Maps the rows at once: sources without a cheaper form give the mapped page.
    public func fetchUnmappedPage(_ request: PageRequest) async throws -> UnmappedRowPage {
        UnmappedRowPage(try await fetchPage(request))
    }
}

/// A page as read, its rows not yet mapped: the walk of `G` keeps only the count and cursors of pages it drops,
/// so mapping every row it passes (about as costly as reading it) is skipped.
public struct UnmappedRowPage: Sendable {
    /// Items on the page (the rows `rows()` gives, unless an item has no id).
    public var count: Int
    /// Where the next page starts.
    public var nextCursor: String?
    /// Whether a next page exists (false without a cursor).
    public var hasMore: Bool
    private let mapRows: @Sendable () -> [ConsoleRow]

    /// A page of `count` items whose rows `mapRows` makes when they are needed.
    public init(count: Int, nextCursor: String?, hasMore: Bool, mapRows: @escaping @Sendable () -> [ConsoleRow]) {
        self.count = count
        self.nextCursor = nextCursor
        // As `RowPage`: "more" without a cursor cannot be followed.
        self.hasMore = hasMore && nextCursor != nil
        self.mapRows = mapRows
    }

    /// A page already mapped.
    public init(_ page: RowPage) {
        self.init(count: page.rows.count, nextCursor: page.nextCursor, hasMore: page.hasMore, mapRows: { page.rows })
    }

    /// The page with its rows.
    public func mapped() -> RowPage { RowPage(rows: mapRows(), nextCursor: nextCursor, hasMore: hasMore) }
}

/// A request for one page of a list pane.
public struct PageRequest: Sendable, Hashable {
    public var kind: PaneKind
    public var context: PaneContext
    public var cursor: String?
    public var limit: Int
    /// Query parameters from the filter (`status`, `event_types`, `q`, …).
    public var query: [String: String]

    public init(kind: PaneKind, context: PaneContext, cursor: String?, limit: Int, query: [String: String] = [:]) {
        self.kind = kind
        self.context = context
        self.cursor = cursor
        self.limit = limit
        self.query = query
    }
}

/// One page of rows and where the next one starts.
public struct RowPage: Sendable, Hashable {
    public var rows: [ConsoleRow]
    public var nextCursor: String?
    public var hasMore: Bool

    public init(rows: [ConsoleRow], nextCursor: String?, hasMore: Bool) {
        self.rows = rows
        self.nextCursor = nextCursor
        // A page that says "more" without a cursor cannot be followed: treat it as the end.
        self.hasMore = hasMore && nextCursor != nil
    }
}
