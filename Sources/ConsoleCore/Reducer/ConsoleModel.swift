import Foundation

/// The values the reducer reads besides the model: the time (from the event's sender, never read inside) and the
/// configuration.
struct ConsoleEnvironment: Sendable {
    /// Wall-clock time of the event.
    var now: Date
    /// The clock's elapsed time at the event (durations, throttling).
    var elapsed: Duration
    var configuration: ConsoleConfiguration
}

/// What the reducer owns: the state the view draws and the bookkeeping that is part of the model (the token each
/// answer must carry, what is being fetched, what failed, the cache of users' details).
struct ConsoleModel: Sendable {
    var state: ConsoleState
    /// Mirrors `state.viewportHeight`, readable while a pane of `state` is being mutated.
    var viewport = 20
    var nextToken = 1
    var nextBannerID = 1
    var nextPaneID = 1
    /// The token of each pane's page fetch in flight.
    var pageFetches: [Int: Int] = [:]
    /// User detail fetches of the Users pane in flight: pane → user id → token.
    var hydrationFetches: [Int: [String: Int]] = [:]
    /// Users that failed to load details (not retried until refresh).
    var hydrationFailures: [Int: Set<String>] = [:]
    /// Panes whose hydration stopped after the server failed (down, erroring, rate limiting): one failure, not
    /// one per visible row, until `r` or the automatic retry after a rate limit.
    var hydrationPaused: Set<Int> = []
    var hydrationCache: LRUCache<ConsoleRow>
    /// After a refresh: the id to select again and how many rows to load to find it.
    var refreshTargets: [Int: (id: String?, listIndex: Int)] = [:]
    /// The banner of each pane's last failed read: a later successful read of that pane takes it off the screen
    /// (it stays in the Errors pane), so a recovered pane does not keep saying it failed.
    var readFailureBanners: [Int: Int] = [:]
    /// Rate-limited reads waiting for their Retry-After, by pane: what to do then, and the banner that said so.
    var autoRetries: [Int: (mode: AutoRetry, bannerID: Int?)] = [:]
    /// Whether the countdown timer runs.
    var countdownRunning = false
    /// The filter scan of each Users pane while it runs: its token and the pages walked (a bound).
    var scans: [Int: (token: Int, pages: Int)] = [:]
    /// A scanned page waiting for its users' details, by pane.
    var pendingScanPages: [Int: PendingScanPage] = [:]
    /// The token of each User detail pane's read (and the counts that follow it) while it runs.
    var userDetailLoads: [Int: Int] = [:]
    /// The token of the describe dialog's read of the current version, while it runs.
    var describeRead: Int?
    /// The token of the edit form's read of the user, while it runs.
    var editRead: Int?
    /// The pane an edit form being read belongs to.
    var formPane: Int?
    /// The token of the account picker's listing, while it runs.
    var accountListing: Int?
    /// The walk of `G`, while it runs: its token, and when (elapsed) its progress was last published.
    var walk: (token: Int, lastShown: Duration)?
    /// The token of each followed Events pane's poll in flight.
    var followPolls: [Int: Int] = [:]
    /// The token of each events chart's read in flight.
    var chartReads: [Int: Int] = [:]
    /// The request reference each Requests pane selects once its log is read (opened from a banner).
    var requestToSelect: [Int: String] = [:]
    /// The configuration's follow interval (read where no environment is at hand: cancelling a pane's requests).
    let followInterval: Duration
    /// The export, while it runs: its token, and when (elapsed) its progress was last published.
    var exportRun: (token: Int, lastShown: Duration, job: ExportJob)?
    /// The filter being typed, by pane, waiting for the pause after the last key (`filterDebounce`).
    var pendingFilters: [Int: String] = [:]
    /// Marks of sibling panes left with Tab, for when the user comes back.
    var keptMarks: [MarksKey: Set<String>] = [:]
    /// After a jump: the pane it opened and the stack from before, which Back from that pane puts back.
    var jumpReturn: (paneID: Int, stack: [PaneState])?
    /// A row to select in a pane once its page shows it (a jump to a session selects it in the user's Sessions).
    var pendingSelections: [Int: String] = [:]
    /// The token of the id lookup of a jump (`:usr_…`), while it runs.
    var locating: Int?
    /// Set by an event whose change need not be published now (a page of `G` between two progress updates); the
    /// shell clears it.
    var isQuiet = false

    init(state: ConsoleState, configuration: ConsoleConfiguration) {
        self.state = state
        self.hydrationCache = LRUCache(capacity: configuration.hydrationCacheSize)
        self.followInterval = configuration.followInterval
    }

    mutating func makeToken() -> Int {
        defer { nextToken += 1 }
        return nextToken
    }

    func position(ofPane id: Int) -> Int? { state.stack.lastIndex { $0.id == id } }

    func isCurrent(_ paneID: Int) -> Bool { state.stack.last?.id == paneID }

    /// Mutates the pane with this id, if it is still open.
    mutating func withPane(_ id: Int, _ body: (inout PaneState) -> Void) {
        guard let position = position(ofPane: id) else { return }
        body(&state.stack[position])
    }

    mutating func withCurrentPane(_ body: (inout PaneState) -> Void) {
        guard !state.stack.isEmpty else { return }
        body(&state.stack[state.stack.count - 1])
    }
}

/// What a rate-limited read does once its Retry-After has passed.
enum AutoRetry: Sendable, Equatable { case failedRead, refresh }
