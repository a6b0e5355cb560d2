/// The run loop: the one owner of the screen. Keys go through the key map to the driver; the driver's changes
/// and a tick are rendered only when something changed; resize is handled at any time.
@MainActor
public final class ConsoleApp {
    public let terminal: any Terminal
    public let renderer: Renderer
    public let driver: any ConsoleDriver
    public var theme: Theme
    /// View-local overlays (help, palette) on top of the driver's screen.
    public private(set) var localOverlay: OverlayModel?
    /// A short notice (e.g. "copied") shown in place of the banner until it expires.
    private var notice: (banner: BannerModel, until: ContinuousClock.Instant)?
    private var lastRevision: Int?
    private var needsRender = true
    private var spinnerFrame = 0
    private var lastScreen: ScreenModel?
    private var lastTick = ContinuousClock.now
    private var quitRequestedAt: ContinuousClock.Instant?
    private var forcedQuit = false
    public static let tickInterval: Duration = .milliseconds(100)
    /// Most keys read before a frame is drawn (a paste arrives as thousands of keys at once).
    public static let keysPerStep = 64
    /// Longest wait for a key before looking at the driver again: the store's answers arrive without a key,
    /// so this bounds how late they are drawn. Keys themselves wake the loop at once.
    public static let idleWait: Duration = .milliseconds(20)

    public init(terminal: any Terminal, driver: any ConsoleDriver, theme: Theme) {
        self.terminal = terminal
        self.renderer = Renderer(terminal: terminal)
        self.driver = driver
        self.theme = theme
    }

    public var isFinished: Bool { forcedQuit || driver.isFinished }

    /// Runs until the user quits, then restores the terminal.
    public func run() async {
        defer { terminal.restore() }
        renderIfNeeded()
        while !isFinished, !Task.isCancelled {
            await terminal.waitForInput(timeout: Self.idleWait)
            step()
        }
    }

    /// Handles every key waiting, ticks if due, and renders if anything changed. Never blocks.
    public func step(now: ContinuousClock.Instant = .now) {
        var handled = 0
        var textEntry = false
        // Bounded so a flood of input (a paste) cannot starve rendering: a frame at least every 64 keys.
        while handled < Self.keysPerStep, !isFinished, let key = terminal.readKey() {
            textEntry = handle(key, continuingTextEntry: textEntry)
            handled += 1
        }
        if now - lastTick >= Self.tickInterval {
            lastTick = now
            tick(now: now)
        }
        renderIfNeeded()
    }

    func tick(now: ContinuousClock.Instant) {
        driver.tick()
        if let notice, now >= notice.until {
            self.notice = nil
            needsRender = true
        }
        if let screen = lastScreen, screen.header.requestsInFlight > 0 {
            spinnerFrame += 1
            needsRender = true
        }
    }

    /// Builds the frame from the driver's screen plus local overlays and draws what changed.
    @discardableResult
    public func renderIfNeeded() -> FrameStats {
        guard needsRender || driver.revision != lastRevision else { return .none }
        needsRender = false
        lastRevision = driver.revision
        var screen = driver.screen(size: terminal.size)
        lastScreen = screen
        screen.header.spinnerFrame = spinnerFrame
        if let notice { screen.banner = notice.banner }
        if let localOverlay, screen.overlay == nil { screen.overlay = localOverlay }
        return renderer.render(ScreenRenderer.render(screen, size: terminal.size, theme: theme))
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
            return false
        }
        if key == .control("c") {
            // Ctrl-C asks like q; a second Ctrl-C within two seconds quits whatever the state.
            let now = ContinuousClock.now
            if let first = quitRequestedAt, now - first < .seconds(2) {
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
        let screen = routingScreen(size: size)
        if size.columns < ScreenRenderer.minimumSize.columns || size.rows < ScreenRenderer.minimumSize.rows {
            // Only quit works on the "too small" note, and only with no dialog open; other keys would act on a
            // screen nobody can see (q in an unsaved edit would open an invisible question).
            if key == .character("q"), screen.overlay == nil { driver.perform(.quit, size: size) } else { terminal.bell() }
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
            localOverlay = .palette(PaletteModel(profiles: driver.profiles))
        case .copyID:
            if let id = driver.selectedID {
                terminal.copyToClipboard(id)
                showNotice(BannerModel(severity: .success, title: "Copied", detail: "\(id) (OSC 52)"))
            } else {
                terminal.bell()
            }
        default:
            driver.perform(action, size: size)
        }
        return false
    }

    /// The screen keys are routed by: the one last drawn, unless an earlier key of the same batch changed the
    /// driver (then "x" opening a confirmation and "y" typed right after must reach the confirmation).
    private func routingScreen(size: TerminalSize) -> ScreenModel {
        if let lastScreen, driver.revision == lastRevision { return lastScreen }
        let screen = driver.screen(size: size)
        lastScreen = screen
        return screen
    }

    private func showNotice(_ banner: BannerModel) {
        notice = (banner, ContinuousClock.now + .seconds(3))
    }

    /// Help: typing searches, Backspace deletes, arrows scroll, Esc (or ? on an empty search) closes.
    static func helpInput(_ help: HelpModel, key: KeyEvent) -> HelpModel? {
        var help = help
        switch key {
        case .escape: return nil
        case .character("?") where help.query.isEmpty: return nil
        case .enter: return nil
        case .backspace:
            if help.query.isEmpty { return nil }
            help.query.removeLast()
            help.scrollOffset = 0
        case .down, .pageDown: help.scrollOffset = min(help.scrollOffset + (key == .down ? 1 : 10), max(0, help.matches.count - 1))
        case .up, .pageUp: help.scrollOffset = max(0, help.scrollOffset - (key == .up ? 1 : 10))
        case .character(let character):
            guard help.query.count < StoreDriver.maxFilterLength else { return help }
            help.query.append(character)
            help.scrollOffset = 0
        default: break
        }
        return help
    }

    private func handlePalette(_ palette: PaletteModel, key: KeyEvent) {
        var palette = palette
        palette.error = nil
        switch key {
        case .escape:
            localOverlay = nil
            return
        case .tab:
            palette.input = CommandPalette.complete(palette.input, profiles: palette.profiles)
            palette.selectedCompletion = 0
        case .down:
            palette.selectedCompletion = min(palette.selectedCompletion + 1, max(0, palette.completions.count - 1))
        case .up:
            palette.selectedCompletion = max(0, palette.selectedCompletion - 1)
        case .backspace:
            if palette.input.isEmpty {
                localOverlay = nil
                return
            }
            palette.input.removeLast()
            palette.selectedCompletion = 0
        case .control("u"):
            // As in a shell and in the form's fields: clears what was typed.
            palette.input = ""
            palette.selectedCompletion = 0
        case .enter:
            // Enter runs what was typed; if that is not a command yet, the highlighted completion.
            var result = CommandPalette.parse(palette.input)
            if case .failure = result, let completion = palette.completions[safe: palette.selectedCompletion],
               !completion.hasSuffix(" ") {
                result = CommandPalette.parse(completion)
            }
            switch result {
            case .success(let command):
                localOverlay = nil
                driver.run(command)
                return
            case .failure(let error):
                palette.error = error.description
            }
        case .character(let character):
            guard palette.input.count < StoreDriver.maxFilterLength else {
                terminal.bell()
                return
            }
            palette.input.append(character)
            palette.selectedCompletion = 0
        default:
            terminal.bell()
        }
        localOverlay = .palette(palette)
    }
}
