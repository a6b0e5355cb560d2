/// Sizing of table columns to a width: never wraps, hides low-priority columns when the minimums do not fit,
/// then grows columns toward their content and their maximum.
public enum TableLayout {
    /// Columns between cells.
    public static let gap = 2
    /// Selection marker (▶) and mark (●) columns before the first cell.
    public static let gutter = 2

    /// The width of each column (0 = hidden) for a table `width` columns wide.
    public static func widths(columns: [TableColumn], contentWidths: [Int], width: Int) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let available = width - gutter
        var visible = Array(columns.indices)
        func needed(_ set: [Int]) -> Int {
            set.reduce(0) { $0 + columns[$1].minWidth } + gap * max(0, set.count - 1)
        }
        // Hide the lowest priority columns first (the first column, the id, stays).
        while visible.count > 1, needed(visible) > available {
            let candidates = visible.dropFirst()
            guard let drop = candidates.min(by: { (columns[$0].priority, -$0) < (columns[$1].priority, -$1) }) else { break }
            visible.removeAll { $0 == drop }
        }
        var widths = [Int](repeating: 0, count: columns.count)
        for index in visible { widths[index] = columns[index].minWidth }
        if visible.count == 1, let only = visible.first {
            widths[only] = max(1, min(available, columns[only].maxWidth))
            if available < columns[only].minWidth { widths[only] = max(1, available) }
        }
        var spare = available - visible.reduce(0) { $0 + widths[$1] } - gap * max(0, visible.count - 1)
        let byPriority = visible.sorted { columns[$0].priority > columns[$1].priority }
        // First toward what the content needs, then toward the maximum, one column at a time by priority.
        for limit in [{ (i: Int) in min(columns[i].maxWidth, max(columns[i].minWidth, contentWidths[safe: i] ?? 0)) },
                      { (i: Int) in columns[i].maxWidth }] {
            var grew = true
            while spare > 0, grew {
                grew = false
                for index in byPriority where spare > 0 && widths[index] < limit(index) {
                    widths[index] += 1
                    spare -= 1
                    grew = true
                }
            }
        }
        return widths
    }

    /// The first row to show so the selected row stays in view, moving as little as possible.
    public static func scrollOffset(selected: Int?, current: Int, visibleRows: Int, rowCount: Int) -> Int {
        guard visibleRows > 0 else { return 0 }
        var offset = max(0, min(current, max(0, rowCount - visibleRows)))
        if let selected {
            if selected < offset { offset = selected }
            if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        }
        return max(0, offset)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
