/// What a mouse event asks for, found by hit-testing it against the screen last drawn (its `ScreenModel`):
/// which table row, which breadcrumb crumb. Pure, like the key map: tests give it the screen and the times.
public enum MouseAction: Sendable, Hashable {
    /// Wheel: move the selection (or scroll describe) by this many rows.
    case scroll(Int)
    /// Click on a table row: select it (its list index).
    case select(Int)
    /// Double-click on a table row: select and open it.
    case open(Int)
    /// Click on a crumb: go back this many panes.
    case back(levels: Int)
}

public enum MouseMap {
    /// Rows one wheel step moves.
    public static let wheelStep = 3
    /// Two clicks on the same row closer than this are a double-click (on the app's clock, not wall time).
    public static let doubleClickInterval: Duration = .milliseconds(400)

    /// A left click remembered for double-click detection: which row, when.
    public struct Click: Sendable, Hashable {
        public var row: Int
        public var at: Duration
        public init(row: Int, at: Duration) {
            self.row = row
            self.at = at
        }
    }

    /// The action of `event` on `screen`, given the previous click (for double-click); nil when it hits nothing.
    public static func action(
        for event: MouseEvent, on screen: ScreenModel, size: TerminalSize, previousClick: Click?, now: Duration
    ) -> MouseAction? {
        // Dialogs and the filter line take keys only: a click must not act on the screen under them.
        guard screen.overlay == nil, !screen.breadcrumb.isEditingFilter else { return nil }
        switch event.kind {
        case .wheelUp: return .scroll(-wheelStep)
        case .wheelDown: return .scroll(wheelStep)
        case .leftRelease, .other: return nil
        case .leftPress: break
        }
        if event.y == 1 {
            guard let index = Chrome.crumbIndex(atX: event.x, screen.breadcrumb, width: size.columns),
                  let levels = screen.breadcrumb.backLevels[safe: index], levels > 0 else { return nil }
            return .back(levels: levels)
        }
        guard case .table(let table) = screen.body, let row = rowIndex(atY: event.y, table: table, size: size) else {
            return nil
        }
        if let previousClick, previousClick.row == row, now - previousClick.at < doubleClickInterval {
            return .open(row)
        }
        return .select(row)
    }

    /// The list index of the table row drawn at screen row `y`, as `TableView` lays it out in the body box
    /// (header line 0, breadcrumb 1, box border 2, column titles 3, rows from 4).
    static func rowIndex(atY y: Int, table: TableModel, size: TerminalSize) -> Int? {
        let bodyTop = 4
        let bodyHeight = ScreenRenderer.bodyRows(for: size)
        guard y >= bodyTop, y < bodyTop + bodyHeight else { return nil }
        let totalRows = table.firstRowIndex + table.rows.count
        let footerRows = table.footer == .none ? 0 : 1
        let offset = max(
            TableLayout.scrollOffset(
                selected: table.selectedIndex, current: table.scrollOffset, visibleRows: bodyHeight,
                rowCount: totalRows + footerRows),
            table.firstRowIndex)
        let index = offset + (y - bodyTop)
        return index < totalRows ? index : nil
    }
}
