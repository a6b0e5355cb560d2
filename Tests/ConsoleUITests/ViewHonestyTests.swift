import ConsoleCore
import Foundation
import Testing
@testable import ConsoleUI

/// The screen offers only what works where you are and says what it is doing (issue 11 items 8, 10, 11, 14, 16).
@MainActor
@Suite("View honesty", .serialized)
struct ViewHonestyTests {
    // MARK: Pure rendering

    @Test func countdownComesBeforeTheDetailSoANarrowLineKeepsIt() {
        let banner = BannerModel(
            severity: .warning, title: "429 Rate limited while loading Users",
            detail: String(repeating: "a long server message that goes on ", count: 6), hint: "[r] retry",
            countdown: "retry in 2s (automatic)")
        let terminal = MemoryTerminal(size: TerminalSize(columns: 120, rows: 30))
        let renderer = Renderer(terminal: terminal)
        renderer.render(ScreenRenderer.render(Fixtures.usersScreen(banner: banner), size: terminal.size, theme: .colored))
        let line = terminal.text().split(separator: "\n").first { $0.contains("Rate limited") } ?? ""
        #expect(line.contains("retry in 2s (automatic)"), "countdown cut: \(line)")
        #expect(line.contains("[r] retry"))
    }

    @Test func readOnlyHintsOfferNoChange() {
        let hints = KeyMap.hints(for: .pane(.users), readOnly: true).map(\.action)
        #expect(!hints.contains(.edit) && !hints.contains(.delete))
        #expect(KeyMap.hints(for: .pane(.users)).map(\.action).contains(.delete))
        #expect(KeyMap.hints(for: .pane(.sessions), readOnly: true).allSatisfy { !$0.action.isMutation })
    }

    @Test func tooSmallWithADialogDoesNotPromiseQ() {
        let form = EditFormModel(title: "Edit alice", fields: [FormFieldModel(label: "username", value: "alice")])
        let small = TerminalSize(columns: 20, rows: 5)
        let withDialog = ScreenRenderer.render(Fixtures.usersScreen(overlay: .editForm(form)), size: small, theme: .monochrome)
        let withoutDialog = ScreenRenderer.render(Fixtures.usersScreen(), size: small, theme: .monochrome)
        let terminal = MemoryTerminal(size: small)
        Renderer(terminal: terminal).render(withDialog)
        #expect(!terminal.text().contains("q quits"))
        #expect(terminal.text().contains("enlarge"))
        let other = MemoryTerminal(size: small)
        Renderer(terminal: other).render(withoutDialog)
        #expect(other.text().contains("q quits"))
    }

    @Test func describeWrapsLongValuesAndCutsThemWithAnEllipsisWhenAsked() {
        let long = "\"note\" : \"" + String(repeating: "x", count: 150) + "END\""
        let json = "{\n  \(long)\n}"
        let wrapped = DescribeView.rows(json, width: 40, wraps: true)
        #expect(wrapped.count > 3)
        #expect(wrapped.contains { $0.spans.map(\.text).joined().contains("END") }, "the end of a long value is reachable")
        let cut = DescribeView.rows(json, width: 40, wraps: false)
        #expect(cut.count == 3)
        let shifted = DescribeView.shifted(cut[1].spans, by: 130).map(\.text).joined()
        #expect(shifted.contains("END"))
        var buffer = ScreenBuffer(size: TerminalSize(columns: 44, rows: 5))
        DescribeView.draw(
            DescribeModel(title: "t", json: json, wraps: false), in: Rect(x: 0, y: 0, width: 44, height: 5),
            into: &buffer, theme: .monochrome)
        let terminal = MemoryTerminal(size: TerminalSize(columns: 44, rows: 5))
        Renderer(terminal: terminal).render(buffer)
        #expect(terminal.text().contains("…"), "a cut line says so")
        #expect(DescribeView.matchingRows(of: "end", in: json, width: 40, wraps: true) == [1])
    }

    // MARK: Against the emulator

    @Test func bannerOffersNoRetryInsideTheFormNorFor404() async throws {
        try await StoreHarness.with(size: TerminalSize(columns: 120, rows: 30)) { h in
            #expect(await h.settled(on: .issuers))
            h.press(.enter)
            #expect(await h.settled(on: .users))
            h.press(.character("e"))
            #expect(await h.settle { if case .edit = $0.dialog { true } else { false } })
            try await h.addFault(path: "/v1/accounts/*/issuers/*/users/*", status: 503)
            h.press(.character("x"), .enter)
            #expect(await h.settle { $0.banner?.kind == .server })
            let screen = h.terminal.text()
            #expect(!screen.contains("[r] retry"), "r types into the field here")
            #expect(screen.contains("save again"))
            // 404 on a pane: retrying cannot help.
            h.press(.escape, .character("y"))
            try await h.addFault(path: "/v1/accounts/*/issuers/*/users", status: 404)
            h.press(.character("r"))
            #expect(await h.settle { $0.banner?.kind == .notFound })
            #expect(!h.terminal.text().contains("[r] retry"))
        }
    }

    @Test func revokeAllTitleIsPlural() async throws {
        try await StoreHarness.with(size: TerminalSize(columns: 120, rows: 30)) { h in
            #expect(await h.settled(on: .issuers))
            h.store.send(.open)
            #expect(await h.settled(on: .users))
            h.store.send(.open)
            #expect(await h.settledOnUserDetail())
            while h.store.state.current?.kind != .trustedDevices { h.store.send(.nextSibling) }
            #expect(await h.settled(on: .trustedDevices))
            h.press(.character("X"))
            #expect(h.terminal.text().contains("Revoke all trusted devices"))
        }
    }

    @Test func describeSearchJumpsAndWrapToggles() async throws {
        try await StoreHarness.with(size: TerminalSize(columns: 60, rows: 16)) { h in
            #expect(await h.settled(on: .issuers))
            h.press(.character("d"))
            #expect(await h.settle { if case .describe = $0.dialog { true } else { false } })
            h.press(.character("/"))
            h.type("created")
            h.press(.enter)
            #expect(h.terminal.text().contains("Match 1 of"))
            h.press(.escape)  // clears the search
            #expect(h.store.state.dialog != nil)
            h.press(.escape)  // leaves describe
            #expect(h.store.state.dialog == nil)
        }
    }

    @Test func filterReopensSelectedAndCtrlUClearsThePalette() async throws {
        try await StoreHarness.with(size: TerminalSize(columns: 100, rows: 30)) { h in
            #expect(await h.settled(on: .issuers))
            h.press(.character("/"))
            h.type("acme")
            h.press(.enter)
            #expect(h.store.state.current?.filterText == "acme")
            h.press(.character("/"))
            h.type("glo")
            h.press(.enter)
            #expect(h.store.state.current?.filterText == "glo", "typing replaces the old filter, not appends to it")
            h.press(.character("/"), .left, .character("b"), .enter)
            #expect(h.store.state.current?.filterText == "glob", "any other key keeps it for editing")
            h.press(.character(":"))
            h.type("issu")
            h.press(.control("u"))
            h.app.step()
            guard case .palette(let palette) = h.app.localOverlay else {
                Issue.record("palette closed")
                return
            }
            #expect(palette.input.isEmpty)
        }
    }
}
