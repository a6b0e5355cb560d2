public import AuthPIAdmin

/// A row (or pane-wide) action as its pane describes it: the key, the words for confirmations and banners, the
/// typed client call, and how it is sent. Each pane's file declares its own (`RowActionKind.revokeSession`, …).
public struct RowActionKind: Sendable, Hashable, CustomStringConvertible {
    /// Whom the action acts on.
    public enum Reach: Sendable, Hashable {
        /// The selected row, or every marked one; `bulk` says whether help and hints offer marking for it.
        case rows(bulk: Bool)
        /// The pane as a whole (every trusted device of the user).
        case pane
    }

    /// A stable name ("revokeSession"): what identifies the action.
    public let name: String
    /// What the key asks for (the store receives it in `ConsoleIntent.action`).
    public let key: ActionKey
    /// The key on the keyboard.
    public let glyph: Character
    /// "Revoke", shown in confirmations and banners; lowercased, the key hint.
    public let verb: String
    /// "revoking"
    public let gerund: String
    /// "revoked"
    public let pastTense: String
    let singular: String
    let plural: String
    /// The line in help (`?`).
    public let help: String
    public let reach: Reach
    /// Whether the console makes the action conditional on the version shown (If-Match), reading the resource
    /// first when the list gave no ETag.
    public let sendsIfMatch: Bool
    /// Whether a success removes the row.
    public let removesRow: Bool
    /// The pane whose rows the action acts on.
    public let paneKind: PaneKind
    /// The typed client call: the row as the server now has it, or nil when the resource is gone.
    let run: @Sendable (AuthPIClient, _ rowID: String, PaneContext, _ ifMatch: String?) async throws -> ConsoleRow?
    /// For an action whose answer carries a one-time secret (a rotation): the call that returns the row and the
    /// secret, shown once in its own dialog. Nil for every other action.
    let reveal: (@Sendable (AuthPIClient, _ rowID: String, PaneContext, _ ifMatch: String?) async throws -> FormResult)?

    public init(
        _ name: String, key: ActionKey, glyph: Character, on paneKind: PaneKind, verb: String, gerund: String,
        pastTense: String, noun: String, plural: String? = nil, help: String, reach: Reach, sendsIfMatch: Bool,
        removesRow: Bool = false,
        reveal: (@Sendable (AuthPIClient, _ rowID: String, PaneContext, _ ifMatch: String?) async throws -> FormResult)? = nil,
        run: @escaping @Sendable (AuthPIClient, _ rowID: String, PaneContext, _ ifMatch: String?) async throws
            -> ConsoleRow?
    ) {
        self.name = name
        self.key = key
        self.glyph = glyph
        self.paneKind = paneKind
        self.verb = verb
        self.gerund = gerund
        self.pastTense = pastTense
        self.singular = noun
        self.plural = plural ?? noun + "s"
        self.help = help
        self.reach = reach
        self.sendsIfMatch = sendsIfMatch
        self.removesRow = removesRow
        self.run = run
        self.reveal = reveal
    }

    /// Whether the answer carries a one-time secret (then it acts on one row, never on marks).
    public var revealsSecret: Bool { reveal != nil }

    /// Singular / plural noun of what it acts on.
    public func noun(_ count: Int) -> String { count == 1 ? singular : plural }

    /// Whether the action acts on the pane as a whole rather than on rows.
    public var isPaneWide: Bool { reach == .pane }

    /// "delete anyway", "revoke anyway", … for the dialog after a 412.
    public var anywayLabel: String { verb.lowercased() + " anyway" }

    /// The key-hint word ("revoke", "revoke all").
    public var hint: String { verb.lowercased() }

    public var description: String { name }

    /// Every action of every pane.
    public static var allCases: [RowActionKind] { PaneKind.allCases.flatMap(\.descriptor.actions) }

    public static func == (lhs: RowActionKind, rhs: RowActionKind) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// What an action key asks for, whatever the pane; the pane's descriptor says which action it means there.
public enum ActionKey: String, Sendable, Hashable, CaseIterable {
    case revoke, suspend, reactivate, redeliver, delete, revokeAll
    case block, unblock, enable, disable, resend, rotate

    /// The action this key means in a pane, if any.
    public func action(in kind: PaneKind) -> RowActionKind? {
        kind.descriptor.actions.first { $0.key == self }
    }
}
