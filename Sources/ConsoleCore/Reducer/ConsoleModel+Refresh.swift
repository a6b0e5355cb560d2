extension ConsoleModel {
    /// `r`: fetch again from the first page, keeping the selection on the same id when it still exists.
    mutating func refreshCurrentPane(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current else { return [] }
        var effects = cancelRequests(ofPane: pane.id)
        hydrationFailures[pane.id] = nil
        hydrationPaused.remove(pane.id)
        if pane.filterScan != nil, Self.needsFilterScan(pane) {
            return effects + startFilterScan(pane.id, environment)
        }
        switch pane.kind {
        case .errors:
            fillErrorsPane(pane.id)
        case .requests:
            effects.append(.readRequestLog(paneID: pane.id))
        case .eventsChart:
            effects += readChart(environment)
        case .userDetail:
            if let current = state.current, current.userRecord != nil { state.panesBeforeRefresh[pane.id] = current }
            withCurrentPane { $0.list.reset() }
            effects += loadUserDetail(pane.id, environment)
        default:
            // Hydrated users are not dropped: each page says, by `updated_at`, which of them changed.
            refreshTargets[pane.id] = (pane.selectedRow?.id, pane.listIndex(ofRow: pane.selection) ?? 0)
            if let current = state.current, current.list.hasFirstPage { state.panesBeforeRefresh[pane.id] = current }
            withCurrentPane { pane in
                pane.list.reset()
                pane.display = pane.display.map { _ in [] }
            }
            effects += schedulePageFetch(pane.id, environment)
            if state.current?.follow != nil {
                // A followed list reloaded from the newest event takes new rows again.
                withCurrentPane { $0.follow?.stoppedReason = nil }
                effects.append(.startTimer(.follow(paneID: pane.id), after: environment.configuration.followInterval))
            }
        }
        return effects
    }

    /// A rate-limited read's Retry-After has passed: asked again if the pane is still on screen.
    mutating func autoRetryDue(paneID: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let (mode, bannerID) = autoRetries.removeValue(forKey: paneID) else { return [] }
        guard isCurrent(paneID), let pane = state.current else { return [] }
        switch mode {
        case .refresh:
            guard refreshTargets[paneID] == nil, pageFetches[paneID] == nil else { return [] }
            if state.banner?.id == bannerID { state.banner = nil }
            return refreshCurrentPane(environment)
        case .failedRead:
            guard pane.list.failureMessage != nil || !(hydrationFailures[paneID] ?? []).isEmpty else { return [] }
            if state.banner?.id == bannerID { state.banner = nil }
            return retry(environment)
        }
    }

    mutating func setAutoRefresh(_ seconds: Int?) -> [Effect] {
        guard let seconds, seconds > 0 else {
            state.autoRefreshSeconds = nil
            return [.cancel(.timer(.autoRefresh))]
        }
        state.autoRefreshSeconds = seconds
        return [.startTimer(.autoRefresh, after: .seconds(seconds))]
    }

    /// The refresh interval is due: refresh, and wait for the next one.
    mutating func autoRefreshDue(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let seconds = state.autoRefreshSeconds else { return [] }
        let next = Effect.startTimer(.autoRefresh, after: .seconds(seconds))
        // Never refresh under an open dialog or a running load: the user is in the middle of something.
        // Nor over a Users filter's scan: each tick would walk the whole list again (`r` does, when asked).
        guard state.dialog == nil, state.loadToEnd == nil, !(state.current?.list.isLoading ?? true),
            state.current?.filterScan == nil
        else {
            isQuiet = true
            return [next]
        }
        return refreshCurrentPane(environment) + [next]
    }

    /// Typing in the edit form (not while it is being saved).
    mutating func updateForm(_ change: (inout UserEditForm) -> Void) {
        guard case .edit(var form) = state.dialog, !form.isSaving else { return }
        change(&form)
        state.dialog = .edit(form)
    }

    static func neighbour(of field: FormField, in fields: [FormField], step: Int) -> FormField {
        guard let index = fields.firstIndex(of: field), !fields.isEmpty else { return fields.first ?? .username }
        return fields[(index + step + fields.count) % fields.count]
    }

    /// q: asks first when an edit is unsaved.
    mutating func quit() {
        if state.hasUnsavedEdit {
            switch state.dialog {
            case .edit(let form), .discardEdit(let form): state.dialog = .confirmQuit(form)
            case .conflict(let conflict): state.dialog = .confirmQuit(conflict.form)
            case .form(let form), .discardForm(let form, _): state.dialog = .discardForm(form, quits: true)
            case .formConflict(let conflict): state.dialog = .discardForm(conflict.form, quits: true)
            default: break
            }
            return
        }
        closeSecret()
        state.shouldQuit = true
    }

    /// Esc: closes a dialog, stops G or a scan, clears a filter, else goes back.
    mutating func escape(_ environment: ConsoleEnvironment) -> [Effect] {
        if state.dialog != nil { return cancelDialog(environment) }
        if state.export != nil { return cancelExport() }
        if state.loadToEnd != nil { return stopLoadToEnd(environment) }
        if let stopped = stopLocating() { return stopped }
        if let pane = state.current, pane.filterScan?.isRunning == true {
            // Esc stops the scan first; the matches found stay, a second Esc clears the filter.
            return stopFilterScan(pane.id)
        }
        if let pane = state.current, !pane.filterText.isEmpty {
            // The spec's "/ filter (Esc clears)": a filtered list is cleared before Esc leaves the pane.
            return setFilter("", environment)
        }
        return back(environment)
    }
}
