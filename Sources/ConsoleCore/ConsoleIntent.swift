/// What the user asked for. The view maps keys to intents and sends them with `ConsoleStore.send(_:)`.
public enum ConsoleIntent: Sendable, Hashable {
    /// The view's table height changed (rows).
    case setViewport(rows: Int)
    /// ↑ ↓ / j k (negative = up).
    case move(by: Int)
    case pageDown, pageUp
    /// g: first row.
    case moveToTop
    /// G: loads pages up to the end (progress in `loadToEnd`), then selects the last row.
    case moveToEnd
    /// Select a displayed row (mouse, tests).
    case select(index: Int)
    /// ⏎: open / drill down.
    case open
    /// Esc / Backspace: back to the previous pane, as it was.
    case back
    /// Esc in context: closes a dialog, stops `G`, else goes back.
    case escape
    /// Tab / Shift-Tab.
    case nextSibling, previousSibling
    /// The command palette's `:issuers :users :webhooks :events :errors :apikeys`.
    case jump(JumpTarget)
    /// `:users ISSUER` (`:clients ISSUER`, …): the pane of that issuer, named by id or by name.
    case jumpInIssuer(JumpTarget, issuer: String)
    /// `:usr_…`, `:ses_…`, `:wh_…`, `:i_…`: opens that resource where it lives, its parents on the stack (an
    /// id whose issuer is unknown is looked for in the issuers, with progress).
    case jumpToID(String)
    /// The filter line: `key:value` words the API supports go to the server, the rest filters loaded rows
    /// (or is sent as `q` where the API has it).
    case setFilter(String)
    case clearFilter
    /// Sort the loaded rows by a column; again on the same column reverses, a third time clears.
    case sort(column: Int)
    /// `o`: sort by the next column (ascending); after the last column, no sort.
    case sortNextColumn
    /// `O`: reverse the order of the sort (▲ / ▼).
    case reverseSort
    /// Space: mark / unmark the selected row, and move down.
    case toggleMark
    /// `u`: clear every mark of the pane.
    case clearMarks
    /// `*`: mark every row shown (the filter's matches, when filtered).
    case markAll
    /// `M`: mark the rows from the last one marked to the selection.
    case markRange
    /// A character typed into the filter: applied after a pause (debounced), not on every key.
    case typeFilter(String)
    /// r: refetch, keeping the selection on the same id.
    case refresh
    /// Retry a failed page fetch.
    case retry
    /// Stops `G`.
    case stopLoading
    /// `:export PATH`: writes the current list (every page, with its filter) as CSV or JSON lines.
    case export(path: String)
    /// Esc while an export runs: the rows written so far stay in the partial file.
    case cancelExport
    /// d: describe the selected row.
    case describe
    /// x / s / a / R / D / X: ask for confirmation of an action.
    case action(ActionKey)
    /// y in a confirmation (or discard / quit question).
    case confirm
    /// n / Esc in a dialog.
    case cancelDialog
    /// e: edit the user.
    case editUser
    /// Typing into a field of the edit form.
    case setField(FormField, String)
    /// Adds or removes a custom field in the form.
    case addCustomField(String)
    case removeCustomField(String)
    case focusNextField, focusPreviousField
    /// Enter in the form.
    case save
    /// o / t / m / c in the conflict dialog.
    case resolveConflict(ConflictChoice)
    case dismissBanner
    /// Interval refresh of the current pane every N seconds; nil turns it off.
    case setAutoRefresh(seconds: Int?)
    /// The client core is waiting `seconds` before retrying a rate-limited read by itself (nil: it got an answer).
    case clientWaitsForRateLimit(seconds: Int?)
    /// A pane's own key (Events: `f` follow, `c` chart; the chart: `1` `2` `3` its window).
    case paneCommand(PaneCommand)
    /// `L`: the Requests pane, at the request the banner names (its `ref req_…`).
    case openBannerRequest
    /// n: the pane's create form.
    case newResource
    /// e: the pane's edit form (a user's own form where the pane edits users).
    case edit
    /// Typing into a field of a create / edit form (by field name).
    case setFormValue(String, String)
    /// ←→ on a picker field: the next / previous option, or the highlight of a list.
    case stepOption(Int)
    /// Space on a multi-choice list: picks or unpicks the highlighted option.
    case toggleOption
    /// The one-time secret dialog's secret was copied (OSC 52) by the view.
    case secretCopied
    /// q.
    case quit
}
