extension ConsoleStore {
    /// `d`: the resource as JSON. What the list holds is shown at once; resources the API can read alone (users,
    /// sessions, tokens) are read again, so describe never shows an old version (after a 412, for one).
    func describe() {
        guard let pane = state.current else { return }
        let shown: (id: String, title: String, json: String)
        if pane.kind == .userDetail, let record = pane.userRecord {
            shown = (record.id, record.username.isEmpty ? record.id : record.username, record.detailJSON)
        } else if let row = pane.selectedRow {
            shown = (row.id, row.title, row.detailJSON)
        } else {
            return
        }
        let kind = pane.kind == .userDetail ? PaneKind.users : pane.kind
        guard kind.canBeReadAlone else {
            state.dialog = .describe(Description(title: shown.title, json: shown.json))
            return
        }
        var description = Description(title: shown.title, json: shown.json, note: "loading the current version…")
        description.resourceID = shown.id
        state.dialog = .describe(description)
        let source = self.source
        let context = pane.context
        otherTasks[Self.describeTask]?.cancel()
        otherTasks[Self.describeTask] = effects.run {
            var note: String?
            var json = shown.json
            do {
                if let current = try await self.measured({
                    try await source.fetchCurrent(kind, rowID: shown.id, context: context)
                }) {
                    json = current.detailJSON
                }
            } catch {
                guard !(error is CancellationError) else { return }
                note = "the version listed: the current one could not be read (\(ConsoleFailure.from(error).description))"
            }
            guard case .describe(var open) = self.state.dialog, open.resourceID == shown.id else { return }
            open.json = json
            open.note = note
            self.state.dialog = .describe(open)
            self.publish()
        }
    }

    static let describeTask = -3_000_000
}

extension PaneKind {
    /// Resources the console reads one by one (for describe, and for If-Match on actions).
    var canBeReadAlone: Bool { self == .users || self == .sessions || self == .tokens }
}
