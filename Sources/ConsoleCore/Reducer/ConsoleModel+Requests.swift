import Foundation

extension ConsoleModel {
    /// `L`: the Requests pane, at the request the banner refers to (its server reference).
    mutating func openBannerRequest(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let reference = state.banner?.reference, !reference.isEmpty else {
            return raise(
                Banner(severity: .info, kind: .info, title: "No request to open",
                       detail: "L opens the request a failure banner names (ref req_…); :requests lists them all"),
                environment)
        }
        var effects = jump(.requests, environment)
        if let paneID = state.current?.id, state.current?.kind == .requests {
            requestToSelect[paneID] = reference
            // The log is read again with the reference to select (the jump's read may have begun without it).
            effects.append(.readRequestLog(paneID: paneID))
        }
        return effects
    }

    /// The log arrived: newest first; the row of the reference asked for is selected (the newest attempt with
    /// it), else the selection stays on the same entry.
    mutating func requestLogRead(_ entries: [RequestLogEntry], paneID: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        let rows = entries.compactMap(\.requestsRow)
        let wanted = requestToSelect.removeValue(forKey: paneID)
        let viewport = self.viewport
        var found = wanted == nil
        withPane(paneID) { pane in
            let selectedID = pane.selectedRow?.id
            pane.list.setLocalRows(rows)
            pane.recomputeDisplay()
            if let wanted, let entry = entries.first(where: { $0.reference == wanted }),
                let index = pane.displayIndex(ofID: "request:\(entry.sequence)")
            {
                pane.selection = index
                found = true
            } else if let selectedID, let index = pane.displayIndex(ofID: selectedID) {
                pane.selection = index
            }
            pane.clampSelection(viewport: viewport)
        }
        guard !found, let wanted else { return [] }
        // Said, not guessed: the log keeps the last requests only (or a filter hides that one).
        return raise(
            Banner(severity: .info, kind: .info, title: "Request \(wanted) is not listed",
                   detail: "the log keeps the last \(DisplayFormat.count(RequestLog.defaultCapacity)) requests; a filter may hide it"),
            environment)
    }
}
