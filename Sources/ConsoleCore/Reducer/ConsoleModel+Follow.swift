import Foundation

extension ConsoleModel {
    /// At most this many new events are read per poll (pages of `pageSize`); more say so and wait for the next.
    static let followMaxPages = 5
    /// New rows a followed pane takes before it stops taking more (memory stays bounded; `r` reloads).
    static let followRowLimit = 5_000

    /// A pane's own key.
    mutating func paneCommand(_ command: PaneCommand, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, pane.kind.descriptor.paneKeys.contains(where: { $0.command == command })
        else { return [] }
        switch command {
        case .toggleFollow: return toggleFollow(environment)
        case .openChart: return openChart(query: pane.filter.serverQuery, environment)
        case .chartWindow(let window): return setChartWindow(window, environment)
        }
    }

    /// `f`: follow new events (a poll now, then every `followInterval`), or stop.
    mutating func toggleFollow(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, pane.kind == .events else { return [] }
        if pane.follow != nil {
            withCurrentPane { $0.follow = nil }
            var effects: [Effect] = [.cancel(.timer(.follow(paneID: pane.id)))]
            if followPolls.removeValue(forKey: pane.id) != nil { effects.append(.cancel(.follow(paneID: pane.id))) }
            return effects
        }
        withCurrentPane { pane in
            pane.follow = FollowState()
            pane.list.pinFirstPage()
        }
        return followDue(paneID: pane.id, environment)
    }

    /// The poll is due: ask for the events after the newest shown, if the pane is on screen with its first page.
    /// A pane that is not on screen stops polling (its `startPane` starts again).
    mutating func followDue(paneID: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard isCurrent(paneID), let pane = state.current, let follow = pane.follow, follow.stoppedReason == nil,
            followPolls[paneID] == nil
        else { return [] }
        // Nothing to be newer than yet (the first page is loading, or refreshing): look again later.
        guard pane.list.hasFirstPage, !pane.list.isLoading, refreshTargets[paneID] == nil,
            let newest = pane.list.row(at: 0)?.sortKeys[EventsPane.timeColumn]
        else {
            return [.startTimer(.follow(paneID: paneID), after: environment.configuration.followInterval)]
        }
        // `after` keeps events of the newest shown second (the API's bound may include it): those already shown
        // are known by id and left out.
        var known: Set<String> = []
        var index = 0
        while index < min(pane.list.count, 1_000), let row = pane.list.row(at: index),
            (row.sortKeys[EventsPane.timeColumn] ?? 0) >= newest
        {
            known.insert(row.id)
            index += 1
        }
        // New rows go in front of the first page: it must stay in memory (a refresh or a new filter unpinned it).
        withPane(paneID) { $0.list.pinFirstPage() }
        var query = pane.filter.serverQuery
        query["after"] = String(Int(newest))
        let request = PageRequest(
            kind: .events, context: pane.context, cursor: nil, limit: environment.configuration.pageSize, query: query)
        let token = makeToken()
        followPolls[paneID] = token
        state.header.requestsInFlight += 1
        return [.pollEvents(request, knownIDs: known, maxPages: Self.followMaxPages, paneID: paneID, token: token)]
    }

    mutating func eventsPolled(
        _ result: Result<PolledEvents, ConsoleFailure>?, paneID: Int, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard followPolls[paneID] == token else { return [] }
        followPolls[paneID] = nil
        guard let result else {
            // Cancelled (the list restarted, the pane was left): the next poll comes on the timer.
            return [.startTimer(.follow(paneID: paneID), after: environment.configuration.followInterval)]
        }
        let interval = environment.configuration.followInterval
        switch result {
        case .success(let polled):
            readSucceeded(paneID: paneID)
            withPane(paneID) { $0.follow?.failures = 0 }
            if polled.truncated {
                // Inserting only the newest would leave a hole between them and the rows shown: stop instead.
                withPane(paneID) {
                    $0.follow?.stoppedReason = "more than \(Self.followMaxPages) pages of new events at once: r reloads"
                }
                return raise(
                    Banner(severity: .info, kind: .info, title: "Following stopped: too many new events at once",
                           detail: "r reloads the list from the newest event; f follows again"),
                    environment)
            }
            insertFollowed(polled.rows, paneID: paneID)
            let stopped = state.stack.first { $0.id == paneID }?.follow?.stoppedReason != nil
            return stopped ? [] : [.startTimer(.follow(paneID: paneID), after: interval)]
        case .failure(let failure):
            var failures = 0
            withPane(paneID) { pane in
                pane.follow?.failures += 1
                failures = pane.follow?.failures ?? 0
            }
            // Twice the wait per failure in a row, up to the limit; the server's Retry-After when it asks longer.
            var wait = interval * (1 << min(failures, 10))
            wait = min(wait, environment.configuration.followBackoffLimit)
            if let retryAfter = failure.retryAfterSeconds { wait = max(wait, .seconds(retryAfter)) }
            var banner = Banner.failure(failure, subject: "following Events", now: environment.now)
            banner.detail += (banner.detail.isEmpty ? "" : " — ") + "next poll in \(Self.secondsText(wait))"
            var effects = raise(banner, environment)
            readFailureBanners[paneID] = state.banner?.id
            effects.append(.startTimer(.follow(paneID: paneID), after: wait))
            return effects
        }
    }

    /// New events go in front, newest first; the selection stays on the same event, and a screen scrolled into
    /// the list stays still.
    private mutating func insertFollowed(_ rows: [ConsoleRow], paneID: Int) {
        guard !rows.isEmpty else { return }
        let viewport = self.viewport
        withPane(paneID) { pane in
            guard pane.list.firstPageCount + rows.count <= Self.followRowLimit else {
                pane.follow?.stoppedReason = "over \(DisplayFormat.count(Self.followRowLimit)) new rows: r reloads"
                return
            }
            let selectedID = pane.selectedRow?.id
            guard pane.list.prepend(rows) else {
                pane.follow?.stoppedReason = "the first rows were dropped from memory: r reloads"
                return
            }
            pane.follow?.newCount += rows.count
            if pane.display != nil {
                // A filtered or sorted view: rebuilt, the selection found again by id.
                pane.recomputeDisplay()
            } else {
                pane.selection += rows.count
                if pane.scrollTop > 0 { pane.scrollTop += rows.count }
                if let selectedID, pane.selectedRow?.id != selectedID, let index = pane.displayIndex(ofID: selectedID) {
                    pane.selection = index
                }
            }
            pane.clampSelection(viewport: viewport)
        }
    }

    static func secondsText(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds < 10 ? String(format: "%.1f s", seconds) : "\(Int(seconds.rounded())) s"
    }
}

extension ConsoleModel {
    /// The poll interval when the pane follows its events, else nil.
    func followIntervalIfFollowing(_ paneID: Int) -> Duration? {
        guard let pane = state.stack.first(where: { $0.id == paneID }), pane.follow != nil else { return nil }
        return followInterval
    }
}
