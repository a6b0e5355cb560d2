public import Foundation

/// The describe body: colored JSON lines, wrapped (or cut with … and scrolled sideways), scrolled, with search
/// matches highlighted and a position indicator.
enum DescribeView {
    /// One screen row: its spans and the JSON line it comes from.
    struct Row: Equatable {
        var spans: [JSONHighlighter.Span]
        var line: Int
    }

    static func draw(_ model: DescribeModel, in area: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        guard !area.isEmpty else { return }
        buffer.fill(area, style: theme[.normal])
        let width = max(1, area.width - 2)
        let noteRows = model.note == nil ? 0 : 1
        let visible = max(0, area.height - noteRows)
        if let note = model.note {
            buffer.put(note.truncated(toWidth: width), x: area.x + 1, y: area.y, style: theme[.dim], clip: area)
        }
        let rows = self.rows(model.json, width: width, wraps: model.wraps)
        let offset = clampedOffset(model.scrollOffset, lineCount: rows.count, visible: visible)
        let needle = model.search?.lowercased() ?? ""
        for index in 0..<visible {
            guard let row = rows[safe: offset + index] else { break }
            let y = area.y + noteRows + index
            let line = Rect(x: area.x + 1, y: y, width: width, height: 1)
            let spans = model.wraps ? row.spans : shifted(row.spans, by: model.column)
            var x = line.x
            for span in spans {
                let matches = !needle.isEmpty && span.text.lowercased().contains(needle)
                x = buffer.put(span.text, x: x, y: y, style: theme[matches ? .conflictBoth : span.role], clip: line)
            }
            // Cut lines say so at each cut edge.
            if !model.wraps {
                let fullWidth = row.spans.reduce(0) { $0 + $1.text.displayWidth }
                if fullWidth - model.column > width { buffer.put("…", x: line.maxX - 1, y: y, style: theme[.dim], clip: line) }
                if model.column > 0, fullWidth > 0 { buffer.put("…", x: line.x, y: y, style: theme[.dim], clip: line) }
            }
        }
        if rows.count > visible {
            let position = "\(offset + 1)–\(min(rows.count, offset + visible)) of \(rows.count)"
            buffer.put(position, x: area.maxX - position.displayWidth - 1, y: area.maxY - 1, style: theme[.dim], clip: area)
        }
    }

    /// The rows of `json` at this width: each JSON line, wrapped into as many rows as it needs when `wraps`.
    static func rows(_ json: String, width: Int, wraps: Bool) -> [Row] {
        let lines = JSONHighlighter.highlight(json)
        guard wraps else { return lines.enumerated().map { Row(spans: $1, line: $0) } }
        var rows: [Row] = []
        for (number, spans) in lines.enumerated() {
            var current: [JSONHighlighter.Span] = []
            var used = 0
            for span in spans {
                var piece = ""
                for character in span.text {
                    let characterWidth = DisplayWidth.of(character)
                    if used + characterWidth > width, used > 0 {
                        if !piece.isEmpty { current.append(JSONHighlighter.Span(text: piece, role: span.role)) }
                        rows.append(Row(spans: current, line: number))
                        current = []
                        piece = ""
                        used = 0
                    }
                    piece.append(character)
                    used += characterWidth
                }
                if !piece.isEmpty { current.append(JSONHighlighter.Span(text: piece, role: span.role)) }
            }
            rows.append(Row(spans: current, line: number))
        }
        return rows
    }

    /// The spans without their first `columns` display columns (sideways scroll).
    static func shifted(_ spans: [JSONHighlighter.Span], by columns: Int) -> [JSONHighlighter.Span] {
        guard columns > 0 else { return spans }
        var skip = columns
        var result: [JSONHighlighter.Span] = []
        for span in spans {
            if skip <= 0 {
                result.append(span)
                continue
            }
            var kept = ""
            for character in span.text {
                if skip > 0 { skip -= DisplayWidth.of(character) } else { kept.append(character) }
            }
            if !kept.isEmpty { result.append(JSONHighlighter.Span(text: kept, role: span.role)) }
        }
        return result
    }

    /// Rows (at this width and wrapping) whose text contains `text`, case-insensitive.
    static func matchingRows(of text: String, in json: String, width: Int, wraps: Bool) -> [Int] {
        let needle = text.lowercased()
        guard !needle.isEmpty else { return [] }
        let rows = self.rows(json, width: width, wraps: wraps)
        // The text as drawn (secrets masked): a search never finds what the screen does not show.
        let lines = JSONHighlighter.highlight(json).map { $0.map(\.text).joined().lowercased() }
        var result: [Int] = []
        var seen: Set<Int> = []
        for (index, row) in rows.enumerated() where !seen.contains(row.line) {
            // A match on a wrapped line goes to the line's first row.
            if lines[safe: row.line]?.contains(needle) == true {
                result.append(index)
                seen.insert(row.line)
            }
        }
        return result
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
