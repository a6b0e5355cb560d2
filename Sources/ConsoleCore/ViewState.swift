/// What the view keeps between frames — drafts, scroll positions, its own overlays, notices, the Ctrl-C window —
/// held in `ConsoleState` like everything else that is drawn, so a frame depends on the state alone.
/// The view changes it through `ConsoleStore.updateView(_:)`.
public struct ViewState: Sendable, Hashable {
    /// The filter while it is being typed (applied on ⏎).
    public var filterDraft: String?
    /// `/` reopens with the applied filter as if selected: the first character typed replaces it.
    public var filterDraftIsSelected = false
    public var describe = DescribeViewState()
    public var conflictScroll = 0
    /// The cursor in each field of the edit form (characters from the start).
    public var formCursor: [FormField: Int] = [:]
    /// The cursor in each field of a create / edit form, by field name.
    public var resourceFormCursor: [String: Int] = [:]
    /// A view-side message shown in place of the banner until the next key.
    public var notice: ViewNotice?
    /// A message that stays over the banner until its `expiresAt` ("Copied"), whatever is pressed meanwhile.
    public var timedNotice: ViewNotice?
    /// The view's own overlays (help, palette), drawn over the store's screen when no dialog is open.
    public var overlay: ViewOverlay?
    /// When the first Ctrl-C was pressed (clock time): a second one soon after quits whatever the state.
    public var quitRequestedAt: Duration?
    /// Commands run from the palette, newest last (at most `paletteHistoryLimit`): ↑ recalls them.
    public var paletteHistory: [String] = []
    public static let paletteHistoryLimit = 50

    public init() {}
}

/// The describe view's scroll, wrapping, sideways offset and search.
public struct DescribeViewState: Sendable, Hashable {
    public var scroll = 0
    public var wraps = true
    public var column = 0
    /// The applied search, and the one being typed.
    public var search: String?
    public var searchDraft: String?

    public init() {}
}

/// A short message of the view ("Copied", "No match").
public struct ViewNotice: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable { case info, success, warning, error }

    public var severity: Severity
    public var title: String
    public var detail: String?
    /// Clock time when it goes by itself (timed notices).
    public var expiresAt: Duration?

    public init(severity: Severity, title: String, detail: String? = nil, expiresAt: Duration? = nil) {
        self.severity = severity
        self.title = title
        self.detail = detail
        self.expiresAt = expiresAt
    }
}

/// The view's own overlays.
public enum ViewOverlay: Sendable, Hashable {
    /// Key help: the pane it was opened over (nil: the describe view), the search typed, the scroll.
    case help(pane: PaneKind?, query: String, scroll: Int)
    /// The command palette: what is typed, the highlighted completion, the last error, the history entry shown.
    case palette(input: String, selectedCompletion: Int, error: String?, historyIndex: Int?)
}
