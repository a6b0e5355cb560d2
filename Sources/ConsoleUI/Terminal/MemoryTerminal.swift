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
    /// The run loop's wake-up, while it watches.
    private var wake: (@Sendable () -> Void)?
    private var keysReadWaiters: [CheckedContinuation<Void, Never>] = []

    public init(size: TerminalSize, supportsColor: Bool = true) {
        self.size = size
        self.supportsColor = supportsColor
        self.grid = ScreenBuffer(size: size)
    }

    /// Queues keys to be read (and wakes the run loop, like a real terminal's input).
    public func feed(_ keys: KeyEvent...) { enqueue(keys) }
    public func feed(_ keys: [KeyEvent]) { enqueue(keys) }
    /// Queues the characters of a string as key presses.
    public func type(_ text: String) {
        enqueue(text.unicodeScalars.map(KeyEvent.fromCharacter))
    }

    /// Changes the size like a window resize: the content is cleared and a `.resize` key is queued.
    public func resize(to newSize: TerminalSize) {
        size = newSize
        grid = ScreenBuffer(size: newSize)
        enqueue([.resize])
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
        guard !pendingKeys.isEmpty else { return nil }
        let key = pendingKeys.removeFirst()
        if pendingKeys.isEmpty { resumeKeysReadWaiters() }
        return key
    }

    private func enqueue(_ keys: [KeyEvent]) {
        pendingKeys.append(contentsOf: keys)
        if !keys.isEmpty { wake?() }
    }

    public func watchInput(_ wake: @escaping @Sendable () -> Void) {
        self.wake = wake
        if !pendingKeys.isEmpty { wake() }
    }

    public func inputDrained() {
        if !pendingKeys.isEmpty { wake?() }
    }

    public func stopWatchingInput() {
        wake = nil
        resumeKeysReadWaiters()
    }

    /// Returns once every key queued so far has been read (the loop draws the frame of the keys it read before
    /// anything else runs), at once when none is queued, or when the loop stops watching.
    public func keysRead() async {
        guard !pendingKeys.isEmpty else { return }
        await withCheckedContinuation { keysReadWaiters.append($0) }
    }

    private func resumeKeysReadWaiters() {
        let waiters = keysReadWaiters
        keysReadWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// Keys queued and not read yet.
    public var pendingKeyCount: Int { pendingKeys.count }

    public func bell() { bellCount += 1 }
    public func copyToClipboard(_ text: String) { clipboard.append(text) }
    public func restore() { restored = true }

    /// Times Ctrl-Z suspended the console (a memory terminal returns at once, as after `fg`).
    public private(set) var suspensions = 0
    public func suspendToShell() { suspensions += 1 }

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
