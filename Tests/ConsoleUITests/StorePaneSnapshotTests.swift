import AuthPIAdmin
import AuthPIEmulator
import ConsoleCore
import Foundation
import Testing
@testable import ConsoleUI

/// Every pane, dialog and banner drawn from the real store against the emulator (demo seed), driven by keys
/// through the run loop, at two sizes, compared to reviewed references in `__Snapshots__/store-*`.
@MainActor
@Suite(.serialized) struct StorePaneSnapshotTests {
    nonisolated static let sizes = [TerminalSize(columns: 100, rows: 30), TerminalSize(columns: 60, rows: 16)]

    @Test(arguments: sizes)
    func issuerScopePanes(size: TerminalSize) async throws {
        try await StoreHarness.with(size: size) { h in
            #expect(await h.settled(on: .issuers))
            // Narrow id columns shorten ids in the middle (`i_o1w…q69ndc`): look for both ends.
            let demoIssuer = (String(EmulatorDemo.issuerID.prefix(5)), String(EmulatorDemo.issuerID.suffix(4)))
            #expect(h.terminal.text().contains(demoIssuer.0) && h.terminal.text().contains(demoIssuer.1) && h.terminal.text().contains("Acme Produ"))
            #expect(h.terminal.text().split(separator: "\n").first?.contains("AuthPI · acc_demo") ?? false)
            h.assertSnapshot("issuers")

            h.press(.tab)
            #expect(await h.settled(on: .clients))
            h.assertSnapshot("clients")
            h.press(.tab)
            #expect(await h.settled(on: .agents))
            h.assertSnapshot("agents")
            h.press(.tab)
            #expect(await h.settled(on: .organizations))
            h.assertSnapshot("organizations")
            h.press(.tab)
            #expect(await h.settled(on: .users))
            h.assertSnapshot("users")

            h.press(.character("?"))
            #expect(h.terminal.text().contains("Help — Users"))
            h.assertSnapshot("help-users")
            h.type("del")
            #expect(h.terminal.text().contains("delete the user"))
            #expect(!h.terminal.text().contains("edit the user"))
            h.press(.escape)

            h.press(.character("d"))
            // Describe reads the user again: the snapshot is of the current version, not of "loading…".
            #expect(await h.settle { if case .describe(let open) = $0.dialog { open.note == nil } else { false } })
            h.press(.character("j"), .character("j"))
            h.assertSnapshot("describe-user")
            h.press(.escape)
            #expect(await h.settled(on: .users))
        }
    }

    @Test(arguments: sizes)
    func userScopePanesWithMarksAndConfirmation(size: TerminalSize) async throws {
        try await StoreHarness.with(size: size) { h in
            #expect(await h.settled(on: .issuers))
            h.press(.enter)
            #expect(await h.settled(on: .users))
            #expect(h.select(EmulatorDemo.userWithSessionsID))
            h.press(.enter)
            #expect(await h.settledOnUserDetail())
            if size.rows >= 30 {
                let sessions = h.terminal.text().split(separator: "\n").first { $0.contains("│  sessions") }
                #expect(sessions?.contains(" 5 ") ?? false, "the sessions count: \(sessions ?? "none")")
            }
            h.assertSnapshot("user-detail")

            h.press(.tab)
            #expect(await h.settled(on: .sessions))
            h.press(.character(" "), .character("j"), .character(" "), .character("j"))
            #expect(h.store.state.current?.marks.count == 2)
            h.assertSnapshot("sessions-marked")
            h.press(.character("x"))
            #expect(await h.settle { if case .confirm = $0.dialog { true } else { false } })
            #expect(h.terminal.text().contains("Revoke 2 marked sessions"))
            h.assertSnapshot("confirm-revoke")
            h.press(.character("n"))
            #expect(h.store.state.dialog == nil)

            h.press(.tab)
            #expect(await h.settled(on: .tokens))
            h.assertSnapshot("tokens")
            h.press(.tab)
            #expect(await h.settled(on: .trustedDevices))
            h.assertSnapshot("trusted-devices")
            h.press(.tab)
            #expect(await h.settled(on: .verifiers))
            h.assertSnapshot("verifiers")
        }
    }

    /// Issue 13 item 2: an organization's four panes, an agent's verifiers, the account's API keys and a block
    /// confirmation — no secret on any of them.
    @Test(arguments: sizes)
    func organizationAgentAndAPIKeyPanes(size: TerminalSize) async throws {
        try await StoreHarness.with(size: size) { h in
            #expect(await h.settled(on: .issuers))
            h.press(.backTab)
            #expect(await h.settled(on: .organizations))
            #expect(h.select(EmulatorDemo.organizationID))
            h.press(.enter)
            for (kind, name) in [
                (PaneKind.members, "members"), (.groups, "groups"), (.invitations, "invitations"),
                (.organizationAPIKeys, "organization-api-keys"),
            ] {
                #expect(await h.settled(on: kind))
                h.assertSnapshot(name)
                #expect(!h.terminal.text().contains("sk_") && !h.terminal.text().lowercased().contains("secret"))
                h.press(.tab)
            }
            h.press(.escape, .escape)
            #expect(await h.settled(on: .issuers))
            h.press(.tab, .tab)
            #expect(await h.settled(on: .agents))
            #expect(h.select(EmulatorDemo.agentID))
            h.press(.enter)
            #expect(await h.settled(on: .agentVerifiers))
            h.assertSnapshot("agent-verifiers")
            h.press(.character(":"))
            h.type("apikeys")
            h.press(.enter)
            #expect(await h.settled(on: .apiKeys))
            h.assertSnapshot("api-keys")
            h.press(.character("b"))
            #expect(h.terminal.text().contains("Block API key"))
            h.assertSnapshot("api-keys-block-confirm")
            h.press(.character("n"))
        }
    }

    @Test(arguments: sizes)
    func paletteWebhooksDeliveriesEventsAndErrors(size: TerminalSize) async throws {
        try await StoreHarness.with(size: size) { h in
            #expect(await h.settled(on: .issuers))
            h.press(.character(":"))
            h.type("we")
            h.press(.tab)
            h.assertSnapshot("palette")
            h.press(.enter)
            #expect(await h.settled(on: .webhooks))
            h.assertSnapshot("webhooks")
            #expect(h.select(EmulatorDemo.webhookWithDeliveriesID))
            h.press(.enter)
            #expect(await h.settled(on: .deliveries))
            h.assertSnapshot("deliveries")
            h.press(.character(":"))
            h.type("events")
            h.press(.enter)
            #expect(await h.settled(on: .events))
            h.assertSnapshot("events")

            // A failing page: the footer and the banner say so, and r retries.
            try await h.addFault(path: "/v1/accounts/acc_demo/webhooks", status: 503)
            h.press(.character(":"))
            h.type("webhooks")
            h.press(.enter)
            #expect(await h.settle { $0.current?.kind == .webhooks && $0.current?.list.failureMessage != nil && $0.banner != nil })
            #expect(h.terminal.text().contains("✖"))
            h.assertSnapshot("webhooks-failed")
            h.press(.character("r"))
            #expect(await h.settled(on: .webhooks))
            #expect(h.terminal.text().contains("Primary"))
            #expect(!h.terminal.text().contains("✖ failed"))

            h.press(.character(":"))
            h.type("errors")
            h.press(.enter)
            #expect(await h.settle { $0.current?.kind == .errors })
            #expect(h.store.state.current?.row(at: 0)?.cells[1] == "server error", "TYPE in words")
            #expect(h.terminal.text().contains("503"))
            h.assertSnapshot("errors", maskingDigits: true)
        }
    }

    @Test(arguments: sizes)
    func editFormAndARealConflict(size: TerminalSize) async throws {
        try await StoreHarness.with(size: size) { h in
            let userID = EmulatorDemo.userWithSessionsID
            #expect(await h.settled(on: .issuers))
            h.press(.enter)
            #expect(await h.settled(on: .users))
            #expect(h.select(userID))
            h.press(.enter)
            #expect(await h.settledOnUserDetail())
            h.press(.character("e"))
            #expect(await h.settle { if case .edit = $0.dialog { true } else { false } })
            // Display name: go to the field, clear it, type a new one.
            h.press(.tab, .control("u"))
            h.type("Mine 山田")
            h.press(.left, .left)
            guard case .edit(let form) = h.store.state.dialog else {
                Issue.record("the form closed")
                return
            }
            #expect(form.values.displayName == "Mine 山田")
            #expect(h.terminal.cursor != nil)
            h.assertSnapshot("edit-form")

            // Someone else changes the same user; saving now is a 412 and opens the conflict dialog.
            let other = try h.otherClient()
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(
                ["profile": ["display_name": "Theirs", "last_name": "Other"]])
            h.press(.enter)
            #expect(await h.settle { if case .conflict = $0.dialog { true } else { false } })
            #expect(h.terminal.text().contains("Theirs"))
            #expect(h.terminal.text().contains("both"))
            h.assertSnapshot("conflict")

            // c keeps the form with my input; t takes theirs.
            h.press(.character("c"))
            guard case .edit(let kept) = h.store.state.dialog else {
                Issue.record("cancel must return to the form")
                return
            }
            #expect(kept.values.displayName == "Mine 山田")
            h.press(.enter)
            #expect(await h.settle { if case .conflict = $0.dialog { true } else { false } })
            h.press(.character("t"))
            #expect(await h.settle { $0.dialog == nil })
            #expect(h.terminal.text().contains("Theirs"))
            // The detail shows the time of the other administrator's change: digits are masked.
            h.assertSnapshot("after-take-theirs", maskingDigits: true)
        }
    }

    @Test func monochromeFromTheStore() async throws {
        try await StoreHarness.with(size: TerminalSize(columns: 100, rows: 30), theme: .monochrome) { h in
            #expect(await h.settled(on: .issuers))
            h.press(.enter)
            #expect(await h.settled(on: .users))
            for y in 0..<30 {
                for x in 0..<100 {
                    let style = h.terminal.grid[x, y].style
                    #expect(style.foreground == .default && style.background == .default)
                }
            }
            h.assertSnapshot("monochrome-users")
        }
    }

    @Test func copyingTheSelectedIDUsesOSC52() async throws {
        try await StoreHarness.with(size: TerminalSize(columns: 100, rows: 30)) { h in
            #expect(await h.settled(on: .issuers))
            let id = try #require(h.store.state.current?.selectedRow?.id)
            h.press(.character("y"))
            #expect(h.terminal.clipboard == [id])
            #expect(h.terminal.text().contains("Copied"))
        }
    }

    @Test func resizeToTwentyByFiveAndBackKeepsTheSelection() async throws {
        try await StoreHarness.with(size: TerminalSize(columns: 100, rows: 30)) { h in
            #expect(await h.settled(on: .issuers))
            h.press(.enter)
            #expect(await h.settled(on: .users))
            h.press(.character("j"), .character("j"), .character("j"))
            let selected = h.store.state.current?.selectedRow?.id
            h.terminal.resize(to: TerminalSize(columns: 20, rows: 5))
            h.app.step()
            #expect(h.terminal.text().contains("too small"))
            h.terminal.resize(to: TerminalSize(columns: 60, rows: 16))
            h.app.step()
            #expect(h.store.state.viewportHeight == ScreenRenderer.bodyRows(for: TerminalSize(columns: 60, rows: 16)))
            h.terminal.resize(to: TerminalSize(columns: 100, rows: 30))
            h.app.step()
            #expect(h.store.state.current?.selectedRow?.id == selected)
            let line = h.terminal.text().split(separator: "\n").first { $0.contains("▶") }
            #expect(line.map { selected.map($0.contains) ?? false } ?? false, "the selected row is still drawn selected")
        }
    }
}
