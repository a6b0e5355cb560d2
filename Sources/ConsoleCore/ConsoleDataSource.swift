/// What the store asks of the server. `AuthPIDataSource` implements it with the client core; tests may use
/// in-memory sources. Methods throw `ConsoleFailure` for server and transport errors (anything else is shown as
/// an unexpected error) and `CancellationError` when cancelled.
public protocol ConsoleDataSource: Sendable {
    /// One page of a server list pane.
    func fetchPage(_ request: PageRequest) async throws -> RowPage
    /// The full user, with the ETag of this version.
    func fetchUser(issuerID: String, userID: String) async throws -> UserRecord
    /// PATCH the user; `ifMatch` makes it conditional (412 → `ConsoleFailure.Kind.preconditionFailed`).
    func updateUser(issuerID: String, userID: String, changes: UserChanges, ifMatch: String?) async throws
        -> UserRecord
    /// Runs one row action; returns the row as the server now has it, or nil when the resource is gone.
    /// `ifMatch` makes it conditional (412 → `ConsoleFailure.Kind.preconditionFailed`).
    func perform(_ action: RowActionKind, rowID: String, context: PaneContext, ifMatch: String?) async throws
        -> ConsoleRow?
    /// One row of a pane read now, with its ETag (users, sessions, tokens); nil for kinds the API cannot read
    /// one by one (trusted devices, …).
    func fetchCurrent(_ kind: PaneKind, rowID: String, context: PaneContext) async throws -> ConsoleRow?
    /// Revokes every trusted device of the user; returns how many were revoked.
    func revokeAllTrustedDevices(issuerID: String, userID: String) async throws -> Int
}

/// A request for one page of a list pane.
public struct PageRequest: Sendable, Hashable {
    public var kind: PaneKind
    public var context: PaneContext
    public var cursor: String?
    public var limit: Int
    /// Query parameters from the filter (`status`, `event_types`, `q`, …).
    public var query: [String: String]

    public init(kind: PaneKind, context: PaneContext, cursor: String?, limit: Int, query: [String: String] = [:]) {
        self.kind = kind
        self.context = context
        self.cursor = cursor
        self.limit = limit
        self.query = query
    }
}

/// One page of rows and where the next one starts.
public struct RowPage: Sendable, Hashable {
    public var rows: [ConsoleRow]
    public var nextCursor: String?
    public var hasMore: Bool

    public init(rows: [ConsoleRow], nextCursor: String?, hasMore: Bool) {
        self.rows = rows
        self.nextCursor = nextCursor
        // A page that says "more" without a cursor cannot be followed: treat it as the end.
        self.hasMore = hasMore && nextCursor != nil
    }
}

/// The row actions the console offers.
public enum RowActionKind: String, Sendable, Hashable, CaseIterable {
    case revokeSession, suspendSession, reactivateSession, revokeToken
    case deleteTrustedDevice, revokeAllTrustedDevices, redeliver, deleteUser

    /// The verb shown in confirmations and banners.
    public var verb: String {
        switch self {
        case .revokeSession, .revokeToken: "Revoke"
        case .suspendSession: "Suspend"
        case .reactivateSession: "Reactivate"
        case .deleteTrustedDevice, .deleteUser: "Delete"
        case .revokeAllTrustedDevices: "Revoke all"
        case .redeliver: "Redeliver"
        }
    }

    /// "revoking", "deleting", …
    public var gerund: String {
        switch self {
        case .revokeSession, .revokeToken, .revokeAllTrustedDevices: "revoking"
        case .suspendSession: "suspending"
        case .reactivateSession: "reactivating"
        case .deleteTrustedDevice, .deleteUser: "deleting"
        case .redeliver: "redelivering"
        }
    }

    public var pastTense: String {
        switch self {
        case .revokeSession, .revokeToken, .revokeAllTrustedDevices: "revoked"
        case .suspendSession: "suspended"
        case .reactivateSession: "reactivated"
        case .deleteTrustedDevice, .deleteUser: "deleted"
        case .redeliver: "redelivered"
        }
    }

    /// Singular / plural noun of what it acts on.
    public func noun(_ count: Int) -> String {
        let one: String
        switch self {
        case .revokeSession, .suspendSession, .reactivateSession: one = "session"
        case .revokeToken: one = "token"
        case .deleteTrustedDevice, .revokeAllTrustedDevices: one = "trusted device"
        case .redeliver: one = "delivery"
        case .deleteUser: one = "user"
        }
        if count == 1 { return one }
        return one == "delivery" ? "deliveries" : one + "s"
    }

    /// Whether the action acts on the pane as a whole rather than on rows.
    public var isPaneWide: Bool { self == .revokeAllTrustedDevices }

    /// Whether the console makes the action conditional on the version shown (If-Match), reading the resource
    /// first when the list gave no ETag. Trusted devices have no read of one device (their list carries no
    /// ETag), revoke-all acts on a set, and redeliver re-sends a past delivery: those go unconditional.
    public var sendsIfMatch: Bool {
        switch self {
        case .revokeSession, .suspendSession, .reactivateSession, .revokeToken, .deleteUser: true
        case .deleteTrustedDevice, .revokeAllTrustedDevices, .redeliver: false
        }
    }

    /// The pane whose rows the action acts on.
    public var paneKind: PaneKind {
        switch self {
        case .revokeSession, .suspendSession, .reactivateSession: .sessions
        case .revokeToken: .tokens
        case .deleteTrustedDevice, .revokeAllTrustedDevices: .trustedDevices
        case .redeliver: .deliveries
        case .deleteUser: .users
        }
    }

    /// "delete anyway", "revoke anyway", … for the dialog after a 412.
    public var anywayLabel: String { verb.lowercased() + " anyway" }

    /// Whether a success removes the row.
    public var removesRow: Bool { self == .deleteTrustedDevice || self == .deleteUser }
}

/// The keys that request an action; the pane decides which action they mean.
public enum ActionKey: String, Sendable, Hashable {
    case revoke, suspend, reactivate, redeliver, delete, revokeAll

    func action(in kind: PaneKind) -> RowActionKind? {
        switch (self, kind) {
        case (.revoke, .sessions): .revokeSession
        case (.revoke, .tokens): .revokeToken
        case (.suspend, .sessions): .suspendSession
        case (.reactivate, .sessions): .reactivateSession
        case (.redeliver, .deliveries): .redeliver
        case (.delete, .trustedDevices): .deleteTrustedDevice
        case (.delete, .users): .deleteUser
        case (.revokeAll, .trustedDevices): .revokeAllTrustedDevices
        default: nil
        }
    }
}
