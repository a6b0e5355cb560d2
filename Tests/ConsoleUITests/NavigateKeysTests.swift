import ConsoleCore
import Testing
@testable import ConsoleUI

/// The keys of issue 14 items 1, 2 and 7 in the view: the palette's command table (ids, `:users ISSUER` and its
/// completion, history), the sort and mark keys where they belong, Ctrl-Z.
@MainActor
@Suite struct NavigateKeysTests {
    let issuers = CommandPalette.Choices(
        profiles: ["staging"],
        issuers: [.init(id: "i_aaaaaaaaaaaaaa", name: "Acme Production"), .init(id: "i_bbbbbbbbbbbbbb", name: "Acme Staging"),
                  .init(id: "i_cccccccccccccc", name: "Globex")])

    @Test func thePaletteParsesIDsIssuerArgumentsAndTheNewLists() {
        #expect(CommandPalette.parse(":usr_01abc") == .success(.open(id: "usr_01abc")))
        #expect(CommandPalette.parse("ses_9") == .success(.open(id: "ses_9")))
        #expect(CommandPalette.parse(":wh_demo_primary") == .success(.open(id: "wh_demo_primary")))
        #expect(CommandPalette.parse(":i_o1wcay2lq69ndc") == .success(.open(id: "i_o1wcay2lq69ndc")))
        #expect(CommandPalette.parse(":users Acme Staging") == .success(.jumpInIssuer(.users, issuer: "Acme Staging")))
        #expect(CommandPalette.parse(":clients") == .success(.jump(.clients)))
        #expect(CommandPalette.parse(":orgs Globex") == .success(.jumpInIssuer(.organizations, issuer: "Globex")))
        #expect(CommandPalette.parse(":organizations") == .success(.jump(.organizations)))
        #expect(CommandPalette.parse(":agents") == .success(.jump(.agents)))
        #expect(CommandPalette.parse(":sessions") == .success(.jump(.sessions)))
        #expect(CommandPalette.parse(":apikeys") == .success(.jump(.apiKeys)))
        #expect(CommandPalette.parse(":webhooks now").isFailure)
        // Every entry of the table is in help's summary.
        for entry in CommandPalette.table { #expect(CommandPalette.summary.contains(":" + entry.name)) }
        #expect(CommandPalette.summary.contains(":usr_…"))
    }

    @Test func usersCompletesLoadedIssuerNamesAndIDs() {
        #expect(CommandPalette.completions(for: "users acme", choices: issuers)
            == ["users Acme Production", "users Acme Staging"])
        #expect(CommandPalette.complete("users acme s", choices: issuers) == "users Acme Staging")
        #expect(CommandPalette.complete(":users i_c", choices: issuers) == "users i_cccccccccccccc")
        #expect(CommandPalette.completions(for: "cl", choices: issuers) == ["clients"])
        #expect(CommandPalette.completions(for: "usr_", choices: issuers).isEmpty)
        // With no completion, an id says what ⏎ does with it instead of "no command matches".
        #expect(CommandPalette.emptyCompletionHint(for: ":ses_") == "⏎ opens the session with this id, wherever it lives")
        #expect(CommandPalette.emptyCompletionHint(for: "frob").hasPrefix("no command matches"))
    }

    @Test func paletteHistoryRecallsCommandsWithTheUpArrow() {
        let (app, terminal, driver) = ConsoleAppTests.make()
        for command in ["webhooks", "events"] {
            terminal.feed(.character(":"))
            terminal.type(command)
            terminal.feed(.enter)
            app.step()
        }
        #expect(driver.commands == [.jump(.webhooks), .jump(.events)])
        #expect(driver.viewState.paletteHistory == ["webhooks", "events"])
        terminal.feed(.character(":"), .up)
        app.step()
        #expect(terminal.text().contains(":events"))
        terminal.feed(.up)
        app.step()
        #expect(terminal.text().contains(":webhooks"))
        terminal.feed(.down, .enter)
        app.step()
        #expect(driver.commands.last == .jump(.events))
        // ↑ past the oldest stays on it; ↓ past the newest is an empty line again.
        terminal.feed(.character(":"), .up, .up, .up, .down, .down)
        app.step()
        guard case .palette(let palette)? = app.localOverlay else {
            Issue.record("the palette stays open")
            return
        }
        #expect(palette.input == "")
        #expect(palette.historyIndex == nil)
    }

    @Test func ctrlZSuspendsAndRedrawsEverythingOnReturn() {
        let (app, terminal, _) = ConsoleAppTests.make()
        let before = terminal.appliedDiffs.count
        terminal.feed(.control("z"))
        app.step()
        #expect(terminal.suspensions == 1)
        // Back from fg: the whole screen is written again, not a diff against what the shell left.
        #expect(terminal.appliedDiffs.count == before + 1)
        #expect(terminal.appliedDiffs.last?.isFullRepaint == true)
        #expect(KeyMap.action(for: .control("z"), in: .pane(.users)) == .suspendToShell)
        #expect(KeyMap.bindings(for: .describe).contains { $0.keys.contains(.control("z")) })
    }

    @Test func sortAndMarkKeysAreBoundWhereTheyWork() {
        for kind in PaneKind.allCases {
            let sorts = KeyMap.action(for: .character("o"), in: .pane(kind)) == .sortNextColumn
            #expect(sorts == kind.descriptor.sortsRows)
            #expect((KeyMap.action(for: .character("O"), in: .pane(kind)) == .reverseSort) == kind.descriptor.sortsRows)
            let marks = kind.descriptor.marksRows
            #expect((KeyMap.action(for: .character(" "), in: .pane(kind)) == .mark) == marks)
            #expect((KeyMap.action(for: .character("*"), in: .pane(kind)) == .markAll) == marks)
            #expect((KeyMap.action(for: .character("M"), in: .pane(kind)) == .markRange) == marks)
            #expect((KeyMap.action(for: .character("u"), in: .pane(kind)) == .clearMarks) == marks)
        }
        #expect(!PaneKind.userDetail.descriptor.sortsRows)
        #expect(KeyMap.hints(for: .pane(.sessions)).contains { $0.action == .mark })
        #expect(!KeyMap.hints(for: .pane(.issuers)).contains { $0.action == .mark })
        #expect(KeyMap.hints(for: .pane(.issuers)).contains { $0.action == .sortNextColumn })
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
