/// An in-memory terminal for tests and benchmarks: a cell grid that applies frame diffs like a real terminal,
/// takes keys from a queue, and dumps its content as text lines and a style map.
@MainActor
public final class MemoryTerminal: Terminal {
    public private(set) var size: TerminalSize
    public var supportsColor: Bool
    public private(set) var grid: ScreenBuffer
    public private(set) var cursor: (x: Int, y: Int)?
    public private(set) var bellCount = 0
    public private(set) var clipboard: [String] = []
    public private(set) var restored = false
    /// Every diff applied, newest last (tests check that a cursor move touches only the changed rows).
    public private(set) var appliedDiffs: [FrameDiff] = []
    private var pendingKeys: [KeyEvent] = []

    public init(size: TerminalSize, supportsColor: Bool = true) {
        self.size = size
        self.supportsColor = supportsColor
        self.grid = ScreenBuffer(size: size)
    }

    /// Queues keys to be read.
    public func feed(_ keys: KeyEvent...) { pendingKeys.append(contentsOf: keys) }
    public func feed(_ keys: [KeyEvent]) { pendingKeys.append(contentsOf: keys) }
    /// Queues the characters of a string as key presses.
    public func type(_ text: String) {
        pendingKeys.append(contentsOf: text.unicodeScalars.map(KeyEvent.fromCharacter))
    }

    /// Changes the size like a window resize: the content is cleared and a `.resize` key is queued.
    public func resize(to newSize: TerminalSize) {
        size = newSize
        grid = ScreenBuffer(size: newSize)
        pendingKeys.append(.resize)
    }

    public func apply(_ diff: FrameDiff) {
        appliedDiffs.append(diff)
        if diff.size != grid.size { grid = ScreenBuffer(size: diff.size) }
        var next = grid
        for run in diff.runs {
            for (offset, cell) in run.cells.enumerated() {
                next.setRaw(x: run.x + offset, y: run.y, cell)
            }
        }
        grid = next
        cursor = diff.cursor
    }

    public func readKey() -> KeyEvent? {
        pendingKeys.isEmpty ? nil : pendingKeys.removeFirst()
    }

    /// Returns when a key is queued (checked every millisecond, as a terminal would wake on input) or after
    /// `timeout`, or at once when the task is cancelled.
    public func waitForInput(timeout: Duration) async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while pendingKeys.isEmpty, clock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    /// Keys queued and not read yet.
    public var pendingKeyCount: Int { pendingKeys.count }

    public func bell() { bellCount += 1 }
    public func copyToClipboard(_ text: String) { clipboard.append(text) }
    public func restore() { restored = true }

    /// The screen as text, one line per row, trailing spaces removed.
    public func text() -> String {
        grid.lines().map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }

    /// The styles on screen: one letter per cell (`.` for plain), then a legend of the letters.
    public func styleDump() -> String { grid.styleDump() }
}

extension ScreenBuffer {
    /// Writes a cell without repairing neighbours (a diff already carries whole wide characters).
    mutating func setRaw(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, x < size.columns, y >= 0, y < size.rows else { return }
        replaceCell(at: y * size.columns + x, with: cell)
    }

    /// One letter per cell naming its style (`.` = plain), followed by a legend: compact, diffable snapshots.
    public func styleDump() -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        var legend: [Style: Character] = [:]
        var order: [Style] = []
        var rows: [String] = []
        for y in 0..<size.rows {
            var row = ""
            for x in 0..<size.columns {
                let style = self[x, y].style
                if style == .plain {
                    row.append(".")
                    continue
                }
                if legend[style] == nil {
                    legend[style] = order.count < letters.count ? letters[order.count] : "#"
                    order.append(style)
                }
                row.append(legend[style] ?? "#")
            }
            while row.last == "." { row.removeLast() }
            rows.append(row)
        }
        let key = order.map { "\(legend[$0] ?? "#") = \($0.code)" }
        return (rows + ["", "legend:"] + key).joined(separator: "\n")
    }
}
