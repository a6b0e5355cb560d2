import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing
@testable import ConsoleCore

/// The store against the emulator, in-process, over real HTTP.
@MainActor
@Suite("Store against the emulator", .serialized)
struct StoreEmulatorTests {
    // MARK: Navigation and paging

    @Test func navigationBackRestoresPositionWithoutRefetching() async throws {
        try await withHarness(users: 500) { h in
            try await h.openUsers()
            h.store.send(.move(by: 7))
            let selected = try #require(h.store.state.current?.selectedRow?.id)
            let scrollTop = h.store.state.current?.scrollTop
            h.store.send(.open)
            #expect(await h.store.waitUntil { $0.current?.kind == .userDetail && $0.current?.userRecord != nil })
            #expect(h.store.state.breadcrumb.first == "Issuers")
            #expect(h.store.state.breadcrumb.contains("Users"))
            let listCalls = try await h.requests().filter { $0.method == "GET" && $0.path.hasSuffix("/users") }.count
            h.store.send(.back)
            #expect(h.store.state.current?.kind == .users)
            #expect(h.store.state.current?.selectedRow?.id == selected)
            #expect(h.store.state.current?.scrollTop == scrollTop)
            // Every request the store started has answered before the emulator's log is read.
            #expect(await h.store.settle())
            let after = try await h.requests().filter { $0.method == "GET" && $0.path.hasSuffix("/users") }.count
            #expect(after == listCalls)
            // Direct jumps from anywhere.
            h.store.send(.jump(.webhooks))
            #expect(await h.waitForRows(.webhooks))
            #expect(h.store.state.stack.count == 1)
            h.store.send(.jump(.issuers))
            #expect(await h.waitForRows(.issuers))
        }
    }

    @Test func pagingAcrossPageBoundariesWithPrefetch() async throws {
        try await withHarness(users: 5000) { h in
            try await h.openUsers()
            #expect(h.store.state.current?.list.count == 50)
            #expect(h.store.state.current?.rowCountText == "50+")
            // Far from the end: nothing more is asked for.
            h.store.send(.move(by: 30))
            // Every request the store started has answered before the emulator's log is read.
            #expect(await h.store.settle())
            let early = try await h.requests().filter { $0.path.hasSuffix("/users") && $0.query["cursor"] != nil }
            #expect(early.isEmpty)
            // Within the prefetch distance: the second page, through the first page's cursor.
            h.store.send(.move(by: 10))
            #expect(await h.store.waitUntil { $0.current?.list.count == 100 })
            let second = try await h.requests().filter { $0.path.hasSuffix("/users") && $0.query["cursor"] != nil }
            #expect(second.count == 1)
            // Rows run on across the boundary, no gap and no duplicate.
            let ids = (45..<55).compactMap { h.store.state.current?.row(at: $0)?.id }
            #expect(ids.count == 10)
            #expect(Set(ids).count == 10)
            h.store.send(.move(by: 15))
            #expect(h.store.state.current?.selectedRow?.id == h.store.state.current?.row(at: 55)?.id)
        }
    }

    @Test func leavingAPaneCancelsItsFetch() async throws {
        try await withHarness(users: 500) { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            try await h.addFault(method: "GET", path: "/v1/accounts/*/issuers/*/users", count: 1, delayMilliseconds: 5000)
            h.select(EmulatorDemo.issuerID)
            h.store.send(.open)
            #expect(await h.store.waitUntil { $0.header.requestsInFlight == 1 })
            h.store.send(.back)
            // The request ends at once (cancelled), long before the 5 s delay.
            #expect(await h.store.waitUntil(timeout: .seconds(2)) { $0.header.requestsInFlight == 0 })
            #expect(h.store.state.current?.kind == .issuers)
            #expect(h.store.state.banner == nil)
        }
    }

    @Test func visibleUsersAreHydratedAndOnlyThem() async throws {
        try await withHarness(users: 5000) { h in
            try await h.openUsers()
            #expect(await h.store.waitUntil { state in
                let rows = state.current?.visibleRows(height: 10) ?? []
                return rows.count == 10 && rows.allSatisfy { $0.row?.needsHydration == false }
            })
            let visible = Set((0..<10).compactMap { h.store.state.current?.row(at: $0)?.id })
            let fetched = try await h.requests().filter { $0.method == "GET" && $0.path.contains("/users/usr") }
                .map { String($0.path.split(separator: "/").last ?? "") }
            #expect(Set(fetched) == visible)
            #expect(h.store.state.current?.row(at: 0)?.cells[1].contains("@") == true)
            // Cached: scrolling away and back fetches no detail again.
            h.store.send(.pageDown)
            h.store.send(.pageDown)
            _ = await h.store.waitUntil { $0.current?.hydratingIDs.isEmpty ?? false }
            h.store.send(.moveToTop)
            // Every request the store started has answered before the emulator's log is read.
            #expect(await h.store.settle())
            let again = try await h.requests().filter { $0.method == "GET" && $0.path.contains("/users/usr") }
                .map { String($0.path.split(separator: "/").last ?? "") }
            #expect(again.filter { visible.contains($0) }.count == visible.count)
        }
    }

    @Test func farPagesAreDroppedAndFetchedAgain() async throws {
        try await withHarness(users: 5000) { h in
            try await h.openUsers()
            for _ in 0..<60 {
                h.store.send(.pageDown)
                _ = await h.store.waitUntil { !($0.current?.list.isLoading ?? true) }
            }
            let pane = try #require(h.store.state.current)
            #expect(pane.list.count >= 600)
            #expect(pane.list.residentRowCount <= 50 * 5)
            #expect(pane.row(at: 0) == nil)
            let firstPagesBefore = try await h.requests().filter { $0.path.hasSuffix("/users") && $0.query["cursor"] == nil }
            #expect(firstPagesBefore.count == 1)
            h.store.send(.moveToTop)
            #expect(await h.store.waitUntil { $0.current?.row(at: 0) != nil })
            let firstPages = try await h.requests().filter { $0.path.hasSuffix("/users") && $0.query["cursor"] == nil }
            #expect(firstPages.count == 2)
            let firstID = try await h.client.issuer(EmulatorDemo.issuerID).users.list(limit: 1).data.first?.json["user_id"]?.stringValue
            #expect(h.store.state.current?.row(at: 0)?.id == firstID)
        }
    }

    @Test func loadToEndShowsProgressAndEnds() async throws {
        try await withHarness(users: 1200, pageSize: 100) { h in
            try await h.openUsers()
            h.store.send(.moveToEnd)
            #expect(h.store.state.loadToEnd != nil)
            #expect(await h.store.waitUntil { $0.loadToEnd == nil && $0.current?.footer == .end })
            #expect(h.store.state.current?.rowCount == 1200)
            #expect(h.store.state.current?.rowCountText == "1,200")
            #expect(h.store.state.current?.selection == 1199)
        }
    }

    @Test func loadToEndShowsProgressOnTheClockAndHydratesOnlyTheLastScreen() async throws {
        let clock = ManualClock()
        try await withHarness(users: 1200, pageSize: 100, viewport: 10, clock: clock) { h in
            try await h.openUsers()
            await h.store.settle()
            let before = try await h.requests().count
            var progress: [Int] = []
            h.store.observeChanges { if let shown = h.store.state.loadToEnd?.loadedRows { progress.append(shown) } }
            h.store.send(.moveToEnd)
            // The clock does not move: the walk shows no progress between pages (a frame per page is what made G
            // slow), only the line it started with.
            #expect(await h.store.settle())
            #expect(h.store.state.loadToEnd == nil)
            #expect(Set(progress) == [100])
            let pane = try #require(h.store.state.current)
            #expect(pane.rowCount == 1200)
            #expect(pane.selection == 1199)
            #expect(pane.footer == .end)
            // The walk fetched 11 more pages and the details of the last screen only, not of every row it passed.
            let during = try await h.requests().dropFirst(before)
            let pages = during.filter { $0.path.hasSuffix("/users") }
            let details = during.filter { $0.path.contains("/users/") }
            #expect(pages.count == 11)
            #expect(details.count <= 10, "\(details.count) users hydrated")
        }
    }

    @Test func loadToEndMapsOnlyThePagesItKeepsAndRefetchesASkippedPageWhenVisited() async throws {
        var counting: RowMappingCountingSource?
        try await withHarness(users: 3000, pageSize: 100, retained: 2, source: { base in
            let source = RowMappingCountingSource(base)
            counting = source
            return source
        }) { h in
            let source = try #require(counting)
            try await h.openUsers()
            await h.store.settle()
            let before = source.mappedRows
            h.store.send(.moveToEnd)
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { $0.loadToEnd == nil && $0.current?.footer == .end })
            let pane = try #require(h.store.state.current)
            #expect(pane.rowCount == 3000)
            #expect(pane.selection == 2999)
            // Of the 29 pages walked, only the 3 the memory bound keeps around the end (retained 2 + the last) were
            // mapped to rows; the others are cursors and counts.
            #expect(source.mappedRows - before == 300)
            #expect(pane.list.residentRowCount == 300)
            // A skipped page is read again with its cursor when the user goes there, and holds the right users.
            var expected: [String] = []
            var cursor: String?
            for _ in 0..<10 {
                let page = try await h.client.issuer(EmulatorDemo.issuerID).users.list(limit: 100, cursor: cursor)
                expected += page.data.map(\.id)
                cursor = page.nextCursor
            }
            h.store.send(.select(index: 950))
            #expect(await h.store.waitUntil(timeout: .seconds(10)) { $0.current?.list.row(at: 950) != nil })
            #expect(h.store.state.current?.list.row(at: 950)?.id == expected[950])
        }
    }

    // MARK: Filter, sort, marks

    @Test func serverAndClientFiltersSortAndMarks() async throws {
        try await withHarness(users: 500) { h in
            try await h.openUsers()
            let marked = try #require(h.store.state.current?.selectedRow?.id)
            h.store.send(.toggleMark)
            h.store.send(.setFilter("status:blocked"))
            #expect(await h.waitForRows(.users))
            let statuses = Set((0..<(h.store.state.current?.list.count ?? 0)).compactMap { h.store.state.current?.row(at: $0)?.status })
            #expect(statuses == ["blocked"])
            let blocked = try await h.requests().filter { $0.path.hasSuffix("/users") && $0.query["status"] == "blocked" }
            #expect(!blocked.isEmpty)
            #expect(h.store.state.current?.marks == [marked])
            h.store.send(.clearFilter)
            #expect(await h.waitForRows(.users))
            // Client-side: free text over the loaded rows.
            let second = try #require(h.store.state.current?.row(at: 1)?.id)
            h.store.send(.select(index: 1))
            h.store.send(.toggleMark)
            h.store.send(.setFilter(second))
            // Users: free text scans the whole list (issue 11, item 1).
            #expect(await h.store.waitUntil(timeout: .seconds(60)) { $0.current?.filterScan?.isRunning == false })
            #expect(h.store.state.current?.rowCount == 1)
            #expect(h.store.state.current?.marksHiddenByFilter == 1)
            h.store.send(.action(.delete))
            guard case .confirm(let confirmation) = h.store.state.dialog else {
                Issue.record("no confirmation")
                return
            }
            #expect(confirmation.targetIDs.count == 2)
            #expect(confirmation.message.contains("2 marked users"))
            #expect(confirmation.message.contains("1 of them is hidden by the filter"))
            h.store.send(.cancelDialog)
            h.store.send(.clearFilter)
            // Sort by id descending over the loaded window.
            h.store.send(.sort(column: 0))
            h.store.send(.sort(column: 0))
            let ids = (0..<5).compactMap { h.store.state.current?.row(at: $0)?.id }
            #expect(ids == ids.sorted(by: >))
            #expect(h.store.state.current?.marks.count == 2)
        }
    }

    // MARK: Actions

    @Test func sessionActionsAndTheirFailures() async throws {
        try await withHarness() { h in
            try await h.openUserList(.sessions, of: EmulatorDemo.userWithSessionsID)
            #expect(h.select(EmulatorDemo.activeSessionID))
            // Failure: the row stays, a banner says why.
            try await h.addFault(method: "POST", path: "/v1/accounts/*/issuers/*/sessions/*/suspend", status: 500, count: 1)
            h.store.send(.action(.suspend))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.banner?.kind == .server })
            #expect(h.store.state.current?.selectedRow?.status == "active")
            #expect(h.store.state.banner?.detail.contains("not retried") == true)
            // Success: the row takes the server's answer.
            h.store.send(.action(.suspend))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.current?.selectedRow?.status == "suspended" })
            h.store.send(.action(.reactivate))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.current?.selectedRow?.status == "active" })
            h.store.send(.action(.revoke))
            guard case .confirm(let confirmation) = h.store.state.dialog else {
                Issue.record("no confirmation")
                return
            }
            #expect(confirmation.message.hasPrefix("Revoke session"))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.current?.selectedRow?.status == "revoked" })
        }
    }

    @Test func bulkRevokeReportsPartialFailure() async throws {
        try await withHarness() { h in
            try await h.openUserList(.sessions, of: EmulatorDemo.userWithSessionsID)
            let active = (0..<(h.store.state.current?.rowCount ?? 0)).compactMap { h.store.state.current?.row(at: $0) }
                .filter { $0.status == "active" }.map(\.id)
            try #require(active.count >= 2)
            for id in active.prefix(3) {
                h.select(id)
                h.store.send(.toggleMark)
            }
            let failing = active[1]
            try await h.addFault(method: "POST", path: "/v1/accounts/*/issuers/*/sessions/\(failing)/revoke", status: 404, count: 1)
            h.store.send(.action(.revoke))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport != nil })
            let report = try #require(h.store.state.lastActionReport)
            #expect(Set(report.failed.keys) == [failing])
            #expect(report.succeeded.count == min(active.count, 3) - 1)
            #expect(h.store.state.banner?.kind == .partialFailure)
            #expect(h.store.state.banner?.detail.contains(failing) == true)
            #expect(h.store.state.current?.marks == [failing])
            for id in report.succeeded {
                h.select(id)
                #expect(h.store.state.current?.selectedRow?.status == "revoked")
            }
        }
    }

    @Test func tokensTrustedDevicesAndUserDeletion() async throws {
        try await withHarness() { h in
            try await h.openUserList(.tokens, of: EmulatorDemo.userWithSessionsID)
            let token = try #require((0..<(h.store.state.current?.rowCount ?? 0)).compactMap { h.store.state.current?.row(at: $0) }
                .first { $0.status == "active" })
            h.select(token.id)
            h.store.send(.action(.revoke))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.current?.selectedRow?.status == "revoked" })

            h.store.send(.nextSibling)
            #expect(await h.waitForRows(.trustedDevices))
            let before = h.store.state.current?.rowCount ?? 0
            try #require(before >= 2)
            let device = try #require(h.store.state.current?.row(at: 0)?.id)
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.current?.rowCount == before - 1 })
            #expect(h.store.state.current?.row(at: 0)?.id != device)
            h.store.send(.action(.revokeAll))
            guard case .confirm = h.store.state.dialog else {
                Issue.record("no confirmation")
                return
            }
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.banner?.kind == .success && $0.banner?.title.hasPrefix("Revoked") == true })
            #expect(await h.store.waitUntil { $0.current?.list.hasFirstPage == true && $0.current?.rowCount == 0 })

            // Delete the user from the Users pane.
            h.store.send(.jump(.users))
            #expect(await h.waitForRows(.users))
            let victim = try #require(h.store.state.current?.row(at: 3)?.id)
            h.store.send(.select(index: 3))
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.action == .deleteUser })
            #expect(h.store.state.lastActionReport?.succeeded == [victim])
            #expect(h.store.state.banner?.kind == .success)
            #expect(h.store.state.current?.list.index(ofID: victim) == nil)
            await #expect(throws: AuthPIError.self) { try await h.client.issuer(EmulatorDemo.issuerID).user(victim).get() }
        }
    }

    @Test func redeliverADelivery() async throws {
        try await withHarness() { h in
            h.store.start()
            h.store.send(.jump(.webhooks))
            #expect(await h.waitForRows(.webhooks))
            #expect(h.select(EmulatorDemo.webhookWithDeliveriesID))
            h.store.send(.open)
            #expect(await h.waitForRows(.deliveries))
            let attemptsBefore = Int(h.store.state.current?.selectedRow?.cells[3] ?? "") ?? -1
            h.store.send(.action(.redeliver))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.banner?.kind == .success })
            #expect((Int(h.store.state.current?.selectedRow?.cells[3] ?? "") ?? -1) > attemptsBefore)
            try await h.addFault(method: "POST", path: "/v1/accounts/*/webhooks/*/deliveries/*/redeliver", status: 503, count: 1)
            let row = h.store.state.current?.selectedRow
            h.store.send(.action(.redeliver))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.banner?.kind == .server })
            #expect(h.store.state.current?.selectedRow == row)
        }
    }

    @Test func readOnlyRefusesEveryMutationBeforeAnyRequest() async throws {
        try await withHarness(readOnly: true) { h in
            try await h.openUserList(.sessions, of: EmulatorDemo.userWithSessionsID)
            for key in [ActionKey.revoke, .suspend, .reactivate] {
                h.store.send(.action(key))
                #expect(h.store.state.dialog == nil)
                #expect(h.store.state.banner?.kind == .readOnly)
            }
            h.store.send(.back)
            h.store.send(.editUser)
            #expect(h.store.state.dialog == nil)
            #expect(h.store.state.banner?.kind == .readOnly)
            // Every request the store started has answered before the emulator's log is read.
            #expect(await h.store.settle())
            let writes = try await h.requests().filter { $0.method != "GET" && !$0.path.hasPrefix("/_emulator") }
            #expect(writes.isEmpty)
        }
    }

    // MARK: Edit and conflicts

    private func openForm(_ h: Harness, user userID: String) async throws -> UserEditForm {
        try await h.openUser(userID)
        h.store.send(.editUser)
        guard await h.store.waitUntil({ if case .edit = $0.dialog { true } else { false } }),
            case .edit(let form) = h.store.state.dialog
        else { throw HarnessError("form did not open") }
        return form
    }

    @Test func saveSendsIfMatchAndUpdatesTheDetail() async throws {
        try await withHarness() { h in
            let form = try await openForm(h, user: EmulatorDemo.userWithSessionsID)
            #expect(form.base.etag != nil)
            h.store.send(.setField(.displayName, "Saved Name"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })
            let patch = try await h.requests().last { $0.method == "PATCH" }
            #expect(patch != nil)
            #expect(h.store.state.current?.userRecord?.displayName == "Saved Name")
            let server = try await h.client.issuer(EmulatorDemo.issuerID).user(EmulatorDemo.userWithSessionsID).get()
            #expect(server.value.json["profile"]?.objectValue?["display_name"]?.stringValue == "Saved Name")
        }
    }

    @Test func fullConflictFlowWithAConcurrentEdit() async throws {
        try await withHarness() { h in
            let userID = EmulatorDemo.userWithSessionsID
            let form = try await openForm(h, user: userID)
            let other = try h.otherClient()
            // Someone else changes the last name and the display name.
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(
                ["profile": ["last_name": "Theirs", "display_name": "Their Display"]])
            h.store.send(.setField(.displayName, "My Display"))
            h.store.send(.setField(.firstName, "MyFirst"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .conflict = $0.dialog { true } else { false } })
            #expect(h.store.state.banner?.kind == .preconditionFailed)
            guard case .conflict(let conflict) = h.store.state.dialog else { return }
            #expect(conflict.base == form.base.formValues)
            #expect(conflict.theirs.lastName == "Theirs")
            #expect(conflict.theirs.etag != form.base.etag)
            let display = try #require(conflict.diffs.first { $0.field == .displayName })
            #expect(display.isConflicting)
            #expect(display.base == form.base.displayName && display.mine == "My Display" && display.theirs == "Their Display")
            #expect(Set(conflict.changedDiffs.map(\.field)) == [.displayName, .firstName, .lastName])

            // Cancel: back to the form, nothing lost.
            h.store.send(.resolveConflict(.cancel))
            guard case .edit(let kept) = h.store.state.dialog else {
                Issue.record("cancel did not return to the form")
                return
            }
            #expect(kept.values.displayName == "My Display" && kept.values.firstName == "MyFirst")

            // Again into conflict, then merge: mine where only I changed, theirs elsewhere — also on the field
            // both changed, which the form highlights with what I had typed.
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .conflict = $0.dialog { true } else { false } })
            h.store.send(.resolveConflict(.merge))
            guard case .edit(let merged) = h.store.state.dialog else {
                Issue.record("merge did not return to the form")
                return
            }
            #expect(merged.values.firstName == "MyFirst")
            #expect(merged.values.lastName == "Theirs")
            #expect(merged.values.displayName == "Their Display")
            #expect(merged.keptTheirs == [.displayName: "My Display"])
            #expect(merged.focus == .displayName)
            #expect(merged.base.etag == conflict.theirs.etag)
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })
            let saved = try await other.issuer(EmulatorDemo.issuerID).user(userID).get()
            let profile = saved.value.json["profile"]?.objectValue
            #expect(profile?["first_name"]?.stringValue == "MyFirst")
            #expect(profile?["last_name"]?.stringValue == "Theirs")
            #expect(profile?["display_name"]?.stringValue == "Their Display")
        }
    }

    @Test func overwriteAndTakeTheirs() async throws {
        try await withHarness() { h in
            let userID = EmulatorDemo.userWithSessionsID
            _ = try await openForm(h, user: userID)
            let other = try h.otherClient()
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(["profile": ["last_name": "Theirs"]])
            h.store.send(.setField(.lastName, "Mine"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .conflict = $0.dialog { true } else { false } })
            h.store.send(.resolveConflict(.overwrite))
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })
            var server = try await other.issuer(EmulatorDemo.issuerID).user(userID).get()
            #expect(server.value.json["profile"]?.objectValue?["last_name"]?.stringValue == "Mine")

            // Take theirs: the form closes, the detail shows their version.
            h.store.send(.editUser)
            #expect(await h.store.waitUntil { if case .edit = $0.dialog { true } else { false } })
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(["profile": ["last_name": "Theirs again"]])
            h.store.send(.setField(.lastName, "Mine again"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .conflict = $0.dialog { true } else { false } })
            h.store.send(.resolveConflict(.takeTheirs))
            #expect(h.store.state.dialog == nil)
            #expect(h.store.state.current?.userRecord?.lastName == "Theirs again")
            server = try await other.issuer(EmulatorDemo.issuerID).user(userID).get()
            #expect(server.value.json["profile"]?.objectValue?["last_name"]?.stringValue == "Theirs again")
        }
    }

    @Test func serverValidationMessagesLandOnTheirFields() async throws {
        try await withHarness() { h in
            _ = try await openForm(h, user: EmulatorDemo.userWithSessionsID)
            h.store.send(.setField(.status, "suspended"))
            h.store.send(.setField(.firstName, "Kept"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.banner?.kind == .validation })
            guard case .edit(let form) = h.store.state.dialog else {
                Issue.record("form closed")
                return
            }
            #expect(form.fieldErrors[.status] != nil)
            #expect(form.values.firstName == "Kept")
            #expect(form.values.status == "suspended")
        }
    }

    @Test func serverErrorOnSaveKeepsTheForm() async throws {
        try await withHarness() { h in
            _ = try await openForm(h, user: EmulatorDemo.userWithSessionsID)
            try await h.addFault(method: "PATCH", path: "/v1/accounts/*/issuers/*/users/*", status: 502, count: 1)
            h.store.send(.setField(.firstName, "Typed"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.banner?.kind == .server })
            guard case .edit(let form) = h.store.state.dialog else {
                Issue.record("form closed")
                return
            }
            #expect(form.values.firstName == "Typed")
            #expect(!form.isSaving)
            // Dropped connection: transport failure, same outcome.
            try await h.addFault(method: "PATCH", path: "/v1/accounts/*/issuers/*/users/*", status: 0, count: 1)
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.banner?.kind == .transport })
            guard case .edit(let again) = h.store.state.dialog else { return }
            #expect(again.values.firstName == "Typed")
            // And then it saves.
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })
        }
    }

    // MARK: Banners

    @Test func rateLimitBannerCountsDown() async throws {
        let clock = ManualClock()
        try await withHarness(clock: clock) { h in
            try await h.addFault(method: "GET", path: "/v1/accounts/*/issuers", status: 429, count: 1, retryAfter: 3)
            h.store.start()
            await h.store.settle()
            #expect(h.store.state.banner?.kind == .rateLimited)
            let banner = try #require(h.store.state.banner)
            #expect(banner.secondsUntilRetry(now: h.store.state.now) == 3)
            #expect(h.store.state.bannerText?.contains("retry in 3s") == true)
            // One second on the clock: the countdown ticks by itself.
            clock.advance(by: .seconds(1))
            #expect(await h.store.settle())
            #expect(h.store.state.banner?.secondsUntilRetry(now: h.store.state.now) == 2)
            #expect(h.store.state.bannerText?.contains("retry in 2s") == true)
            h.store.send(.retry)
            #expect(await h.waitForRows(.issuers))
        }
    }

    @Test func notFoundAuthenticationForbiddenTransportConflictBanners() async throws {
        // Not found: a user deleted by someone else.
        let h = try await Harness.start()
        try await h.openUsers()
        let victim = try #require(h.store.state.current?.row(at: 0)?.id)
        try await h.otherClient().issuer(EmulatorDemo.issuerID).user(victim).delete()
        h.store.send(.open)
        #expect(await h.store.waitUntil { $0.banner?.kind == .notFound })
        #expect(h.store.state.banner?.detail.contains("may have been deleted") == true)
        // Once every read of the detail pane has answered, nothing is left saying it loads.
        #expect(await h.store.settle())
        #expect(h.store.state.current?.footer != .loading)
        // Conflict (409).
        h.store.send(.back)
        try await h.addFault(method: "DELETE", path: "/v1/accounts/*/issuers/*/users/*", status: 409, count: 1)
        h.store.send(.select(index: 1))
        h.store.send(.action(.delete))
        h.store.send(.confirm)
        #expect(await h.store.waitUntil { $0.banner?.kind == .conflict })
        // Server error on a read, retried by the client.
        await h.stop()

        let retried = try await Harness.start(retries: true)
        try await retried.addFault(method: "GET", path: "/v1/accounts/*/issuers", status: 503, count: 3)
        retried.store.start()
        #expect(await retried.store.waitUntil { $0.banner?.kind == .server })
        #expect(retried.store.state.banner?.detail.contains("retried, still failing") == true)
        #expect(retried.store.state.current?.footer == .failed(retried.store.state.current?.list.failureMessage ?? ""))
        await retried.stop()

        let unauthenticated = try await Harness.start(
            credentials: .apiKey(id: "key_wrong", secret: "nope"), credentialSource: "AUTHPI_API_KEY")
        unauthenticated.store.start()
        #expect(await unauthenticated.store.waitUntil { $0.banner?.kind == .authentication })
        #expect(unauthenticated.store.state.banner?.detail.contains("AUTHPI_API_KEY") == true)
        #expect(unauthenticated.store.state.banner?.text(now: Date()).contains("nope") == false)
        await unauthenticated.stop()

        let forbidden = try await Harness.start(accountID: EmulatorDemo.otherAccountID)
        forbidden.store.start()
        #expect(await forbidden.store.waitUntil { $0.banner?.kind == .forbidden })
        await forbidden.stop()

        let unreachable = try await Harness.start()
        try await unreachable.addFault(method: "GET", path: "/v1/accounts/*/issuers", status: 0, count: 1)
        unreachable.store.start()
        #expect(await unreachable.store.waitUntil { $0.banner?.kind == .transport })
        #expect(unreachable.store.state.banner?.title.contains("127.0.0.1") == true)
        #expect(unreachable.store.state.bannerHistory.count == 1)
        unreachable.store.send(.jump(.errors))
        #expect(unreachable.store.state.current?.row(at: 0)?.cells[1] == "network", "the TYPE column says it in words")
        await unreachable.stop()
    }

    @Test func refreshKeepsTheSelectionOnTheSameID() async throws {
        try await withHarness(users: 500) { h in
            try await h.openUsers()
            h.store.send(.move(by: 45))
            #expect(await h.store.waitUntil { $0.current?.list.count == 100 })
            h.store.send(.move(by: 20))
            let id = try #require(h.store.state.current?.selectedRow?.id)
            // Someone deletes a user above: the selected one moves up one row but stays selected.
            let above = try #require(h.store.state.current?.row(at: 3)?.id)
            try await h.otherClient().issuer(EmulatorDemo.issuerID).user(above).delete()
            h.store.send(.refresh)
            #expect(await h.store.waitUntil { !($0.current?.list.isLoading ?? true) && ($0.current?.list.count ?? 0) > 64 })
            #expect(h.store.state.current?.selectedRow?.id == id)
            #expect(h.store.state.current?.selection == 64)
        }
    }
    // MARK: More panes and behaviours

    @Test func issuerSiblingPanesAndEventFilters() async throws {
        try await withHarness() { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            #expect(h.select(EmulatorDemo.issuerID))
            h.store.send(.nextSibling)
            #expect(await h.waitForRows(.clients))
            #expect(h.select(EmulatorDemo.clientID))
            h.store.send(.nextSibling)
            #expect(await h.waitForRows(.agents))
            #expect(h.select(EmulatorDemo.agentID))
            h.store.send(.nextSibling)
            #expect(await h.waitForRows(.organizations))
            #expect(h.select(EmulatorDemo.organizationID))
            h.store.send(.previousSibling)
            #expect(await h.waitForRows(.agents))
            #expect(h.store.state.stack.map(\.kind) == [.issuers, .agents])
            h.store.send(.describe)
            guard case .describe(let description) = h.store.state.dialog else {
                Issue.record("no describe")
                return
            }
            #expect(description.json.contains("\"id\""))
            h.store.send(.cancelDialog)

            // Events, filtered on the server by type and user.
            h.store.send(.jump(.events))
            #expect(await h.waitForRows(.events))
            #expect((h.store.state.current?.rowCount ?? 0) > 0)
            h.store.send(.setFilter("type:user.updated"))
            #expect(await h.waitForRows(.events))
            let types = Set((0..<(h.store.state.current?.list.count ?? 0)).compactMap { h.store.state.current?.row(at: $0)?.cells[1] })
            #expect(types.isSubset(of: ["user.updated"]))
            let sent = try await h.requests().filter { $0.path.hasSuffix("/events") && $0.query["event_types"] == "user.updated" }
            #expect(!sent.isEmpty)
            h.store.send(.setFilter("user:\(EmulatorDemo.userWithSessionsID)"))
            #expect(await h.waitForRows(.events))
            let byUser = try await h.requests().filter { $0.path.hasSuffix("/events") && $0.query["user_id"] == EmulatorDemo.userWithSessionsID }
            #expect(!byUser.isEmpty)
        }
    }

    @Test func hydrationOfRowsScrolledAwayIsCancelled() async throws {
        try await withHarness(users: 5000) { h in
            try await h.openUsers()
            // Every user detail answers slowly from now on.
            try await h.addFault(method: "GET", path: "/v1/accounts/*/issuers/*/users/*", count: nil, delayMilliseconds: 3000)
            h.store.send(.move(by: 30))
            #expect(await h.store.waitUntil { !($0.current?.hydratingIDs.isEmpty ?? true) })
            let first = h.store.state.current?.hydratingIDs ?? []
            #expect(first.count <= 4)
            h.store.send(.pageDown)
            h.store.send(.pageDown)
            let visible = Set((h.store.state.current?.visibleRows(height: 10) ?? []).compactMap { $0.row?.id })
            let now = h.store.state.current?.hydratingIDs ?? []
            #expect(now.isSubset(of: visible))
            #expect(now.isDisjoint(with: first))
            #expect(now.count <= 4)
            // The cancelled requests end at once: only the new ones (and no page) are in flight.
            #expect(await h.store.waitUntil(timeout: .seconds(2)) { $0.header.requestsInFlight <= 4 })
            try await h.clearFaults()
        }
    }

    @Test func closedClientBannerAndNoStuckLoading() async throws {
        try await withHarness() { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            try await h.client.close()
            h.store.send(.refresh)
            #expect(await h.store.waitUntil { $0.banner?.kind == .closedClient })
            #expect(h.store.state.current?.list.isLoading == false)
            // The refresh failed: the pane is back as it was, rows included; nothing is left loading.
            #expect((h.store.state.current?.rowCount ?? 0) > 0)
            #expect(h.store.state.current?.footer != .loading)
        }
    }
}
