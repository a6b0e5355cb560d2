public import ConsoleCore

/// Where keys are interpreted: a pane, or the describe view over it.
public enum KeyScope: Sendable, Hashable {
    case pane(PaneKind)
    case describe

    public var title: String {
        switch self {
        case .pane(let kind): kind.title
        case .describe: "Describe"
        }
    }

    /// Every scope, for tests and documentation.
    public static var all: [KeyScope] { PaneKind.allCases.map(KeyScope.pane) + [.describe] }
}

/// What a key asks for. The names are stable: the app maps them to store intents. A pane's row actions are one
/// case carrying the store's `ActionKey`: the pane's descriptor says which action it means there.
public enum KeyAction: Sendable, Hashable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case open, back, nextSibling, previousSibling
    case filter, palette, refresh, mark, describe, edit
    /// n: the pane's create form.
    case create
    /// `*` marks every row shown, `u` clears the marks, `M` marks from the last marked row to the selection.
    case markAll, clearMarks, markRange
    /// `o` sorts by the next column, `O` reverses the order.
    case sortNextColumn, reverseSort
    /// Ctrl-Z: suspends the console to the shell (`fg` brings it back).
    case suspendToShell
    case row(ActionKey)
    case copyID, help, quit
    /// Y: copies the selected row as JSON (secrets removed).
    case copyRow
    /// Stops a long load (G loading every page).
    case stop
    /// Describe: wrap long lines or not; scroll sideways; search; next match.
    case toggleWrap, scrollLeft, scrollRight, nextMatch
    /// A pane's own key (its descriptor's `paneKeys`).
    case pane(PaneCommand)
    /// `L`: the Requests pane at the banner's request.
    case openBannerRequest

    public static let revoke = KeyAction.row(.revoke)
    public static let suspend = KeyAction.row(.suspend)
    public static let reactivate = KeyAction.row(.reactivate)
    public static let redeliver = KeyAction.row(.redeliver)
    public static let delete = KeyAction.row(.delete)
    public static let revokeAll = KeyAction.row(.revokeAll)
    public static let rotate = KeyAction.row(.rotate)
    public static let block = KeyAction.row(.block)
    public static let unblock = KeyAction.row(.unblock)
    public static let enable = KeyAction.row(.enable)
    public static let disable = KeyAction.row(.disable)
    public static let resend = KeyAction.row(.resend)

    public static let allCases: [KeyAction] = [
        .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom, .open, .back, .nextSibling, .previousSibling,
        .filter, .palette, .refresh, .mark, .describe, .edit, .create, .markAll, .clearMarks, .markRange, .sortNextColumn,
        .reverseSort, .suspendToShell,
    ] + ActionKey.allCases.map(KeyAction.row) + [
        .copyID, .copyRow, .help, .quit, .stop, .toggleWrap, .scrollLeft, .scrollRight, .nextMatch, .openBannerRequest,
        .pane(.toggleFollow), .pane(.openChart),
    ] + ChartWindow.allCases.map { .pane(.chartWindow($0)) }

    /// The stable name ("moveUp", "revoke"), as help search and the documentation read it.
    public var rawValue: String {
        switch self {
        case .row(let key): return key.rawValue
        case .pane(.toggleFollow): return "follow"
        case .pane(.openChart): return "chart"
        case .pane(.chartWindow(let window)): return "window\(window.rawValue.capitalized)"
        default: return String(describing: self)
        }
    }

    /// Changes something on the server: hidden from the hint line in read-only mode.
    public var isMutation: Bool { self == .edit || self == .create || actionKey != nil }

    /// The row action this key asks for (its pane decides which action that is).
    public var actionKey: ActionKey? {
        if case .row(let key) = self { return key }
        return nil
    }
}
