/// Navigation as the store's remaining helpers call it; the reducer owns it (`ConsoleModel+Navigation`).
extension ConsoleStore {
    func push(_ kind: PaneKind, context: PaneContext) { run(model.push(kind, context: context, environment)) }

    /// Cancels every request of the pane; what is loaded stays, and an interrupted fetch is asked for again when
    /// the pane is resumed.
    func cancelWork(ofPane paneID: Int) { run(model.cancelRequests(ofPane: paneID)) }

    /// After the selection or viewport moved: drop far pages, fetch what is near, hydrate what is visible.
    func selectionChanged() { run(model.selectionChanged(environment)) }

    func fillErrorsPane(_ paneID: Int) { model.fillErrorsPane(paneID) }

    /// `r` (also after an action that changed what the list shows).
    func refreshCurrentPane() { run(model.refreshCurrentPane(environment)) }
}
