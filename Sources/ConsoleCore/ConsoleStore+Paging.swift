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

    /// A rate-limited read's Retry-After has passed: asked again if the pane is still on screen.
    func autoRetryDue(paneID: Int) {
        guard let (mode, bannerID) = model.autoRetries.removeValue(forKey: paneID) else { return }
        guard isCurrent(paneID), let pane = state.current else { return }
        switch mode {
        case .refresh:
            guard refreshTargets[paneID] == nil, model.pageFetches[paneID] == nil else { return }
            if state.banner?.id == bannerID { state.banner = nil }
            refreshCurrentPane()
        case .failedRead:
            guard pane.list.failureMessage != nil || !(hydrationFailures[paneID] ?? []).isEmpty else { return }
            if state.banner?.id == bannerID { state.banner = nil }
            retry()
        }
    }

    func moveDuringRefresh(_ paneID: Int, _ target: (Int) -> Int) -> Bool { model.moveDuringRefresh(paneID, target) }

    func retry() { run(model.retry(environment)) }

    /// `r`: fetch again from the first page, keeping the selection on the same id when it still exists.
    func refreshCurrentPane() {
        guard let pane = state.current else { return }
        cancelWork(ofPane: pane.id)
        hydrationFailures[pane.id] = nil
        hydrationPaused.remove(pane.id)
        if pane.filterScan != nil, needsFilterScan(pane) {
            startFilterScan(pane.id)
            return
        }
        switch pane.kind {
        case .errors:
            fillErrorsPane(pane.id)
        case .userDetail:
            if let current = state.current, current.userRecord != nil { refreshBackups[pane.id] = current }
            withCurrentPane { $0.list.reset() }
            loadUserDetail(pane.id)
        default:
            // Hydrated users are not dropped: each page says, by `updated_at`, which of them changed.
            refreshTargets[pane.id] = (pane.selectedRow?.id, pane.listIndex(ofRow: pane.selection) ?? 0)
            if let current = state.current, current.list.hasFirstPage { refreshBackups[pane.id] = current }
            withCurrentPane { pane in
                pane.list.reset()
                pane.display = pane.display.map { _ in [] }
            }
            schedulePageFetch(pane.id)
        }
    }

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
