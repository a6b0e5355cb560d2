import Foundation

extension ConsoleStore {
    /// Starts the fetch the pane needs now, if any (the reducer's `schedulePageFetch`).
    func schedulePageFetch(_ paneID: Int) { run(model.schedulePageFetch(paneID, environment)) }

    /// While a refresh of the pane runs: the pane as it was before, for the view to keep drawing its rows until
    /// the new ones arrive (a slow or dead server must not blank the screen). Nil when no refresh runs.
    public func paneBeforeRefresh(_ paneID: Int) -> PaneState? { state.panesBeforeRefresh[paneID] }

    func readSucceeded(paneID: Int) { model.readSucceeded(paneID: paneID) }

    func raiseRead(_ failure: ConsoleFailure, while subject: String, paneID: Int, retry: AutoRetry, note: String? = nil) {
        run(model.raiseRead(failure, while: subject, paneID: paneID, retry: retry, note: note, environment))
    }

    func moveDuringRefresh(_ paneID: Int, _ target: (Int) -> Int) -> Bool { model.moveDuringRefresh(paneID, target) }

    func retry() { run(model.retry(environment)) }

    // MARK: - G: load to the end

    /// Esc, `.stopLoading`, a movement key (the reducer's `stopLoadToEnd`).
    func stopLoadToEnd() { run(model.stopLoadToEnd(environment)) }

    // MARK: - Users hydration

    /// Fetches the details of the visible light user rows (the reducer's `scheduleHydration`).
    func scheduleHydration(_ paneID: Int) { run(model.scheduleHydration(paneID, environment)) }

    // MARK: - User detail

    func loadUserDetail(_ paneID: Int) { run(model.loadUserDetail(paneID, environment)) }

    func showUserDetail(_ record: UserRecord, paneID: Int) { model.showUserDetail(record, paneID: paneID) }
}

/// The count line of one of a user's lists, as the detail pane shows it.
struct ListCount: Sendable {
    var kind: PaneKind
    var text: String
}

extension PagedList {
    func row(atID id: String) -> ConsoleRow? { index(ofID: id).flatMap { row(at: $0) } }
}
