extension ConsoleModel {
    /// A movement key.
    mutating func moveSelection(_ target: (Int) -> Int, _ environment: ConsoleEnvironment) -> [Effect] {
        // Any movement key stops G's walk, like Esc: the user has taken the selection back.
        let stopped = stopLoadToEnd(environment)
        guard let paneID = state.current?.id else { return stopped }
        if moveDuringRefresh(paneID, target) { return stopped }
        let viewport = self.viewport
        withCurrentPane { pane in
            pane.selection = target(pane.selection)
            pane.clampSelection(viewport: viewport)
        }
        return stopped + selectionChanged(environment)
    }

    mutating func setViewport(rows: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        viewport = max(rows, 1)
        state.viewportHeight = viewport
        let viewport = self.viewport
        withCurrentPane { pane in pane.scrollToSelection(viewport: viewport) }
        return selectionChanged(environment)
    }

    /// After the selection or viewport moved: drop far pages, fetch what is near, hydrate what is visible.
    mutating func selectionChanged(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current else { return [] }
        if !pane.isFilteredOrSorted {
            let radius = environment.configuration.retainedPagesAround
            withCurrentPane { $0.list.evict(keepingAround: $0.selection, radius: radius) }
        }
        return schedulePageFetch(pane.id, environment) + scheduleHydration(pane.id, environment)
    }

    /// A movement key while a refresh loads: the rows on screen are the ones from before, so the key moves there,
    /// and the refresh selects that row (not the one selected when it began) once it has arrived.
    mutating func moveDuringRefresh(_ paneID: Int, _ target: (Int) -> Int) -> Bool {
        guard refreshTargets[paneID] != nil, var backup = state.panesBeforeRefresh[paneID] else { return false }
        backup.selection = target(backup.selection)
        backup.clampSelection(viewport: viewport)
        state.panesBeforeRefresh[paneID] = backup
        refreshTargets[paneID] = (backup.selectedRow?.id, backup.listIndex(ofRow: backup.selection) ?? 0)
        return true
    }

    /// `.retry` (`r` after a failed read): the failed page, the User detail's read, the paused hydration.
    mutating func retry(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current else { return [] }
        let paneID = pane.id
        var effects: [Effect] = []
        if autoRetries.removeValue(forKey: paneID) != nil { effects.append(.cancel(.timer(.autoRetry(paneID: paneID)))) }
        if pane.kind == .userDetail, pane.list.failureMessage != nil {
            withCurrentPane { $0.list.reset() }
            return effects + loadUserDetail(paneID, environment)
        }
        withCurrentPane { $0.list.retry() }
        hydrationFailures[paneID] = nil
        hydrationPaused.remove(paneID)
        return effects + schedulePageFetch(paneID, environment) + scheduleHydration(paneID, environment)
    }

    // MARK: - Users hydration

    /// Fetches the details of the visible light user rows: bounded concurrency, cached, and cancelled for rows
    /// that scrolled out of view.
    mutating func scheduleHydration(_ paneID: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let position = position(ofPane: paneID) else { return [] }
        guard state.stack[position].kind == .users, let issuerID = state.stack[position].context.issuerID else { return [] }
        let visible = isCurrent(paneID)
            ? state.stack[position].visibleRows(height: viewport).compactMap(\.row).filter(\.needsHydration) : []
        let visibleIDs = Set(visible.map(\.id))
        var effects: [Effect] = []
        var fetches = hydrationFetches[paneID] ?? [:]
        for id in fetches.keys.sorted() where !visibleIDs.contains(id) {
            effects.append(.cancel(.hydration(paneID: paneID, userID: id)))
            fetches[id] = nil
        }
        var fromCache: [ConsoleRow] = []
        let failed = hydrationFailures[paneID] ?? []
        let paused = hydrationPaused.contains(paneID)
        for row in visible where fetches[row.id] == nil && !failed.contains(row.id) {
            if let cached = hydrationCache.value(for: row.id) {
                fromCache.append(cached)
                continue
            }
            guard !paused, fetches.count < environment.configuration.hydrationConcurrency else { continue }
            let token = makeToken()
            fetches[row.id] = token
            state.header.requestsInFlight += 1
            effects.append(.fetchUser(issuerID: issuerID, userID: row.id, paneID: paneID, token: token))
        }
        hydrationFetches[paneID] = fetches
        let hydrating = Set(fetches.keys)
        withPane(paneID) { pane in
            for row in fromCache { pane.list.replace(row) }
            pane.hydratingIDs = hydrating
            if !fromCache.isEmpty { pane.recomputeDisplay() }
        }
        return effects
    }

    mutating func hydrated(_ record: UserRecord, paneID: Int, token: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard hydrationFetches[paneID]?[record.id] == token else { return [] }
        hydrationFetches[paneID]?[record.id] = nil
        let row = record.usersRow
        hydrationCache.set(row, for: record.id)
        withPane(paneID) { pane in
            pane.list.replace(row)
            pane.hydratingIDs.remove(record.id)
            if pane.isFilteredOrSorted { pane.recomputeDisplay() }
        }
        return scheduleHydration(paneID, environment)
    }

    mutating func hydrationFailed(
        _ failure: ConsoleFailure?, userID: String, paneID: Int, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard hydrationFetches[paneID]?[userID] == token else { return [] }
        hydrationFetches[paneID]?[userID] = nil
        withPane(paneID) { $0.hydratingIDs.remove(userID) }
        var effects: [Effect] = []
        if let failure {
            hydrationFailures[paneID, default: []].insert(userID)
            switch failure.kind {
            case .transport, .serverError, .rateLimited: hydrationPaused.insert(paneID)
            default: break
            }
            effects = raiseRead(failure, while: "loading user \(userID)", paneID: paneID, retry: .failedRead, environment)
        }
        return effects + scheduleHydration(paneID, environment)
    }
}
