/// A horizontal run of cells to write, starting at (x, y). Continuation cells of wide characters are included
/// (backends that draw wide characters natively skip them).
public struct CellRun: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var cells: [Cell]
}

/// What changed between two frames: only these cells reach the terminal.
public struct FrameDiff: Sendable, Equatable {
    public var size: TerminalSize
    public var runs: [CellRun]
    /// The whole screen is redrawn (first frame, or the size changed).
    public var isFullRepaint: Bool
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set {
            cursorX = newValue?.x
            cursorY = newValue?.y ?? 0
        }
    }
    private var cursorX: Int?
    private var cursorY: Int = 0

    init(size: TerminalSize, runs: [CellRun], isFullRepaint: Bool, cursor: (x: Int, y: Int)?) {
        self.size = size
        self.runs = runs
        self.isFullRepaint = isFullRepaint
        self.cursor = cursor
    }

    public var isEmpty: Bool { runs.isEmpty }

    public static func == (lhs: FrameDiff, rhs: FrameDiff) -> Bool {
        lhs.size == rhs.size && lhs.runs == rhs.runs && lhs.isFullRepaint == rhs.isFullRepaint
            && lhs.cursorX == rhs.cursorX && lhs.cursorY == rhs.cursorY
    }
}

extension ScreenBuffer {
    /// Unchanged gaps this short are rewritten rather than skipped: a cursor move costs more bytes.
    static let gapToBridge = 3

    /// The runs of cells that differ from `previous` (everything when there is none or its size differs).
    public func diff(from previous: ScreenBuffer?) -> FrameDiff {
        let columns = size.columns
        guard let previous, previous.size == size else {
            let runs = (0..<size.rows).compactMap { y -> CellRun? in
                columns == 0 ? nil : CellRun(x: 0, y: y, cells: Array(cells[(y * columns)..<((y + 1) * columns)]))
            }
            return FrameDiff(size: size, runs: runs, isFullRepaint: true, cursor: cursor)
        }
        var runs: [CellRun] = []
        var changed = [Bool](repeating: false, count: columns)
        for y in 0..<size.rows {
            let base = y * columns
            var any = false
            for x in 0..<columns {
                let differs = cells[base + x] != previous.cells[base + x]
                changed[x] = differs
                any = any || differs
            }
            guard any else { continue }
            // A wide character is written whole: widen each change to both of its halves.
            for x in 0..<columns where changed[x] {
                if cells[base + x].isContinuation, x > 0 { changed[x - 1] = true }
                if cells[base + x].width == 2, x + 1 < columns { changed[x + 1] = true }
            }
            var x = 0
            while x < columns {
                guard changed[x] else {
                    x += 1
                    continue
                }
                var end = x + 1
                while end < columns {
                    if changed[end] {
                        end += 1
                        continue
                    }
                    var gapEnd = end
                    while gapEnd < columns, !changed[gapEnd], gapEnd - end < Self.gapToBridge { gapEnd += 1 }
                    if gapEnd < columns, changed[gapEnd], !cells[base + end].isContinuation {
                        end = gapEnd
                    } else {
                        break
                    }
                }
                runs.append(CellRun(x: x, y: y, cells: Array(cells[(base + x)..<(base + end)])))
                x = end
            }
        }
        return FrameDiff(size: size, runs: runs, isFullRepaint: false, cursor: cursor)
    }
}
