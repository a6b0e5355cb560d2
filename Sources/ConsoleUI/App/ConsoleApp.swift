import ConsoleCore

/// The run loop: the one owner of the screen. It sleeps until something happens — a key or a resize from the
/// terminal, a change of the store (an answer arrived), a timer it scheduled — then handles everything that
/// happened as one batch and draws one frame. An idle console sleeps in the kernel.
@MainActor
public final class ConsoleApp {
    public let terminal: any Terminal
    public let renderer: Renderer
    public let driver: any ConsoleDriver
    public var theme: Theme {
        didSet { lastFrame = nil }
    }
    /// View-local overlays (help, palette) on top of the driver's screen; kept in the state (`ViewState.overlay`).
    public private(set) var localOverlay: OverlayModel? {
        get { driver.viewState.overlay.map(overlayModel) }
        set { driver.updateView { $0.overlay = newValue.flatMap(Self.viewOverlay) } }
    }
    /// A short notice (e.g. "copied") shown in place of the banner until it expires (time on the clock); kept in
    /// the state (`ViewState.timedNotice`).
    private var notice: (banner: BannerModel, until: Duration)? {
        get { driver.viewState.timedNotice.map { (banner: BannerModel($0), until: $0.expiresAt ?? .zero) } }
        set { driver.updateView { $0.timedNotice = newValue.map { ViewNotice($0.banner, expiresAt: $0.until) } } }
    }
    /// When the first Ctrl-C was pressed; kept in the state (`ViewState.quitRequestedAt`).
    private var quitRequestedAt: Duration? {
        get { driver.viewState.quitRequestedAt }
        set { driver.updateView { $0.quitRequestedAt = newValue } }
    }
    private var lastRevision: Int?
    private var needsRender = true
    private var spinnerFrame = 0
    /// When the spinner moves next, while a request is in flight.
    private var spinnerDue: Duration?
    private var lastScreen: ScreenModel?
    /// The model and the frame drawn last, so a frame where only the header changed redraws just the header.
    private var lastFrame: (model: ScreenModel, buffer: ScreenBuffer)?
    /// The size the driver was last told.
    private var toldSize: TerminalSize?
    private var forcedQuit = false
    /// The last left click on a table row, for double-click detection (on the driver's clock).
    private var lastClick: MouseMap.Click?
    /// The one timer the loop has scheduled (the earliest due of spinner and notice), with its due time.
    private var timer: (due: Duration, task: Task<Void, Never>)?
    private let events = LoopEvents()
    public static let tickInterval: Duration = .milliseconds(100)
    /// Most keys read before a frame is drawn (a paste arrives as thousands of keys at once).
    public static let keysPerStep = 64
    public static let noticeDuration: Duration = .seconds(3)
    public static let forceQuitWindow: Duration = .seconds(2)

    public init(terminal: any Terminal, driver: any ConsoleDriver, theme: Theme) {
        self.terminal = terminal
        self.renderer = Renderer(terminal: terminal)
        self.driver = driver
        self.theme = theme
    }

    public var isFinished: Bool { forcedQuit || driver.isFinished }
    private var clock: ConsoleClock { driver.clock }

    /// Runs until the user quits, then restores the terminal. One `for await` over the merged events: each
    /// batch is handled, then drawn once.
    public func run() async {
        defer {
            terminal.stopWatchingInput()
            timer?.task.cancel()
            timer = nil
            events.finish()
            terminal.restore()
        }
        let events = events
        terminal.watchInput { events.post(.input) }
        driver.observeChanges { events.post(.changed) }
        step()
        guard !isFinished else { return }
        for await wake in events {
            step(readingInput: wake.contains(.input))
            if isFinished || Task.isCancelled { break }
        }
    }

    /// Handles the keys waiting (at most `keysPerStep`), fires the timers that are due, and renders if anything
    /// changed. Never blocks. The run loop calls it once per batch of events; tests call it directly.
    public func step() {
        step(readingInput: true)
    }

    private func step(readingInput: Bool) {
        tellSizeIfChanged()
        var drained = true
        if readingInput {
            var handled = 0
            var textEntry = false
            drained = false
            // Bounded so a flood of input (a paste) cannot starve rendering: a frame at least every 64 keys.
            while !isFinished {
                guard handled < Self.keysPerStep else { break }
                guard let key = terminal.readKey() else {
                    drained = true
                    break
                }
                textEntry = handle(key, continuingTextEntry: textEntry)
                handled += 1
            }
        }
        fireDueTimers()
        // The frame drawn now shows every change posted so far.
        events.discard(.changed)
        renderIfNeeded()
        scheduleTimer()
        guard readingInput else { return }
        // More keys than one frame takes: come back for them after this frame, without waiting for the terminal.
        if drained { terminal.inputDrained() } else { events.post(.input) }
    }

    private func tellSizeIfChanged() {
        let size = terminal.size
        guard size != toldSize else { return }
        toldSize = size
        driver.resize(to: size)
    }

    /// Moves the spinner and expires the notice when their time has come.
    private func fireDueTimers() {
        let now = clock.elapsed
        if let notice, now >= notice.until {
            self.notice = nil
            needsRender = true
        }
        if let due = spinnerDue, now >= due {
            spinnerDue = nil
            spinnerFrame += 1
            needsRender = true
        }
    }

    /// Schedules one wake-up at the earliest due time, only when something needs one: the spinner while a
    /// request is in flight, the notice while shown. Nothing is scheduled on an idle screen.
    private func scheduleTimer() {
        let now = clock.elapsed
        if (lastScreen?.header.requestsInFlight ?? 0) > 0, !Self.showsWalkProgress(lastScreen) {
            if spinnerDue == nil { spinnerDue = now + Self.tickInterval }
        } else {
            spinnerDue = nil
        }
        let due = [spinnerDue, notice?.until].compactMap { $0 }.min()
        guard let due else {
            timer?.task.cancel()
            timer = nil
            return
        }
        if let timer, timer.due == due { return }
        timer?.task.cancel()
        let events = events
        let clock = clock
        timer = (due, Task {
            do { try await clock.sleep(untilElapsed: due) } catch { return }
            events.post(.timer)
        })
    }

    /// While G's progress line moves (a few times a second) the spinner steps with it and has no timer of its
    /// own: the progress already shows the walk is working, and G runs at the console's CPU per page, so ten
    /// more frames a second are ten frames the walk pays for.
    static func showsWalkProgress(_ screen: ScreenModel?) -> Bool {
        guard case .table(let table)? = screen?.body, case .loadingAll = table.footer else { return false }
        return true
    }

    /// Builds the frame from the driver's screen plus local overlays and draws what changed.
    @discardableResult
    public func renderIfNeeded() -> FrameStats {
        // The timers follow what is on screen (a spinner only while a drawn request is out), also when a caller
        // other than the loop draws: otherwise a spinner timer of the previous frame outlives it.
        defer { scheduleTimer() }
        tellSizeIfChanged()
        guard needsRender || driver.revision != lastRevision else { return .none }
        needsRender = false
        let revised = driver.revision != lastRevision
        lastRevision = driver.revision
        var screen = driver.screen(size: terminal.size)
        lastScreen = screen
        if revised, Self.showsWalkProgress(screen) { spinnerFrame += 1 }
        screen.header.spinnerFrame = spinnerFrame
        if let notice { screen.banner = notice.banner }
        if let localOverlay, screen.overlay == nil { screen.overlay = localOverlay }
        let size = terminal.size
        let buffer = lastFrame.flatMap { ScreenRenderer.redrawHeader(screen, over: $0, size: size, theme: theme) }
            ?? ScreenRenderer.render(screen, size: size, theme: theme)
        lastFrame = (screen, buffer)
        return renderer.render(buffer)
    }

    public func handle(_ key: KeyEvent) {
        _ = handle(key, continuingTextEntry: false)
    }

    /// Handles one key; returns whether it went into a text entry (the filter being typed or the edit form).
    /// Within one step nothing but the keys changes the screen, and a character never leaves a text entry: so
    /// the next character of a paste goes straight there, without building the whole screen again for each.
    private func handle(_ key: KeyEvent, continuingTextEntry: Bool) -> Bool {
        needsRender = true
        if continuingTextEntry, case .character = key {
            driver.input(key, size: terminal.size)
            return true
        }
        return handleRouted(key)
    }

    private func handleRouted(_ key: KeyEvent) -> Bool {
        let size = terminal.size
        if key == .resize {
            renderer.invalidate()
            tellSizeIfChanged()
            return false
        }
        if key == .control("c") {
            // Ctrl-C asks like q; a second Ctrl-C within two seconds quits whatever the state.
            let now = clock.elapsed
            if let first = quitRequestedAt, now - first < Self.forceQuitWindow {
                forcedQuit = true
                return false
            }
            quitRequestedAt = now
            localOverlay = nil
            driver.perform(.quit, size: size)
            return false
        }
        if key == .control("l") {
            renderer.invalidate()
            return false
        }
        if KeyMap.suspendBinding.keys.contains(key) {
            suspendToShell()
            return false
        }
        let screen = routingScreen(size: size)
        if size.columns < ScreenRenderer.minimumSize.columns || size.rows < ScreenRenderer.minimumSize.rows {
            // Only quit works on the "too small" note, and only with no dialog open; other keys would act on a
            // screen nobody can see (q in an unsaved edit would open an invisible question).
            if key == .character("q"), screen.overlay == nil { driver.perform(.quit, size: size) } else { terminal.bell() }
            return false
        }
        if case .secret = screen.overlay, DialogKeys.action(for: key, in: DialogKeys.secret) == .copySecret {
            // Straight to the terminal (OSC 52); the notice names no secret.
            if let secret = driver.copySecret() {
                terminal.copyToClipboard(secret)
                showNotice(BannerModel(severity: .success, title: "Copied the secret", detail: "to the clipboard (OSC 52)"))
            } else {
                terminal.bell()
            }
            return false
        }
        if case .mouse(let event) = key {
            handleMouse(event, screen: screen, size: size)
            return false
        }
        if screen.overlay != nil || screen.breadcrumb.isEditingFilter {
            driver.input(key, size: size)
            let isTextEntry: Bool = if case .editForm = screen.overlay { true } else { screen.breadcrumb.isEditingFilter }
            if case .character = key { return isTextEntry }
            return false
        }
        switch localOverlay {
        case .help(let help):
            localOverlay = Self.helpInput(help, key: key).map(OverlayModel.help)
            return false
        case .palette(let palette):
            handlePalette(palette, key: key)
            return false
        default:
            break
        }
        guard let action = KeyMap.action(for: key, in: screen.scope) else {
            terminal.bell()
            return false
        }
        switch action {
        case .help:
            localOverlay = .help(HelpModel(scope: screen.scope))
        case .palette:
            localOverlay = .palette(PaletteModel(choices: paletteChoices))
        case .copyID:
            if let id = driver.selectedID {
                terminal.copyToClipboard(id)
                showNotice(BannerModel(severity: .success, title: "Copied", detail: Clipboard.notice(copied: id)))
            } else {
                terminal.bell()
            }
        case .copyRow:
            if let json = driver.selectedRowJSON, let id = driver.selectedID {
                terminal.copyToClipboard(json)
                showNotice(BannerModel(
                    severity: .success, title: "Copied", detail: Clipboard.notice(copied: "\(id) as JSON")))
            } else {
                terminal.bell()
            }
        default:
            driver.perform(action, size: size)
        }
        return false
    }

    /// A click or wheel turn: hit-tested against the screen keys are routed by; nothing under a help or palette.
    private func handleMouse(_ event: MouseEvent, screen: ScreenModel, size: TerminalSize) {
        guard localOverlay == nil else { return }
        let now = clock.elapsed
        guard let action = MouseMap.action(for: event, on: screen, size: size, previousClick: lastClick, now: now) else {
            return
        }
        switch action {
        case .select(let row): lastClick = MouseMap.Click(row: row, at: now)
        case .open: lastClick = nil  // a third click starts over
        default: lastClick = nil
        }
        driver.mouse(action, size: size)
    }

    /// The screen keys are routed by: the one last drawn, unless an earlier key of the same batch changed the
    /// driver (then "x" opening a confirmation and "y" typed right after must reach the confirmation).
    private func routingScreen(size: TerminalSize) -> ScreenModel {
        if let lastScreen, driver.revision == lastRevision { return lastScreen }
        let screen = driver.screen(size: size)
        lastScreen = screen
        return screen
    }

    /// Ctrl-Z: the shell gets the terminal until `fg`; then the whole screen is drawn again (at its new size).
    private func suspendToShell() {
        terminal.suspendToShell()
        renderer.invalidate()
        lastFrame = nil
        needsRender = true
        tellSizeIfChanged()
    }

    private var paletteChoices: CommandPalette.Choices {
        CommandPalette.Choices(profiles: driver.profiles, issuers: driver.paletteIssuers)
    }

    private func showNotice(_ banner: BannerModel) {
        notice = (banner, clock.elapsed + Self.noticeDuration)
    }

    /// Help: typing searches, Backspace deletes, arrows scroll, Esc (or ? on an empty search) closes.
    static func helpInput(_ help: HelpModel, key: KeyEvent) -> HelpModel? {
        var help = help
        // The help's key table (`DialogKeys.help`) says what closes and what scrolls; the rest types the search.
        switch DialogKeys.action(for: key, in: DialogKeys.help) {
        case .close: return nil
        case .scroll:
            let step = key == .pageDown || key == .pageUp ? 10 : 1
            if key == .down || key == .pageDown {
                help.scrollOffset = min(help.scrollOffset + step, max(0, help.matches.count - 1))
            } else {
                help.scrollOffset = max(0, help.scrollOffset - step)
            }
        default:
            switch key {
            case .character("?") where help.query.isEmpty: return nil
            case .backspace:
                if help.query.isEmpty { return nil }
                help.query.removeLast()
                help.scrollOffset = 0
            case .character(let character):
                guard help.query.count < StoreDriver.maxFilterLength else { return help }
                help.query.append(character)
                help.scrollOffset = 0
            default: break
            }
        }
        return help
    }

    private func handlePalette(_ palette: PaletteModel, key: KeyEvent) {
        var palette = palette
        palette.error = nil
        // The palette's key table (`DialogKeys.palette`) names its keys; what it does not bind edits the line.
        switch (DialogKeys.action(for: key, in: DialogKeys.palette), key) {
        case (.close, _):
            localOverlay = nil
            return
        case (.complete, _):
            palette.input = CommandPalette.complete(palette.input, choices: palette.choices)
            palette.selectedCompletion = 0
            palette.historyIndex = nil
        case (.choose, _) where palette.historyIndex != nil
            || (key == .up && palette.input.isEmpty && !driver.viewState.paletteHistory.isEmpty):
            // ↑ / ↓ on an empty line (or while walking the history) recall the commands run before.
            recallHistory(&palette, older: key == .up)
        case (.choose, .down):
            palette.selectedCompletion = min(palette.selectedCompletion + 1, max(0, palette.completions.count - 1))
        case (.choose, _):
            palette.selectedCompletion = max(0, palette.selectedCompletion - 1)
        case (_, .backspace):
            if palette.input.isEmpty {
                localOverlay = nil
                return
            }
            palette.input.removeLast()
            palette.selectedCompletion = 0
            palette.historyIndex = nil
        case (_, .control("u")):
            // As in a shell and in the form's fields: clears what was typed.
            palette.input = ""
            palette.selectedCompletion = 0
            palette.historyIndex = nil
        case (.run, _):
            // Enter runs what was typed; if that is not a command yet, the highlighted completion.
            var result = CommandPalette.parse(palette.input)
            var line = palette.input
            if case .failure = result, let completion = palette.completions[safe: palette.selectedCompletion],
               !completion.hasSuffix(" ") {
                result = CommandPalette.parse(completion)
                line = completion
            }
            switch result {
            case .success(let command):
                localOverlay = nil
                remember(line)
                driver.run(command)
                return
            case .failure(let error):
                palette.error = error.description
            }
        case (_, .character(let character)):
            guard palette.input.count < StoreDriver.maxFilterLength else {
                terminal.bell()
                return
            }
            palette.input.append(character)
            palette.selectedCompletion = 0
            palette.historyIndex = nil
        default:
            terminal.bell()
        }
        localOverlay = .palette(palette)
    }

    /// ↑: the previous command run (older each time); ↓: the next, then an empty line.
    private func recallHistory(_ palette: inout PaletteModel, older: Bool) {
        let history = driver.viewState.paletteHistory
        guard !history.isEmpty else {
            terminal.bell()
            return
        }
        let next = older ? (palette.historyIndex.map { $0 + 1 } ?? 0) : (palette.historyIndex ?? 0) - 1
        if next < 0 {
            palette.historyIndex = nil
            palette.input = ""
        } else {
            let index = min(next, history.count - 1)
            palette.historyIndex = index
            palette.input = history[history.count - 1 - index]
        }
        palette.selectedCompletion = 0
    }

    /// Keeps a command run in the history (the same line twice in a row once), bounded.
    private func remember(_ line: String) {
        let text = line.hasPrefix(":") ? String(line.dropFirst()) : line
        guard !text.isEmpty else { return }
        driver.updateView { view in
            if view.paletteHistory.last != text { view.paletteHistory.append(text) }
            if view.paletteHistory.count > ViewState.paletteHistoryLimit {
                view.paletteHistory.removeFirst(view.paletteHistory.count - ViewState.paletteHistoryLimit)
            }
        }
    }
}

extension ConsoleApp {
    private func overlayModel(_ overlay: ViewOverlay) -> OverlayModel {
        switch overlay {
        case .help(let pane, let query, let scroll):
            .help(HelpModel(scope: pane.map(KeyScope.pane) ?? .describe, query: query, scrollOffset: scroll))
        case .palette(let input, let selectedCompletion, let error, let historyIndex):
            .palette(PaletteModel(input: input, selectedCompletion: selectedCompletion, error: error,
                                  choices: paletteChoices, historyIndex: historyIndex))
        }
    }

    private static func viewOverlay(_ overlay: OverlayModel) -> ViewOverlay? {
        switch overlay {
        case .help(let help):
            let pane: PaneKind? = if case .pane(let kind) = help.scope { kind } else { nil }
            return .help(pane: pane, query: help.query, scroll: help.scrollOffset)
        case .palette(let palette):
            return .palette(input: palette.input, selectedCompletion: palette.selectedCompletion, error: palette.error,
                            historyIndex: palette.historyIndex)
        default:
            return nil
        }
    }
}
