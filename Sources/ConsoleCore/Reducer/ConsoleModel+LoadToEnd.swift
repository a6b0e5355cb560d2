extension ConsoleModel {
    /// How often the walk of `G` shows its progress: every page would render a frame (and keep a copy of the page
    /// table alive) a few hundred times a second.
    static let loadToEndProgressInterval: Duration = .milliseconds(250)

    /// `G`: walks the list to its end (the runner streams the pages), or selects the last row when all is loaded.
    mutating func loadToEnd(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, state.loadToEnd == nil else { return [] }
        guard pane.kind.isServerList, pane.filterScan == nil, pane.list.hasMore || !pane.list.hasFirstPage else {
            return moveSelection({ _ in Int.max / 2 }, environment)
        }
        var effects = cancelRequests(ofPane: pane.id)
        state.panesBeforeRefresh[pane.id] = nil
        withCurrentPane { $0.list.retry() }
        guard let current = state.current, let first = current.list.appendFetch() else { return effects }
        let token = makeToken()
        walk = (token, lastShown: environment.elapsed)
        state.loadToEnd = LoadToEndProgress(
            paneID: pane.id, loadedRows: current.list.count, pages: current.list.pageCount,
            startedRows: current.list.count, startedAt: environment.elapsed)
        state.header.requestsInFlight += 1
        let request = Self.pageRequest(for: first, pane: current, environment.configuration)
        // Rows are mapped only for the pages the memory bound keeps around the end (all of them when a client-side
        // filter or sort needs every row).
        let mappedTail = current.isFilteredOrSorted ? nil : environment.configuration.retainedPagesAround + 1
        effects.append(.walkToEnd(request, paneID: pane.id, token: token, mappedTail: mappedTail))
        return effects
    }

    /// A page of the walk: stored in place (no copy of the pane may be alive while its list is mutated: that would
    /// copy the page table on every page), the selection kept at the end, far pages dropped; the state is
    /// published only when the progress is due to show again.
    mutating func walkPageArrived(
        _ page: RowPage, for fetch: PagedList.Fetch, paneID: Int, token: Int, latency: Duration,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard walk?.token == token, let position = position(ofPane: paneID) else { return [] }
        state.header.lastLatency = latency
        readSucceeded(paneID: paneID)
        state.stack[position].list.begin(fetch)
        state.stack[position].list.complete(fetch, with: page)
        let filteredOrSorted = state.stack[position].isFilteredOrSorted
        state.stack[position].selection = max(state.stack[position].rowCount - 1, 0)
        if !filteredOrSorted {
            state.stack[position].list.evict(
                keepingAround: state.stack[position].selection,
                radius: environment.configuration.retainedPagesAround)
        }
        return walkProgress(at: position, pendingRows: 0, environment)
    }

    /// Pages the walk passed without mapping them: stored as dropped pages (cursor and count), the selection kept
    /// at the end.
    mutating func walkPagesSkipped(
        _ pages: [PagedList.SkippedPage], pendingRows: Int, paneID: Int, token: Int, latency: Duration,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard walk?.token == token, let position = position(ofPane: paneID) else { return [] }
        state.header.lastLatency = latency
        readSucceeded(paneID: paneID)
        for page in pages { state.stack[position].list.appendSkipped(page) }
        state.stack[position].selection = max(state.stack[position].rowCount - 1, 0)
        state.stack[position].list.evict(
            keepingAround: state.stack[position].selection, radius: environment.configuration.retainedPagesAround)
        return walkProgress(at: position, pendingRows: pendingRows, environment)
    }

    /// Publishes the walk's progress when it is due to show again (rows stored plus `pendingRows` read but not
    /// yet handed over); quiet otherwise.
    private mutating func walkProgress(at position: Int, pendingRows: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let walk, environment.elapsed - walk.lastShown >= Self.loadToEndProgressInterval else {
            isQuiet = true
            return []
        }
        self.walk?.lastShown = environment.elapsed
        // A filter is applied over the loaded rows when the progress shows, not on every page; a sort only at the
        // end (sorting everything loaded again at each progress made a 50,000-row walk 65 times slower).
        if state.stack[position].isFilteredOrSorted, state.stack[position].sort == nil {
            state.stack[position].recomputeDisplay()
            state.stack[position].selection = max(state.stack[position].rowCount - 1, 0)
        }
        state.stack[position].clampSelection(viewport: viewport)
        if var progress = state.loadToEnd {
            let list = state.stack[position].list
            // Never fewer than shown before: the unmapped tail is counted until its pages are stored.
            progress.loadedRows = max(progress.loadedRows, list.count + pendingRows)
            progress.pages = list.pageCount
            let seconds = (environment.elapsed - progress.startedAt) / .seconds(1)
            progress.rowsPerSecond =
                seconds > 0 ? Int(Double(progress.loadedRows - progress.startedRows) / seconds) : nil
            state.loadToEnd = progress
        }
        return []
    }

    /// The walk ended: at the end of the list, on a failure (`failedFetch` and `failure`), or cancelled.
    mutating func walkEnded(
        paneID: Int, token: Int, failedFetch: PagedList.Fetch?, failure: ConsoleFailure?,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        state.header.requestsInFlight = max(state.header.requestsInFlight - 1, 0)
        guard walk?.token == token else { return [] }
        var effects: [Effect] = []
        if let failedFetch, let failure, let title = state.stack.first(where: { $0.id == paneID })?.kind.title {
            withPane(paneID) { pane in
                pane.list.begin(failedFetch)
                pane.list.fail(failedFetch, message: failure.description)
            }
            effects = raiseRead(
                failure, while: "loading \(title) to the end", paneID: paneID, retry: .failedRead, environment)
        }
        return effects + finishLoadToEnd(paneID: paneID, stoppedByUser: false, environment)
    }

    /// Esc, `.stopLoading` or a movement key while `G` walks: what loaded stays.
    mutating func stopLoadToEnd(_ environment: ConsoleEnvironment) -> [Effect] {
        guard walk != nil, let progress = state.loadToEnd else { return [] }
        return [.cancel(.walk)] + finishLoadToEnd(paneID: progress.paneID, stoppedByUser: true, environment)
    }

    private mutating func finishLoadToEnd(
        paneID: Int, stoppedByUser: Bool, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        walk = nil
        state.loadToEnd = nil
        let viewport = self.viewport
        withPane(paneID) { pane in
            pane.list.cancelInFlight()
            if pane.isFilteredOrSorted { pane.recomputeDisplay() }
            pane.selection = max(pane.rowCount - 1, 0)
            pane.clampSelection(viewport: viewport)
        }
        // Stopped means stopped: no prefetch until the user moves again.
        if stoppedByUser { return scheduleHydration(paneID, environment) }
        return isCurrent(paneID) ? selectionChanged(environment) : []
    }
}
