/// Every kind of pane the console shows, with what the view and the store need to know about it.
public enum PaneKind: String, Sendable, Hashable, CaseIterable {
    case issuers, users, clients, agents, organizations
    case userDetail, sessions, tokens, trustedDevices, verifiers
    case webhooks, deliveries, events, errors

    public var title: String {
        switch self {
        case .issuers: "Issuers"
        case .users: "Users"
        case .clients: "Clients"
        case .agents: "Agents"
        case .organizations: "Organizations"
        case .userDetail: "Detail"
        case .sessions: "Sessions"
        case .tokens: "Tokens"
        case .trustedDevices: "Trusted devices"
        case .verifiers: "Verifiers"
        case .webhooks: "Webhooks"
        case .deliveries: "Deliveries"
        case .events: "Events"
        case .errors: "Errors"
        }
    }

    /// Column headers, in the order of `ConsoleRow.cells`.
    public var columns: [String] {
        switch self {
        case .issuers: ["ID", "NAME", "STATUS", "READINESS", "CREATED"]
        case .users: ["ID", "USERNAME", "NAME", "STATUS", "CREATED"]
        case .clients: ["ID", "NAME", "TYPE", "STATUS", "CREATED"]
        case .agents: ["ID", "NAME", "MODEL", "STATUS", "CREATED"]
        case .organizations: ["ID", "NAME", "TYPE", "STATUS", "CREATED"]
        case .userDetail: ["FIELD", "VALUE"]
        case .sessions: ["ID", "STATUS", "DEVICE", "LOCATION", "LAST ACTIVE", "EXPIRES"]
        case .tokens: ["ID", "NAME", "STATUS", "SCOPES", "EXPIRES"]
        case .trustedDevices: ["ID", "NAME", "USER AGENT", "TRUSTED", "EXPIRES"]
        case .verifiers: ["ID", "TYPE", "STATUS", "CREATED"]
        case .webhooks: ["ID", "NAME", "URL", "STATUS", "EVENTS"]
        case .deliveries: ["ID", "EVENT TYPE", "STATUS", "ATTEMPTS", "LAST RESPONSE", "LAST ATTEMPT"]
        case .events: ["TIME", "TYPE", "SUBJECT", "SOURCE"]
        case .errors: ["TIME", "TYPE", "STATUS", "MESSAGE", "REFERENCE"]
        }
    }

    /// Filter keys (`key:value` in the filter text) that the API filters on, mapped to query parameter names.
    public var serverFilterKeys: [String: String] {
        switch self {
        case .issuers, .clients: ["status": "status"]
        case .users, .agents, .organizations, .sessions, .tokens, .webhooks: ["status": "status"]
        case .deliveries: ["status": "status", "type": "event_type"]
        case .events: ["issuer": "issuer_id", "user": "user_id", "type": "event_types"]
        case .userDetail, .trustedDevices, .verifiers, .errors: [:]
        }
    }

    /// Whether free filter text is sent as the server's `q` (otherwise it filters loaded rows client-side).
    public var supportsServerQuery: Bool {
        self == .issuers || self == .clients
    }

    /// The row actions this pane offers.
    public var actions: [RowActionKind] {
        switch self {
        case .users: [.deleteUser]
        case .sessions: [.revokeSession, .suspendSession, .reactivateSession]
        case .tokens: [.revokeToken]
        case .trustedDevices: [.deleteTrustedDevice, .revokeAllTrustedDevices]
        case .deliveries: [.redeliver]
        default: []
        }
    }

    /// Whether the pane lists data from the server (the user detail and errors panes are built locally).
    public var isServerList: Bool { self != .userDetail && self != .errors }

    /// Whether ⏎ opens something from this pane.
    public var canOpen: Bool { self == .issuers || self == .users || self == .webhooks }

    /// Whether `e` edits a user from this pane.
    public var canEditUser: Bool { self == .users || self == .userDetail }

    /// Panes that Tab / Shift-Tab cycle through, when this pane is one of them.
    public var siblings: [PaneKind]? {
        switch self {
        case .users, .clients, .agents, .organizations: PaneKind.issuerScope
        case .sessions, .tokens, .trustedDevices, .verifiers: PaneKind.userScope
        default: nil
        }
    }

    public static let issuerScope: [PaneKind] = [.users, .clients, .agents, .organizations]
    public static let userScope: [PaneKind] = [.sessions, .tokens, .trustedDevices, .verifiers]
}

/// Command palette targets (`:issuers :users :webhooks :events :errors`).
public enum JumpTarget: String, Sendable, CaseIterable {
    case issuers, users, webhooks, events, errors
}
