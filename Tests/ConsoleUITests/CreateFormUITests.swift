import AuthPIEmulator
import ConsoleCore
import Foundation
import Testing
@testable import ConsoleUI

/// Create forms through the keys and the screen, against the emulator: `n` opens the form, pickers take ←→ and
/// space (never typing), the one-time secret is on screen once, `c` copies it with OSC 52, and after Esc it is on
/// no later screen.
@MainActor
@Suite("Create forms on screen", .serialized)
struct CreateFormUITests {
    @Test func aWebhookIsCreatedFromTheKeysAndItsSecretIsShownOnce() async throws {
        try await StoreHarness.with(size: TerminalSize(columns: 110, rows: 32)) { h in
            #expect(await h.settled(on: .issuers))
            h.store.send(.jump(.webhooks))
            #expect(await h.settled(on: .webhooks))
            #expect(h.terminal.text().contains("n new"))
            h.press(.character("n"))
            #expect(h.terminal.text().contains("New webhook"))
            h.type("On-call hook")
            h.press(.tab)
            h.type("https://hooks.example.test/on-call")
            h.press(.tab)
            // Events: a list picker; typing does nothing, ←→ browse, space picks.
            h.type("x")
            h.press(.right, .character(" "))
            h.press(.tab)
            #expect(h.terminal.text().contains("signature"))
            h.press(.enter)
            #expect(await h.settle { if case .secret = $0.dialog { true } else { false } })
            guard case .secret(let reveal) = h.store.state.dialog else { return }
            let secret = reveal.secret.reveal()
            #expect(secret.hasPrefix("whsec_"))
            let shown = h.terminal.text()
            #expect(shown.contains(secret))
            #expect(shown.contains("Shown once — copy it now"))
            h.press(.character("c"))
            #expect(h.terminal.clipboard.last == secret)
            #expect(h.terminal.text().contains("Copied the secret"))
            #expect(!h.terminal.text().replacingOccurrences(of: secret, with: "").contains(String(secret.suffix(12))))
            h.press(.escape)
            #expect(h.store.state.dialog == nil)
            #expect(reveal.secret.isWiped)
            #expect(await h.settled(on: .webhooks))
            #expect(!h.terminal.text().contains(secret))
            // Describe of the new webhook, and the Errors pane: no secret.
            if let id = h.store.state.lastCreatedID, h.select(id) {
                h.press(.character("d"))
                #expect(await h.settle { if case .describe(let d) = $0.dialog { d.note == nil } else { false } })
                #expect(!h.terminal.text().contains(secret))
                h.press(.escape)
            }
            h.store.send(.jump(.errors))
            h.app.step()
            #expect(!h.terminal.text().contains(secret))
        }
    }

    @Test func theUserFormsStatusIsAPicker() async throws {
        try await StoreHarness.with(size: TerminalSize(columns: 110, rows: 32)) { h in
            #expect(await h.settled(on: .issuers))
            h.press(.enter)
            #expect(await h.settled(on: .users))
            h.press(.character("e"))
            #expect(await h.settle { if case .edit = $0.dialog { true } else { false } })
            guard case .edit(let form) = h.store.state.dialog else { return }
            let before = form.values.status
            while case .edit(let current) = h.store.state.dialog, current.focus != .status { h.press(.tab) }
            h.type("zzz")
            guard case .edit(let typed) = h.store.state.dialog else { return }
            #expect(typed.values.status == before)
            h.press(.right)
            guard case .edit(let picked) = h.store.state.dialog else { return }
            #expect(picked.values.status != before && UserEditForm.allowedStatuses.contains(picked.values.status))
            #expect(h.terminal.text().contains("←→ choose"))
        }
    }

    @Test func nIsInHelpAndTheHintLineOfEveryPaneThatCreates() {
        for kind in PaneKind.allCases where kind.descriptor.creates != nil {
            let bindings = KeyMap.bindings(for: kind)
            #expect(bindings.contains { $0.action == .create && $0.keyLabel == "n" }, "\(kind)")
            #expect(KeyMap.hints(for: .pane(kind)).contains { $0.action == .create }, "\(kind)")
            #expect(!KeyMap.hints(for: .pane(kind), readOnly: true).contains { $0.action == .create }, "\(kind)")
        }
        #expect(KeyMap.bindings(for: .clients).contains { $0.action == .rotate })
        #expect(KeyMap.bindings(for: .clients).contains { $0.action == .edit })
        #expect(KeyMap.bindings(for: .webhooks).contains { $0.action == .edit })
    }
}
