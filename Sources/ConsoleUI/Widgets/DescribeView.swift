public import Foundation

/// The describe body: colored JSON lines, scrolled, with a position indicator.
enum DescribeView {
    static func draw(_ model: DescribeModel, in area: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.normal])
        let lines = JSONHighlighter.highlight(model.json)
        let offset = clampedOffset(model.scrollOffset, lineCount: lines.count, visible: area.height)
        for row in 0..<area.height {
            guard let spans = lines[safe: offset + row] else { break }
            var x = area.x + 1
            let line = Rect(x: area.x + 1, y: area.y + row, width: area.width - 2, height: 1)
            for span in spans { x = buffer.put(span.text, x: x, y: line.y, style: theme[span.role], clip: line) }
            if x > line.maxX { buffer.put("…", x: line.maxX - 1, y: line.y, style: theme[.dim], clip: line) }
        }
        if lines.count > area.height {
            let position = "\(offset + 1)–\(min(lines.count, offset + area.height)) of \(lines.count)"
            buffer.put(position, x: area.maxX - position.displayWidth - 1, y: area.maxY - 1, style: theme[.dim], clip: area)
        }
    }

    static func clampedOffset(_ offset: Int, lineCount: Int, visible: Int) -> Int {
        max(0, min(offset, lineCount - visible))
    }
}

extension JSONHighlighter {
    /// Pretty-prints JSON bytes with sorted keys (stable for snapshots); nil if the bytes are not JSON.
    public static func prettyPrinted(_ data: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let pretty = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return nil }
        return String(decoding: pretty, as: UTF8.self)
    }
}
