import Foundation

extension ConsoleStore {
    /// Starts the fetch the pane needs now, if any: the first page, a dropped page in view, or the next page when
    /// the selection nears the loaded end. Never more than one per pane, and only for the pane on screen.
    func schedulePageFetch(_ paneID: Int) {
        guard isCurrent(paneID), state.loadToEnd?.paneID != paneID, pageTasks[paneID] == nil,
            let position = position(ofPane: paneID)
        else { return }
        // The pane is read in place (no copy is kept): a copy alive while the list is mutated would copy its
        // whole page table.
        guard let fetch = neededFetch(state.stack[position], refreshing: refreshTargets[paneID] != nil) else { return }
        startFetch(fetch, paneID: paneID)
    }

    private func neededFetch(_ pane: PaneState, refreshing: Bool) -> PagedList.Fetch? {
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

    private func pageRequest(for fetch: PagedList.Fetch, pane: PaneState) -> PageRequest {
        let cursor: String?
        switch fetch {
        case .append(let value): cursor = value
        case .refill(_, let value): cursor = value
        }
        return PageRequest(
            kind: pane.kind, context: pane.context, cursor: cursor, limit: configuration.pageSize,
            query: pane.filter.serverQuery)
    }

    private func startFetch(_ fetch: PagedList.Fetch, paneID: Int) {
        guard let position = position(ofPane: paneID) else { return }
        let request = pageRequest(for: fetch, pane: state.stack[position])
        state.stack[position].list.begin(fetch)
        let token = makeToken()
        let source = self.source
        let task = effects.run {
            do {
                let page = try await self.measured { try await source.fetchPage(request) }
                self.pageArrived(page, for: fetch, paneID: paneID, token: token)
            } catch {
                self.pageFailed(error, for: fetch, paneID: paneID, token: token)
            }
        }
        pageTasks[paneID] = (token, task)
    }

    private func pageArrived(_ page: RowPage, for fetch: PagedList.Fetch, paneID: Int, token: Int) {
        guard pageTasks[paneID]?.token == token else { return }
        pageTasks[paneID] = nil
        readSucceeded(paneID: paneID)
        let cached = page.rows.map { row in row.needsHydration ? knownUser(listed: row) : row }
        withPane(paneID) { pane in
            pane.list.complete(fetch, with: RowPage(rows: cached, nextCursor: page.nextCursor, hasMore: page.hasMore))
        }
        if !continueRefresh(paneID) {
            withPane(paneID) { pane in
                pane.recomputeDisplay()
                pane.clampSelection(viewport: viewport)
            }
        }
        if isCurrent(paneID) { selectionChanged() }
        publish()
    }

    private func pageFailed(_ error: any Error, for fetch: PagedList.Fetch, paneID: Int, token: Int) {
        guard pageTasks[paneID]?.token == token else { return }
        pageTasks[paneID] = nil
        if error is CancellationError || Task.isCancelled {
            withPane(paneID) { $0.list.cancelInFlight() }
            publish()
            return
        }
        let failure = ConsoleFailure.from(error)
        let title = state.stack.first { $0.id == paneID }?.kind.title ?? "list"
        if refreshTargets.removeValue(forKey: paneID) != nil, let backup = refreshBackups.removeValue(forKey: paneID) {
            // A failed refresh puts the pane back as it was: the rows on screen stay, `r` tries again.
            withPane(paneID) { $0 = backup }
            raiseRead(failure, while: "refreshing \(title)", paneID: paneID, retry: .refresh,
                      note: "the rows shown are from before the refresh")
        } else {
            withPane(paneID) { $0.list.fail(fetch, message: failure.description) }
            raiseRead(failure, while: "loading \(title)", paneID: paneID, retry: .failedRead)
        }
        publish()
    }

    /// While a refresh of the pane runs: the pane as it was before, for the view to keep drawing its rows until
    /// the new ones arrive (a slow or dead server must not blank the screen). Nil when no refresh runs.
    public func paneBeforeRefresh(_ paneID: Int) -> PaneState? { state.panesBeforeRefresh[paneID] }

    /// A read of the pane succeeded: its failure banner, if still the one on screen, has been answered.
    func readSucceeded(paneID: Int) {
        guard let bannerID = readFailureBanners.removeValue(forKey: paneID) else { return }
        if state.banner?.id == bannerID { state.banner = nil }
    }

    /// What a rate-limited read does once its Retry-After has passed.
    enum AutoRetry { case failedRead, refresh }

    /// Raises the banner of a failed read; when the server said when to come back (429 with Retry-After), the
    /// read is asked again by itself then, if the pane is still on screen. Writes never come here.
    func raiseRead(_ failure: ConsoleFailure, while subject: String, paneID: Int, retry: AutoRetry, note: String? = nil) {
        var banner = Banner.failure(failure, subject: subject, now: clock.now)
        if let note { banner.detail += (banner.detail.isEmpty ? "" : " — ") + note }
        guard let retryAt = banner.retryAt else {
            raise(banner)
            readFailureBanners[paneID] = state.banner?.id
            return
        }
        banner.retriesAutomatically = true
        raise(banner)
        let bannerID = state.banner?.id
        readFailureBanners[paneID] = bannerID
        autoRetryTasks[paneID]?.cancel()
        let wait = max(0, retryAt.timeIntervalSince(clock.now))
        autoRetryTasks[paneID] = effects.after(.milliseconds(Int((wait * 1000).rounded(.up)))) { [weak self] in
            guard let self else { return }
            self.autoRetryTasks[paneID] = nil
            self.autoRetryDue(paneID: paneID, retry: retry, bannerID: bannerID)
        }
    }

    private func autoRetryDue(paneID: Int, retry mode: AutoRetry, bannerID: Int?) {
        guard isCurrent(paneID), let pane = state.current else { return }
        switch mode {
        case .refresh:
            guard refreshTargets[paneID] == nil, pageTasks[paneID] == nil else { return }
            if state.banner?.id == bannerID { state.banner = nil }
            refreshCurrentPane()
        case .failedRead:
            guard pane.list.failureMessage != nil || !(hydrationFailures[paneID] ?? []).isEmpty else { return }
            if state.banner?.id == bannerID { state.banner = nil }
            retry()
        }
        publish()
    }

    /// After a refresh: keeps loading until the previously selected row's position is reached, then selects
    /// that id again when it still exists. Returns whether the refresh is still loading.
    private func continueRefresh(_ paneID: Int) -> Bool {
        guard let target = refreshTargets[paneID], let position = position(ofPane: paneID) else { return false }
        let pane = state.stack[position]
        if pane.list.count <= target.listIndex, pane.list.hasMore {
            // Keep the viewer at the loaded end so that the next page follows and far pages are dropped.
            withPane(paneID) { $0.selection = max($0.list.count - 1, 0) }
            return true
        }
        refreshTargets[paneID] = nil
        refreshBackups[paneID] = nil
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
    func knownUser(listed row: ConsoleRow) -> ConsoleRow {
        guard let cached = hydrationCache.value(for: row.id) else { return row }
        if UserVersion.isCurrent(cached, listed: row) { return cached }
        hydrationCache.remove(row.id)
        var stale = cached
        stale.needsHydration = true
        return stale
    }

    /// A movement key while a refresh loads: the rows on screen are the ones from before, so the key moves there,
    /// and the refresh selects that row (not the one selected when it began) once it has arrived.
    func moveDuringRefresh(_ paneID: Int, _ target: (Int) -> Int) -> Bool {
        guard refreshTargets[paneID] != nil, var backup = refreshBackups[paneID] else { return false }
        backup.selection = target(backup.selection)
        backup.clampSelection(viewport: viewport)
        refreshBackups[paneID] = backup
        refreshTargets[paneID] = (backup.selectedRow?.id, backup.listIndex(ofRow: backup.selection) ?? 0)
        return true
    }

    func retry() {
        guard let pane = state.current else { return }
        autoRetryTasks.removeValue(forKey: pane.id)?.cancel()
        if pane.kind == .userDetail, pane.list.failureMessage != nil {
            withCurrentPane { $0.list.reset() }
            loadUserDetail(pane.id)
            return
        }
        withCurrentPane { $0.list.retry() }
        hydrationFailures[pane.id] = nil
        hydrationPaused.remove(pane.id)
        schedulePageFetch(pane.id)
        scheduleHydration(pane.id)
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

    /// How often the walk of `G` shows its progress: every page would render a frame (and keep a copy of the page
    /// table alive) a few hundred times a second.
    static let loadToEndProgressInterval: Duration = .milliseconds(250)

    func loadToEnd() {
        guard let pane = state.current, state.loadToEnd == nil else { return }
        guard pane.kind.isServerList, pane.filterScan == nil, pane.list.hasMore || !pane.list.hasFirstPage else {
            moveSelection { _ in Int.max / 2 }
            return
        }
        cancelWork(ofPane: pane.id)
        withCurrentPane { $0.list.retry() }
        let token = makeToken()
        let started = clock.elapsed
        state.loadToEnd = LoadToEndProgress(
            paneID: pane.id, loadedRows: pane.list.count, pages: pane.list.pageCount, startedRows: pane.list.count,
            startedAt: started)
        let source = self.source
        let task = effects.run {
            await self.walkToEnd(paneID: pane.id, token: token, source: source)
            guard self.loadToEndTask?.token == token else { return }
            self.finishLoadToEnd(paneID: pane.id)
        }
        loadToEndTask = (token, task)
    }

    /// The walk of `G`: pages in order with one page requested ahead (the next cursor is known as soon as a page
    /// arrives), rows kept only around the end, progress shown a few times a second. Bounded by the list's end.
    private func walkToEnd(paneID: Int, token: Int, source: any ConsoleDataSource) async {
        guard let position = position(ofPane: paneID), let first = state.stack[position].list.appendFetch() else { return }
        let paneAtStart = state.stack[position]
        let request = { (fetch: PagedList.Fetch) in self.pageRequest(for: fetch, pane: paneAtStart) }
        // One request ahead, cancelled with the walk (the effect runner owns the walk; the walk owns this).
        var pending: (fetch: PagedList.Fetch, task: Task<RowPage, any Error>)? = (first, Self.fetch(request(first), from: source))
        defer { pending?.task.cancel() }
        var lastShown = clock.elapsed
        state.header.requestsInFlight += 1
        defer { state.header.requestsInFlight -= 1 }
        while let (fetch, task) = pending.map({ ($0.fetch, $0.task) }), !Task.isCancelled, loadToEndTask?.token == token {
            let requested = clock.elapsed
            let result = await withTaskCancellationHandler { await task.result } onCancel: { task.cancel() }
            guard loadToEndTask?.token == token, let position = self.position(ofPane: paneID) else { return }
            let page: RowPage
            switch result {
            case .success(let value): page = value
            case .failure(let error):
                pending = nil
                if error is CancellationError || Task.isCancelled {
                    state.stack[position].list.cancelInFlight()
                } else {
                    let failure = ConsoleFailure.from(error)
                    state.stack[position].list.begin(fetch)
                    state.stack[position].list.fail(fetch, message: failure.description)
                    raiseRead(failure, while: "loading \(paneAtStart.kind.title) to the end", paneID: paneID, retry: .failedRead)
                }
                return
            }
            // The next page goes out before this one is stored: the server works while the console does.
            let next: PagedList.Fetch? = page.hasMore ? .append(cursor: page.nextCursor) : nil
            pending = next.map { ($0, Self.fetch(request($0), from: source)) }
            state.header.lastLatency = clock.elapsed - requested
            readSucceeded(paneID: paneID)
            // No copy of the pane may be alive while its list is mutated: that would copy the page table on every
            // page (quadratic over a million rows). So the pane is changed in place and published only now and then.
            state.stack[position].list.begin(fetch)
            state.stack[position].list.complete(fetch, with: page)
            let filteredOrSorted = state.stack[position].isFilteredOrSorted
            if filteredOrSorted { state.stack[position].recomputeDisplay() }
            state.stack[position].selection = max(state.stack[position].rowCount - 1, 0)
            if !filteredOrSorted {
                state.stack[position].list.evict(
                    keepingAround: state.stack[position].selection, radius: configuration.retainedPagesAround)
            }
            let now = clock.elapsed
            if now - lastShown >= Self.loadToEndProgressInterval {
                lastShown = now
                showLoadToEndProgress(paneID: paneID)
            }
        }
    }

    private static func fetch(_ request: PageRequest, from source: any ConsoleDataSource) -> Task<RowPage, any Error> {
        Task { try await source.fetchPage(request) }
    }

    private func showLoadToEndProgress(paneID: Int) {
        guard var progress = state.loadToEnd, let pane = state.stack.first(where: { $0.id == paneID }) else { return }
        withPane(paneID) { $0.clampSelection(viewport: self.viewport) }
        progress.loadedRows = pane.list.count
        progress.pages = pane.list.pageCount
        let seconds = (clock.elapsed - progress.startedAt) / .seconds(1)
        progress.rowsPerSecond = seconds > 0 ? Int(Double(pane.list.count - progress.startedRows) / seconds) : nil
        state.loadToEnd = progress
        publish()
    }

    func stopLoadToEnd() {
        guard let entry = loadToEndTask, let progress = state.loadToEnd else { return }
        entry.task.cancel()
        finishLoadToEnd(paneID: progress.paneID, stoppedByUser: true)
    }

    private func finishLoadToEnd(paneID: Int, stoppedByUser: Bool = false) {
        loadToEndTask = nil
        state.loadToEnd = nil
        withPane(paneID) { pane in
            pane.list.cancelInFlight()
            pane.selection = max(pane.rowCount - 1, 0)
            pane.clampSelection(viewport: viewport)
        }
        if stoppedByUser {
            // Stopped means stopped: no prefetch until the user moves again.
            scheduleHydration(paneID)
        } else if isCurrent(paneID) {
            selectionChanged()
        }
        publish()
    }

    // MARK: - Users hydration

    /// Fetches the details of the visible light user rows: bounded concurrency, cached, and cancelled for rows
    /// that scrolled out of view.
    func scheduleHydration(_ paneID: Int) {
        guard let position = position(ofPane: paneID) else { return }
        let pane = state.stack[position]
        guard pane.kind == .users, let issuerID = pane.context.issuerID else { return }
        let visible = isCurrent(paneID)
            ? pane.visibleRows(height: viewport).compactMap(\.row).filter(\.needsHydration) : []
        let visibleIDs = Set(visible.map(\.id))
        var tasks = hydrationTasks[paneID] ?? [:]
        for (id, task) in tasks where !visibleIDs.contains(id) {
            task.cancel()
            tasks[id] = nil
        }
        var fromCache: [ConsoleRow] = []
        let failed = hydrationFailures[paneID] ?? []
        let paused = hydrationPaused.contains(paneID)
        for row in visible where tasks[row.id] == nil && !failed.contains(row.id) {
            if let cached = hydrationCache.value(for: row.id) {
                fromCache.append(cached)
                continue
            }
            guard !paused, tasks.count < configuration.hydrationConcurrency else { continue }
            let userID = row.id
            let source = self.source
            tasks[userID] = effects.run {
                do {
                    let record = try await self.measured { try await source.fetchUser(issuerID: issuerID, userID: userID) }
                    self.hydrated(record, paneID: paneID)
                } catch {
                    self.hydrationFailed(error, userID: userID, paneID: paneID)
                }
            }
        }
        hydrationTasks[paneID] = tasks
        let hydrating = Set(tasks.keys)
        withPane(paneID) { pane in
            for row in fromCache { pane.list.replace(row) }
            pane.hydratingIDs = hydrating
            if !fromCache.isEmpty { pane.recomputeDisplay() }
        }
    }

    private func hydrated(_ record: UserRecord, paneID: Int) {
        guard hydrationTasks[paneID]?.removeValue(forKey: record.id) != nil else { return }
        let row = record.usersRow
        hydrationCache.set(row, for: record.id)
        withPane(paneID) { pane in
            pane.list.replace(row)
            pane.hydratingIDs.remove(record.id)
            if pane.isFilteredOrSorted { pane.recomputeDisplay() }
        }
        scheduleHydration(paneID)
        publish()
    }

    private func hydrationFailed(_ error: any Error, userID: String, paneID: Int) {
        guard hydrationTasks[paneID]?.removeValue(forKey: userID) != nil else { return }
        withPane(paneID) { $0.hydratingIDs.remove(userID) }
        if !(error is CancellationError) && !Task.isCancelled {
            hydrationFailures[paneID, default: []].insert(userID)
            let failure = ConsoleFailure.from(error)
            switch failure.kind {
            case .transport, .serverError, .rateLimited: hydrationPaused.insert(paneID)
            default: break
            }
            raiseRead(ConsoleFailure.from(error), while: "loading user \(userID)", paneID: paneID, retry: .failedRead)
        }
        scheduleHydration(paneID)
        publish()
    }

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
