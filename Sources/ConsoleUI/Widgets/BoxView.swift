/// A single-line box border with an optional title in the top edge.
enum BoxView {
    /// Draws the border and returns the inner rectangle.
    @discardableResult
    static func draw(_ area: Rect, title: String? = nil, style: Style, titleStyle: Style? = nil,
                     fill: Style? = nil, into buffer: inout ScreenBuffer) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        if let fill { buffer.fill(area, style: fill) }
        let horizontal = String(repeating: "─", count: area.width - 2)
        buffer.put("┌" + horizontal + "┐", x: area.x, y: area.y, style: style, clip: area)
        buffer.put("└" + horizontal + "┘", x: area.x, y: area.maxY - 1, style: style, clip: area)
        for y in (area.y + 1)..<(area.maxY - 1) {
            buffer.put("│", x: area.x, y: y, style: style, clip: area)
            buffer.put("│", x: area.maxX - 1, y: y, style: style, clip: area)
        }
        if let title, area.width > 6 {
            let text = " " + title.truncated(toWidth: area.width - 6) + " "
            buffer.put(text, x: area.x + 2, y: area.y, style: titleStyle ?? style, clip: area)
        }
        return area.inset(by: 1)
    }
}
