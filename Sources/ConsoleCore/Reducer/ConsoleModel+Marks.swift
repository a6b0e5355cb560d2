extension ConsoleModel {
    /// Space: marks (or unmarks) the selected row and moves down, so a run of rows is marked by holding space.
    mutating func toggleMark(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, pane.kind.descriptor.marksRows, let id = pane.selectedRow?.id else { return [] }
        withCurrentPane { pane in
            if pane.marks.contains(id) {
                pane.marks.remove(id)
            } else {
                pane.marks.insert(id)
                pane.lastMarkedID = id
            }
        }
        return moveSelection({ $0 + 1 }, environment)
    }

    /// `*`: marks every row shown that is in memory, and says how many more the server holds unmarked.
    mutating func markAll(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, pane.kind.descriptor.marksRows else { return [] }
        var ids: [String] = []
        for index in 0..<pane.rowCount { if let row = pane.row(at: index) { ids.append(row.id) } }
        withCurrentPane { $0.marks.formUnion(ids) }
        let total = state.current?.marks.count ?? 0
        var detail = "\(total) marked"
        if pane.list.hasMore { detail += " · only the loaded rows: more exist on the server (G loads them)" }
        if ids.count < pane.rowCount { detail += " · rows not in memory were not marked" }
        return raise(Banner(severity: .info, kind: .info, title: "Marked \(ids.count) rows shown", detail: detail),
                     environment)
    }

    /// `M`: marks the rows from the one marked last to the selection (both included).
    mutating func markRange(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, pane.kind.descriptor.marksRows else { return [] }
        guard let anchorID = pane.lastMarkedID, let anchor = pane.displayIndex(ofID: anchorID) else {
            return raise(Banner(severity: .info, kind: .info, title: "Mark a row first",
                                detail: "space marks where the range starts; M marks up to the selected row"),
                         environment)
        }
        let range = min(anchor, pane.selection)...max(anchor, pane.selection)
        let ids = range.compactMap { pane.row(at: $0)?.id }
        withCurrentPane { $0.marks.formUnion(ids) }
        return raise(Banner(severity: .info, kind: .info, title: "Marked \(ids.count) rows",
                            detail: "\(state.current?.marks.count ?? 0) marked in all"), environment)
    }

    /// `u`: clears the pane's marks.
    mutating func clearMarks(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, !pane.marks.isEmpty else { return [] }
        withCurrentPane { pane in
            pane.marks = []
            pane.lastMarkedID = nil
        }
        return raise(Banner(severity: .info, kind: .info, title: "Cleared \(pane.marks.count) marks"), environment)
    }

    /// Tab leaves a sibling pane: its marks are kept for when the user comes back to it (same list, same
    /// context), since a sibling lists other resources and cannot act on them.
    mutating func keepMarks(of pane: PaneState) {
        let key = MarksKey(kind: pane.kind, context: pane.context)
        if pane.marks.isEmpty {
            keptMarks[key] = nil
            return
        }
        if keptMarks.count >= Self.keptMarksLimit, keptMarks[key] == nil, let any = keptMarks.keys.first {
            keptMarks[any] = nil
        }
        keptMarks[key] = pane.marks
    }

    /// After Tab: the new pane gets back the marks it had, and the banner says what happened to the marks of
    /// the pane left (kept, not lost).
    mutating func restoreMarks(leaving left: PaneState, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let current = state.current else { return [] }
        let restored = keptMarks.removeValue(forKey: MarksKey(kind: current.kind, context: current.context)) ?? []
        if !restored.isEmpty { withCurrentPane { $0.marks = restored } }
        var parts: [String] = []
        if !left.marks.isEmpty {
            parts.append("\(left.marks.count) marked on \(left.kind.title) kept (Tab back to act on them)")
        }
        if !restored.isEmpty { parts.append("\(restored.count) marks on \(current.kind.title) restored") }
        guard !parts.isEmpty else { return [] }
        return raise(Banner(severity: .info, kind: .info, title: "Marks", detail: parts.joined(separator: " · ")),
                     environment)
    }

    /// At most this many sibling panes keep their marks.
    static let keptMarksLimit = 32
}

/// Which list a set of kept marks belongs to.
struct MarksKey: Hashable, Sendable {
    var kind: PaneKind
    var context: PaneContext
}
