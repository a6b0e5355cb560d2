/// What one frame cost: cells, rows and bytes written to the terminal (benchmarks read these).
public struct FrameStats: Sendable, Equatable {
    public var cellsWritten: Int
    public var rowsTouched: Int
    public var runs: Int
    /// Bytes of the frame as ANSI escape sequences and UTF-8 text (the same diff an ANSI terminal would receive).
    public var bytesWritten: Int
    public var isFullRepaint: Bool

    public static let none = FrameStats(cellsWritten: 0, rowsTouched: 0, runs: 0, bytesWritten: 0, isFullRepaint: false)

    public init(cellsWritten: Int, rowsTouched: Int, runs: Int, bytesWritten: Int, isFullRepaint: Bool) {
        self.cellsWritten = cellsWritten
        self.rowsTouched = rowsTouched
        self.runs = runs
        self.bytesWritten = bytesWritten
        self.isFullRepaint = isFullRepaint
    }

    public init(_ diff: FrameDiff) {
        var cells = 0
        var rows = Set<Int>()
        for run in diff.runs {
            rows.insert(run.y)
            cells += run.cells.count(where: { !$0.isContinuation })
        }
        self.init(
            cellsWritten: cells, rowsTouched: rows.count, runs: diff.runs.count,
            bytesWritten: ANSIEncoder.encode(diff).utf8.count, isFullRepaint: diff.isFullRepaint)
    }
}

/// Encodes a frame diff as ANSI/VT100 sequences: cursor moves, SGR attributes, UTF-8 text.
public enum ANSIEncoder {
    public static func encode(_ diff: FrameDiff) -> String {
        var out = ""
        var current: Style? = nil
        for run in diff.runs {
            out += "\u{1B}[\(run.y + 1);\(run.x + 1)H"
            for cell in run.cells where !cell.isContinuation {
                if cell.style != current {
                    out += sgr(cell.style)
                    current = cell.style
                }
                out += cell.text
            }
        }
        if current != nil { out += "\u{1B}[0m" }
        if let cursor = diff.cursor {
            out += "\u{1B}[\(cursor.y + 1);\(cursor.x + 1)H\u{1B}[?25h"
        } else {
            out += "\u{1B}[?25l"
        }
        return out
    }

    static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if style.foreground != .default { codes.append(String(29 + Int(style.foreground.rawValue))) }
        if style.background != .default { codes.append(String(39 + Int(style.background.rawValue))) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
