/// A lazily paged list with windowed memory: pages are fetched in order through their cursors; pages far from
/// the viewport can be dropped (their cursor and row count are kept) and fetched again when the user returns.
/// A pure value: the store decides when to fetch and feeds results back in.
public struct PagedList: Sendable {
    /// What to fetch next.
    public enum Fetch: Sendable, Hashable {
        /// The page after the last one (the first page when `cursor` is nil and nothing is loaded).
        case append(cursor: String?)
        /// A page that was dropped from memory, fetched again with its cursor.
        case refill(page: Int, cursor: String?)
    }

    /// A page the walk of `G` passed without mapping its rows: what a dropped page keeps.
    struct SkippedPage: Sendable, Hashable {
        var cursor: String?
        var count: Int
        var nextCursor: String?
        var hasMore: Bool
    }

    public enum Phase: Sendable, Hashable {
        case idle
        case loading(Fetch)
        /// The last fetch failed; nothing loaded was lost. `retry()` makes the fetch possible again.
        case failed(message: String)
    }

    struct Page: Sendable {
        var cursor: String?
        var count: Int
        var rows: [ConsoleRow]?
        var nextCursor: String?
        var hasMore: Bool
    }

    private(set) var pages: [Page] = []
    /// Index of the first row of each page.
    private var starts: [Int] = []
    /// Pages whose rows are in memory.
    private(set) var residentPages: Set<Int> = []
    /// Rows known: loaded plus dropped.
    public private(set) var count = 0
    public private(set) var phase: Phase = .idle
    /// Bumped by `reset()`, so that answers to older requests are recognised and dropped.
    public private(set) var generation = 0
    /// Pages fetched since the last reset (first loads and re-fetches).
    public private(set) var fetchCount = 0
    /// The first page holds rows put in front of it (`prepend`): fetched again with its cursor it would not read
    /// the same, so it is never dropped.
    public private(set) var pinsFirstPage = false

    public init() {}

    /// Whether the first page has arrived.
    public var hasFirstPage: Bool { !pages.isEmpty }

    /// Whether more rows exist after the loaded end (true until the first page says otherwise).
    public var hasMore: Bool { pages.last?.hasMore ?? true }

    public var isLoading: Bool {
        if case .loading = phase { return true }
        return false
    }

    public var failureMessage: String? {
        if case .failed(let message) = phase { return message }
        return nil
    }

    /// Rows currently held in memory.
    public var residentRowCount: Int { residentPages.reduce(0) { $0 + (pages[$1].rows?.count ?? 0) } }

    public var pageCount: Int { pages.count }

    /// The row at `index`, or nil when it is out of range or its page was dropped.
    public func row(at index: Int) -> ConsoleRow? {
        guard let page = pageIndex(containing: index), let rows = pages[page].rows else { return nil }
        let offset = index - starts[page]
        return offset < rows.count ? rows[offset] : nil
    }

    /// The page holding row `index`.
    func pageIndex(containing index: Int) -> Int? {
        guard index >= 0, index < count else { return nil }
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Loaded rows with their indexes, in list order.
    public func residentRows() -> [(index: Int, row: ConsoleRow)] {
        var result: [(index: Int, row: ConsoleRow)] = []
        for page in residentPages.sorted() {
            guard let rows = pages[page].rows else { continue }
            for (offset, row) in rows.enumerated() { result.append((starts[page] + offset, row)) }
        }
        return result
    }

    /// Index of the loaded row with this id.
    public func index(ofID id: String) -> Int? {
        for page in residentPages.sorted() {
            if let offset = pages[page].rows?.firstIndex(where: { $0.id == id }) { return starts[page] + offset }
        }
        return nil
    }

    /// The fetch the list needs for a viewer at `focus` showing `visible`, if any. At most one fetch is in flight:
    /// while loading or after a failure, nothing more is asked for.
    public func nextFetch(focus: Int, visible: Range<Int>, prefetchDistance: Int) -> Fetch? {
        guard case .idle = phase else { return nil }
        guard let last = pages.last else { return .append(cursor: nil) }
        // A dropped page in view comes first: the user is looking at it.
        let wanted = [focus] + Array(visible.clamped(to: 0..<max(count, 0)))
        for index in wanted {
            if let page = pageIndex(containing: index), pages[page].rows == nil {
                return .refill(page: page, cursor: pages[page].cursor)
            }
        }
        if last.hasMore, focus >= count - prefetchDistance - 1 {
            return .append(cursor: last.nextCursor)
        }
        return nil
    }

    /// The fetch that follows the loaded end, for loading to the end.
    public func appendFetch() -> Fetch? {
        guard case .idle = phase else { return nil }
        guard let last = pages.last else { return .append(cursor: nil) }
        return last.hasMore ? .append(cursor: last.nextCursor) : nil
    }

    public mutating func begin(_ fetch: Fetch) { phase = .loading(fetch) }

    /// Whether `fetch` is the request this list is waiting for.
    public func isAwaiting(_ fetch: Fetch) -> Bool { phase == .loading(fetch) }

    /// Stores a page that arrived for `fetch`. Returns false when it was not the awaited fetch (dropped).
    @discardableResult
    public mutating func complete(_ fetch: Fetch, with page: RowPage) -> Bool {
        guard isAwaiting(fetch) else { return false }
        phase = .idle
        fetchCount += 1
        switch fetch {
        case .append(let cursor):
            starts.append(count)
            pages.append(
                Page(cursor: cursor, count: page.rows.count, rows: page.rows, nextCursor: page.nextCursor,
                    hasMore: page.hasMore))
            residentPages.insert(pages.count - 1)
            count += page.rows.count
        case .refill(let index, _):
            guard index < pages.count else { return true }
            let delta = page.rows.count - pages[index].count
            pages[index].rows = page.rows
            pages[index].count = page.rows.count
            residentPages.insert(index)
            if delta != 0 { shiftStarts(after: index, by: delta) }
            // The page after the last may have appeared or gone since it was first read.
            if index == pages.count - 1 {
                pages[index].nextCursor = page.nextCursor
                pages[index].hasMore = page.hasMore
            }
        }
        return true
    }

    /// Appends a page passed by the walk of `G` as a dropped page (cursor and count, no rows): fetched again with
    /// its cursor if the user comes back to it. Only while nothing is in flight, like an append.
    mutating func appendSkipped(_ page: SkippedPage) {
        guard case .idle = phase else { return }
        fetchCount += 1
        starts.append(count)
        pages.append(Page(cursor: page.cursor, count: page.count, rows: nil, nextCursor: page.nextCursor, hasMore: page.hasMore))
        count += page.count
    }

    public mutating func fail(_ fetch: Fetch, message: String) {
        guard isAwaiting(fetch) else { return }
        phase = .failed(message: message)
    }

    /// Forgets an in-flight fetch (it was cancelled); the next `nextFetch` asks for it again.
    public mutating func cancelInFlight() {
        if case .loading = phase { phase = .idle }
    }

    /// After a failure: allow the failed fetch again.
    public mutating func retry() {
        if case .failed = phase { phase = .idle }
    }

    /// Drops every page more than `radius` pages away from the page holding `focus`. Returns how many were dropped.
    @discardableResult
    public mutating func evict(keepingAround focus: Int, radius: Int) -> Int {
        guard let center = pageIndex(containing: min(max(focus, 0), max(count - 1, 0))) else { return 0 }
        let far = residentPages.filter { abs($0 - center) > radius && !(pinsFirstPage && $0 == 0) }
        for page in far {
            pages[page].rows = nil
            residentPages.remove(page)
        }
        return far.count
    }

    /// Puts rows in front of the first page (new events, newest first); the first page is kept in memory from
    /// then on. Returns false (nothing changes) when the first page is not in memory.
    @discardableResult
    public mutating func prepend(_ rows: [ConsoleRow]) -> Bool {
        guard !rows.isEmpty, !pages.isEmpty, let first = pages[0].rows else { return false }
        pages[0].rows = rows + first
        pages[0].count += rows.count
        pinsFirstPage = true
        shiftStarts(after: 0, by: rows.count)
        return true
    }

    /// Rows held in the first page (it grows while new rows are put in front of it).
    public var firstPageCount: Int { pages.first?.count ?? 0 }

    /// Keeps the first page in memory from now on (while following).
    public mutating func pinFirstPage() { pinsFirstPage = true }

    /// Replaces the loaded row with the same id. Returns whether one was found.
    @discardableResult
    public mutating func replace(_ row: ConsoleRow) -> Bool {
        for page in residentPages {
            if let offset = pages[page].rows?.firstIndex(where: { $0.id == row.id }) {
                pages[page].rows?[offset] = row
                return true
            }
        }
        return false
    }

    /// Applies `update` to every loaded row (used to fill in hydrated details).
    public mutating func updateRows(_ update: (ConsoleRow) -> ConsoleRow?) {
        for page in residentPages {
            guard let rows = pages[page].rows else { continue }
            var changed = rows
            var any = false
            for (offset, row) in rows.enumerated() {
                if let new = update(row) {
                    changed[offset] = new
                    any = true
                }
            }
            if any { pages[page].rows = changed }
        }
    }

    /// Removes the loaded row with this id (the resource is gone). Returns whether one was found.
    @discardableResult
    public mutating func remove(id: String) -> Bool {
        for page in residentPages {
            if let offset = pages[page].rows?.firstIndex(where: { $0.id == id }) {
                pages[page].rows?.remove(at: offset)
                pages[page].count -= 1
                shiftStarts(after: page, by: -1)
                return true
            }
        }
        return false
    }

    /// Forgets everything (refresh, new filter); answers to earlier requests will be dropped.
    public mutating func reset() {
        pages = []
        starts = []
        residentPages = []
        count = 0
        phase = .idle
        fetchCount = 0
        pinsFirstPage = false
        generation += 1
    }

    /// Fills the list with rows built locally (user detail, errors), as one final page.
    public mutating func setLocalRows(_ rows: [ConsoleRow]) {
        reset()
        starts = [0]
        pages = [Page(cursor: nil, count: rows.count, rows: rows, nextCursor: nil, hasMore: false)]
        residentPages = [0]
        count = rows.count
    }

    private mutating func shiftStarts(after page: Int, by delta: Int) {
        var next = page + 1
        while next < starts.count {
            starts[next] += delta
            next += 1
        }
        count += delta
    }
}
