import ConsoleCore
import Testing
@testable import ConsoleUI

/// A driver with a list and a few actions, recording what the app asked for.
@MainActor
final class RecordingDriver: ConsoleDriver {
    var revision = 0
    var performed: [KeyAction] = []
    var inputs: [KeyEvent] = []
    var commands: [CommandPalette.Command] = []
    var selected = 0
    var overlay: OverlayModel?
    var isFinished = false
    var sizesTold: [TerminalSize] = []
    let manualClock = ManualClock()
    lazy var clock = ConsoleClock(manualClock)
    var viewState = ViewState()
    func updateView(_ body: (inout ViewState) -> Void) {
        body(&viewState)
        revision += 1
    }
    var screensBuilt = 0
    let profiles = ["staging", "prod"]

    var selectedID: String? { Fixtures.users[safe: selected]?.id }

    /// A request in flight (the header's spinner runs) and, optionally, G's progress line under the rows.
    var inFlight: (requests: Int, walkLoaded: Int?)?

    func screen(size: TerminalSize) -> ScreenModel {
        screensBuilt += 1
        var screen = Fixtures.usersScreen(selected: selected, overlay: overlay)
        if let inFlight {
            screen.header.requestsInFlight = inFlight.requests
            if let loaded = inFlight.walkLoaded, case .table(var table) = screen.body {
                table.footer = .loadingAll(loaded: loaded, rowsPerSecond: 1_000)
                screen.body = .table(table)
            }
        }
        return screen
    }

    func perform(_ action: KeyAction, size: TerminalSize) {
        performed.append(action)
        switch action {
        case .moveDown: selected = min(selected + 1, Fixtures.users.count - 1)
        case .moveUp: selected = max(0, selected - 1)
        case .quit: isFinished = true
        case .revoke, .delete: overlay = .confirm(Fixtures.confirm)
        default: break
        }
        revision += 1
    }

    func input(_ key: KeyEvent, size: TerminalSize) {
        inputs.append(key)
        if key == .character("n") || key == .escape { overlay = nil }
        revision += 1
    }

    func run(_ command: CommandPalette.Command) {
        commands.append(command)
        revision += 1
    }

    func resize(to size: TerminalSize) { sizesTold.append(size) }
    func observeChanges(_ onChange: @escaping @MainActor () -> Void) {}
}

@MainActor
@Suite struct ConsoleAppTests {
    static func make(size: TerminalSize = TerminalSize(columns: 100, rows: 30)) -> (ConsoleApp, MemoryTerminal, RecordingDriver) {
        let terminal = MemoryTerminal(size: size)
        let driver = RecordingDriver()
        let app = ConsoleApp(terminal: terminal, driver: driver, theme: .colored)
        app.step()
        return (app, terminal, driver)
    }

    @Test func keysGoThroughTheKeyMapToTheDriver() {
        let (app, terminal, driver) = Self.make()
        terminal.feed(.down, .character("j"), .character("k"), .character("r"), .character("e"))
        app.step()
        #expect(driver.performed == [.moveDown, .moveDown, .moveUp, .refresh, .edit])
        #expect(terminal.text().contains("▶●usr_01JBBB"), "the marked row is selected")
    }

    @Test func nothingIsRenderedWhenNothingChanged() {
        let (app, terminal, driver) = Self.make()
        let frames = app.renderer.framesDrawn
        let built = driver.screensBuilt
        app.step()
        app.step()
        #expect(app.renderer.framesDrawn == frames)
        #expect(driver.screensBuilt == built)
        terminal.feed(.down)
        app.step()
        #expect(app.renderer.framesDrawn == frames + 1)
        #expect(app.renderer.lastStats.rowsTouched == 2)
    }

    @Test func unboundKeysRingTheBell() {
        let (app, terminal, driver) = Self.make()
        terminal.feed(.character("x"), .character("Z"))
        app.step()
        #expect(driver.performed.isEmpty)
        #expect(terminal.bellCount == 2)
    }

    @Test func dialogsTakeTheKeyboard() {
        let (app, terminal, driver) = Self.make()
        driver.perform(.revoke, size: terminal.size)
        app.step()
        #expect(terminal.text().contains("[y] yes"))
        terminal.feed(.character("j"), .character("n"))
        app.step()
        #expect(driver.inputs == [.character("j"), .character("n")])
        #expect(!terminal.text().contains("[y] yes"))
        #expect(driver.performed == [.revoke])
    }

    @Test func keysTypedFasterThanFramesReachTheDialogTheyOpened() {
        let (app, terminal, driver) = Self.make()
        terminal.feed(.character("D"), .character("n"))
        app.step()
        #expect(driver.performed == [.delete])
        #expect(driver.inputs == [.character("n")])
        #expect(terminal.bellCount == 0)
    }

    @Test func helpOpensSearchesAndCloses() {
        let (app, terminal, driver) = Self.make()
        terminal.feed(.character("?"))
        app.step()
        #expect(terminal.text().contains("Help — Users"))
        #expect(terminal.text().contains("delete the user"))
        terminal.type("edit")
        app.step()
        #expect(terminal.text().contains("search: edit"))
        #expect(terminal.text().contains("edit the user (form)"))
        #expect(!terminal.text().contains("delete the user"))
        #expect(terminal.cursor != nil)
        terminal.feed(.escape)
        app.step()
        #expect(!terminal.text().contains("Help — Users"))
        #expect(driver.performed.isEmpty, "keys typed in help never reach the panes")
    }

    @Test func paletteCompletesAndRunsCommands() {
        let (app, terminal, driver) = Self.make()
        terminal.feed(.character(":"))
        terminal.type("we")
        terminal.feed(.tab)
        app.step()
        #expect(terminal.text().contains(":webhooks"))
        terminal.feed(.enter)
        app.step()
        #expect(driver.commands == [.jump(.webhooks)])
        terminal.feed(.character(":"))
        terminal.type("profile st")
        terminal.feed(.tab, .enter)
        app.step()
        #expect(driver.commands == [.jump(.webhooks), .profile("staging")])
        terminal.feed(.character(":"))
        terminal.type("frob")
        terminal.feed(.enter)
        app.step()
        #expect(terminal.text().contains("unknown command :frob"))
        #expect(driver.commands.count == 2)
        terminal.feed(.escape)
        app.step()
        #expect(!terminal.text().contains("unknown command"))
    }

    @Test func copyUsesOSC52AndSaysSo() {
        let (app, terminal, _) = Self.make()
        terminal.feed(.down, .character("y"))
        app.step()
        #expect(terminal.clipboard == ["usr_01JBBB"])
        #expect(terminal.text().contains("Copied"))
    }

    @Test func resizeAtAnyTimeDownToTwentyByFiveAndBack() {
        let (app, terminal, driver) = Self.make()
        terminal.resize(to: TerminalSize(columns: 20, rows: 5))
        app.step()
        #expect(terminal.text().contains("too small"))
        terminal.feed(.down)
        app.step()
        #expect(driver.performed.isEmpty, "keys do nothing on a screen too small to show them")
        terminal.resize(to: TerminalSize(columns: 100, rows: 30))
        app.step()
        #expect(terminal.text().contains("alice@acme.test"))
        terminal.feed(.character("q"))
        app.step()
        #expect(app.isFinished)
    }

    @Test func controlCAsksThenForces() {
        let (app, terminal, driver) = Self.make()
        driver.isFinished = false
        terminal.feed(.control("c"))
        app.step()
        #expect(driver.performed == [.quit])
        #expect(app.isFinished)
    }

    @Test func runRestoresTheTerminalOnQuit() async {
        let (app, terminal, _) = Self.make()
        terminal.feed(.down, .character("q"))
        await app.run()
        #expect(terminal.restored)
    }

    @Test func theSizeReachesTheDriverAtTheStartAndOnResize() {
        let (app, terminal, driver) = Self.make()
        #expect(driver.sizesTold == [TerminalSize(columns: 100, rows: 30)])
        terminal.resize(to: TerminalSize(columns: 90, rows: 25))
        app.step()
        #expect(driver.sizesTold == [TerminalSize(columns: 100, rows: 30), TerminalSize(columns: 90, rows: 25)])
    }

    @Test func theCopiedNoticeExpiresOnTheClock() {
        let (app, terminal, driver) = Self.make()
        terminal.feed(.character("y"))
        app.step()
        #expect(terminal.clipboard.count == 1)
        #expect(terminal.text().contains("Copied"))
        driver.manualClock.advance(by: ConsoleApp.noticeDuration - .milliseconds(1))
        app.step()
        #expect(terminal.text().contains("Copied"), "still shown just before it expires")
        driver.manualClock.advance(by: .milliseconds(1))
        app.step()
        #expect(!terminal.text().contains("Copied"))
    }

    @Test func theSpinnerTicksOnTheClockWhileARequestIsOut() {
        let (app, _, driver) = Self.make()
        driver.inFlight = (requests: 1, walkLoaded: nil)
        driver.revision += 1
        app.step()
        let frames = app.renderer.framesDrawn
        for _ in 0..<10 {
            driver.manualClock.advance(by: ConsoleApp.tickInterval)
            app.step()
        }
        #expect(app.renderer.framesDrawn == frames + 10, "one spinner frame per tick")
    }

    /// During G the progress line moves a few times a second; the spinner steps with it and draws no frames of
    /// its own (ten a second were a large share of the console's CPU through a million rows).
    @Test func duringGTheSpinnerStepsWithTheProgressLineNotOnATimer() {
        let (app, terminal, driver) = Self.make()
        driver.inFlight = (requests: 1, walkLoaded: 100)
        driver.revision += 1
        app.step()
        let frames = app.renderer.framesDrawn
        let header = terminal.text().split(separator: "\n").first.map(String.init)
        for _ in 0..<10 {
            driver.manualClock.advance(by: ConsoleApp.tickInterval)
            app.step()
        }
        #expect(app.renderer.framesDrawn == frames, "no frame for the clock alone")
        #expect(terminal.text().split(separator: "\n").first.map(String.init) == header)
        // The next progress: one frame, and the spinner has moved in it.
        driver.inFlight = (requests: 1, walkLoaded: 200)
        driver.revision += 1
        app.step()
        #expect(app.renderer.framesDrawn == frames + 1)
        #expect(terminal.text().split(separator: "\n").first.map(String.init) != header, "the spinner stepped")
        // The walk ended: the spinner is back on its timer while a request is still out.
        driver.inFlight = (requests: 1, walkLoaded: nil)
        driver.revision += 1
        app.step()
        let after = app.renderer.framesDrawn
        driver.manualClock.advance(by: ConsoleApp.tickInterval)
        app.step()
        #expect(app.renderer.framesDrawn == after + 1)
    }

    @Test func aSecondControlCOutsideTheWindowAsksAgain() {
        let (app, terminal, driver) = Self.make()
        driver.isFinished = false
        terminal.feed(.control("c"))
        app.step()
        driver.isFinished = false
        driver.manualClock.advance(by: ConsoleApp.forceQuitWindow)
        terminal.feed(.control("c"))
        app.step()
        #expect(driver.performed == [.quit, .quit], "two seconds apart: the second Ctrl-C asks again")
        driver.isFinished = false
        #expect(!app.isFinished, "and does not force the quit")
    }

    @Test func theLoopWakesForAKeyAndEndsOnQuit() async {
        let (app, terminal, driver) = Self.make()
        let loop = Task { await app.run() }
        terminal.feed(.down)
        await terminal.keysRead()
        #expect(driver.performed == [.moveDown])
        terminal.feed(.character("q"))
        await loop.value
        #expect(driver.performed == [.moveDown, .quit])
        #expect(terminal.restored)
    }
}
