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
}
