extension ConsoleModel {
    /// The pause after the last key before a filter on the loaded rows applies: short, so it feels live.
    static let localFilterPause: Duration = .milliseconds(150)
    /// The pause before a filter the server answers applies (a new list request, or the Users scan): long
    /// enough that typing a word sends one request, not one per key.
    static let serverFilterPause: Duration = .milliseconds(400)

    /// A key typed into the filter: remembered, and applied once the typing pauses (the timer is started again
    /// by each key). What is applied is exactly what ⏎ would apply.
    mutating func typeFilter(_ text: String, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current else { return [] }
        pendingFilters[pane.id] = text
        let after = ListFilter(text, kind: pane.kind)
        let asksServer = after.serverQuery != pane.filter.serverQuery || (pane.kind == .users && !after.clientText.isEmpty && pane.context.issuerID != nil)
        return [.startTimer(.filterDebounce(paneID: pane.id), after: asksServer ? Self.serverFilterPause : Self.localFilterPause)]
    }

    /// The typing paused: the filter typed applies, if the pane is still on screen and it changed.
    mutating func filterPauseEnded(paneID: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard isCurrent(paneID), let text = pendingFilters[paneID] else { return [] }
        guard text != state.current?.filterText else {
            pendingFilters[paneID] = nil
            return []
        }
        return setFilter(text, environment)
    }
}
