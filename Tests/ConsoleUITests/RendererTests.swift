import Testing
@testable import ConsoleUI

@MainActor
@Suite struct RendererTests {
    @Test func movingTheSelectionWritesOnlyTheTwoChangedRows() {
        let size = TerminalSize(columns: 100, rows: 30)
        let terminal = MemoryTerminal(size: size)
        let renderer = Renderer(terminal: terminal)
        let first = renderer.render(ScreenRenderer.render(Fixtures.usersScreen(selected: 0), size: size, theme: .colored))
        #expect(first.isFullRepaint)
        #expect(first.rowsTouched == 30)
        let moved = renderer.render(ScreenRenderer.render(Fixtures.usersScreen(selected: 1), size: size, theme: .colored))
        #expect(!moved.isFullRepaint)
        #expect(moved.rowsTouched == 2)
        #expect(Set(terminal.appliedDiffs.last?.runs.map(\.y) ?? []) == [4, 5])
        #expect(moved.bytesWritten < first.bytesWritten / 5)
        // The terminal now shows exactly the new frame.
        let expected = MemoryTerminal(size: size)
        Renderer(terminal: expected).render(ScreenRenderer.render(Fixtures.usersScreen(selected: 1), size: size, theme: .colored))
        #expect(terminal.text() == expected.text())
        #expect(terminal.styleDump() == expected.styleDump())
    }

    @Test func aHeaderOnlyChangeRedrawsTheHeaderOverTheLastFrame() {
        let size = TerminalSize(columns: 100, rows: 30)
        let before = Fixtures.usersScreen(selected: 2)
        let drawn = ScreenRenderer.render(before, size: size, theme: .colored)
        var ticked = before
        ticked.header.requestsInFlight = 1
        ticked.header.spinnerFrame = 3
        ticked.header.lastLatency = "12 ms"
        // The same cells a full drawing gives.
        let redrawn = ScreenRenderer.redrawHeader(ticked, over: (before, drawn), size: size, theme: .colored)
        #expect(redrawn == ScreenRenderer.render(ticked, size: size, theme: .colored))
        // Anything else changed, a dialog, or another size: drawn in full.
        #expect(ScreenRenderer.redrawHeader(Fixtures.usersScreen(selected: 3), over: (before, drawn), size: size, theme: .colored) == nil)
        var dialog = ticked
        dialog.overlay = .confirm(ConfirmModel(title: "Delete", message: "Delete?", isDestructive: true))
        #expect(ScreenRenderer.redrawHeader(dialog, over: (before, drawn), size: size, theme: .colored) == nil)
        #expect(ScreenRenderer.redrawHeader(ticked, over: (before, drawn), size: TerminalSize(columns: 90, rows: 30), theme: .colored) == nil)
    }

    @Test func anUnchangedFrameWritesNothing() {
        let size = TerminalSize(columns: 60, rows: 16)
        let terminal = MemoryTerminal(size: size)
        let renderer = Renderer(terminal: terminal)
        let frame = ScreenRenderer.render(Fixtures.sessionsScreen, size: size, theme: .colored)
        renderer.render(frame)
        let again = renderer.render(frame)
        #expect(again == .none)
        #expect(terminal.appliedDiffs.count == 1)
    }

    @Test func aFrameThatOnlyMovesTheCursorIsDrawn() {
        let size = TerminalSize(columns: 60, rows: 16)
        let terminal = MemoryTerminal(size: size)
        let renderer = Renderer(terminal: terminal)
        var frame = ScreenRenderer.render(Fixtures.sessionsScreen, size: size, theme: .colored)
        frame.cursor = (x: 3, y: 4)
        renderer.render(frame)
        frame.cursor = (x: 4, y: 4)
        let moved = renderer.render(frame)
        #expect(moved != .none)
        #expect(terminal.appliedDiffs.count == 2)
        #expect(terminal.appliedDiffs.last?.runs.isEmpty == true)
        #expect(terminal.appliedDiffs.last?.cursor?.x == 4)
        frame.cursor = nil
        renderer.render(frame)
        #expect(terminal.appliedDiffs.count == 3, "hiding the cursor is a change too")
        #expect(renderer.render(frame) == .none)
    }

    @Test func diffsReproduceEveryScreenAfterAnyOther() {
        // Drawing B over A through a diff must give the same grid as drawing B on a blank terminal.
        let size = TerminalSize(columns: 60, rows: 16)
        let frames = Fixtures.allScreens.map { ScreenRenderer.render($0.1, size: size, theme: .colored) }
        let terminal = MemoryTerminal(size: size)
        let renderer = Renderer(terminal: terminal)
        for (index, frame) in frames.enumerated() {
            renderer.render(frame)
            #expect(terminal.grid == Self.withoutCursor(frame), "after \(Fixtures.allScreens[index].0)")
        }
    }

    @Test func resizeRedrawsWholeAtTheNewSize() {
        let terminal = MemoryTerminal(size: TerminalSize(columns: 100, rows: 30))
        let renderer = Renderer(terminal: terminal)
        renderer.render(ScreenRenderer.render(Fixtures.usersScreen(), size: terminal.size, theme: .colored))
        for size in [TerminalSize(columns: 20, rows: 5), TerminalSize(columns: 1, rows: 1), TerminalSize(columns: 0, rows: 0),
                     TerminalSize(columns: 60, rows: 16), TerminalSize(columns: 100, rows: 30)] {
            terminal.resize(to: size)
            #expect(terminal.readKey() == .resize)
            renderer.invalidate()
            let stats = renderer.render(ScreenRenderer.render(Fixtures.usersScreen(), size: size, theme: .colored))
            #expect(stats.isFullRepaint)
            #expect(terminal.grid.size == size)
        }
        #expect(terminal.text().contains("alice@acme.test"))
    }

    @Test(arguments: [(1, 1), (5, 2), (20, 5), (39, 8), (40, 7), (40, 8), (41, 9), (50, 10), (60, 12), (200, 60)])
    func everyScreenDrawsAtAnySizeWithoutOverflow(columns: Int, rows: Int) {
        let size = TerminalSize(columns: columns, rows: rows)
        for (name, model) in Fixtures.allScreens {
            let frame = ScreenRenderer.render(model, size: size, theme: .colored)
            #expect(frame.size == size, "\(name)")
            for line in frame.lines() { #expect(line.displayWidth == columns, "\(name) at \(size)") }
            if let cursor = frame.cursor {
                #expect(cursor.x >= 0 && cursor.x < columns && cursor.y >= 0 && cursor.y < rows, "\(name) cursor")
            }
        }
    }

    @Test func cursorIsShownOnlyForInputs() {
        let size = TerminalSize(columns: 100, rows: 30)
        #expect(ScreenRenderer.render(Fixtures.usersScreen(), size: size, theme: .colored).cursor == nil)
        let form = ScreenRenderer.render(Fixtures.usersScreen(overlay: .editForm(Fixtures.editForm)), size: size, theme: .colored)
        let cursor = form.cursor
        #expect(cursor != nil)
        if let cursor {
            // After "alice@acme", inside the focused input.
            #expect(form[cursor.x - 1, cursor.y].text == "e")
        }
    }

    @Test func ansiEncodingCountsBytes() {
        let size = TerminalSize(columns: 10, rows: 2)
        var frame = ScreenBuffer(size: size)
        frame.put("山x", x: 0, y: 0, style: Style(foreground: .red))
        let diff = frame.diff(from: ScreenBuffer(size: size))
        let ansi = ANSIEncoder.encode(diff)
        #expect(ansi.hasPrefix("\u{1B}[1;1H\u{1B}[0;31m山x"))
        #expect(FrameStats(diff).cellsWritten == 2)
        #expect(FrameStats(diff).bytesWritten == ansi.utf8.count)
    }

    static func withoutCursor(_ frame: ScreenBuffer) -> ScreenBuffer {
        var copy = frame
        copy.cursor = nil
        return copy
    }
}
