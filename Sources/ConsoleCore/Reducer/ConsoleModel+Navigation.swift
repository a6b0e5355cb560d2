extension ConsoleModel {
    /// Opens a pane on top of the stack; the pane it covers stops its requests.
    mutating func push(_ kind: PaneKind, context: PaneContext, _ environment: ConsoleEnvironment) -> [Effect] {
        var effects = state.stack.last.map { cancelRequests(ofPane: $0.id) } ?? []
        // Walking on from a jump's pane: Back now walks up its parents, not to the stack from before the jump.
        jumpReturn = nil
        // An info banner speaks of the pane it was raised on ("Choose an issuer first"): not of the next one.
        if state.banner?.severity == .info { state.banner = nil }
        state.stack.append(PaneState(id: nextPaneID, kind: kind, context: context))
        nextPaneID += 1
        effects += startPane(state.stack[state.stack.count - 1].id, environment)
        return effects
    }

    /// Starts (or resumes) the pane's work: fetch what it lacks, hydrate what is visible.
    mutating func startPane(_ paneID: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let position = position(ofPane: paneID) else { return [] }
        switch state.stack[position].kind {
        case .errors:
            fillErrorsPane(paneID)
            return []
        case .requests:
            return [.readRequestLog(paneID: paneID)]
        case .eventsChart:
            // A new chart is read by `openChart` once its window and filter are set; a chart left while it loaded
            // is read again when it comes back.
            let pane = state.stack[position]
            return pane.chart != nil && pane.chart?.counts == nil && chartReads[paneID] == nil ? readChart(environment) : []
        case .userDetail:
            let list = state.stack[position].list
            return !list.hasFirstPage && !list.isLoading ? loadUserDetail(paneID, environment) : []
        default:
            var effects = resumeFilterScan(paneID, environment) + schedulePageFetch(paneID, environment)
                + scheduleHydration(paneID, environment)
            // A followed Events pane polls again once back on screen.
            if state.stack[position].follow != nil { effects += followDue(paneID: paneID, environment) }
            return effects
        }
    }

    mutating func back(_ environment: ConsoleEnvironment) -> [Effect] {
        if let returned = returnFromJump(environment) { return returned }
        guard state.stack.count > 1, let top = state.stack.last else { return [] }
        var effects = cancelRequests(ofPane: top.id)
        state.stack.removeLast()
        if state.banner?.severity == .info { state.banner = nil }
        refreshTargets[top.id] = nil
        hydrationFailures[top.id] = nil
        hydrationPaused.remove(top.id)
        if let resumed = state.stack.last { effects += startPane(resumed.id, environment) }
        return effects
    }

    /// ⏎: what the pane's descriptor says it opens, in the context it says.
    mutating func open(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, let drillDown = pane.kind.descriptor.drillDown, let row = pane.selectedRow,
            let target = drillDown.target(for: row),
            let context = drillDown.context.context(from: pane.context, row: row)
        else { return [] }
        return push(target, context: context, environment)
    }

    /// Tab / Shift-Tab: the next or previous sibling, or the pane the descriptor opens on top.
    mutating func sibling(step: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, let tab = pane.kind.descriptor.tab else { return [] }
        switch tab.move {
        case .cycles(let siblings):
            guard let index = siblings.firstIndex(of: pane.kind) else { return [] }
            let next = siblings[(index + step + siblings.count) % siblings.count]
            var effects = cancelRequests(ofPane: pane.id)
            keepMarks(of: pane)
            state.stack.removeLast()
            effects += push(next, context: pane.context, environment)
            return effects + restoreMarks(leaving: pane, environment)
        case .opens(let kinds, let first, let opened):
            guard let last = kinds.last, let context = opened.context(from: pane.context, row: pane.selectedRow)
            else { return [] }
            return push(step > 0 ? first : last, context: context, environment)
        }
    }

    mutating func setFilter(_ text: String, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current else { return [] }
        // ⏎ or Esc settles what was being typed: the pause's timer has nothing left to apply.
        var debounce: [Effect] = []
        if pendingFilters.removeValue(forKey: pane.id) != nil { debounce.append(.cancel(.timer(.filterDebounce(paneID: pane.id)))) }
        return debounce + applyFilter(text, environment)
    }

    private mutating func applyFilter(_ text: String, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current else { return [] }
        let before = pane.filter
        let after = ListFilter(text, kind: pane.kind)
        withCurrentPane { $0.filterText = text }
        var effects: [Effect] = []
        if let current = state.current, Self.needsFilterScan(current) {
            // Users: a text filter searches the whole list, not the rows loaded (they carry no username).
            if before != after || current.filterScan == nil {
                effects += cancelRequests(ofPane: pane.id)
                effects += startFilterScan(pane.id, listQuery: before.serverQuery, environment)
            }
            return effects + selectionChanged(environment)
        }
        let wasScanning = pane.filterScan != nil
        var restored = false
        if wasScanning {
            effects += cancelFilterScan(pane.id)
            withCurrentPane { pane in
                pane.filterScan = nil
                // Back to the list as it was before the scan (rows, position), when it was read the same way.
                if let saved = pane.listBeforeScan, saved.serverQuery == after.serverQuery {
                    pane.list = saved.list
                    pane.selection = saved.selection
                    pane.scrollTop = saved.scrollTop
                    restored = true
                }
                pane.listBeforeScan = nil
            }
        }
        if before.serverQuery != after.serverQuery || (wasScanning && !restored), pane.kind.isServerList {
            // The server decides what matches: start over from the first page.
            effects += cancelRequests(ofPane: pane.id)
            withCurrentPane { pane in
                pane.list.reset()
                pane.selection = 0
                pane.scrollTop = 0
            }
            hydrationFailures[pane.id] = nil
            hydrationPaused.remove(pane.id)
        }
        let viewport = self.viewport
        withCurrentPane { pane in
            pane.recomputeDisplay()
            if !after.clientText.isEmpty, after.clientText != before.clientText {
                // A new filter's view starts at its first match, wherever the list was (after G: at its end).
                pane.selection = 0
                pane.scrollTop = 0
            }
            pane.clampSelection(viewport: viewport)
        }
        return effects + selectionChanged(environment)
    }

    mutating func sort(column: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, column >= 0, column < pane.kind.columns.count else { return [] }
        let next: SortOrder? = if let sort = pane.sort, sort.column == column {
            sort.ascending ? SortOrder(column: column, ascending: false) : nil
        } else {
            SortOrder(column: column)
        }
        return setSort(next, environment)
    }

    /// `o`: the next column, ascending; after the last column, no sort.
    mutating func sortNextColumn(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, pane.kind.descriptor.sortsRows else { return [] }
        let column = pane.sort.map { $0.column + 1 } ?? 0
        return setSort(column < pane.kind.columns.count ? SortOrder(column: column) : nil, environment)
    }

    /// `O`: the other order on the same column (the first column, descending, when nothing is sorted).
    mutating func reverseSort(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, pane.kind.descriptor.sortsRows else { return [] }
        let sort = pane.sort.map { SortOrder(column: $0.column, ascending: !$0.ascending) }
            ?? SortOrder(column: 0, ascending: false)
        return setSort(sort, environment)
    }

    private mutating func setSort(_ sort: SortOrder?, _ environment: ConsoleEnvironment) -> [Effect] {
        let viewport = self.viewport
        withCurrentPane { pane in
            pane.sort = sort
            pane.recomputeDisplay()
            pane.clampSelection(viewport: viewport)
        }
        return selectionChanged(environment)
    }
}
