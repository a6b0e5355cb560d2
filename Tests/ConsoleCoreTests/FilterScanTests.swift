import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing
@testable import ConsoleCore

/// Issue 11, items 1, 2, 5, 13 and 15: the Users filter searches the whole list and says what it searched;
/// a refresh keeps the selection the user has now, the names on screen and the API's load; G gives way to keys.
/// Against the emulator in-process, over real HTTP.
@MainActor
@Suite("Filter scan, refresh and G", .serialized)
struct FilterScanTests {
    /// Users another administrator created: they come after the demo users, far past the first page.
    private func addNeedles(_ h: Harness, count: Int) async throws -> [String] {
        let other = try h.otherClient()
        var ids: [String] = []
        for index in 0..<count {
            let created = try await other.issuer(EmulatorDemo.issuerID).users.create(
                CreateUserInput(email: "needle.scan\(index)@example.test"))
            ids.append(created.value.json["id"]?.stringValue ?? "")
        }
        return ids
    }

    private func scanEnded(_ state: ConsoleState) -> Bool {
        guard let scan = state.current?.filterScan else { return false }
        return !scan.isRunning && state.header.requestsInFlight == 0
    }

    // MARK: Item 1

    @Test func usersTextFilterFindsEveryMatchOfTheWholeList() async throws {
        try await withHarness(pageSize: 50) { h in
            let needles = try await addNeedles(h, count: 5)
            try await h.openUsers()
            // Only the first page is loaded: a filter of the loaded rows would find none of them.
            #expect(h.store.state.current?.list.count == 50)
            h.store.send(.setFilter("needle.scan"))
            #expect(await h.store.waitUntil(timeout: .seconds(60)) { self.scanEnded($0) })
            let pane = try #require(h.store.state.current)
            let shown = (0..<pane.rowCount).compactMap { pane.row(at: $0)?.id }
            #expect(Set(shown) == Set(needles))
            let scan = try #require(pane.filterScan)
            #expect(scan.phase == .finished)
            #expect(scan.matches == 5)
            #expect(scan.total == EmulatorDemo.demoUserCount + 5)
            #expect(pane.filterScope == "5 matches · all \(DisplayFormat.count(EmulatorDemo.demoUserCount + 5)) users scanned")
            // The end is true now: the list says so, and no count carries a "+".
            #expect(pane.footer == .end)
            #expect(pane.rowCountText == "5")
        }
    }

    @Test func escStopsTheScanKeepsTheMatchesAndClaimsNoEnd() async throws {
        try await withHarness(pageSize: 20) { h in
            try await h.openUsers()
            // Each user read takes 30 ms: the scan is still running when Esc comes.
            try await h.addFault(
                method: "GET", path: "/v1/accounts/\(EmulatorDemo.accountID)/issuers/\(EmulatorDemo.issuerID)/users/*",
                count: 100_000, delayMilliseconds: 30)
            // Every user matches: the scan runs for many pages.
            h.store.send(.setFilter("usr_"))
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { ($0.current?.filterScan?.matches ?? 0) >= 20 })
            h.store.send(.escape)
            let pane = try #require(h.store.state.current)
            let scan = try #require(pane.filterScan)
            #expect(scan.phase == .stoppedByUser)
            #expect(scan.total == nil)
            #expect(pane.filterText == "usr_", "the first Esc stops the scan, the filter stays")
            #expect(pane.rowCount == scan.matches)
            #expect(pane.footer != .end)
            #expect(pane.rowCountText.hasSuffix("+"))
            #expect(pane.filterScope?.contains("stopped after") == true)
            let matches = scan.matches
            #expect(await h.store.settle())
            #expect(h.store.state.current?.filterScan?.matches == matches, "stopped means stopped")
            // The second Esc clears the filter and shows the list again.
            h.store.send(.escape)
            #expect(h.store.state.current?.filterText == "")
            #expect(h.store.state.current?.filterScan == nil)
            #expect(await h.waitForRows(.users))
        }
    }

    @Test func escBeforeTheFirstPageClaimsNoCount() async throws {
        try await withHarness(pageSize: 50) { h in
            try await h.openUsers()
            h.store.send(.setFilter("needle"))
            #expect(h.store.state.current?.rowCountText == "…")
            h.store.send(.escape)
            let pane = try #require(h.store.state.current)
            #expect(pane.filterScan?.phase == .stoppedByUser)
            #expect(pane.rowCountText == "0+", "nothing was scanned: 0 is not the count")
            #expect(pane.footer != .end)
        }
    }

    @Test func statusFilterGoesToTheServerWithoutAScan() async throws {
        try await withHarness(pageSize: 50) { h in
            try await h.openUsers()
            h.store.send(.setFilter("status:pending"))
            #expect(await h.waitForRows(.users))
            #expect(h.store.state.current?.filterScan == nil)
            let listed = try await h.requests().filter { $0.path.hasSuffix("/users") && $0.query["status"] == "pending" }
            #expect(!listed.isEmpty)
            let statuses = h.store.state.current.map { pane in (0..<pane.rowCount).compactMap { pane.row(at: $0)?.status } }
            #expect(statuses?.allSatisfy { $0 == "pending" } == true)
        }
    }

    // MARK: Item 5

    @Test func aFilterAfterGStartsAtItsFirstMatch() async throws {
        try await withHarness(pageSize: 50) { h in
            try await h.openUsers()
            h.store.send(.moveToEnd)
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { $0.loadToEnd == nil && $0.current?.list.hasMore == false })
            #expect((h.store.state.current?.selection ?? 0) > 200)
            h.store.send(.setFilter("pending"))
            #expect(h.store.state.current?.selection == 0)
            #expect(h.store.state.current?.scrollTop == 0)
            #expect(await h.store.waitUntil(timeout: .seconds(60)) { self.scanEnded($0) })
            let pane = try #require(h.store.state.current)
            #expect(pane.rowCount > 1)
            #expect(pane.selection == 0)
            #expect(pane.scrollTop == 0)
            #expect(pane.filterScope?.contains("users scanned") == true)
        }
    }

    // MARK: Item 13

    @Test func aLocalFilterWithNoMatchSaysWhatItSearchedAndLoadsNothing() async throws {
        try await withHarness(users: 500, pageSize: 50) { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            h.store.send(.jump(.events))
            #expect(await h.waitForRows(.events))
            let pane = try #require(h.store.state.current)
            try #require(pane.list.hasMore, "the events list is longer than a page")
            h.store.send(.setFilter("zzzz-no-such-event"))
            #expect(await h.store.settle())
            let filtered = try #require(h.store.state.current)
            #expect(filtered.rowCount == 0)
            #expect(!filtered.list.isLoading, "nothing loads by itself")
            #expect(filtered.filterScope?.hasPrefix("0 matches in the \(DisplayFormat.count(filtered.list.count)) rows loaded") == true)
        }
    }

    // MARK: Item 15

    @Test func aMovementKeyStopsTheWalkOfG() async throws {
        try await withHarness(users: 5000, pageSize: 50) { h in
            try await h.openUsers()
            h.store.send(.moveToEnd)
            #expect(await h.store.waitUntil { ($0.loadToEnd?.loadedRows ?? 0) >= 150 })
            h.store.send(.move(by: -1))
            #expect(h.store.state.loadToEnd == nil, "k stops the walk like Esc")
            let stoppedAt = h.store.state.current?.selection ?? 0
            #expect(await h.store.settle())
            let pane = try #require(h.store.state.current)
            #expect(pane.list.count < 5000, "the walk did not go on")
            #expect(pane.selection == stoppedAt, "the key's move stays")
            #expect(stoppedAt == pane.list.count - 2 || stoppedAt <= pane.list.count - 2)
        }
    }

    // MARK: Item 2

    @Test func keysPressedDuringARefreshLandAndNamesStay() async throws {
        try await withHarness(pageSize: 50, viewport: 10) { h in
            try await h.openUsers()
            #expect(await h.store.waitUntil { state in
                state.header.requestsInFlight == 0
                    && (state.current?.visibleRows(height: 10).allSatisfy { $0.row?.needsHydration == false } ?? false)
            })
            // Rows 0…15 have been on screen once (so their users are known), then the view goes back to the top.
            let hydratedOnScreen: (ConsoleState) -> Bool = { state in
                state.header.requestsInFlight == 0
                    && (state.current?.visibleRows(height: 10).allSatisfy { $0.row?.needsHydration == false } ?? false)
            }
            h.store.send(.move(by: 15))
            #expect(await h.store.waitUntil(hydratedOnScreen))
            h.store.send(.moveToTop)
            #expect(await h.store.waitUntil(hydratedOnScreen))
            let before = try #require(h.store.state.current)
            let target = try #require(before.row(at: 15)?.id)
            let userGets = try await h.requests().filter { $0.method == "GET" && $0.path.contains("/users/") }.count
            h.store.send(.refresh)
            for _ in 0..<3 { h.store.send(.move(by: 5)) }
            #expect(await h.store.waitUntil { state in
                h.store.paneBeforeRefresh(state.current?.id ?? -1) == nil && state.current?.list.hasFirstPage == true
            })
            let pane = try #require(h.store.state.current)
            #expect(pane.selectedRow?.id == target, "the selection the user has now, not the one of the refresh's start")
            // The names stay: unchanged users come back from the cache at once, not as "…".
            #expect(pane.visibleRows(height: 10).allSatisfy { $0.row?.needsHydration == false })
            _ = await h.store.waitUntil { $0.header.requestsInFlight == 0 }
            let after = try await h.requests().filter { $0.method == "GET" && $0.path.contains("/users/") }.count
            #expect(after == userGets, "no unchanged user is fetched again")
        }
    }

    @Test func aRefreshFetchesAgainOnlyTheUserThatChanged() async throws {
        try await withHarness(pageSize: 50, viewport: 10) { h in
            try await h.openUsers()
            #expect(await h.store.waitUntil { state in
                state.header.requestsInFlight == 0
                    && (state.current?.visibleRows(height: 10).allSatisfy { $0.row?.needsHydration == false } ?? false)
            })
            let changed = try #require(h.store.state.current?.row(at: 3)?.id)
            _ = try await h.otherClient().issuer(EmulatorDemo.issuerID).user(changed)
                .update(["profile": ["display_name": "Changed Elsewhere"]])
            let userGets = try await h.requests().filter { $0.method == "GET" && $0.path.contains("/users/") }
            h.store.send(.refresh)
            #expect(await h.store.waitUntil { state in
                state.header.requestsInFlight == 0 && state.current?.row(at: 3)?.cells.contains("Changed Elsewhere") == true
            })
            let fetched = try await h.requests().filter { $0.method == "GET" && $0.path.contains("/users/") }
                .dropFirst(userGets.count).map { $0.path }
            #expect(fetched.count == 1)
            #expect(fetched.first?.hasSuffix("/\(changed)") == true)
        }
    }
}
