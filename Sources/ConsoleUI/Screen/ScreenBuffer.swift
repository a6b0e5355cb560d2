/// A terminal size in cells.
public struct TerminalSize: Sendable, Hashable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int
    public init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }
    public var description: String { "\(columns)×\(rows)" }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// The rectangle shrunk by `by` cells on every side.
    public func inset(by amount: Int) -> Rect {
        Rect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
    }

    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// A rectangle of the given size centered in this one (clipped to it).
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(width, self.width)
        let h = min(height, self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }
}

/// One frame: a grid of cells the views draw into, plus where the text cursor should be (for input fields).
/// Drawing is clipped to the grid and never splits a wide character.
public struct ScreenBuffer: Sendable, Equatable {
    public private(set) var size: TerminalSize
    public private(set) var cells: [Cell]
    /// Visible text cursor position, or nil to hide the cursor.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0.x, $0.y) } }
        set { cursorPosition = newValue.map { CursorPosition(x: $0.x, y: $0.y) } }
    }
    private var cursorPosition: CursorPosition?

    struct CursorPosition: Sendable, Equatable {
        var x: Int
        var y: Int
    }

    public init(size: TerminalSize, style: Style = .plain) {
        self.size = size
        self.cells = Array(repeating: .blank(style), count: size.columns * size.rows)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.columns, height: size.rows) }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * size.columns + x]
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(_ rect: Rect, style: Style = .plain, character: Character = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let cell = Cell(text: String(character), width: 1, style: style)
        for y in area.y..<area.maxY {
            let row = y * size.columns
            // Only the edges can cut a wide character in half; inside, cells are replaced whole.
            set(x: area.x, y: y, cell)
            if area.width > 1 { set(x: area.maxX - 1, y: y, cell) }
            if area.width > 2 {
                for index in (row + area.x + 1)..<(row + area.maxX - 1) where cells[index] != cell { cells[index] = cell }
            }
        }
    }

    /// Draws text starting at (x, y), clipped to `clip` (default: the whole row from x to the right edge).
    /// Returns the column after the last drawn cell.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = (clip ?? Rect(x: x, y: y, width: size.columns - x, height: 1)).intersection(bounds)
        guard y >= area.y, y < area.maxY else { return x }
        var column = x
        for original in text {
            let cluster = DisplayWidth.sanitized(original)
            let width = DisplayWidth.of(cluster)
            if width == 0 { continue }
            if column + width > area.maxX {
                // A wide character that does not fit is replaced by a blank so nothing is half-drawn.
                if column < area.maxX, column >= area.x { set(x: column, y: y, .blank(style)) }
                return area.maxX
            }
            if column >= area.x {
                set(x: column, y: y, Cell(text: String(cluster), width: UInt8(width), style: style))
                if width == 2 { set(x: column + 1, y: y, .continuation(style)) }
            } else if column + width > area.x {
                // Left edge cuts a wide character: blank its visible half.
                set(x: area.x, y: y, .blank(style))
            }
            column += width
        }
        return column
    }

    /// Changes the style of existing cells in a rectangle, keeping their text (used for selection highlights).
    public mutating func restyle(_ rect: Rect, _ transform: (Style) -> Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                let index = y * size.columns + x
                cells[index].style = transform(cells[index].style)
            }
        }
    }

    /// Stores one cell, repairing a wide character it overlaps so the grid never holds half a character.
    private mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, x < size.columns, y >= 0, y < size.rows else { return }
        let index = y * size.columns + x
        let old = cells[index]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            cells[index - 1] = .blank(cells[index - 1].style)
        }
        if old.width == 2, cell.width != 2, x + 1 < size.columns, cells[index + 1].isContinuation {
            cells[index + 1] = .blank(cells[index + 1].style)
        }
        if cell.width == 2, x + 1 >= size.columns {
            cells[index] = .blank(cell.style)
            return
        }
        cells[index] = cell
    }

    mutating func replaceCell(at index: Int, with cell: Cell) {
        cells[index] = cell
    }

    /// The rows as text (continuation cells skipped), trailing spaces kept.
    public func lines() -> [String] {
        (0..<size.rows).map { y in
            var line = ""
            for x in 0..<size.columns {
                let cell = self[x, y]
                if !cell.isContinuation { line += cell.text }
            }
            return line
        }
    }

    public static func == (lhs: ScreenBuffer, rhs: ScreenBuffer) -> Bool {
        lhs.size == rhs.size && lhs.cells == rhs.cells && lhs.cursorPosition == rhs.cursorPosition
    }
}
