/// The user detail body: label / value lines and a strip of tabs (sessions, tokens, …) with counts.
enum DetailView {
    static func draw(_ model: DetailModel, in area: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.normal])
        var y = area.y
        if !model.tabs.isEmpty {
            var x = area.x + 1
            let line = Rect(x: area.x, y: y, width: area.width, height: 1)
            for (index, tab) in model.tabs.enumerated() {
                if index > 0 { x = buffer.put(" │ ", x: x, y: y, style: theme[.dim], clip: line) }
                let selected = index == model.selectedTab
                x = buffer.put((selected ? "▶ " : "") + tab, x: x, y: y,
                               style: theme[selected ? .selection : .breadcrumb], clip: line)
            }
            y += 2
        }
        let labelWidth = min(max(8, (model.fields.map(\.label.displayWidth).max() ?? 0) + 1), max(1, area.width / 3))
        for field in model.fields {
            guard y < area.maxY else { break }
            let line = Rect(x: area.x, y: y, width: area.width, height: 1)
            buffer.put(field.label.fitted(toWidth: labelWidth), x: area.x + 1, y: y, style: theme[.fieldLabel], clip: line)
            let valueX = area.x + 2 + labelWidth
            buffer.put(field.value.truncated(toWidth: max(1, area.maxX - valueX - 1)), x: valueX, y: y,
                       style: field.role.map { theme[$0] } ?? theme[.normal], clip: line)
            y += 1
        }
        if model.isLoading, y < area.maxY {
            buffer.put("⋯ loading", x: area.x + 1, y: y, style: theme[.rowInfo], clip: area)
        }
    }
}
