/// Tuning of the store. The defaults suit a terminal; tests shrink them.
public struct ConsoleConfiguration: Sendable {
    /// Rows asked for per page (`limit`).
    public var pageSize: Int
    /// The next page is fetched when the selection is this close to the loaded end.
    public var prefetchDistance: Int
    /// Pages kept in memory on each side of the selection's page; farther ones are dropped and re-fetched.
    public var retainedPagesAround: Int
    /// User detail fetches running at once for the Users pane.
    public var hydrationConcurrency: Int
    /// Users whose details stay cached.
    public var hydrationCacheSize: Int
    /// Row actions running at once in a bulk action.
    public var bulkConcurrency: Int
    /// Refuse every mutation, before any request.
    public var isReadOnly: Bool
    /// How often the Events pane asks for new events while it follows them (`f`), when the last poll succeeded.
    public var followInterval: Duration
    /// The longest wait between two polls after failures (the wait doubles per failure up to this; a server's
    /// Retry-After is honoured even when longer).
    public var followBackoffLimit: Duration

    public init(
        pageSize: Int = 100, prefetchDistance: Int = 25, retainedPagesAround: Int = 3, hydrationConcurrency: Int = 4,
        hydrationCacheSize: Int = 2000, bulkConcurrency: Int = 4, isReadOnly: Bool = false,
        followInterval: Duration = .seconds(5), followBackoffLimit: Duration = .seconds(60)
    ) {
        self.followInterval = max(followInterval, .milliseconds(100))
        self.followBackoffLimit = max(followBackoffLimit, followInterval)
        self.pageSize = max(pageSize, 1)
        self.prefetchDistance = max(prefetchDistance, 0)
        self.retainedPagesAround = max(retainedPagesAround, 1)
        self.hydrationConcurrency = max(hydrationConcurrency, 1)
        self.hydrationCacheSize = max(hydrationCacheSize, 1)
        self.bulkConcurrency = max(bulkConcurrency, 1)
        self.isReadOnly = isReadOnly
    }
}
