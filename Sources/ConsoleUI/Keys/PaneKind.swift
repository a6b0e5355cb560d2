/// The panes of the console (spec: "Panes and columns"), as far as keys and layout are concerned.
public enum PaneKind: String, Sendable, Hashable, CaseIterable {
    case issuers, users, userDetail, sessions, tokens, trustedDevices, verifiers
    case clients, agents, organizations, webhooks, deliveries, events, errors

    public var title: String {
        switch self {
        case .issuers: "Issuers"
        case .users: "Users"
        case .userDetail: "User"
        case .sessions: "Sessions"
        case .tokens: "Tokens"
        case .trustedDevices: "Trusted devices"
        case .verifiers: "Verifiers"
        case .clients: "Clients"
        case .agents: "Agents"
        case .organizations: "Organizations"
        case .webhooks: "Webhooks"
        case .deliveries: "Deliveries"
        case .events: "Events"
        case .errors: "Errors"
        }
    }
}

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
