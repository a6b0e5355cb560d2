extension ConsoleStore {
    /// While a refresh of the pane runs: the pane as it was before, for the view to keep drawing its rows until
    /// the new ones arrive (a slow or dead server must not blank the screen). Nil when no refresh runs.
    public func paneBeforeRefresh(_ paneID: Int) -> PaneState? { state.panesBeforeRefresh[paneID] }
}

/// The count line of one of a user's lists, as the detail pane shows it.
struct ListCount: Sendable {
    var kind: PaneKind
    var text: String
}

extension PagedList {
    func row(atID id: String) -> ConsoleRow? { index(ofID: id).flatMap { row(at: $0) } }
}
