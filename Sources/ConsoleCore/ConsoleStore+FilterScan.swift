import Foundation

/// One user's details as a scan fetched them. A struct, not a tuple: see `ActionOutcome`.
struct ScannedUser: Sendable {
    var index: Int
    var result: Result<UserRecord, ConsoleFailure>
}

extension ConsoleStore {
    /// The most matches a scan keeps: memory stays bounded, and a filter matching more should be narrower.
    static let filterScanMatchLimit = 5_000
    /// Every loop is bounded: pages a scan walks at most (10 million users at the default page size).
    static let filterScanPageLimit = 100_000

    /// Whether the pane's filter needs the whole list scanned: Users list items carry no username, and the API
    /// filters users by status only.
    func needsFilterScan(_ pane: PaneState) -> Bool {
        pane.kind == .users && !pane.filter.clientText.isEmpty && pane.context.issuerID != nil
    }

    /// Scans from the first page; the pane's list becomes the matches, shown as they are found.
    func startFilterScan(_ paneID: Int, listQuery: [String: String]? = nil) {
        cancelFilterScanTask(paneID)
        withPane(paneID) { pane in
            if pane.filterScan == nil, let listQuery, pane.list.hasFirstPage {
                pane.listBeforeScan = ListBeforeScan(
                    list: pane.list, selection: pane.selection, scrollTop: pane.scrollTop, serverQuery: listQuery)
            }
            pane.list.reset()
            pane.selection = 0
            pane.scrollTop = 0
            pane.filterScan = FilterScanProgress()
            pane.recomputeDisplay()
        }
        resumeFilterScan(paneID)
    }

    /// Goes on with a scan that was running when its pane was covered.
    func resumeFilterScan(_ paneID: Int) {
        guard isCurrent(paneID), filterScanTasks[paneID] == nil, let position = position(ofPane: paneID) else { return }
        let pane = state.stack[position]
        guard var progress = pane.filterScan, needsFilterScan(pane), let issuerID = pane.context.issuerID else { return }
        switch progress.phase {
        case .running, .paused: break
        default: return
        }
        progress.phase = .running
        withPane(paneID) { $0.filterScan = progress }
        let text = pane.filter.clientText
        let query = pane.filter.serverQuery
        let context = pane.context
        let pageSize = configuration.pageSize
        let concurrency = configuration.hydrationConcurrency
        let source = self.source
        let token = makeToken()
        let startCursor = progress.nextCursor
        let task = effects.run {
            var cursor = startCursor
            for _ in 0..<Self.filterScanPageLimit {
                let request = PageRequest(kind: .users, context: context, cursor: cursor, limit: pageSize, query: query)
                do {
                    let page = try await self.measured { try await source.fetchPage(request) }
                    guard self.filterScanTasks[paneID]?.token == token else { return }
                    let users = try await self.usersForScan(page.rows, issuerID: issuerID, concurrency: concurrency)
                    guard self.filterScanTasks[paneID]?.token == token else { return }
                    let goesOn = self.scanned(
                        page, users: users, matching: text, cursor: cursor, paneID: paneID)
                    self.publish()
                    guard goesOn, let next = page.nextCursor else { break }
                    cursor = next
                } catch {
                    guard self.filterScanTasks[paneID]?.token == token else { return }
                    if error is CancellationError || Task.isCancelled { return }
                    let failure = ConsoleFailure.from(error)
                    self.withPane(paneID) { $0.filterScan?.phase = .failed(failure.description) }
                    self.raiseRead(failure, while: "scanning users for “\(text)”", paneID: paneID, retry: .refresh)
                    break
                }
            }
            guard self.filterScanTasks[paneID]?.token == token else { return }
            self.filterScanTasks[paneID] = nil
            self.withPane(paneID) { pane in
                // Bounded walk ended without the list's end: say so rather than claim an end.
                if pane.filterScan?.phase == .running { pane.filterScan?.phase = .stoppedByUser }
            }
            self.publish()
        }
        filterScanTasks[paneID] = (token, task)
    }

    /// Adds one scanned page's matches to the pane. Returns whether the scan goes on.
    private func scanned(
        _ page: RowPage, users: [ConsoleRow], matching text: String, cursor: String?, paneID: Int
    ) -> Bool {
        readSucceeded(paneID: paneID)
        var goesOn = page.hasMore && page.nextCursor != nil
        withPane(paneID) { pane in
            guard var progress = pane.filterScan else {
                goesOn = false
                return
            }
            var matches = users.filter { $0.matches(text) }
            let room = Self.filterScanMatchLimit - progress.matches
            var truncated = false
            if matches.count > room {
                matches = Array(matches.prefix(max(room, 0)))
                truncated = true
            }
            let fetch = PagedList.Fetch.append(cursor: cursor)
            pane.list.begin(fetch)
            pane.list.complete(
                fetch, with: RowPage(rows: matches, nextCursor: page.nextCursor, hasMore: page.hasMore || truncated))
            progress.matches += matches.count
            progress.scanned += page.rows.count
            progress.nextCursor = page.nextCursor
            progress.hasStarted = true
            if truncated || progress.matches >= Self.filterScanMatchLimit, page.hasMore || truncated {
                progress.phase = .stoppedAtLimit(Self.filterScanMatchLimit)
                goesOn = false
            } else if !page.hasMore {
                progress.total = progress.scanned
                progress.phase = .finished
            } else if page.nextCursor == nil {
                progress.phase = .failed("the server gave no cursor for the next page")
            }
            pane.filterScan = progress
            pane.recomputeDisplay()
            pane.clampSelection(viewport: viewport)
        }
        if !goesOn { filterScanTasks[paneID] = nil }
        return goesOn
    }

    /// The page's users with their details: from the cache while the list says they did not change, else fetched
    /// (at most `concurrency` at once). A user deleted meanwhile is skipped; any other failure stops the scan.
    private func usersForScan(_ rows: [ConsoleRow], issuerID: String, concurrency: Int) async throws -> [ConsoleRow] {
        var users: [ConsoleRow?] = rows.map { row in
            guard row.needsHydration else { return row }
            guard let cached = hydrationCache.value(for: row.id), UserVersion.isCurrent(cached, listed: row) else { return nil }
            return cached
        }
        let missing = rows.indices.filter { users[$0] == nil }
        guard !missing.isEmpty else { return users.compactMap { $0 } }
        let ids = missing.map { (index: $0, id: rows[$0].id) }
        let source = self.source
        let fetched = try await measured {
            await Self.fetchUsers(ids, issuerID: issuerID, source: source, limit: concurrency)
        }
        try Task.checkCancellation()
        for user in fetched {
            switch user.result {
            case .success(let record):
                let row = record.usersRow
                hydrationCache.set(row, for: record.id)
                users[user.index] = row
            case .failure(let failure):
                if case .notFound = failure.kind { continue }
                throw failure
            }
        }
        return users.compactMap { $0 }
    }

    nonisolated private static func fetchUsers(
        _ ids: [(index: Int, id: String)], issuerID: String, source: any ConsoleDataSource, limit: Int
    ) async -> [ScannedUser] {
        await withTaskGroup(of: ScannedUser.self) { group in
            var results: [ScannedUser] = []
            var pending = ids[...]
            func fetch(_ entry: (index: Int, id: String)) -> @Sendable () async -> ScannedUser {
                { () async -> ScannedUser in
                    do {
                        return ScannedUser(
                            index: entry.index, result: .success(try await source.fetchUser(issuerID: issuerID, userID: entry.id)))
                    } catch {
                        return ScannedUser(index: entry.index, result: .failure(ConsoleFailure.from(error)))
                    }
                }
            }
            for _ in 0..<min(limit, ids.count) {
                if let entry = pending.popFirst() { group.addTask(operation: fetch(entry)) }
            }
            while let result = await group.next() {
                results.append(result)
                if let entry = pending.popFirst() { group.addTask(operation: fetch(entry)) }
            }
            return results
        }
    }

    /// Esc while scanning: stops, the matches found stay.
    func stopFilterScan(_ paneID: Int) {
        guard cancelFilterScanTask(paneID) else { return }
        withPane(paneID) { $0.filterScan?.phase = .stoppedByUser }
    }

    /// Cancels the scan's requests. Returns whether one was running.
    @discardableResult
    func cancelFilterScanTask(_ paneID: Int) -> Bool {
        guard let entry = filterScanTasks.removeValue(forKey: paneID) else { return false }
        entry.task.cancel()
        return true
    }

    /// The pane is covered or closed: a running scan pauses, to go on when the pane is shown again.
    func pauseFilterScan(_ paneID: Int) {
        guard cancelFilterScanTask(paneID) else { return }
        withPane(paneID) { pane in
            if pane.filterScan?.phase == .running { pane.filterScan?.phase = .paused }
        }
    }
}
