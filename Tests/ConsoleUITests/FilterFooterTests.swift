import AuthPIEmulator
import ConsoleCore
import Testing
@testable import ConsoleUI

/// Issue 11, item 13: "⋯ loading more" only while something loads; a filter of the loaded rows says what it
/// searched instead.
@MainActor
@Suite("Filter footer", .serialized)
struct FilterFooterTests {
    @Test func aFilterThatMatchesNothingLoadedDoesNotSayLoadingForever() async throws {
        try await StoreHarness.with(size: TerminalSize(columns: 120, rows: 30), users: 500) { h in
            #expect(await h.settled(on: .issuers))
            h.store.send(.jump(.events))
            #expect(await h.settled(on: .events))
            try #require(h.store.state.current?.list.hasMore == true, "the events list is longer than a page")
            h.press(.character("/"))
            h.type("zzzz-no-such-event")
            h.press(.enter)
            #expect(await h.settle { $0.current?.filterText == "zzzz-no-such-event" })
            h.app.step()
            let text = h.terminal.text()
            #expect(!text.contains("loading more"), "nothing is loading")
            #expect(text.contains("0 matches in the"), "the footer says what was searched")
            #expect(!text.contains("— end —"))
        }
    }
}
