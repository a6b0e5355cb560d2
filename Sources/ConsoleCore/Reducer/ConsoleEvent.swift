/// Everything that can change the console's state: what the user asks for, and what comes back from the effects
/// the reducer asked for (answers carry the token of the request they answer, so a stale one changes nothing).
enum ConsoleEvent: Sendable {
    /// A key, through the view.
    case intent(ConsoleIntent)
    /// A page of a pane's list arrived.
    case pageArrived(paneID: Int, fetch: PagedList.Fetch, token: Int, page: RowPage, latency: Duration)
    /// A page fetch failed; `failure` is nil when it was cancelled.
    case pageFailed(paneID: Int, fetch: PagedList.Fetch, token: Int, failure: ConsoleFailure?, latency: Duration)
    /// A light user row's details arrived.
    case userHydrated(paneID: Int, token: Int, record: UserRecord, latency: Duration)
    /// A user's details could not be read; `failure` is nil when the fetch was cancelled.
    case userHydrationFailed(paneID: Int, userID: String, token: Int, failure: ConsoleFailure?, latency: Duration)
    /// A timer the reducer started is due.
    case timerFired(TimerID)
}
