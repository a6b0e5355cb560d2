/// A scan between a page's arrival and its users' details: what is already known of the page.
struct PendingScanPage: Sendable {
    var page: RowPage
    var cursor: String?
    var users: [ConsoleRow?]
}

/// A user the scan needs the details of: its place in the page, and its id.
struct ScanUserID: Sendable, Hashable {
    var index: Int
    var id: String
}

extension ConsoleModel {
    /// The most matches a scan keeps: memory stays bounded, and a filter matching more should be narrower.
    static let filterScanMatchLimit = 5_000
    /// Every loop is bounded: pages a scan walks at most (10 million users at the default page size).
    static let filterScanPageLimit = 100_000

    /// Whether the pane's filter needs the whole list scanned: Users list items carry no username, and the API
    /// filters users by status only.
    static func needsFilterScan(_ pane: PaneState) -> Bool {
        pane.kind == .users && !pane.filter.clientText.isEmpty && pane.context.issuerID != nil
    }

    /// Scans from the first page; the pane's list becomes the matches, shown as they are found.
    mutating func startFilterScan(_ paneID: Int, listQuery: [String: String]? = nil, _ environment: ConsoleEnvironment) -> [Effect] {
        let cancelled = cancelFilterScan(paneID)
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
        return cancelled + resumeFilterScan(paneID, environment)
    }

    /// Goes on with a scan that was running when its pane was covered.
    mutating func resumeFilterScan(_ paneID: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard isCurrent(paneID), scans[paneID] == nil, let position = position(ofPane: paneID) else { return [] }
        guard var progress = state.stack[position].filterScan, Self.needsFilterScan(state.stack[position]) else { return [] }
        switch progress.phase {
        case .running, .paused: break
        default: return []
        }
        progress.phase = .running
        state.stack[position].filterScan = progress
        let token = makeToken()
        scans[paneID] = (token, pages: 0)
        return [scanPage(paneID: paneID, cursor: progress.nextCursor, token: token, environment)]
    }

    private mutating func scanPage(paneID: Int, cursor: String?, token: Int, _ environment: ConsoleEnvironment) -> Effect {
        let pane = state.stack[position(ofPane: paneID) ?? 0]
        state.header.requestsInFlight += 1
        let request = PageRequest(
            kind: .users, context: pane.context, cursor: cursor, limit: environment.configuration.pageSize,
            query: pane.filter.serverQuery)
        return .fetchScanPage(request, paneID: paneID, token: token)
    }

    /// A page of the scan: the users whose details are cached and current are tested now, the others fetched.
    mutating func scanPageArrived(
        _ page: RowPage, cursor: String?, paneID: Int, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard scans[paneID]?.token == token, let issuerID = state.stack.first(where: { $0.id == paneID })?.context.issuerID
        else { return [] }
        var users: [ConsoleRow?] = []
        users.reserveCapacity(page.rows.count)
        for row in page.rows {
            guard row.needsHydration else {
                users.append(row)
                continue
            }
            if let cached = hydrationCache.value(for: row.id), UserVersion.isCurrent(cached, listed: row) {
                users.append(cached)
            } else {
                users.append(nil)
            }
        }
        let missing = page.rows.indices.filter { users[$0] == nil }.map { ScanUserID(index: $0, id: page.rows[$0].id) }
        guard missing.isEmpty else {
            pendingScanPages[paneID] = PendingScanPage(page: page, cursor: cursor, users: users)
            state.header.requestsInFlight += 1
            return [.fetchScanUsers(
                missing, issuerID: issuerID, concurrency: environment.configuration.hydrationConcurrency,
                paneID: paneID, token: token)]
        }
        return scanned(page, users: users.compactMap { $0 }, cursor: cursor, paneID: paneID, token: token, environment)
    }

    /// The details of a scanned page's users: a user deleted meanwhile is skipped; any other failure stops the scan.
    mutating func scanUsersArrived(
        _ fetched: [ScannedUser], paneID: Int, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard scans[paneID]?.token == token, var pending = pendingScanPages.removeValue(forKey: paneID) else { return [] }
        for user in fetched {
            switch user.result {
            case .success(let record):
                let row = record.usersRow
                hydrationCache.set(row, for: record.id)
                pending.users[user.index] = row
            case .failure(let failure):
                if case .notFound = failure.kind { continue }
                return scanFailed(failure, paneID: paneID, token: token, environment)
            }
        }
        return scanned(
            pending.page, users: pending.users.compactMap { $0 }, cursor: pending.cursor, paneID: paneID, token: token,
            environment)
    }

    /// A request of the scan failed (`failure` nil: cancelled).
    mutating func scanFailed(
        _ failure: ConsoleFailure?, paneID: Int, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard scans[paneID]?.token == token, let failure else { return [] }
        pendingScanPages[paneID] = nil
        withPane(paneID) { $0.filterScan?.phase = .failed(failure.description) }
        let text = state.stack.first { $0.id == paneID }?.filter.clientText ?? ""
        return raiseRead(failure, while: "scanning users for “\(text)”", paneID: paneID, retry: .refresh, environment)
            + scanEnded(paneID: paneID)
    }

    /// Adds one scanned page's matches to the pane, and asks for the next page while the scan goes on.
    private mutating func scanned(
        _ page: RowPage, users: [ConsoleRow], cursor: String?, paneID: Int, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        readSucceeded(paneID: paneID)
        var goesOn = page.hasMore && page.nextCursor != nil
        let viewport = self.viewport
        withPane(paneID) { pane in
            guard var progress = pane.filterScan else {
                goesOn = false
                return
            }
            let text = pane.filter.clientText
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
        guard goesOn, var scan = scans[paneID], scan.pages + 1 < Self.filterScanPageLimit else {
            return scanEnded(paneID: paneID)
        }
        scan.pages += 1
        scans[paneID] = scan
        return [scanPage(paneID: paneID, cursor: page.nextCursor, token: token, environment)]
    }

    /// The scan stopped by itself: a bounded walk that ended without the list's end says so rather than claim one.
    private mutating func scanEnded(paneID: Int) -> [Effect] {
        scans[paneID] = nil
        withPane(paneID) { pane in
            if pane.filterScan?.phase == .running { pane.filterScan?.phase = .stoppedByUser }
        }
        return []
    }

    /// Esc while scanning: stops, the matches found stay.
    mutating func stopFilterScan(_ paneID: Int) -> [Effect] {
        let cancelled = cancelFilterScan(paneID)
        guard !cancelled.isEmpty else { return [] }
        withPane(paneID) { $0.filterScan?.phase = .stoppedByUser }
        return cancelled
    }

    /// Cancels the scan's requests (none when no scan runs).
    mutating func cancelFilterScan(_ paneID: Int) -> [Effect] {
        guard scans.removeValue(forKey: paneID) != nil else { return [] }
        pendingScanPages[paneID] = nil
        return [.cancel(.scan(paneID: paneID))]
    }

    /// The pane is covered or closed: a running scan pauses, to go on when the pane is shown again.
    mutating func pauseFilterScan(_ paneID: Int) -> [Effect] {
        let cancelled = cancelFilterScan(paneID)
        guard !cancelled.isEmpty else { return [] }
        withPane(paneID) { pane in
            if pane.filterScan?.phase == .running { pane.filterScan?.phase = .paused }
        }
        return cancelled
    }
}
