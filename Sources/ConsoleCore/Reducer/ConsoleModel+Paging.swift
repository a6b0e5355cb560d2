import Foundation

extension ConsoleModel {
    /// The fetch the pane needs now, if any: the first page, a dropped page in view, or the next page when the
    /// selection nears the loaded end. Never more than one per pane, and only for the pane on screen.
    mutating func schedulePageFetch(_ paneID: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard isCurrent(paneID), state.loadToEnd?.paneID != paneID, pageFetches[paneID] == nil,
            let position = position(ofPane: paneID)
        else { return [] }
        // The pane is read in place (no copy is kept): a copy alive while the list is mutated would copy its
        // whole page table.
        guard
            let fetch = neededFetch(
                state.stack[position], refreshing: refreshTargets[paneID] != nil, environment.configuration)
        else { return [] }
        let request = Self.pageRequest(for: fetch, pane: state.stack[position], environment.configuration)
        state.stack[position].list.begin(fetch)
        let token = makeToken()
        pageFetches[paneID] = token
        state.header.requestsInFlight += 1
        return [.fetchPage(request, paneID: paneID, fetch: fetch, token: token)]
    }

    private func neededFetch(_ pane: PaneState, refreshing: Bool, _ configuration: ConsoleConfiguration) -> PagedList.Fetch? {
        // A scan fills the pane with matches itself.
        guard pane.kind.isServerList, pane.filterScan == nil else { return nil }
        if refreshing { return pane.list.appendFetch() }
        if pane.isFilteredOrSorted {
            // Over a filtered view, fetch on only while it shows rows: a filter that matches nothing must not
            // page through the whole list by itself (G does that, cancellably).
            let nearEnd = pane.rowCount > 0 && pane.selection >= pane.rowCount - configuration.prefetchDistance - 1
            return nearEnd || !pane.list.hasFirstPage ? pane.list.appendFetch() : nil
        }
        let visible = pane.scrollTop..<(pane.scrollTop + viewport)
        return pane.list.nextFetch(
            focus: pane.selection, visible: visible, prefetchDistance: configuration.prefetchDistance)
    }

    static func pageRequest(
        for fetch: PagedList.Fetch, pane: PaneState, _ configuration: ConsoleConfiguration
    ) -> PageRequest {
        let cursor: String?
        switch fetch {
        case .append(let value): cursor = value
        case .refill(_, let value): cursor = value
        }
        return PageRequest(
            kind: pane.kind, context: pane.context, cursor: cursor, limit: configuration.pageSize,
            query: pane.filter.serverQuery)
    }

    /// A request effect answered (whatever its token): the header counts it and times it.
    mutating func requestEnded(latency: Duration) {
        state.header.requestsInFlight = max(state.header.requestsInFlight - 1, 0)
        state.header.lastLatency = latency
    }

    mutating func pageArrived(
        _ page: RowPage, for fetch: PagedList.Fetch, paneID: Int, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard pageFetches[paneID] == token else { return [] }
        pageFetches[paneID] = nil
        readSucceeded(paneID: paneID)
        let cached = page.rows.map { row in row.needsHydration ? knownUser(listed: row) : row }
        if state.stack.first(where: { $0.id == paneID })?.kind == .issuers { rememberIssuers(page.rows) }
        withPane(paneID) { pane in
            pane.list.complete(fetch, with: RowPage(rows: cached, nextCursor: page.nextCursor, hasMore: page.hasMore))
        }
        if !continueRefresh(paneID) {
            let viewport = self.viewport
            let wanted = pendingSelections[paneID]
            withPane(paneID) { pane in
                pane.recomputeDisplay()
                if let wanted, let index = pane.displayIndex(ofID: wanted) { pane.selection = index }
                pane.clampSelection(viewport: viewport)
            }
            // A jump's row is looked for in the first page only: later pages are the user's to page through.
            pendingSelections[paneID] = nil
        }
        return isCurrent(paneID) ? selectionChanged(environment) : []
    }

    mutating func pageFailed(
        _ failure: ConsoleFailure?, for fetch: PagedList.Fetch, paneID: Int, token: Int,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard pageFetches[paneID] == token else { return [] }
        pageFetches[paneID] = nil
        guard let failure else {
            withPane(paneID) { $0.list.cancelInFlight() }
            return []
        }
        let title = state.stack.first { $0.id == paneID }?.kind.title ?? "list"
        if refreshTargets.removeValue(forKey: paneID) != nil,
            let backup = state.panesBeforeRefresh.removeValue(forKey: paneID)
        {
            // A failed refresh puts the pane back as it was: the rows on screen stay, `r` tries again.
            withPane(paneID) { $0 = backup }
            return raiseRead(
                failure, while: "refreshing \(title)", paneID: paneID, retry: .refresh,
                note: "the rows shown are from before the refresh", environment)
        }
        withPane(paneID) { $0.list.fail(fetch, message: failure.description) }
        return raiseRead(failure, while: "loading \(title)", paneID: paneID, retry: .failedRead, environment)
    }

    /// After a refresh: keeps loading until the previously selected row's position is reached, then selects
    /// that id again when it still exists. Returns whether the refresh is still loading.
    private mutating func continueRefresh(_ paneID: Int) -> Bool {
        guard let target = refreshTargets[paneID], let position = position(ofPane: paneID) else { return false }
        if state.stack[position].list.count <= target.listIndex, state.stack[position].list.hasMore {
            // Keep the viewer at the loaded end so that the next page follows and far pages are dropped.
            withPane(paneID) { $0.selection = max($0.list.count - 1, 0) }
            return true
        }
        refreshTargets[paneID] = nil
        state.panesBeforeRefresh[paneID] = nil
        let viewport = self.viewport
        withPane(paneID) { pane in
            pane.recomputeDisplay()
            if let id = target.id, let index = pane.displayIndex(ofID: id) {
                pane.selection = index
            } else {
                pane.selection = min(target.listIndex, max(pane.rowCount - 1, 0))
            }
            pane.clampSelection(viewport: viewport)
        }
        return false
    }

    /// A light list item shown with the details already known: the cached user when the list says it has not
    /// changed since; when it has, the old details stay on screen, marked to be fetched again.
    mutating func knownUser(listed row: ConsoleRow) -> ConsoleRow {
        guard let cached = hydrationCache.value(for: row.id) else { return row }
        if UserVersion.isCurrent(cached, listed: row) { return cached }
        hydrationCache.remove(row.id)
        var stale = cached
        stale.needsHydration = true
        return stale
    }

    /// Cancels the pane's page fetch, its users' detail fetches and its automatic retry; what is loaded stays,
    /// and an interrupted fetch is asked for again when the pane is resumed.
    mutating func cancelRequests(ofPane paneID: Int) -> [Effect] {
        var effects = pauseFilterScan(paneID)
        state.panesBeforeRefresh[paneID] = nil
        if autoRetries.removeValue(forKey: paneID) != nil { effects.append(.cancel(.timer(.autoRetry(paneID: paneID)))) }
        if pageFetches.removeValue(forKey: paneID) != nil {
            effects.append(.cancel(.page(paneID: paneID)))
            withPane(paneID) { $0.list.cancelInFlight() }
        }
        for userID in (hydrationFetches.removeValue(forKey: paneID) ?? [:]).keys.sorted() {
            effects.append(.cancel(.hydration(paneID: paneID, userID: userID)))
        }
        withPane(paneID) { $0.hydratingIDs = [] }
        if userDetailLoads.removeValue(forKey: paneID) != nil {
            effects.append(.cancel(.userDetail(paneID: paneID)))
            // A user detail interrupted while loading is loaded again when resumed.
            withPane(paneID) { if $0.kind == .userDetail { $0.list.cancelInFlight() } }
        }
        if followPolls.removeValue(forKey: paneID) != nil {
            // Its answer comes back cancelled and is dropped: the next poll goes on the timer (on screen only).
            effects.append(.cancel(.follow(paneID: paneID)))
            if let interval = followIntervalIfFollowing(paneID) {
                effects.append(.startTimer(.follow(paneID: paneID), after: interval))
            }
        }
        if chartReads.removeValue(forKey: paneID) != nil {
            effects.append(.cancel(.chart(paneID: paneID)))
            withPane(paneID) { $0.list.cancelInFlight() }
        }
        if pendingFilters.removeValue(forKey: paneID) != nil {
            effects.append(.cancel(.timer(.filterDebounce(paneID: paneID))))
        }
        if walk != nil, state.loadToEnd?.paneID == paneID {
            effects.append(.cancel(.walk))
            walk = nil
            state.loadToEnd = nil
        }
        return effects
    }

    /// Issuers listed by a page: remembered (bounded) for `:users NAME` wherever the user is.
    mutating func rememberIssuers(_ rows: [ConsoleRow]) {
        var known = Set(state.knownIssuers.map(\.id))
        for row in rows where known.count < ConsoleState.knownIssuersLimit && known.insert(row.id).inserted {
            state.knownIssuers.append(KnownIssuer(id: row.id, name: row.title))
        }
    }
}
