import Foundation
import Testing
@testable import ConsoleCore

/// The store's engine over an in-memory source: behaviour that does not need HTTP.
@MainActor
@Suite("Store engine (in-memory source)")
struct StoreEngineTests {
    let source: MemorySource
    let store: ConsoleStore
    /// Time moves only when a test says so: refresh intervals and retries happen exactly then.
    let clock = ManualClock()

    init() {
        source = MemorySource(userCount: 1000)
        store = ConsoleStore(
            source: source, header: HeaderInfo(account: "acc_test", baseURL: "memory://"),
            configuration: ConsoleConfiguration(pageSize: 50, prefetchDistance: 10, retainedPagesAround: 2),
            clock: ConsoleClock(clock))
        store.send(.setViewport(rows: 10))
    }

    /// Issuers → Users of the first issuer, first page loaded.
    private func openUsers() async throws {
        store.start()
        #expect(await store.waitUntil { $0.current?.list.count == 50 })
        store.send(.open)
        #expect(await store.waitUntil { $0.current?.kind == .users && $0.current?.list.count == 50 })
    }

    @Test func navigationBreadcrumbAndBackWithoutRefetch() async throws {
        try await openUsers()
        store.send(.move(by: 7))
        store.send(.open)
        #expect(await store.waitUntil { $0.current?.kind == .userDetail && $0.current?.userRecord != nil })
        #expect(store.state.breadcrumb.prefix(3) == ["Issuers", "Name 0", "Users"])
        #expect(store.state.breadcrumb.last == "user7@acme.test")
        let before = await source.pageRequests.filter { $0.kind == .users }.count
        store.send(.back)
        #expect(store.state.current?.kind == .users)
        #expect(store.state.current?.selection == 7)
        #expect(store.state.current?.selectedRow?.id == MemorySource.userID(7))
        // Every request the store started has answered: none was a refetch of the Users page.
        #expect(await store.settle())
        let after = await source.pageRequests.filter { $0.kind == .users }.count
        #expect(after == before)
    }

    @Test func prefetchRequestsTheNextPageOnlyNearTheEnd() async throws {
        try await openUsers()
        store.send(.move(by: 30))
        #expect(await store.settle())
        #expect(store.state.current?.list.count == 50)
        store.send(.move(by: 10))
        #expect(await store.waitUntil { $0.current?.list.count == 100 })
        #expect(store.state.current?.rowCountText == "100+")
        let cursors = await source.pageRequests.filter { $0.kind == .users }.map(\.cursor)
        #expect(cursors == [nil, "50"])
    }

    @Test func leavingAPaneCancelsItsFetch() async throws {
        store.start()
        #expect(await store.waitUntil { $0.current?.list.count == 50 })
        await source.setHoldPages(true)
        store.send(.open)
        #expect(await store.waitUntil { $0.current?.kind == .users && $0.current?.list.isLoading == true })
        store.send(.back)
        // The fetch's task has ended once the store settles: it ended by its cancellation.
        #expect(await store.settle())
        #expect(await source.cancelledFetches == 1)
        await source.setHoldPages(false)
    }

    @Test func windowedMemoryDropsFarPagesAndRefetchesThem() async throws {
        try await openUsers()
        for _ in 0..<40 {
            store.send(.pageDown)
            _ = await store.waitUntil { !($0.current?.list.isLoading ?? true) }
        }
        let pane = try #require(store.state.current)
        #expect(pane.list.count >= 400)
        #expect(pane.list.residentRowCount <= 50 * 5)
        store.send(.moveToTop)
        #expect(store.state.current?.row(at: 0) == nil || store.state.current?.list.isLoading == true)
        #expect(await store.waitUntil { $0.current?.row(at: 0)?.id == MemorySource.userID(0) })
        let refills = await source.pageRequests.filter { $0.kind == .users && $0.cursor == nil }.count
        #expect(refills == 2)
    }

    @Test func loadToEndIsCancellableAndReachesTheEnd() async throws {
        try await openUsers()
        store.send(.moveToEnd)
        #expect(await store.waitUntil { $0.loadToEnd == nil && $0.current?.list.hasMore == false })
        #expect(store.state.current?.rowCount == 1000)
        #expect(store.state.current?.selection == 999)
        #expect(store.state.current?.rowCountText == "1,000")
        #expect(store.state.current?.footer == .end)
        #expect((store.state.current?.list.residentRowCount ?? .max) <= 250)
    }

    @Test func hydrationFetchesOnlyVisibleUsersAndCaches() async throws {
        try await openUsers()
        #expect(await store.waitUntil { state in
            (state.current?.visibleRows(height: 10) ?? []).allSatisfy { $0.row?.needsHydration == false }
        })
        let fetched = Set(await source.userFetches)
        #expect(fetched == Set((0..<10).map(MemorySource.userID)))
        #expect(store.state.current?.selectedRow?.cells[1] == "user0@acme.test")
    }

    @Test func filterSortAndMarksWithHiddenCount() async throws {
        try await openUsers()
        // Space marks and moves down: two presses mark two rows in a row.
        store.send(.toggleMark)
        store.send(.toggleMark)
        store.send(.setFilter("usr_0000001"))
        // Users: free text scans the whole list (issue 11, item 1).
        #expect(await store.waitUntil(timeout: .seconds(60)) { $0.current?.filterScan?.isRunning == false })
        // usr_0000001 and usr_0000010..19 match; usr_0000000 is hidden.
        #expect(store.state.current?.row(at: 0)?.id == MemorySource.userID(1))
        #expect(store.state.current?.marksHiddenByFilter == 1)
        store.send(.action(.delete))
        guard case .confirm(let confirmation) = store.state.dialog else {
            Issue.record("no confirmation")
            return
        }
        #expect(confirmation.targetIDs.count == 2)
        #expect(confirmation.hiddenByFilter == 1)
        #expect(confirmation.message.contains("2 marked users"))
        #expect(confirmation.message.contains("1 of them is hidden by the filter"))
        store.send(.cancelDialog)
        store.send(.clearFilter)
        store.send(.sort(column: 0))
        store.send(.sort(column: 0))
        #expect(store.state.current?.row(at: 0)?.id == MemorySource.userID(49))
        #expect(store.state.current?.marks.count == 2)
    }

    @Test func bulkActionPartialFailureReportsTheFailedRows() async throws {
        try await openUsers()
        store.send(.open)
        #expect(await store.waitUntil { $0.current?.userRecord != nil })
        store.send(.nextSibling)
        #expect(await store.waitUntil { $0.current?.kind == .sessions && $0.current?.list.count == 7 })
        await source.failRow("ses_1", with: .notFoundForTest)
        store.send(.toggleMark)
        store.send(.toggleMark)
        store.send(.toggleMark)
        store.send(.move(by: -1))
        store.send(.action(.revoke))
        store.send(.confirm)
        #expect(await store.waitUntil { $0.lastActionReport != nil })
        let report = try #require(store.state.lastActionReport)
        #expect(report.succeeded == ["ses_0", "ses_2"])
        #expect(Set(report.failed.keys) == ["ses_1"])
        #expect(store.state.banner?.kind == .partialFailure)
        #expect(store.state.banner?.detail.contains("ses_1") == true)
        #expect(store.state.current?.row(at: 0)?.status == "revoked")
        #expect(store.state.current?.row(at: 1)?.status == "active")
        #expect(store.state.current?.marks == ["ses_1"])
    }

    @Test func readOnlyRefusesBeforeAnyRequest() async throws {
        let store = ConsoleStore(
            source: source, header: HeaderInfo(account: "a", baseURL: "memory://"),
            configuration: ConsoleConfiguration(pageSize: 50, isReadOnly: true))
        store.start()
        #expect(await store.waitUntil { $0.current?.list.count == 50 })
        store.send(.open)
        #expect(await store.waitUntil { $0.current?.list.count == 50 })
        store.send(.action(.delete))
        #expect(store.state.dialog == nil)
        #expect(store.state.banner?.kind == .readOnly)
        store.send(.editUser)
        #expect(store.state.banner?.kind == .readOnly)
        #expect(await store.settle())
        #expect(await source.performed.isEmpty)
        #expect(await source.updates.isEmpty)
    }

    @Test func conflictMergeKeepsTheirsWhereBothChangedUntilIRetypeMine() async throws {
        try await openUsers()
        store.send(.editUser)
        #expect(await store.waitUntil { if case .edit = $0.dialog { true } else { false } })
        store.send(.setField(.displayName, "Mine"))
        await source.edit(MemorySource.userID(0)) { $0.lastName = "Theirs"; $0.displayName = "Their name" }
        store.send(.save)
        #expect(await store.waitUntil { if case .conflict = $0.dialog { true } else { false } })
        guard case .conflict(let conflict) = store.state.dialog else { return }
        #expect(conflict.diffs.first { $0.field == .displayName }?.isConflicting == true)
        #expect(conflict.changedDiffs.map(\.field) == [.displayName, .lastName])
        store.send(.resolveConflict(.merge))
        guard case .edit(let form) = store.state.dialog else {
            Issue.record("merge did not return to the form")
            return
        }
        // Both changed the display name: theirs stays in the form, highlighted with mine, until I decide.
        #expect(form.values.displayName == "Their name")
        #expect(form.keptTheirs == [.displayName: "Mine"])
        #expect(form.values.lastName == "Theirs")
        #expect(form.base.etag == "\"v2\"")
        store.send(.setField(.displayName, "Mine"))
        store.send(.save)
        #expect(await store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })
        let last = await source.updates.last
        #expect(last?.1 == "\"v2\"")
        #expect(last?.0 == UserChanges(displayName: "Mine"))
        #expect(store.state.current?.row(at: 0)?.cells[2] == "Mine")
    }

    @Test func transportFailureKeepsEveryKeystroke() async throws {
        try await openUsers()
        store.send(.editUser)
        #expect(await store.waitUntil { if case .edit = $0.dialog { true } else { false } })
        store.send(.setField(.firstName, "Typed"))
        await source.setUpdateFailure(
            ConsoleFailure(kind: .transport, code: "connect", message: "connection refused", host: "127.0.0.1"))
        store.send(.save)
        #expect(await store.waitUntil { $0.banner?.kind == .transport })
        guard case .edit(let form) = store.state.dialog else {
            Issue.record("form closed")
            return
        }
        #expect(form.values.firstName == "Typed")
        #expect(!form.isSaving)
        #expect(store.state.banner?.title.contains("127.0.0.1") == true)
    }

    @Test func clientSideValidationSendsNothing() async throws {
        try await openUsers()
        store.send(.editUser)
        #expect(await store.waitUntil { if case .edit = $0.dialog { true } else { false } })
        store.send(.setField(.username, "not an email"))
        store.send(.save)
        guard case .edit(let form) = store.state.dialog else { return }
        #expect(form.fieldErrors[.username] != nil)
        #expect(await source.updates.isEmpty)
    }

    @Test func failedPageIsRetryableAndBannerGoesToHistory() async throws {
        await source.failPages([.unavailableForTest])
        store.start()
        #expect(await store.waitUntil { $0.current?.list.failureMessage != nil })
        #expect(store.state.banner?.kind == .server)
        #expect(store.state.banner?.detail.contains("retried") == true)
        #expect(store.state.bannerHistory.count == 1)
        store.send(.retry)
        #expect(await store.waitUntil { $0.current?.list.count == 50 })
        store.send(.jump(.errors))
        #expect(store.state.current?.kind == .errors)
        #expect(store.state.current?.row(at: 0)?.cells[1] == "server error")
    }

    @Test func refreshKeepsSelectionOnTheSameID() async throws {
        try await openUsers()
        store.send(.move(by: 45))
        #expect(await store.waitUntil { $0.current?.list.count == 100 })
        store.send(.move(by: 20))
        let id = store.state.current?.selectedRow?.id
        store.send(.refresh)
        #expect(await store.waitUntil { !($0.current?.list.isLoading ?? true) && $0.current?.list.count ?? 0 > 65 })
        #expect(store.state.current?.selectedRow?.id == id)
    }

    @Test func escapeClearsAnAppliedFilterBeforeLeavingThePane() async throws {
        try await openUsers()
        store.send(.setFilter("usr_0000001"))
        #expect(store.state.current?.filterText == "usr_0000001")
        // Users: free text scans the whole list; while it runs, Esc stops the scan first (issue 11, item 1).
        #expect(await store.waitUntil(timeout: .seconds(60)) { $0.current?.filterScan?.isRunning == false })
        store.send(.escape)
        #expect(store.state.current?.kind == .users)
        #expect(store.state.current?.filterText == "")
        #expect(store.state.current?.row(at: 0)?.id == MemorySource.userID(0))
        store.send(.escape)
        #expect(store.state.current?.kind == .issuers)
    }

    @Test func loadToEndStopsOnEscapeKeepingWhatLoaded() async throws {
        try await openUsers()
        await source.setHoldPages(true)
        store.send(.moveToEnd)
        #expect(store.state.loadToEnd != nil)
        store.send(.escape)
        #expect(store.state.loadToEnd == nil)
        #expect(store.state.current?.kind == .users)
        #expect(store.state.current?.list.count == 50)
        #expect(store.state.current?.list.isLoading == false)
        await source.setHoldPages(false)
    }

    @Test func intervalRefreshRefetchesAndKeepsSelection() async throws {
        try await openUsers()
        store.send(.move(by: 5))
        let id = store.state.current?.selectedRow?.id
        let before = await source.pageRequests.filter { $0.kind == .users }.count
        store.send(.setAutoRefresh(seconds: 1))
        #expect(await store.settle())
        #expect(await source.pageRequests.filter { $0.kind == .users }.count == before, "not before the interval")
        clock.advance(by: .seconds(1))
        #expect(await store.settle())
        #expect(await source.pageRequests.filter { $0.kind == .users }.count == before + 1)
        #expect(store.state.current?.list.isLoading == false)
        #expect(store.state.current?.selectedRow?.id == id)
        clock.advance(by: .seconds(1))
        #expect(await store.settle())
        #expect(await source.pageRequests.filter { $0.kind == .users }.count == before + 2, "every interval")
        store.send(.setAutoRefresh(seconds: nil))
        #expect(store.state.autoRefreshSeconds == nil)
    }

    @Test func quitAsksWhenAnEditIsUnsaved() async throws {
        try await openUsers()
        store.send(.editUser)
        #expect(await store.waitUntil { if case .edit = $0.dialog { true } else { false } })
        store.send(.setField(.lastName, "Changed"))
        store.send(.quit)
        guard case .confirmQuit = store.state.dialog else {
            Issue.record("quit did not ask")
            return
        }
        #expect(!store.state.shouldQuit)
        store.send(.cancelDialog)
        guard case .edit(let form) = store.state.dialog else {
            Issue.record("form lost")
            return
        }
        #expect(form.values.lastName == "Changed")
        store.send(.escape)
        guard case .discardEdit = store.state.dialog else {
            Issue.record("escape did not ask before discarding")
            return
        }
        store.send(.confirm)
        #expect(store.state.dialog == nil)
        store.send(.quit)
        #expect(store.state.shouldQuit)
    }

    @Test func describeMasksSecrets() {
        let text = RowMapping.prettyJSON(["id": "cli_1", "client_secret": "s3cr3t", "nested": ["token_plain": "tok"]])
        #expect(text.contains("cli_1"))
        #expect(!text.contains("s3cr3t"))
        #expect(!text.contains("\"tok\""))
    }
}
