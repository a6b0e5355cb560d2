/// Everything that can change the console's state: what the user asks for, and what comes back from the effects
/// the reducer asked for (answers carry the token of the request they answer, so a stale one changes nothing).
enum ConsoleEvent: Sendable {
    /// `start()`: the console opens on Issuers.
    case opened
    /// `shutdown()`: every pane's requests are cancelled (the runner then cancels everything else).
    case shutDown
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
    /// The User detail's user arrived, or could not be read (`failure` nil: cancelled).
    case userDetailArrived(paneID: Int, token: Int, record: UserRecord, latency: Duration)
    case userDetailFailed(paneID: Int, userID: String, token: Int, failure: ConsoleFailure?, latency: Duration)
    /// One count line of the User detail ("12", "100+", "unavailable (…)").
    case userDetailCounted(paneID: Int, token: Int, kind: PaneKind, text: String)
    /// The User detail's read and counts are over.
    case userDetailEnded(paneID: Int, token: Int)
    /// A page of a Users filter scan arrived (`cursor`: the one it was asked with).
    case scanPageArrived(paneID: Int, token: Int, cursor: String?, page: RowPage, latency: Duration)
    /// The details of a scanned page's users arrived (each a record or a failure).
    case scanUsersArrived(paneID: Int, token: Int, users: [ScannedUser], latency: Duration)
    /// A request of the scan failed (`failure` nil: cancelled).
    case scanFailed(paneID: Int, token: Int, failure: ConsoleFailure?, latency: Duration)
    /// The described resource as read now (nil: none by that id), or why not; `result` nil when cancelled.
    case describeArrived(token: Int, rowID: String, result: Result<ConsoleRow?, ConsoleFailure>?, latency: Duration)
    /// A row action ended: how it went for each target.
    case actionFinished(
        action: RowActionKind, paneID: Int, context: PaneContext, outcomes: [ActionOutcome], latency: Duration)
    /// Revoke-all on a user's trusted devices answered: how many were revoked, or why not.
    case devicesRevoked(action: RowActionKind, userID: String, paneID: Int, result: Result<Int, ConsoleFailure>, latency: Duration)
    /// The user to edit as read now, or why not (`result` nil: cancelled).
    case editRecordArrived(token: Int, userID: String, result: Result<UserRecord, ConsoleFailure>?, latency: Duration)
    /// The PATCH of the form answered.
    case saveFinished(form: UserEditForm, result: Result<UserRecord, ConsoleFailure>, latency: Duration)
    /// Their version after a 412 on save, or why it could not be read.
    case theirsArrived(form: UserEditForm, failure: ConsoleFailure, result: Result<UserRecord, ConsoleFailure>, latency: Duration)
    /// The resource to edit as read now, or why not (`result` nil: cancelled).
    case formRecordArrived(token: Int, action: FormAction, result: Result<FormRecord, ConsoleFailure>?, latency: Duration)
    /// A create / edit form's write answered; `idempotencyKey` is the one it was sent with.
    case formSubmitted(form: ResourceForm, idempotencyKey: String?, result: Result<FormResult, ConsoleFailure>, latency: Duration)
    /// Their version after a 412 on an edit form, or why it could not be read.
    case formTheirsArrived(form: ResourceForm, failure: ConsoleFailure, result: Result<FormRecord, ConsoleFailure>, latency: Duration)
    /// The console opens on the account picker.
    case accountPickerOpened
    /// The credential's accounts, or why not (`result` nil: cancelled).
    case accountsListed(token: Int, result: Result<[AccountOption], ConsoleFailure>?, latency: Duration)
    /// The export wrote a page: `rows` and `pages` written so far.
    case exportProgressed(token: Int, rows: Int, pages: Int)
    /// The export ended (finished, cancelled, failed, or not started because the file exists).
    case exportEnded(token: Int, outcome: ExportOutcome)
    /// A page of the walk of `G` arrived.
    case walkPageArrived(paneID: Int, fetch: PagedList.Fetch, token: Int, page: RowPage, latency: Duration)
    /// Pages the walk of `G` passed without mapping them (counts and cursors), and the rows it holds unmapped.
    case walkPagesSkipped(paneID: Int, token: Int, pages: [PagedList.SkippedPage], pendingRows: Int, latency: Duration)
    /// The walk of `G` ended: at the list's end, on a failure of `failedFetch`, or cancelled (`failure` nil).
    case walkEnded(paneID: Int, token: Int, failedFetch: PagedList.Fetch?, failure: ConsoleFailure?)
    /// New events of a followed Events pane (newest first), or why not (`result` nil: cancelled); `truncated`
    /// when more came in than the poll reads at once.
    case eventsPolled(paneID: Int, token: Int, result: Result<PolledEvents, ConsoleFailure>?, latency: Duration)
    /// The events chart's counts, or why not (`result` nil: cancelled).
    case eventCountsArrived(paneID: Int, token: Int, result: Result<EventCounts, ConsoleFailure>?, latency: Duration)
    /// The console's request log, newest first.
    case requestLogRead(paneID: Int, entries: [RequestLogEntry])
    /// The id lookup of a jump has tried `tried` of `total` issuers.
    case locateProgress(token: Int, tried: Int, total: Int)
    /// The id lookup ended: where the resource lives, or why not (`result` nil: cancelled).
    case located(token: Int, id: String, result: Result<LocateOutcome, ConsoleFailure>?, latency: Duration)
    /// A timer the reducer started is due.
    case timerFired(TimerID)
}

/// What a poll of the followed events found.
struct PolledEvents: Sendable {
    /// New rows, newest first.
    var rows: [ConsoleRow]
    /// More new events exist than the poll read (`maxPages` pages).
    var truncated: Bool
}
