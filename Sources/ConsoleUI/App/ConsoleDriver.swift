public import ConsoleCore

/// What the run loop drives: the state behind the screen (the store, through an adapter).
/// The app owns only view-local things: help and palette overlays, the spinner, the clipboard notice.
@MainActor
public protocol ConsoleDriver: AnyObject {
    /// Changes whenever `screen(size:)` may return something different (the app renders only then).
    var revision: Int { get }
    /// The frame's models. When it has an overlay, or the filter is being edited, keys go raw to `input(_:)`.
    func screen(size: TerminalSize) -> ScreenModel
    /// A key-map action of the current pane.
    func perform(_ action: KeyAction, size: TerminalSize)
    /// A key while a dialog, form or the filter has the keyboard.
    func input(_ key: KeyEvent, size: TerminalSize)
    /// A command from the palette.
    func run(_ command: CommandPalette.Command)
    /// The terminal's size, at the start and after every resize: the only way the view's size reaches the
    /// state (building a screen never changes it).
    func resize(to size: TerminalSize)
    /// Calls `onChange` whenever the state changes by itself (an answer arrived, a timer fired), so the loop
    /// wakes to draw it.
    func observeChanges(_ onChange: @escaping @MainActor () -> Void)
    /// What the view keeps between frames, held in the state (overlays, notices, the Ctrl-C window).
    var viewState: ViewState { get }
    func updateView(_ body: (inout ViewState) -> Void)
    /// The clock every wait of the view sleeps on (spinner, notices, the Ctrl-C window).
    var clock: ConsoleClock { get }
    /// The id `y` copies, if a row is selected.
    var selectedID: String? { get }
    /// A click or a wheel turn, hit-tested against the screen (`MouseMap`).
    func mouse(_ action: MouseAction, size: TerminalSize)
    /// The selected row as one line of JSON with its secrets removed, for `Y`.
    var selectedRowJSON: String? { get }
    /// Profile names the palette offers after `:profile `.
    var profiles: [String] { get }
    /// Issuers the palette completes after `:users ` (the ones loaded).
    var paletteIssuers: [CommandPalette.IssuerChoice] { get }
    /// True once the user quit (and confirmed, if an edit was unsaved).
    var isFinished: Bool { get }
    /// The one-time secret on screen, for the clipboard (nil when none is shown).
    func copySecret() -> String?
}

extension ConsoleDriver {
    public func copySecret() -> String? { nil }
}

extension ConsoleDriver {
    public var selectedRowJSON: String? { nil }
    public func mouse(_ action: MouseAction, size: TerminalSize) {}
}

extension ConsoleDriver {
    public var paletteIssuers: [CommandPalette.IssuerChoice] { [] }
}
