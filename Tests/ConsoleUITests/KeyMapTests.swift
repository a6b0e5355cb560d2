import Foundation
import Testing
import ConsoleCore
@testable import ConsoleUI

@Suite struct KeyMapTests {
    /// The spec's key table, key by key, in the panes where it applies.
    @Test(arguments: [
        (KeyEvent.up, PaneKind.users, KeyAction.moveUp), (.down, .users, .moveDown),
        (.character("k"), .sessions, .moveUp), (.character("j"), .sessions, .moveDown),
        (.pageUp, .issuers, .pageUp), (.pageDown, .issuers, .pageDown),
        (.character("g"), .users, .top), (.character("G"), .users, .bottom),
        (.enter, .issuers, .open), (.enter, .users, .open), (.enter, .webhooks, .open),
        (.escape, .users, .back), (.backspace, .sessions, .back),
        (.tab, .issuers, .nextSibling), (.backTab, .issuers, .previousSibling),
        (.tab, .sessions, .nextSibling), (.backTab, .verifiers, .previousSibling),
        (.character("/"), .users, .filter), (.character(":"), .users, .palette), 
        (.character("r"), .users, .refresh), (.character(" "), .sessions, .mark),
        (.character("d"), .webhooks, .describe), (.character("e"), .users, .edit), (.character("e"), .userDetail, .edit),
        (.character("x"), .sessions, .revoke), (.character("x"), .tokens, .revoke),
        (.character("s"), .sessions, .suspend), (.character("a"), .sessions, .reactivate),
        (.character("R"), .deliveries, .redeliver), (.character("D"), .users, .delete),
        (.character("D"), .trustedDevices, .delete), (.character("X"), .trustedDevices, .revokeAll),
        (.character("y"), .users, .copyID), (.character("?"), .events, .help), (.character("q"), .errors, .quit),
    ])
    func specKeyDoesItsAction(key: KeyEvent, pane: PaneKind, action: KeyAction) {
        #expect(KeyMap.action(for: key, in: .pane(pane)) == action)
    }

    @Test(arguments: [
        (KeyEvent.character("x"), PaneKind.users), (.character("e"), .sessions), (.character("R"), .users),
        (.character("s"), .tokens), (.character("X"), .sessions), (.tab, .webhooks), (.character("D"), .sessions),
        (.enter, .sessions),
    ])
    func keysDoNothingWhereTheSpecDoesNotPlaceThem(key: KeyEvent, pane: PaneKind) {
        #expect(KeyMap.action(for: key, in: .pane(pane)) == nil)
    }

    @Test(arguments: KeyScope.all)
    func noKeyIsBoundTwiceInAScope(scope: KeyScope) {
        let keys = KeyMap.bindings(for: scope).flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }

    @Test(arguments: KeyScope.all)
    func helpListsEveryKeyOfTheScope(scope: KeyScope) {
        let help = HelpModel(scope: scope)
        #expect(help.matches == KeyMap.bindings(for: scope))
        #expect(help.matches.contains { $0.action == .help })
        #expect(help.matches.contains { $0.action == .quit })
    }

    @Test func helpSearchFiltersByKeyOrDescription() {
        let revoke = HelpModel(scope: .pane(.sessions), query: "revoke").matches
        #expect(revoke.map(\.action) == [.revoke])
        let byKey = HelpModel(scope: .pane(.users), query: "PgDn").matches
        #expect(byKey.map(\.action) == [.pageUp])
        #expect(HelpModel(scope: .pane(.users), query: "zzz").matches.isEmpty)
    }

    @Test func describeScrollsAndGoesBack() {
        #expect(KeyMap.action(for: .character(":"), in: .describe) == .palette)
        #expect(KeyMap.action(for: .down, in: .describe) == .moveDown)
        #expect(KeyMap.action(for: .escape, in: .describe) == .back)
        #expect(KeyMap.action(for: .character("x"), in: .describe) == nil)
    }

    @Test func ctrlKeysAndControlCodesDecode() {
        #expect(KeyEvent.fromCharacter("\u{3}") == .control("c"))
        #expect(KeyEvent.fromCharacter("\r") == .enter)
        #expect(KeyEvent.fromCharacter("\u{7F}") == .backspace)
        #expect(KeyEvent.fromCharacter("\u{1B}") == .escape)
        #expect(KeyEvent.fromCharacter("\t") == .tab)
        #expect(KeyEvent.fromCharacter("é") == .character("é"))
    }

    @Test func paletteCompletesAndParses() {
        #expect(CommandPalette.completions(for: "e") == ["events", "errors", "export "])
        #expect(CommandPalette.completions(for: "events c") == ["events chart"])
        #expect(CommandPalette.parse(":events chart") == .success(.jump(.eventsChart)))
        #expect(CommandPalette.parse(":requests") == .success(.jump(.requests)))
        #expect((try? CommandPalette.parse(":events graph").get()) == nil)
        #expect(CommandPalette.complete("e") == "e")
        #expect(CommandPalette.complete("ev") == "events")
        #expect(CommandPalette.complete(":we") == "webhooks")
        #expect(CommandPalette.complete("pro", profiles: ["staging"]) == "profile ")
        #expect(CommandPalette.complete("profile st", profiles: ["staging", "prod"]) == "profile staging")
        #expect(CommandPalette.parse(":users") == .success(.jump(.users)))
        #expect(CommandPalette.parse("profile staging") == .success(.profile("staging")))
        #expect(CommandPalette.parse("quit") == .success(.quit))
        guard case .failure(let error) = CommandPalette.parse(":frob") else {
            Issue.record("an unknown command must fail")
            return
        }
        #expect(error.description.contains(":issuers"))
        #expect((try? CommandPalette.parse("profile").get()) == nil)
    }

    @Test func themeFollowsNoColor() {
        #expect(!Theme.forEnvironment(["NO_COLOR": "1"], terminalHasColor: true).usesColor)
        #expect(Theme.forEnvironment(["NO_COLOR": ""], terminalHasColor: true).usesColor)
        #expect(!Theme.forEnvironment([:], terminalHasColor: false).usesColor)
        for role in StyleRole.allCases {
            let style = Theme.monochrome[role]
            #expect(style.foreground == .default && style.background == .default)
        }
        // Selection and errors stay visible without color.
        #expect(Theme.monochrome[.selection].reverse)
        #expect(Theme.monochrome[.bannerError] != .plain)
    }

    @Test func secretsAreMaskedInDescribe() {
        let spans = JSONHighlighter.highlight(#"  "client_secret" : "sk_live_abc","#).flatMap { $0 }
        let text = spans.map(\.text).joined()
        #expect(!text.contains("sk_live_abc"))
        #expect(text.contains("••••••"))
        let plain = JSONHighlighter.highlight(#"  "name" : "sk_live_abc","#).flatMap { $0 }.map(\.text).joined()
        #expect(plain.contains("sk_live_abc"))
    }
}

@Suite struct KeyMapDocumentationTests {
    /// docs/console.md shows the key map generated from `KeyMap`; regenerate it when the keys change.
    @Test func theDocumentedKeyMapIsTheRealOne() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/console.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let table = KeyMap.markdownTable()
        if ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" {
            print("KEYMAP-BEGIN\n\(table)\nKEYMAP-END")
        }
        #expect(text.contains(table), "regenerate the key map table in docs/console.md (SNAPSHOT_RECORD=1 prints it)")
    }
}

@MainActor
@Suite struct HeaderSecretTests {
    @Test func theHeaderNeverShowsCredentialsInTheBaseURL() {
        #expect(StoreDriver.displayedURL("https://admin:s3cret@api.example.com/v1?token=abc") == "https://api.example.com/v1")
        #expect(StoreDriver.displayedURL("http://127.0.0.1:4010") == "http://127.0.0.1:4010")
    }
}
