/// The screen the console draws on. Views never talk to a terminal: they fill a `ScreenBuffer`, and the
/// `Renderer` hands the terminal only the cells that changed.
@MainActor
public protocol Terminal: AnyObject {
    /// Current size in cells (updated when a `.resize` key event is read).
    var size: TerminalSize { get }
    /// False on monochrome terminals; the theme then uses only bold / reverse / underline.
    var supportsColor: Bool { get }
    /// Writes the changed cells, places or hides the cursor, and flushes.
    func apply(_ diff: FrameDiff)
    /// The next key waiting, or nil at once when there is none (never blocks).
    func readKey() -> KeyEvent?
    /// Calls `wake` (from any thread) when a key or a resize may be waiting; `readKey` then reads it. After a
    /// wake the terminal watches again only once told `inputDrained()`, so waiting input wakes the loop once.
    func watchInput(_ wake: @escaping @Sendable () -> Void)
    /// The loop read every key waiting (`readKey` returned nil): watch for the next.
    func inputDrained()
    /// Stops watching (the loop ended).
    func stopWatchingInput()
    /// Rings the bell (refused action, invalid key).
    func bell()
    /// Puts text on the user's clipboard with OSC 52 (works through ssh and tmux with set-clipboard).
    func copyToClipboard(_ text: String)
    /// Ctrl-Z: gives the terminal to the shell and stops the process; returns once it runs again (`fg`), with
    /// the terminal taken back. The caller redraws the whole screen.
    func suspendToShell()
    /// Gives the terminal back to the shell as it was. Safe to call more than once.
    func restore()
}

/// Owns the previous frame and sends each new frame's difference to the terminal.
@MainActor
public final class Renderer {
    public let terminal: any Terminal
    private var previous: ScreenBuffer?
    /// Cost of the last frame drawn.
    public private(set) var lastStats: FrameStats = .none
    /// Frames drawn (frames with no change are not counted).
    public private(set) var framesDrawn = 0

    public init(terminal: any Terminal) {
        self.terminal = terminal
    }

    /// Forgets the previous frame so the next one is drawn whole (after a resize or a screen corruption).
    public func invalidate() {
        previous = nil
    }

    /// Draws `frame`, writing only what changed since the last one. Returns the frame's cost.
    @discardableResult
    public func render(_ frame: ScreenBuffer) -> FrameStats {
        // One pass over the cells: the diff itself says whether anything changed (comparing the frames first
        // walked every cell twice).
        let diff = frame.diff(from: previous)
        if let previous, diff.isEmpty, previous.cursor?.x == frame.cursor?.x, previous.cursor?.y == frame.cursor?.y {
            lastStats = .none
            return .none
        }
        terminal.apply(diff)
        previous = frame
        framesDrawn += 1
        lastStats = FrameStats(diff)
        return lastStats
    }
}
