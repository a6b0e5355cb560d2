/// Draws a table inside a rectangle: header row, rows with selection and marks, and the footer row.
enum TableView {
    static func draw(_ model: TableModel, in area: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.normal])
        // One blank column before the right border.
        let area = Rect(x: area.x, y: area.y, width: max(1, area.width - 1), height: area.height)
        let contentWidths = model.columns.indices.map { index in
            model.rows.reduce(model.columns[index].title.displayWidth) { widest, row in
                max(widest, row.cells[safe: index]?.text.displayWidth ?? 0)
            }
        }
        let widths = TableLayout.widths(columns: model.columns, contentWidths: contentWidths, width: area.width)
        // Header row.
        drawCells(model.columns.map { TableCell($0.title) }, widths: widths, columns: model.columns, header: true,
                  x: area.x + TableLayout.gutter, y: area.y, clip: area, buffer: &buffer, theme: theme,
                  base: theme[.tableHeader])
        let bodyTop = area.y + 1
        let bodyHeight = area.height - 1
        guard bodyHeight > 0 else { return }
        let totalRows = model.firstRowIndex + model.rows.count
        if model.rows.isEmpty, model.footer != .loading {
            if case .none = model.footer {
                buffer.put(model.emptyMessage.truncated(toWidth: area.width - 2), x: area.x + 2, y: bodyTop,
                           style: theme[.dim], clip: area)
                return
            }
            if case .end = model.footer {
                buffer.put(model.emptyMessage.truncated(toWidth: area.width - 2), x: area.x + 2, y: bodyTop,
                           style: theme[.dim], clip: area)
                return
            }
            if case .note = model.footer, bodyHeight > 1 {
                // Nothing matched so far: say so, then what was searched.
                buffer.put(model.emptyMessage.truncated(toWidth: area.width - 2), x: area.x + 2, y: bodyTop,
                           style: theme[.dim], clip: area)
                drawFooter(model.footer, area: area, y: bodyTop + 1, buffer: &buffer, theme: theme)
                return
            }
        }
        let footerRows = model.footer == .none ? 0 : 1
        let wantedOffset = TableLayout.scrollOffset(
            selected: model.selectedIndex, current: model.scrollOffset, visibleRows: bodyHeight,
            rowCount: totalRows + footerRows)
        // Rows above the window were not given: never scroll into them.
        let offset = max(wantedOffset, model.firstRowIndex)
        var y = bodyTop
        var index = offset
        while y < area.maxY, index < totalRows {
            let local = index - model.firstRowIndex
            if local >= 0, let row = model.rows[safe: local] {
                drawRow(row, selected: index == model.selectedIndex, widths: widths, model: model, area: area, y: y,
                        buffer: &buffer, theme: theme)
            }
            y += 1
            index += 1
        }
        if y < area.maxY { drawFooter(model.footer, area: area, y: y, buffer: &buffer, theme: theme) }
    }

    private static func drawRow(
        _ row: TableRow, selected: Bool, widths: [Int], model: TableModel, area: Rect, y: Int,
        buffer: inout ScreenBuffer, theme: Theme
    ) {
        let line = Rect(x: area.x, y: y, width: area.width, height: 1)
        if selected { buffer.put("▶", x: area.x, y: y, style: theme[.marker], clip: line) }
        if row.isMarked { buffer.put("●", x: area.x + 1, y: y, style: theme[.marker], clip: line) }
        drawCells(row.cells, widths: widths, columns: model.columns, header: false, x: area.x + TableLayout.gutter,
                  y: y, clip: line, buffer: &buffer, theme: theme, base: row.isMarked ? theme[.marked] : theme[.normal])
        if selected {
            let selection = theme[.selection]
            buffer.restyle(line) { style in
                // The selection wins over colors; attributes like bold stay visible.
                Style(foreground: selection.foreground, background: selection.background, bold: style.bold || selection.bold,
                      reverse: selection.reverse, underline: style.underline || selection.underline, dim: false)
            }
        }
    }

    private static func drawCells(
        _ cells: [TableCell], widths: [Int], columns: [TableColumn], header: Bool, x: Int, y: Int, clip: Rect,
        buffer: inout ScreenBuffer, theme: Theme, base: Style
    ) {
        var position = x
        var first = true
        for (index, width) in widths.enumerated() where width > 0 {
            if !first { position += TableLayout.gap }
            first = false
            let cell = cells[safe: index] ?? TableCell("")
            let style = cell.role.map { base.merged(with: theme[$0]) } ?? base
            let column = columns[safe: index]
            let cut = !header && (column?.truncatesInMiddle ?? false) ? cell.text.truncatedInMiddle(toWidth: width) : cell.text
            let text = cut.fitted(toWidth: width, alignment: column?.alignment ?? .leading)
            buffer.put(text, x: position, y: y, style: style, clip: clip)
            position += width
        }
    }

    private static func drawFooter(_ footer: TableFooter, area: Rect, y: Int, buffer: inout ScreenBuffer, theme: Theme) {
        let line = Rect(x: area.x, y: y, width: area.width, height: 1)
        let text: String
        let role: StyleRole
        switch footer {
        case .none: return
        case .loading:
            text = "⋯ loading more"
            role = .rowInfo
        case .loadingAll(let loaded, let rate):
            let speed = rate.map { " · \(CountFormat.grouped($0)) rows/s" } ?? ""
            text = "⋯ loading every page: \(CountFormat.grouped(loaded)) rows so far\(speed) (Esc or a move stops)"
            role = .rowInfo
        case .end:
            text = "— end —"
            role = .rowInfo
        case .note(let note):
            text = note
            role = .rowInfo
        case .failed(let message):
            let hint = "  [r] retry"
            let budget = area.width - TableLayout.gutter - hint.displayWidth - "✖ failed: ".displayWidth
            text = "✖ failed: \(message.truncated(toWidth: max(1, budget)))\(hint)"
            role = .rowFailed
        }
        buffer.put(text.truncated(toWidth: area.width - TableLayout.gutter), x: area.x + TableLayout.gutter, y: y,
                   style: theme[role], clip: line)
    }
}
