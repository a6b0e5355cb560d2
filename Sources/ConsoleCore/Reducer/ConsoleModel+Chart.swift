import Foundation

extension ConsoleModel {
    /// `c` on Events (or `:events chart`): the chart of event counts over time, with the Events filter.
    mutating func openChart(query: [String: String], _ environment: ConsoleEnvironment) -> [Effect] {
        var effects = push(.eventsChart, context: state.current?.context ?? PaneContext(), environment)
        withCurrentPane { $0.chart = ChartState(window: .day, query: query) }
        effects += readChart(environment)
        return effects
    }

    /// `1` `2` `3`: another window, read at once.
    mutating func setChartWindow(_ window: ChartWindow, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, pane.kind == .eventsChart else { return [] }
        withCurrentPane { $0.chart?.window = window }
        return readChart(environment)
    }

    /// Reads the counts of the chart on screen (the last read of that pane is cancelled first).
    mutating func readChart(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, pane.kind == .eventsChart else { return [] }
        var effects: [Effect] = []
        if chartReads.removeValue(forKey: pane.id) != nil {
            effects.append(.cancel(.chart(paneID: pane.id)))
        }
        if pane.chart == nil { withCurrentPane { $0.chart = ChartState(window: .day, query: [:]) } }
        let chart = state.current?.chart ?? ChartState(window: .day, query: [:])
        withCurrentPane { pane in
            pane.chart?.counts = nil
            pane.list.reset()
            pane.list.begin(.append(cursor: nil))
        }
        let token = makeToken()
        chartReads[pane.id] = token
        state.header.requestsInFlight += 1
        let request = EventCountsRequest(window: chart.window, now: environment.now, query: chart.query)
        return effects + [.fetchEventCounts(request, paneID: pane.id, token: token)]
    }

    mutating func eventCountsArrived(
        _ result: Result<EventCounts, ConsoleFailure>?, paneID: Int, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard chartReads[paneID] == token else { return [] }
        chartReads[paneID] = nil
        let viewport = self.viewport
        switch result {
        case nil:
            withPane(paneID) { $0.list.cancelInFlight() }
            return []
        case .success(let counts):
            readSucceeded(paneID: paneID)
            withPane(paneID) { pane in
                // Only counts for the window on screen are kept (a window changed since is read again).
                guard pane.chart?.window == counts.window else { return }
                pane.chart?.counts = counts
                pane.list.setLocalRows(EventsChartPane.rows(for: counts))
                pane.recomputeDisplay()
                pane.clampSelection(viewport: viewport)
            }
            return []
        case .failure(let failure):
            withPane(paneID) { $0.list.fail(.append(cursor: nil), message: failure.description) }
            return raiseRead(failure, while: "counting events", paneID: paneID, retry: .failedRead, environment)
        }
    }
}
