import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing
@testable import ConsoleCore

/// Sort, jump, marks and the filter as you type (issue 14 items 1, 2, 7), against the emulator over real HTTP.
@MainActor
@Suite("Sort, jump, marks, filter as you type", .serialized)
struct NavigateTests {
    // MARK: Sort

    @Test func sortOfAPagedListSaysItSortedTheLoadedRowsUntilGLoadsThemAll() async throws {
        try await withHarness(users: 230, pageSize: 50) { h in
            try await h.openUsers()
            #expect(h.store.state.current?.sortScope == nil)
            h.store.send(.sortNextColumn)
            var pane = try #require(h.store.state.current)
            #expect(pane.sort == SortOrder(column: 0, ascending: true))
            #expect(pane.sortScope == "sorted: 50 loaded rows of 50+ · G loads all, then sorts")
            let ascending = (0..<pane.rowCount).compactMap { pane.row(at: $0)?.id }
            #expect(ascending == ascending.sorted())
            h.store.send(.reverseSort)
            pane = try #require(h.store.state.current)
            #expect(pane.sort == SortOrder(column: 0, ascending: false))
            #expect((0..<pane.rowCount).compactMap { pane.row(at: $0)?.id } == ascending.sorted(by: >))
            // G loads every page (with progress), then the sort covers the whole list: no caveat.
            h.store.send(.moveToEnd)
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { $0.loadToEnd == nil && $0.current?.list.hasMore == false })
            pane = try #require(h.store.state.current)
            #expect(pane.rowCount == 230)
            #expect(pane.sortScope == nil)
            let all = (0..<pane.rowCount).compactMap { pane.row(at: $0)?.id }
            #expect(all.count == 230)
            #expect(all == all.sorted(by: >))
            // o walks the columns, then turns the sort off.
            for _ in 0..<pane.kind.columns.count { h.store.send(.sortNextColumn) }
            #expect(h.store.state.current?.sort == nil)
            #expect(h.store.state.current?.isFilteredOrSorted == false)
        }
    }

    @Test func theUserDetailDoesNotSort() async throws {
        try await withHarness { h in
            try await h.openUser(EmulatorDemo.userWithSessionsID)
            h.store.send(.sortNextColumn)
            #expect(h.store.state.current?.sort == nil)
        }
    }

    // MARK: Jump

    @Test func jumpToAUserIDFindsItsIssuerOpensItWithItsParentsAndBackReturns() async throws {
        try await withHarness { h in
            let (issuerID, userID) = try await Self.userOutsideTheFirstIssuer(h)
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            h.store.send(.jump(.webhooks))
            #expect(await h.waitForRows(.webhooks))
            h.store.send(.move(by: 1))
            let webhookSelected = h.store.state.current?.selectedRow?.id
            h.store.send(.jumpToID(userID))
            #expect(h.store.state.banner?.title == "Looking for \(userID)…")
            #expect(await h.store.waitUntil(timeout: .seconds(10)) {
                $0.current?.kind == .userDetail && $0.current?.userRecord?.id == userID
            })
            #expect(h.store.state.stack.map(\.kind) == [.issuers, .users, .userDetail])
            #expect(h.store.state.stack[1].context.issuerID == issuerID)
            #expect(h.store.state.breadcrumb.first == "Issuers")
            // Back right after the jump: where the user was, as it was.
            h.store.send(.escape)
            #expect(h.store.state.stack.map(\.kind) == [.webhooks])
            #expect(h.store.state.current?.selectedRow?.id == webhookSelected)
            // The jump's stack is a walked one: jump again, open the users from the detail's parent.
            h.store.send(.jumpToID(userID))
            #expect(await h.store.waitUntil(timeout: .seconds(10)) { $0.current?.kind == .userDetail })
            h.store.send(.nextSibling)
            #expect(await h.waitForRows(.sessions))
            h.store.send(.back)
            #expect(h.store.state.current?.kind == .userDetail)
            h.store.send(.back)
            // Not right after the jump any more: Back walks up through the parents.
            #expect(h.store.state.current?.kind == .users)
            #expect(await h.waitForRows(.users))
            #expect(h.store.state.current?.context.issuerID == issuerID)
        }
    }

    @Test func jumpToASessionOpensTheUsersSessionsWithItSelected() async throws {
        try await withHarness { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            h.store.send(.jumpToID(EmulatorDemo.activeSessionID))
            #expect(await h.store.waitUntil(timeout: .seconds(10)) {
                $0.current?.kind == .sessions && $0.current?.list.hasFirstPage == true
            })
            #expect(h.store.state.stack.map(\.kind) == [.issuers, .users, .userDetail, .sessions])
            #expect(h.store.state.current?.context.userID == EmulatorDemo.userWithSessionsID)
            #expect(h.store.state.current?.selectedRow?.id == EmulatorDemo.activeSessionID)
            h.store.send(.back)
            #expect(h.store.state.stack.map(\.kind) == [.issuers])
        }
    }

    @Test func jumpToAWebhookOpensItsDeliveries() async throws {
        try await withHarness { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            h.store.send(.jumpToID(EmulatorDemo.webhookWithDeliveriesID))
            #expect(await h.waitForRows(.deliveries))
            #expect(h.store.state.stack.map(\.kind) == [.webhooks, .deliveries])
            #expect(h.store.state.current?.context.webhookID == EmulatorDemo.webhookWithDeliveriesID)
            h.store.send(.escape)
            #expect(h.store.state.stack.map(\.kind) == [.issuers])
        }
    }

    @Test func anIDFoundNowhereSaysHowManyIssuersWereSearched() async throws {
        try await withHarness { h in
            let issuers = try await h.client.issuers.list(limit: 100).data.count
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            h.store.send(.jumpToID("usr_nobody_here"))
            #expect(await h.store.waitUntil(timeout: .seconds(10)) { $0.banner?.title == "usr_nobody_here not found" })
            #expect(h.store.state.banner?.detail == "not found in \(issuers) issuers")
            #expect(h.store.state.stack.map(\.kind) == [.issuers])
            // An id the console does not know says which it opens, with no request.
            h.store.send(.jumpToID("zzz_1"))
            #expect(h.store.state.banner?.detail == "ids it opens start with i_… usr_… ses_… wh_…")
        }
    }

    @Test func usersOfAnIssuerNamedInThePaletteAndTheOtherIssuerLists() async throws {
        try await withHarness { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            let second = try #require((0..<(h.store.state.current?.rowCount ?? 0)).compactMap {
                h.store.state.current?.row(at: $0)
            }.first { $0.id == EmulatorDemo.secondIssuerID })
            h.store.send(.jumpInIssuer(.users, issuer: second.title.lowercased()))
            #expect(await h.waitForRows(.users))
            #expect(h.store.state.current?.context.issuerID == EmulatorDemo.secondIssuerID)
            h.store.send(.jump(.clients))
            #expect(await h.waitForRows(.clients))
            #expect(h.store.state.current?.context.issuerID == EmulatorDemo.secondIssuerID)
            // Back after :clients returns to the users it was typed on.
            h.store.send(.back)
            #expect(h.store.state.current?.kind == .users)
            h.store.send(.jumpInIssuer(.users, issuer: "No Such Issuer"))
            #expect(h.store.state.banner?.title == "No issuer “No Such Issuer”")
            // :sessions needs a user in context.
            h.store.send(.jump(.sessions))
            #expect(h.store.state.banner?.title == "Open a user first")
        }
    }

    // MARK: Marks

    @Test func spaceMarksAndMovesDownRangeAllClearAndTabKeepsThem() async throws {
        try await withHarness { h in
            try await h.openUserList(.sessions, of: EmulatorDemo.userWithSessionsID)
            let pane = try #require(h.store.state.current)
            #expect(pane.rowCount >= 3)
            let ids = (0..<pane.rowCount).compactMap { pane.row(at: $0)?.id }
            h.store.send(.toggleMark)
            #expect(h.store.state.current?.marks == [ids[0]])
            #expect(h.store.state.current?.selection == 1)
            h.store.send(.move(by: 1))
            h.store.send(.markRange)
            #expect(h.store.state.current?.marks == Set(ids.prefix(3)))
            h.store.send(.clearMarks)
            #expect(h.store.state.current?.marks.isEmpty == true)
            h.store.send(.markAll)
            #expect(h.store.state.current?.marks == Set(ids))
            // Tab to the tokens: the sessions' marks are kept, and said so; back to the sessions: restored.
            h.store.send(.nextSibling)
            #expect(h.store.state.current?.kind == .tokens)
            #expect(h.store.state.banner?.detail.contains("\(ids.count) marked on Sessions kept") == true)
            h.store.send(.previousSibling)
            #expect(h.store.state.current?.kind == .sessions)
            #expect(h.store.state.current?.marks == Set(ids))
            #expect(h.store.state.banner?.detail.contains("restored") == true)
        }
    }

    @Test func panesWhoseActionsDoNotUseMarksDoNotMark() async throws {
        try await withHarness { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            h.store.send(.toggleMark)
            h.store.send(.markAll)
            #expect(h.store.state.current?.marks.isEmpty == true)
            #expect(!PaneKind.issuers.descriptor.marksRows)
            #expect(PaneKind.sessions.descriptor.marksRows)
        }
    }

    // MARK: Filter as you type

    @Test func aLocalFilterAppliesAfterThePauseOnTheClock() async throws {
        let clock = ManualClock()
        try await withHarness(clock: clock) { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            h.store.send(.jump(.webhooks))
            #expect(await h.waitForRows(.webhooks))
            let all = h.store.state.current?.rowCount ?? 0
            h.store.send(.typeFilter("aud"))
            clock.advance(by: .milliseconds(149))
            await h.store.settle()
            #expect(h.store.state.current?.filterText == "")
            clock.advance(by: .milliseconds(1))
            #expect(await h.store.waitUntil { $0.current?.filterText == "aud" })
            #expect((h.store.state.current?.rowCount ?? 0) < all)
            #expect(h.store.state.current?.rowCount ?? 0 >= 1)
        }
    }

    @Test func aServerFilterSendsOneRequestForAWordTypedAndCancelsTheStaleOne() async throws {
        let clock = ManualClock()
        try await withHarness(clock: clock) { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            let before = try await h.requests().filter { $0.path.hasSuffix("/issuers") }.count
            for text in ["a", "ac", "acm"] {
                h.store.send(.typeFilter(text))
                clock.advance(by: .milliseconds(100))
            }
            await h.store.settle()
            #expect(try await h.requests().filter { $0.path.hasSuffix("/issuers") }.count == before)
            clock.advance(by: .milliseconds(400))
            #expect(await h.store.waitUntil { $0.current?.filterText == "acm" && $0.current?.list.hasFirstPage == true })
            #expect(await h.store.settle())
            let sent = try await h.requests().filter { $0.path.hasSuffix("/issuers") }.dropFirst(before)
            #expect(sent.map { $0.query["q"] } == ["acm"])
            // ⏎ on what the pause already applied asks nothing again.
            h.store.send(.setFilter("acm"))
            #expect(await h.store.settle())
            #expect(try await h.requests().filter { $0.path.hasSuffix("/issuers") }.count == before + 1)
        }
    }

    // MARK: Measurement (not part of the normal run)

    /// `CONSOLE_BENCH=1`: `G` over 50,000 users, unsorted and then with a sort on (every page kept, the sort
    /// computed when the progress shows and at the end). Prints the times; asserts only that both reach the end.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CONSOLE_BENCH"] == "1"))
    func sortedWalkToTheEndMeasured() async throws {
        for sorted in [false, true] {
            try await withHarness(users: 50_000, pageSize: 100) { h in
                try await h.openUsers()
                if sorted { h.store.send(.sortNextColumn) }
                let started = ContinuousClock.now
                h.store.send(.moveToEnd)
                #expect(await h.store.waitUntil(timeout: .seconds(600)) {
                    $0.loadToEnd == nil && $0.current?.list.hasMore == false
                })
                let seconds = (ContinuousClock.now - started) / .seconds(1)
                let pane = try #require(h.store.state.current)
                print("G over \(pane.list.count) users, sorted: \(sorted): \(String(format: "%.1f", seconds)) s, "
                    + "\(Int(Double(pane.list.count) / seconds)) rows/s, \(pane.list.residentRowCount) rows resident")
                #expect(pane.list.count == 50_000)
            }
        }
    }

    // MARK: Helpers

    /// A user of an issuer other than the first one listed (so the lookup has to try more than one).
    static func userOutsideTheFirstIssuer(_ h: Harness) async throws -> (issuer: String, user: String) {
        let issuers = try await h.client.issuers.list(limit: 100).data.map(\.id)
        for issuerID in issuers.dropFirst() {
            if let user = try await h.client.issuer(issuerID).users.list(limit: 1).data.first {
                return (issuerID, user.id)
            }
        }
        let first = try #require(issuers.first)
        let user = try #require(try await h.client.issuer(first).users.list(limit: 1).data.first)
        return (first, user.id)
    }
}
