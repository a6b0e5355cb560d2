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

    func retry() {
        guard let pane = state.current else { return }
        if pane.kind == .userDetail, pane.list.failureMessage != nil {
            if model.autoRetries.removeValue(forKey: pane.id) != nil { effects.cancel(.timer(.autoRetry(paneID: pane.id))) }
            withCurrentPane { $0.list.reset() }
            loadUserDetail(pane.id)
            return
        }
        run(model.retryList(environment))
    }

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

    func loadUserDetail(_ paneID: Int) {
        guard let position = position(ofPane: paneID) else { return }
        let pane = state.stack[position]
        guard let issuerID = pane.context.issuerID, let userID = pane.context.userID else { return }
        let fetch = PagedList.Fetch.append(cursor: nil)
        state.stack[position].list.begin(fetch)
        let source = self.source
        let limit = configuration.pageSize
        let task = effects.run {
            do {
                let record = try await self.measured { try await source.fetchUser(issuerID: issuerID, userID: userID) }
                self.showUserDetail(record, paneID: paneID, fetch: fetch)
            } catch {
                guard !(error is CancellationError), !Task.isCancelled else { return }
                let failure = ConsoleFailure.from(error)
                if let backup = self.refreshBackups.removeValue(forKey: paneID) {
                    // A failed refresh keeps the detail that was on screen.
                    self.withPane(paneID) { $0 = backup }
                    self.raiseRead(failure, while: "refreshing user \(userID)", paneID: paneID, retry: .refresh,
                                   note: "the detail shown is from before the refresh")
                } else {
                    self.withPane(paneID) { $0.list.fail(fetch, message: failure.description) }
                    self.raiseRead(failure, while: "loading user \(userID)", paneID: paneID, retry: .failedRead)
                }
                self.publish()
                return
            }
            // Counts of the user's lists, each from its first page ("100+" when more pages exist).
            // Struct child results, not tuples: see `ActionOutcome` (a release-only miscompile).
            await withTaskGroup(of: ListCount.self) { group in
                for kind in PaneKind.userScope {
                    group.addTask {
                        let request = PageRequest(kind: kind, context: pane.context, cursor: nil, limit: limit)
                        do {
                            let page = try await source.fetchPage(request)
                            return ListCount(kind: kind, text: DisplayFormat.count(page.rows.count) + (page.hasMore ? "+" : ""))
                        } catch {
                            return ListCount(kind: kind, text: "unavailable (\(ConsoleFailure.from(error).description))")
                        }
                    }
                }
                for await count in group {
                    guard !Task.isCancelled else { return }
                    let (kind, text) = (count.kind, count.text)
                    self.withPane(paneID) { pane in
                        pane.list.replace(ConsoleRow(id: "count:\(kind.rawValue)", cells: [kind.title.lowercased(), text], title: kind.title))
                    }
                    self.publish()
                }
            }
            self.otherTasks[paneID] = nil
        }
        otherTasks[paneID] = task
    }

    func showUserDetail(_ record: UserRecord, paneID: Int, fetch: PagedList.Fetch? = nil) {
        refreshBackups[paneID] = nil
        readSucceeded(paneID: paneID)
        let counts = PaneKind.userScope.map { kind in
            ConsoleRow(id: "count:\(kind.rawValue)", cells: [kind.title.lowercased(), "…"], title: kind.title)
        }
        withPane(paneID) { pane in
            let existingCounts = PaneKind.userScope.compactMap { pane.list.row(atID: "count:\($0.rawValue)") }
            pane.userRecord = record
            pane.context.userName = record.username.isEmpty ? record.id : record.username
            let rows = record.detailRows + (existingCounts.count == counts.count ? existingCounts : counts)
            if let fetch, pane.list.isAwaiting(fetch) {
                pane.list.complete(fetch, with: RowPage(rows: rows, nextCursor: nil, hasMore: false))
            } else {
                pane.list.setLocalRows(rows)
            }
            pane.recomputeDisplay()
            pane.clampSelection(viewport: viewport)
        }
        publish()
    }
}

/// The count line of one of a user's lists, as the detail pane shows it.
struct ListCount: Sendable {
    var kind: PaneKind
    var text: String
}

extension PagedList {
    func row(atID id: String) -> ConsoleRow? { index(ofID: id).flatMap { row(at: $0) } }
}
