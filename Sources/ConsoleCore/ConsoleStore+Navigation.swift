extension ConsoleStore {
    /// Opens a pane on top of the stack; the pane it covers stops its requests.
    func push(_ kind: PaneKind, context: PaneContext) {
        if let top = state.stack.last { cancelWork(ofPane: top.id) }
        // An info banner speaks of the pane it was raised on ("Choose an issuer first"): not of the next one.
        if state.banner?.severity == .info { state.banner = nil }
        state.stack.append(newPane(kind, context: context))
        startPane(state.stack[state.stack.count - 1].id)
    }

    /// Starts (or resumes) the pane's work: fetch what it lacks, hydrate what is visible.
    func startPane(_ paneID: Int) {
        guard let position = position(ofPane: paneID) else { return }
        switch state.stack[position].kind {
        case .errors:
            fillErrorsPane(paneID)
        case .userDetail:
            let list = state.stack[position].list
            if !list.hasFirstPage, !list.isLoading { loadUserDetail(paneID) }
        default:
            resumeFilterScan(paneID)
            schedulePageFetch(paneID)
            scheduleHydration(paneID)
        }
    }

    /// Cancels every request of the pane; what is loaded stays, and an interrupted fetch is asked for again when
    /// the pane is resumed.
    func cancelWork(ofPane paneID: Int) {
        run(model.cancelRequests(ofPane: paneID))
    }

    func back() {
        guard state.stack.count > 1, let top = state.stack.last else { return }
        cancelWork(ofPane: top.id)
        state.stack.removeLast()
        if state.banner?.severity == .info { state.banner = nil }
        refreshTargets[top.id] = nil
        hydrationFailures[top.id] = nil
        hydrationPaused.remove(top.id)
        if let resumed = state.stack.last { startPane(resumed.id) }
    }

    func open() {
        guard let pane = state.current else { return }
        switch pane.kind {
        case .issuers:
            guard let row = pane.selectedRow else { return }
            push(.users, context: PaneContext(issuerID: row.id, issuerName: row.title))
        case .users:
            guard let row = pane.selectedRow else { return }
            var context = pane.context
            context.userID = row.id
            context.userName = row.title
            push(.userDetail, context: context)
        case .webhooks:
            guard let row = pane.selectedRow else { return }
            push(.deliveries, context: PaneContext(webhookID: row.id, webhookName: row.title))
        case .userDetail:
            // ⏎ on a count line opens that list.
            guard let row = pane.selectedRow, row.id.hasPrefix("count:"),
                let kind = PaneKind(rawValue: String(row.id.dropFirst("count:".count)))
            else { return }
            push(kind, context: pane.context)
        default:
            return
        }
    }

    func sibling(step: Int) {
        guard let pane = state.current else { return }
        if let siblings = pane.kind.siblings, let index = siblings.firstIndex(of: pane.kind) {
            let next = siblings[(index + step + siblings.count) % siblings.count]
            cancelWork(ofPane: pane.id)
            state.stack.removeLast()
            push(next, context: pane.context)
        } else if pane.kind == .issuers, let row = pane.selectedRow {
            // From an issuer, Tab goes to its clients (Shift-Tab: organizations); ⏎ goes to its users.
            let scope = PaneKind.issuerScope
            push(step > 0 ? scope[1] : scope[scope.count - 1], context: PaneContext(issuerID: row.id, issuerName: row.title))
        } else if pane.kind == .userDetail {
            let scope = PaneKind.userScope
            push(step > 0 ? scope[0] : scope[scope.count - 1], context: pane.context)
        }
    }

    func jump(_ target: JumpTarget) {
        switch target {
        case .issuers:
            popToRoot(keeping: .issuers)
        case .webhooks:
            popToRoot(keeping: .webhooks)
        case .events:
            popToRoot(keeping: .events)
        case .errors:
            popToRoot(keeping: .errors)
        case .users:
            // The users of the issuer in context, or of the issuer selected on the Issuers pane.
            let issuer =
                state.stack.last(where: { $0.context.issuerID != nil }).map {
                    (id: $0.context.issuerID ?? "", name: $0.context.issuerName)
                }
                ?? state.stack.first(where: { $0.kind == .issuers })?.selectedRow.map { (id: $0.id, name: Optional($0.title)) }
            guard let issuer else {
                popToRoot(keeping: .issuers)
                info("Choose an issuer first", detail: "the Users pane lists the users of one issuer")
                return
            }
            popToRoot(keeping: .issuers)
            push(.users, context: PaneContext(issuerID: issuer.id, issuerName: issuer.name))
        }
    }

    /// Leaves only a root pane of this kind: the existing root when it is one (as it was), else a new one.
    private func popToRoot(keeping kind: PaneKind) {
        while state.stack.count > 1, let top = state.stack.last {
            cancelWork(ofPane: top.id)
            state.stack.removeLast()
        }
        if let root = state.stack.first, root.kind == kind {
            startPane(root.id)
            return
        }
        if let root = state.stack.first { cancelWork(ofPane: root.id) }
        state.stack = []
        push(kind, context: PaneContext())
    }

    // MARK: - Selection

    func moveSelection(_ target: (Int) -> Int) {
        run(model.moveSelection(target, environment))
    }

    /// After the selection or viewport moved: drop far pages, fetch what is near, hydrate what is visible.
    func selectionChanged() { run(model.selectionChanged(environment)) }

    func toggleMark() {
        withCurrentPane { pane in
            guard let id = pane.selectedRow?.id, pane.kind.isServerList else { return }
            if pane.marks.contains(id) { pane.marks.remove(id) } else { pane.marks.insert(id) }
        }
    }

    func setFilter(_ text: String) {
        guard let pane = state.current else { return }
        let before = pane.filter
        let after = ListFilter(text, kind: pane.kind)
        withCurrentPane { $0.filterText = text }
        if let current = state.current, needsFilterScan(current) {
            // Users: a text filter searches the whole list, not the rows loaded (they carry no username).
            if before != after || current.filterScan == nil {
                cancelWork(ofPane: pane.id)
                startFilterScan(pane.id, listQuery: before.serverQuery)
            }
            selectionChanged()
            return
        }
        let wasScanning = pane.filterScan != nil
        var restored = false
        if wasScanning {
            cancelFilterScanTask(pane.id)
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
            cancelWork(ofPane: pane.id)
            withCurrentPane { pane in
                pane.list.reset()
                pane.selection = 0
                pane.scrollTop = 0
            }
            hydrationFailures[pane.id] = nil
            hydrationPaused.remove(pane.id)
        }
        withCurrentPane { pane in
            pane.recomputeDisplay()
            if !after.clientText.isEmpty, after.clientText != before.clientText {
                // A new filter's view starts at its first match, wherever the list was (after G: at its end).
                pane.selection = 0
                pane.scrollTop = 0
            }
            pane.clampSelection(viewport: viewport)
        }
        selectionChanged()
    }

    func sort(column: Int) {
        guard let pane = state.current, column >= 0, column < pane.kind.columns.count else { return }
        withCurrentPane { pane in
            if let sort = pane.sort, sort.column == column {
                pane.sort = sort.ascending ? SortOrder(column: column, ascending: false) : nil
            } else {
                pane.sort = SortOrder(column: column)
            }
            pane.recomputeDisplay()
            pane.clampSelection(viewport: viewport)
        }
        selectionChanged()
    }

    func fillErrorsPane(_ paneID: Int) { model.fillErrorsPane(paneID) }
}
