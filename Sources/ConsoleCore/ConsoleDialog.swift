/// A modal over the panes.
public enum ConsoleDialog: Sendable, Hashable {
    case confirm(Confirmation)
    case edit(UserEditForm)
    case conflict(EditConflict)
    case describe(Description)
    /// Esc on a form with changes: discard them?
    case discardEdit(UserEditForm)
    /// Quit with an unsaved edit?
    case confirmQuit(UserEditForm)
    /// An action found its targets changed since shown (412): what changed, "… anyway" or cancel.
    case actionConflict(ActionConflict)
    /// `n` / `e` on a resource other than a user: a create or edit form.
    case form(ResourceForm)
    /// A 412 on an edit form: base | mine | theirs.
    case formConflict(FormConflict)
    /// Esc (or q, then `quits`) on a form with input: discard it?
    case discardForm(ResourceForm, quits: Bool)
    /// A secret the API returned once (created key or token, rotated secret): shown once, with copy.
    case secret(SecretReveal)
    /// `:export` to a file that exists (or whose partial name does): replace it?
    case confirmOverwrite(ExportJob)
}

/// The targets of an action that changed since they were shown; nothing was done to them.
public struct ActionConflict: Sendable, Hashable {
    public var action: RowActionKind
    public var targets: [ChangedTarget]
    /// Targets of the same action that were done, and that failed otherwise.
    public var succeeded: Int
    public var failed: Int
    let paneID: Int
    let context: PaneContext

    /// "alice@acme.test: STATUS active → blocked; NAME Ann → Anna" per target.
    public var lines: [String] {
        targets.map { target in
            let what = target.changes.isEmpty
                ? "changed (not in a column shown here; d describes it)"
                : target.changes.map { "\($0.column) \($0.shown) → \($0.current)" }.joined(separator: "; ")
            return "\(target.title): \(what)"
        }
    }
}

/// One target that changed since shown, with its current version (whose ETag "… anyway" sends as If-Match).
public struct ChangedTarget: Sendable, Hashable {
    public var id: String
    public var title: String
    public var changes: [RowChange]
    public var current: ConsoleRow?
}

/// A pending action waiting for y / n.
public struct Confirmation: Sendable, Hashable {
    public var action: RowActionKind
    /// Ids it acts on (empty for pane-wide actions).
    public var targetIDs: [String]
    /// Whether the targets are the marked rows (else the selected row).
    public var usesMarks: Bool
    /// Marked rows that the current filter hides.
    public var hiddenByFilter: Int
    public var message: String
    let paneID: Int
}

/// `d` describe: a resource as pretty JSON.
public struct Description: Sendable, Hashable {
    public var title: String
    public var json: String
    /// While the current version loads, or when it could not be loaded (then the JSON is the version listed).
    public var note: String?
    /// The resource, to apply a fresh read only to the describe it was started for.
    var resourceID: String?
    public var lines: [String] { json.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    public init(title: String, json: String, note: String? = nil) {
        self.title = title
        self.json = json
        self.note = note
    }
}
