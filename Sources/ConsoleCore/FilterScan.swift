/// A pane's list and position before a filter scan, with the server query it was read with.
struct ListBeforeScan: Sendable {
    var list: PagedList
    var selection: Int
    var scrollTop: Int
    var serverQuery: [String: String]
}

/// A text filter on Users searched over the whole list: list items carry no username, so the store walks the
/// pages and fetches each user's details (bounded concurrency) to test the filter. Only matches are kept.
public struct FilterScanProgress: Sendable, Hashable {
    public enum Phase: Sendable, Hashable {
        case running
        /// Every page was walked: the matches are all the matches.
        case finished
        /// Esc stopped it; the matches found so far stay.
        case stoppedByUser
        /// It stopped at the match limit (memory stays bounded); the filter should be narrower.
        case stoppedAtLimit(Int)
        /// A request failed; the matches found so far stay, `r` scans again.
        case failed(String)
        /// The pane was left while scanning; it goes on when the pane is shown again.
        case paused
    }

    public internal(set) var phase: Phase = .running
    public internal(set) var matches = 0
    /// Users tested so far.
    public internal(set) var scanned = 0
    /// Users in the list, known only once the last page was read.
    public internal(set) var total: Int?
    /// Where the walk goes on (nil before the first page).
    var nextCursor: String?
    var hasStarted = false

    public var isRunning: Bool { phase == .running }

    /// What was searched, for the line under the rows: never a total or an end that was not reached.
    /// `shown` is the matches the pane holds now (a deleted match is gone from both).
    public func summary(shown: Int) -> String {
        let found = "\(DisplayFormat.count(shown)) \(shown == 1 ? "match" : "matches")"
        let scannedText = DisplayFormat.count(scanned)
        switch phase {
        case .running:
            return "⋯ \(found) · \(scannedText) users scanned so far (Esc stops)"
        case .finished:
            return "\(found) · all \(DisplayFormat.count(total ?? scanned)) users scanned"
        case .stoppedByUser:
            return "\(found) · stopped after \(scannedText) users (more not scanned; r scans again)"
        case .stoppedAtLimit(let limit):
            return "\(found) · stopped at \(DisplayFormat.count(limit)) matches after \(scannedText) users: narrow the filter"
        case .failed(let message):
            return "\(found) · scan stopped after \(scannedText) users: \(message) (r scans again)"
        case .paused:
            return "\(found) · \(scannedText) users scanned so far (paused)"
        }
    }
}
