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

/// What a key asks for. The names are stable: the app maps them to store intents.
public enum KeyAction: String, Sendable, Hashable, CaseIterable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case open, back, nextSibling, previousSibling
    case filter, palette, refresh, mark, describe, edit
    case revoke, suspend, reactivate, redeliver, delete, revokeAll
    case copyID, help, quit
    /// Stops a long load (G loading every page).
    case stop
    /// Describe: wrap long lines or not; scroll sideways; search; next match.
    case toggleWrap, scrollLeft, scrollRight, nextMatch

    /// Changes something on the server: hidden from the hint line in read-only mode.
    public var isMutation: Bool { self == .edit || actionKey != nil }

    /// The row action this key asks for (its pane decides which action that is).
    public var actionKey: ActionKey? {
        switch self {
        case .revoke: .revoke
        case .suspend: .suspend
        case .reactivate: .reactivate
        case .redeliver: .redeliver
        case .delete: .delete
        case .revokeAll: .revokeAll
        default: nil
        }
    }

    /// The key action of a pane's row action.
    public init(_ key: ActionKey) {
        switch key {
        case .revoke: self = .revoke
        case .suspend: self = .suspend
        case .reactivate: self = .reactivate
        case .redeliver: self = .redeliver
        case .delete: self = .delete
        case .revokeAll: self = .revokeAll
        }
    }
}
