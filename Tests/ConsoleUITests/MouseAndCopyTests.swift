import AuthPIAdmin
import ConsoleCore
import Foundation
import Testing
@testable import ConsoleUI

/// The mouse (wheel, click, double-click on the injected clock, a click on a crumb) and the copy keys, through
/// the run loop against the emulator, drawing into an in-memory terminal.
@MainActor
@Suite("Mouse and copy", .serialized)
struct MouseAndCopyTests {
    private static let size = TerminalSize(columns: 110, rows: 30)

    /// The screen row where `id` is drawn.
    private func row(of id: String, in h: StoreHarness) throws -> Int {
        let lines = h.terminal.text().split(separator: "\n", omittingEmptySubsequences: false)
        return try #require(lines.firstIndex { $0.contains(id) })
    }

    private func click(_ h: StoreHarness, x: Int, y: Int) {
        h.press(.mouse(MouseEvent(.leftPress, x: x, y: y)))
        h.press(.mouse(MouseEvent(.leftRelease, x: x, y: y)))
    }

    @Test func sgrReportsDecode() {
        #expect(MouseEvent.sgr("0;10;5M") == MouseEvent(.leftPress, x: 9, y: 4))
        #expect(MouseEvent.sgr("0;10;5m") == MouseEvent(.leftRelease, x: 9, y: 4))
        #expect(MouseEvent.sgr("64;1;1M") == MouseEvent(.wheelUp, x: 0, y: 0))
        #expect(MouseEvent.sgr("65;300;2M") == MouseEvent(.wheelDown, x: 299, y: 1))
        // Shift held (4) or motion (32): not a plain click.
        #expect(MouseEvent.sgr("4;3;3M")?.kind == .other)
        #expect(MouseEvent.sgr("32;3;3M")?.kind == .other)
        #expect(MouseEvent.sgr("0;0;5M") == nil)
        #expect(MouseEvent.sgr("0;5M") == nil)
        #expect(MouseEvent.sgr("a;b;cM") == nil)
    }

    @Test func osc52IsTheBase64OfTheText() {
        #expect(Clipboard.osc52("usr_1") == "\u{1B}]52;c;dXNyXzE=\u{07}")
        #expect(Clipboard.notice(copied: "usr_1") == "usr_1 (OSC 52; your terminal must allow it)")
    }

    @Test func paletteParsesExport() {
        #expect(CommandPalette.parse(":export users.csv") == .success(.export("users.csv")))
        #expect(CommandPalette.parse("export  my users.jsonl") == .success(.export("my users.jsonl")))
        guard case .failure(let error) = CommandPalette.parse(":export users.txt") else {
            Issue.record("users.txt accepted")
            return
        }
        #expect(error.description.contains(".csv"))
        #expect(CommandPalette.completions(for: "exp") == ["export "])
    }

    @Test func wheelClickDoubleClickAndBreadcrumb() async throws {
        let clock = ManualClock()
        try await StoreHarness.with(size: Self.size, clock: clock) { h in
            #expect(await h.settled(on: .issuers))
            let pane = try #require(h.store.state.current)
            #expect(pane.rowCount >= 3)
            // Wheel: three rows a step.
            h.press(.mouse(MouseEvent(.wheelDown, x: 10, y: 6)))
            #expect(h.store.state.current?.selection == min(3, pane.rowCount - 1))
            h.press(.mouse(MouseEvent(.wheelUp, x: 10, y: 6)))
            #expect(h.store.state.current?.selection == 0)
            // Click on the second row selects it.
            let second = try #require(pane.row(at: 1)?.id)
            click(h, x: 20, y: try row(of: second, in: h))
            #expect(h.store.state.current?.selection == 1)
            // Two clicks far apart on the clock are two single clicks: nothing opens.
            clock.advance(by: .milliseconds(500))
            click(h, x: 20, y: try row(of: second, in: h))
            #expect(h.store.state.current?.kind == .issuers)
            // Within the double-click interval: opens the issuer.
            clock.advance(by: .milliseconds(100))
            click(h, x: 20, y: try row(of: second, in: h))
            #expect(h.store.state.current?.kind == .users)
            #expect(await h.settled(on: .users))
            // A click on the first crumb ("Issuers", from column 1) goes back, as it was.
            #expect(h.terminal.text().split(separator: "\n")[1].contains("Issuers ›"))
            click(h, x: 3, y: 1)
            #expect(h.store.state.current?.kind == .issuers)
            #expect(h.store.state.current?.selection == 1)
            // A click below the rows or on the header does nothing.
            click(h, x: 3, y: 0)
            click(h, x: 3, y: Self.size.rows - 1)
            #expect(h.store.state.current?.kind == .issuers)
            #expect(h.store.state.current?.selection == 1)
        }
    }

    @Test func noMouseUnderADialog() async throws {
        try await StoreHarness.with(size: Self.size) { h in
            #expect(await h.settled(on: .issuers))
            h.press(.character("?"))
            h.press(.mouse(MouseEvent(.wheelDown, x: 10, y: 6)))
            #expect(h.store.state.current?.selection == 0)
        }
    }

    @Test func copyTheIDAndTheRowAsJSON() async throws {
        try await StoreHarness.with(size: Self.size) { h in
            #expect(await h.settled(on: .issuers))
            let id = try #require(h.store.state.current?.selectedRow?.id)
            h.press(.character("y"))
            #expect(h.terminal.clipboard == [id])
            #expect(h.terminal.text().contains("\(id) (OSC 52; your terminal must allow it)"))
            h.press(.character("Y"))
            let json = try #require(h.terminal.clipboard.last)
            #expect(!json.contains("\n"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(object.values.contains { $0 as? String == id })
            #expect(object.keys.filter { ExportEncoding.isSecret($0) }.isEmpty)
            #expect(h.terminal.text().contains("\(id) as JSON (OSC 52"))
            // The hint line offers both.
            let hints = h.terminal.text().split(separator: "\n").last.map(String.init) ?? ""
            #expect(hints.contains("y copy id"))
        }
    }
}
