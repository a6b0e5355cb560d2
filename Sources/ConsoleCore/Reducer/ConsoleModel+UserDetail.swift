extension ConsoleModel {
    /// Reads the user of a User detail pane fresh; the runner then counts the user's lists.
    mutating func loadUserDetail(_ paneID: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let position = position(ofPane: paneID), let issuerID = state.stack[position].context.issuerID,
            let userID = state.stack[position].context.userID
        else { return [] }
        state.stack[position].list.begin(.append(cursor: nil))
        let token = makeToken()
        userDetailLoads[paneID] = token
        state.header.requestsInFlight += 1
        return [.loadUserDetail(
            issuerID: issuerID, userID: userID, context: state.stack[position].context,
            pageSize: environment.configuration.pageSize, paneID: paneID, token: token)]
    }

    mutating func userDetailArrived(_ record: UserRecord, paneID: Int, token: Int) -> [Effect] {
        guard userDetailLoads[paneID] == token else { return [] }
        showUserDetail(record, paneID: paneID, fetch: .append(cursor: nil))
        return []
    }

    mutating func userDetailFailed(
        _ failure: ConsoleFailure?, userID: String, paneID: Int, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard userDetailLoads[paneID] == token else { return [] }
        userDetailLoads[paneID] = nil
        guard let failure else { return [] }
        if let backup = state.panesBeforeRefresh.removeValue(forKey: paneID) {
            // A failed refresh keeps the detail that was on screen.
            withPane(paneID) { $0 = backup }
            return raiseRead(
                failure, while: "refreshing user \(userID)", paneID: paneID, retry: .refresh,
                note: "the detail shown is from before the refresh", environment)
        }
        withPane(paneID) { $0.list.fail(.append(cursor: nil), message: failure.description) }
        return raiseRead(failure, while: "loading user \(userID)", paneID: paneID, retry: .failedRead, environment)
    }

    /// One count line of the user's lists ("100+" when more pages exist).
    mutating func userDetailCounted(_ kind: PaneKind, text: String, paneID: Int, token: Int) -> [Effect] {
        guard userDetailLoads[paneID] == token else { return [] }
        withPane(paneID) { pane in
            pane.list.replace(ConsoleRow(id: "count:\(kind.rawValue)", cells: [kind.title.lowercased(), text], title: kind.title))
        }
        return []
    }

    mutating func userDetailEnded(paneID: Int, token: Int) -> [Effect] {
        if userDetailLoads[paneID] == token { userDetailLoads[paneID] = nil }
        return []
    }

    mutating func showUserDetail(_ record: UserRecord, paneID: Int, fetch: PagedList.Fetch? = nil) {
        state.panesBeforeRefresh[paneID] = nil
        readSucceeded(paneID: paneID)
        let counts = PaneKind.userScope.map { kind in
            ConsoleRow(id: "count:\(kind.rawValue)", cells: [kind.title.lowercased(), "…"], title: kind.title)
        }
        let viewport = self.viewport
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
    }
}
