import Foundation
import Testing
import ConsoleCore
@testable import ConsoleUI

@MainActor
@Suite struct TableTests {
    /// Display column where each cell starts, per row: must be the same on every row.
    static func columnStarts(of line: String, width: Int) -> [Int] {
        var starts: [Int] = []
        var column = 0
        var previousWasSpace = true
        var spaces = 0
        for cluster in line {
            let isSpace = cluster == " "
            if !isSpace, previousWasSpace, spaces >= 2 || column <= 3 { starts.append(column) }
            spaces = isSpace ? spaces + 1 : 0
            previousWasSpace = isSpace
            column += DisplayWidth.of(cluster)
        }
        return starts
    }

    @Test(arguments: [100, 80, 60, 45])
    func wideAndCombiningCharactersStayAligned(width: Int) {
        let size = TerminalSize(columns: width, rows: 14)
        let terminal = SnapshotTests.draw(Fixtures.usersScreen(selected: 0), size: size)
        let grid = terminal.grid
        // The STATUS column header's x position; every row's status cell starts there.
        let header = grid.lines()[3]
        guard let statusRange = header.range(of: "STATUS") else {
            // Status hidden at this width: then nothing to align, but no row may overflow the box.
            for line in grid.lines() { #expect(line.displayWidth == width) }
            return
        }
        let statusColumn = header[..<statusRange.lowerBound].reduce(0) { $0 + DisplayWidth.of($1) }
        for row in 4..<(4 + Fixtures.users.count) {
            var column = 0
            var x = 0
            while x < width, column < statusColumn {
                column += max(1, Int(grid[x, row].width))
                x += max(1, Int(grid[x, row].width))
            }
            #expect(column == statusColumn, "row \(row) misaligned")
            let text = grid[x, row].text
            #expect(["a", "b", "p"].contains(text), "row \(row) has \(text) at the status column")
        }
    }

    @Test func columnsFitTheWidthAndHideLowPriorityFirst() {
        let columns = Fixtures.userColumns
        let contents = [22, 16, 24, 7, 10]
        for width in [20, 30, 45, 60, 80, 100, 200] {
            let widths = TableLayout.widths(columns: columns, contentWidths: contents, width: width)
            let visible = widths.filter { $0 > 0 }
            let used = visible.reduce(0, +) + TableLayout.gap * (visible.count - 1) + TableLayout.gutter
            #expect(used <= max(width, TableLayout.gutter + 1), "width \(width): used \(used)")
            #expect(widths[0] > 0, "the id column always stays")
            // The lowest priority column (CREATED) goes before higher ones.
            if widths[4] > 0 { #expect(widths.allSatisfy { $0 > 0 }) }
            for (index, w) in widths.enumerated() where w > 0 { #expect(w <= columns[index].maxWidth) }
        }
    }

    @Test func selectionStaysVisible() {
        #expect(TableLayout.scrollOffset(selected: 50, current: 0, visibleRows: 10, rowCount: 100) == 41)
        #expect(TableLayout.scrollOffset(selected: 3, current: 41, visibleRows: 10, rowCount: 100) == 3)
        #expect(TableLayout.scrollOffset(selected: 45, current: 41, visibleRows: 10, rowCount: 100) == 41)
        #expect(TableLayout.scrollOffset(selected: nil, current: 500, visibleRows: 10, rowCount: 100) == 90)
    }

    @Test func aWindowOfAHundredThousandRowsDrawsTheSelectedRow() {
        let rows = (99_990..<100_000).map { TableRow(id: "r\($0)", cells: [TableCell("row \($0)")]) }
        let model = ScreenModel(
            scope: .pane(.users), header: Fixtures.header, breadcrumb: BreadcrumbModel(crumbs: ["Users"], rowCount: "100,000"),
            body: .table(TableModel(columns: [TableColumn("ID", min: 8, max: 20, priority: 1)], rows: rows,
                                    firstRowIndex: 99_990, selectedIndex: 99_999, scrollOffset: 99_990, footer: .end)))
        let small = SnapshotTests.draw(model, size: TerminalSize(columns: 60, rows: 16))
        #expect(small.text().contains("▶ row 99999"))
        // With room to spare, the window is drawn from its first row and the end row follows.
        let tall = SnapshotTests.draw(model, size: TerminalSize(columns: 60, rows: 30))
        let lines = tall.text().split(separator: "\n").map(String.init)
        #expect(lines[4].contains("row 99990"))
        #expect(lines[13].contains("▶ row 99999"))
        #expect(lines[14].contains("— end —"))
    }
}
