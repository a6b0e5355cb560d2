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
    public var lines: [String] { json.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
}
