/// What the reducer asks the outside world to do, as data: the `EffectRunner` executes it against the data
/// source and the clock and sends what comes back as a `ConsoleEvent`.
enum Effect: Sendable, Equatable {
    /// Fetch a page of a pane's list; answers `.pageArrived` / `.pageFailed` with the same token.
    case fetchPage(PageRequest, paneID: Int, fetch: PagedList.Fetch, token: Int)
    /// Fetch a user's details to fill a light row; answers `.userHydrated` / `.userHydrationFailed`.
    case fetchUser(issuerID: String, userID: String, paneID: Int, token: Int)
    /// Sends `.timerFired(id)` after `delay` on the clock; replaces a timer with the same id.
    case startTimer(TimerID, after: Duration)
    /// Reads a user for the User detail pane, then counts the user's lists from their first pages:
    /// `.userDetailArrived` / `.userDetailFailed`, one `.userDetailCounted` per list, then `.userDetailEnded`.
    case loadUserDetail(issuerID: String, userID: String, context: PaneContext, pageSize: Int, paneID: Int, token: Int)
    /// A page of a Users filter scan: `.scanPageArrived` / `.scanFailed`.
    case fetchScanPage(PageRequest, paneID: Int, token: Int)
    /// The details of a scanned page's users, `concurrency` at a time: `.scanUsersArrived` / `.scanFailed`.
    case fetchScanUsers([ScanUserID], issuerID: String, concurrency: Int, paneID: Int, token: Int)
    /// Reads the described resource's current version: `.describeArrived`.
    case readForDescribe(PaneKind, rowID: String, context: PaneContext, token: Int)
    /// A row action on each target, conditional on the version shown, `concurrency` at a time:
    /// `.actionFinished` with every target's outcome.
    case performAction(
        RowActionKind, targets: [ActionTarget], paneID: Int, context: PaneContext, columns: [String], concurrency: Int)
    /// Revoke all of a user's trusted devices: `.devicesRevoked`.
    case revokeAllTrustedDevices(issuerID: String, userID: String, action: RowActionKind, paneID: Int)
    /// Reads the user to edit, fresh: `.editRecordArrived`.
    case readForEdit(issuerID: String, userID: String, token: Int)
    /// PATCHes the form's changes with If-Match: `.saveFinished`.
    case saveUser(UserChanges, ifMatch: String?, form: UserEditForm)
    /// After a 412 on save, reads their version: `.theirsArrived`.
    case readTheirs(form: UserEditForm, failure: ConsoleFailure)
    /// Reads a resource for its edit form: `.formRecordArrived`.
    case readForForm(FormAction, rowID: String, context: PaneContext, token: Int)
    /// Sends a create / edit form (Idempotency-Key on a create, If-Match on an edit): `.formSubmitted`.
    case submitForm(ResourceForm)
    /// After a 412 on an edit form, reads their version: `.formTheirsArrived`.
    case readTheirsForForm(ResourceForm, failure: ConsoleFailure)
    /// Lists the credential's accounts (`GET /v1/me`): `.accountsListed`. Executed by the store's shell.
    case listAccounts(token: Int)
    /// Replaces the store's data source with one bound to the account (before the effects that follow it).
    case connectToAccount(String)
    /// `G`: fetches the pages from `request` to the end of the list, one page requested ahead, sending
    /// `.walkPageArrived` for each and `.walkEnded` once. With `mappedTail`, only the last `mappedTail` pages are
    /// mapped to rows (`.walkPageArrived` once the end is known); the pages before come as counts and cursors
    /// (`.walkPagesSkipped`, a few times a second), as the memory bound would drop them anyway.
    case walkToEnd(PageRequest, paneID: Int, token: Int, mappedTail: Int?)
    /// Events followed live: the events after `request.query["after"]` (pages newest first, at most `maxPages`),
    /// without the ids already shown: `.eventsPolled`.
    case pollEvents(PageRequest, knownIDs: Set<String>, maxPages: Int, paneID: Int, token: Int)
    /// The events chart's counts: `.eventCountsArrived`.
    case fetchEventCounts(EventCountsRequest, paneID: Int, token: Int)
    /// Reads the console's own request log (local, no request): `.requestLogRead`.
    case readRequestLog(paneID: Int)
    /// `:export`: walks the list like `walkToEnd`, writing each page to the job's file: `.exportProgressed` per
    /// page, `.exportEnded` once.
    case export(ExportJob, token: Int)
    /// `:usr_…` and the like: finds where the resource lives (its issuer, its user), trying at most
    /// `issuerLimit` issuers; `.locateProgress` while it tries, then one `.located`.
    case locate(String, issuerLimit: Int, token: Int)
    /// Cancels the running effect with this id (its answer, if any, comes back marked cancelled or stale).
    case cancel(EffectID)
}

/// Names a running effect, so that a later effect can cancel it.
enum EffectID: Sendable, Hashable {
    case page(paneID: Int)
    case hydration(paneID: Int, userID: String)
    case timer(TimerID)
    case userDetail(paneID: Int)
    /// The filter scan of a Users pane (its page or its users' details: one at a time).
    case scan(paneID: Int)
    case describe
    case edit
    /// The walk of `G` (one at a time).
    case walk
    /// A poll of the followed Events pane.
    case follow(paneID: Int)
    /// The events chart's read.
    case chart(paneID: Int)
    case requestLog(paneID: Int)
    /// The export (one at a time).
    case export
    /// The id lookup of a jump (one at a time).
    case locate
}

/// The timers the reducer starts.
enum TimerID: Sendable, Hashable {
    /// Ticks the state each second while a rate-limit countdown is on screen.
    case countdown
    /// A rate-limited read of the pane is due again (its Retry-After has passed).
    case autoRetry(paneID: Int)
    /// The refresh interval of `.setAutoRefresh(seconds:)`.
    case autoRefresh
    /// The followed Events pane's next poll is due.
    case follow(paneID: Int)
    /// The pause after the last key typed into a pane's filter: then the filter applies.
    case filterDebounce(paneID: Int)
}

extension Effect {
    /// The id a running instance of this effect is known by.
    var id: EffectID? {
        switch self {
        case .fetchPage(_, let paneID, _, _): .page(paneID: paneID)
        case .fetchUser(_, let userID, let paneID, _): .hydration(paneID: paneID, userID: userID)
        case .startTimer(let timer, _): .timer(timer)
        case .walkToEnd: .walk
        case .export: .export
        case .locate: .locate
        case .readForDescribe: .describe
        case .fetchScanPage(_, let paneID, _), .fetchScanUsers(_, _, _, let paneID, _): .scan(paneID: paneID)
        case .loadUserDetail(_, _, _, _, let paneID, _): .userDetail(paneID: paneID)
        // A write that was sent is never cancelled by navigation: its answer updates the rows.
        case .cancel, .performAction, .revokeAllTrustedDevices, .saveUser, .readTheirs: nil
        case .submitForm, .readTheirsForForm: nil
        case .readForEdit, .readForForm: .edit
        case .pollEvents(_, _, _, let paneID, _): .follow(paneID: paneID)
        case .fetchEventCounts(_, let paneID, _): .chart(paneID: paneID)
        case .readRequestLog(let paneID): .requestLog(paneID: paneID)
        case .listAccounts, .connectToAccount: nil
        }
    }
}
