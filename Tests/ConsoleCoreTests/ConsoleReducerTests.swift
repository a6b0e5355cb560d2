import Foundation
import Testing
@testable import ConsoleCore

/// The reducer alone: events in, state and effects out. No store, no data source, no clock — the time is a value.
@Suite("Console reducer (pure)")
struct ConsoleReducerTests {
    private let configuration = ConsoleConfiguration(pageSize: 100, prefetchDistance: 25, hydrationConcurrency: 2)
    private let now = Date(timeIntervalSince1970: 1_800_000_000)
    private var environment: ConsoleEnvironment { ConsoleEnvironment(now: now, elapsed: .seconds(100), configuration: configuration) }

    /// A model with one pane of `kind` on screen, 10 table rows high, and nothing loaded yet.
    private func model(_ kind: PaneKind, context: PaneContext = PaneContext()) -> ConsoleModel {
        var model = ConsoleModel(
            state: ConsoleState(header: HeaderInfo(account: "acc", baseURL: "http://127.0.0.1:1"), isReadOnly: false, now: now),
            configuration: configuration)
        model.state.stack = [PaneState(id: 1, kind: kind, context: context)]
        model.nextPaneID = 2
        return model
    }

    private func rows(_ range: Range<Int>, light: Bool = false) -> [ConsoleRow] {
        range.map { index in
            ConsoleRow(id: "row_\(index)", cells: ["row_\(index)", "", "", "active", ""], status: "active", needsHydration: light)
        }
    }

    private func reduce(_ model: inout ConsoleModel, _ event: ConsoleEvent) -> [Effect] {
        ConsoleReducer.reduce(&model, event, environment)
    }

    /// The first page of the pane, fetched and answered.
    private func loadedIssuers(hasMore: Bool = true) -> ConsoleModel {
        var model = model(.issuers)
        let effects = reduce(&model, .intent(.setViewport(rows: 10)))
        let first = PageRequest(kind: .issuers, context: PaneContext(), cursor: nil, limit: 100)
        #expect(effects == [.fetchPage(first, paneID: 1, fetch: .append(cursor: nil), token: 1)])
        #expect(model.state.header.requestsInFlight == 1)
        let page = RowPage(rows: rows(0..<100), nextCursor: hasMore ? "c100" : nil, hasMore: hasMore)
        let after = reduce(&model, .pageArrived(paneID: 1, fetch: .append(cursor: nil), token: 1, page: page, latency: .milliseconds(12)))
        #expect(after.isEmpty, "the selection is far from the end: nothing more to fetch")
        #expect(model.state.current?.rowCount == 100)
        #expect(model.state.header.requestsInFlight == 0)
        #expect(model.state.header.lastLatencyText == "12 ms")
        return model
    }

    @Test func exportIsOneEffectWithTheFilterItsProgressShowsOnTheClockAndEscCancelsIt() {
        var model = loadedIssuers()
        _ = reduce(&model, .intent(.setFilter("status:active acme")))
        let effects = reduce(&model, .intent(.export(path: "/tmp/issuers.csv")))
        guard case .export(let job, let token)? = effects.last else {
            Issue.record("no export effect: \(effects)")
            return
        }
        #expect(job.format == .csv && job.partialPath == "/tmp/issuers.csv.partial" && !job.overwrite)
        #expect(job.request.cursor == nil && job.request.query == model.state.current?.filter.serverQuery)
        #expect(job.clientText == model.state.current?.filter.clientText ?? "-")
        #expect(model.state.export?.rows == 0)
        // A second export while one runs is refused, with no effect.
        #expect(reduce(&model, .intent(.export(path: "/tmp/other.csv"))).isEmpty)
        // Pages between two progress updates are not published; 250 ms later they are, with a rate.
        let at = { (elapsed: Duration) in ConsoleEnvironment(now: now, elapsed: elapsed, configuration: configuration) }
        _ = ConsoleReducer.reduce(&model, .exportProgressed(token: token, rows: 100, pages: 1), at(.seconds(100) + .milliseconds(10)))
        #expect(model.isQuiet)
        model.isQuiet = false
        _ = ConsoleReducer.reduce(&model, .exportProgressed(token: token, rows: 300, pages: 3), at(.seconds(101)))
        #expect(!model.isQuiet)
        #expect(model.state.export?.rowsPerSecond == 300)
        #expect(model.state.export?.summary == "300 rows · 3 pages · 300 rows/s · Esc cancels")
        // Esc cancels the export (not the pane), and its end says where the rows are.
        #expect(reduce(&model, .intent(.escape)) == [.cancel(.export)])
        #expect(model.state.current?.kind == .issuers)
        _ = reduce(&model, .exportEnded(token: token, outcome: .cancelled(rows: 300)))
        #expect(model.state.export == nil)
        #expect(model.state.banner?.title == "Export cancelled: 300 complete rows in issuers.csv.partial")
        // A stale end changes nothing.
        _ = reduce(&model, .exportEnded(token: token, outcome: .finished(rows: 1, pages: 1)))
        #expect(model.state.banner?.title == "Export cancelled: 300 complete rows in issuers.csv.partial")
    }

    @Test func movingToTheLastLoadedRowsReturnsTheNextPageFetch() {
        var model = loadedIssuers()
        #expect(reduce(&model, .intent(.move(by: 1))).isEmpty)
        let effects = reduce(&model, .intent(.select(index: 99)))
        let next = PageRequest(kind: .issuers, context: PaneContext(), cursor: "c100", limit: 100)
        #expect(effects == [.fetchPage(next, paneID: 1, fetch: .append(cursor: "c100"), token: 2)])
        #expect(model.state.current?.footer == .loading)
        // One fetch per list at a time: moving again asks for nothing more.
        #expect(reduce(&model, .intent(.move(by: -1))).isEmpty)
    }

    @Test func aStaleAnswerChangesNothingAndAsksForNothing() {
        var model = loadedIssuers()
        _ = reduce(&model, .intent(.select(index: 99)))
        let panesBefore = model.state.current
        let stale = RowPage(rows: rows(500..<600), nextCursor: "c600", hasMore: true)
        let effects = reduce(&model, .pageArrived(paneID: 1, fetch: .append(cursor: "c100"), token: 1, page: stale, latency: .zero))
        #expect(effects.isEmpty)
        #expect(model.state.current?.rowCount == panesBefore?.rowCount)
        #expect(model.state.current?.list.row(atID: "row_500") == nil)
        #expect(model.pageFetches[1] == 2, "the fetch in flight is still the one awaited")
        // A failure with a stale token raises no banner either.
        let failure = ConsoleFailure(kind: .serverError, statusCode: 500, code: "internal", message: "boom")
        #expect(reduce(&model, .pageFailed(paneID: 1, fetch: .append(cursor: "c100"), token: 1, failure: failure, latency: .zero)).isEmpty)
        #expect(model.state.banner == nil)
    }

    @Test func aRateLimitedPageReturnsTheRetryTimerForItsRetryAfter() {
        var model = loadedIssuers()
        _ = reduce(&model, .intent(.select(index: 99)))
        let limited = ConsoleFailure(kind: .rateLimited, statusCode: 429, code: "rate_limited", message: "slow down", retryAfterSeconds: 3)
        let effects = reduce(&model, .pageFailed(paneID: 1, fetch: .append(cursor: "c100"), token: 2, failure: limited, latency: .zero))
        #expect(effects == [.startTimer(.countdown, after: .seconds(1)), .startTimer(.autoRetry(paneID: 1), after: .seconds(3))])
        #expect(model.state.banner?.retriesAutomatically == true)
        #expect(model.state.banner?.retryAt == now.addingTimeInterval(3))
        #expect(model.state.current?.footer == .failed(limited.description))
        #expect(model.state.current?.rowCount == 100, "what was loaded stays")
        #expect(model.state.bannerHistory.count == 1)
        // The countdown ticks while the retry is ahead, and stops once it has passed.
        var later = environment
        later.now = now.addingTimeInterval(1)
        #expect(ConsoleReducer.reduce(&model, .timerFired(.countdown), later) == [.startTimer(.countdown, after: .seconds(1))])
        later.now = now.addingTimeInterval(3)
        #expect(ConsoleReducer.reduce(&model, .timerFired(.countdown), later) == [])
    }

    @Test func aFailureWithoutRetryAfterStartsNoTimerAndRetryAsksAgain() {
        var model = loadedIssuers()
        _ = reduce(&model, .intent(.select(index: 99)))
        let failure = ConsoleFailure(kind: .serverError, statusCode: 503, code: "unavailable", message: "down")
        #expect(reduce(&model, .pageFailed(paneID: 1, fetch: .append(cursor: "c100"), token: 2, failure: failure, latency: .zero)).isEmpty)
        #expect(model.state.banner?.severity == .error)
        let next = PageRequest(kind: .issuers, context: PaneContext(), cursor: "c100", limit: 100)
        #expect(reduce(&model, .intent(.retry)) == [.fetchPage(next, paneID: 1, fetch: .append(cursor: "c100"), token: 3)])
        // The answer of the retry takes the failure banner off the screen (it stays in the history).
        let page = RowPage(rows: rows(100..<150), nextCursor: nil, hasMore: false)
        _ = reduce(&model, .pageArrived(paneID: 1, fetch: .append(cursor: "c100"), token: 3, page: page, latency: .zero))
        #expect(model.state.banner == nil)
        #expect(model.state.bannerHistory.count == 1)
        #expect(model.state.current?.footer == .end)
    }

    @Test func aCancelledAnswerPutsTheFetchBackWithoutABanner() {
        var model = loadedIssuers()
        _ = reduce(&model, .intent(.select(index: 99)))
        #expect(reduce(&model, .pageFailed(paneID: 1, fetch: .append(cursor: "c100"), token: 2, failure: nil, latency: .zero)).isEmpty)
        #expect(model.state.banner == nil)
        #expect(model.state.current?.list.isLoading == false)
        // Asked again on the next move.
        #expect(reduce(&model, .intent(.move(by: 0))).count == 1)
    }

    @Test func visibleLightUsersAreHydratedAtMostNAtATimeByToken() {
        let context = PaneContext(issuerID: "iss_1", issuerName: "Acme")
        var model = model(.users, context: context)
        _ = reduce(&model, .intent(.setViewport(rows: 3)))
        let page = RowPage(rows: rows(0..<100, light: true), nextCursor: "c100", hasMore: true)
        let effects = reduce(&model, .pageArrived(paneID: 1, fetch: .append(cursor: nil), token: 1, page: page, latency: .zero))
        #expect(effects == [
            .fetchUser(issuerID: "iss_1", userID: "row_0", paneID: 1, token: 2),
            .fetchUser(issuerID: "iss_1", userID: "row_1", paneID: 1, token: 3),
        ])
        #expect(model.state.current?.hydratingIDs == ["row_0", "row_1"])
        // An answer with the wrong token is dropped; the right one fills the row and starts the next visible one.
        let record = UserRecord(
            id: "row_0", issuerID: "iss_1", username: "ada@acme.test", usernameType: "email", displayName: "Ada",
            firstName: "Ada", lastName: "L", status: "active", customFields: [:], createdAt: now, etag: "\"v1\"")
        #expect(reduce(&model, .userHydrated(paneID: 1, token: 3, record: record, latency: .zero)).isEmpty)
        #expect(model.state.current?.list.row(atID: "row_0")?.needsHydration == true)
        let next = reduce(&model, .userHydrated(paneID: 1, token: 2, record: record, latency: .zero))
        #expect(next == [.fetchUser(issuerID: "iss_1", userID: "row_2", paneID: 1, token: 4)])
        #expect(model.state.current?.list.row(atID: "row_0")?.needsHydration == false)
        // Scrolling away cancels the fetches of rows no longer visible.
        let moved = reduce(&model, .intent(.select(index: 50)))
        #expect(moved.contains(.cancel(.hydration(paneID: 1, userID: "row_1"))))
        #expect(moved.contains(.cancel(.hydration(paneID: 1, userID: "row_2"))))
    }

    @Test func gWalksByStreamedPagesAndPublishesItsProgressFourTimesASecond() {
        var model = loadedIssuers()
        var at = environment
        let effects = ConsoleReducer.reduce(&model, .intent(.moveToEnd), at)
        let next = PageRequest(kind: .issuers, context: PaneContext(), cursor: "c100", limit: 100)
        let tail = at.configuration.retainedPagesAround + 1
        #expect(effects == [.walkToEnd(next, paneID: 1, token: 2, mappedTail: tail)])
        #expect(model.state.loadToEnd?.loadedRows == 100)
        // A page 100 ms later: stored, selection at the end, but not published (the progress shows every 250 ms).
        at.elapsed += .milliseconds(100)
        let second = RowPage(rows: rows(100..<200), nextCursor: "c200", hasMore: true)
        #expect(ConsoleReducer.reduce(&model, .walkPageArrived(paneID: 1, fetch: .append(cursor: "c100"), token: 2, page: second, latency: .milliseconds(5)), at) == [])
        #expect(model.isQuiet)
        #expect(model.state.current?.selection == 199)
        #expect(model.state.loadToEnd?.loadedRows == 100)
        model.isQuiet = false
        // 250 ms after G: published with the rows and the rate.
        at.elapsed += .milliseconds(150)
        let third = RowPage(rows: rows(200..<300), nextCursor: "c300", hasMore: true)
        _ = ConsoleReducer.reduce(&model, .walkPageArrived(paneID: 1, fetch: .append(cursor: "c200"), token: 2, page: third, latency: .milliseconds(5)), at)
        #expect(!model.isQuiet)
        #expect(model.state.loadToEnd?.loadedRows == 300)
        #expect(model.state.loadToEnd?.rowsPerSecond == 800)
        // A movement key stops the walk: its effect is cancelled and what loaded stays.
        let stopped = ConsoleReducer.reduce(&model, .intent(.move(by: -1)), at)
        #expect(stopped.first == .cancel(.walk))
        #expect(model.state.loadToEnd == nil)
        #expect(model.state.current?.rowCount == 300)
        // …and the key moved near the loaded end, so the next page is asked for as on any move.
        let fourth = PageRequest(kind: .issuers, context: PaneContext(), cursor: "c300", limit: 100)
        #expect(stopped.dropFirst() == [.fetchPage(fourth, paneID: 1, fetch: .append(cursor: "c300"), token: 3)])
        #expect(model.state.header.requestsInFlight == 2)
        // The walk's late end (cancelled) changes nothing but the count of requests in flight.
        #expect(ConsoleReducer.reduce(&model, .walkEnded(paneID: 1, token: 2, failedFetch: nil, failure: nil), at) == [])
        #expect(model.state.header.requestsInFlight == 1)
        #expect(model.state.current?.rowCount == 300)
    }

    @Test func gStoresThePagesItSkipsAsDroppedPagesAndMapsOnlyTheTail() throws {
        var model = loadedIssuers()
        var at = environment
        _ = ConsoleReducer.reduce(&model, .intent(.moveToEnd), at)
        // Pages 2 and 3 passed unmapped (cursor and count only), page 4 still unmapped in the walk: not yet stored,
        // but counted in the progress once it is due.
        at.elapsed += .milliseconds(300)
        let skipped = [
            PagedList.SkippedPage(cursor: "c100", count: 100, nextCursor: "c200", hasMore: true),
            PagedList.SkippedPage(cursor: "c200", count: 100, nextCursor: "c300", hasMore: true),
        ]
        _ = ConsoleReducer.reduce(
            &model, .walkPagesSkipped(paneID: 1, token: 2, pages: skipped, pendingRows: 100, latency: .milliseconds(4)), at)
        let list = try #require(model.state.current?.list)
        #expect(list.count == 300)
        #expect(list.pageCount == 3)
        #expect(list.row(at: 150) == nil, "a skipped page holds no rows")
        #expect(list.row(at: 0)?.id == "row_0")
        #expect(model.state.current?.selection == 299)
        #expect(model.state.loadToEnd?.loadedRows == 400)
        #expect(model.state.header.lastLatency == .milliseconds(4))
        // The end: the tail page comes mapped; the progress never goes back.
        let last = RowPage(rows: rows(300..<400), nextCursor: nil, hasMore: false)
        _ = ConsoleReducer.reduce(
            &model, .walkPageArrived(paneID: 1, fetch: .append(cursor: "c300"), token: 2, page: last, latency: .milliseconds(4)), at)
        #expect(model.state.loadToEnd?.loadedRows == 400)
        _ = ConsoleReducer.reduce(&model, .walkEnded(paneID: 1, token: 2, failedFetch: nil, failure: nil), at)
        #expect(model.state.loadToEnd == nil)
        #expect(model.state.current?.rowCount == 400)
        #expect(model.state.current?.selection == 399)
        #expect(model.state.current?.list.row(at: 399)?.id == "row_399")
        #expect(model.state.current?.list.hasMore == false)
        // Going back to a skipped page fetches it again with its cursor.
        let back = ConsoleReducer.reduce(&model, .intent(.select(index: 150)), at)
        let refill = PageRequest(kind: .issuers, context: PaneContext(), cursor: "c100", limit: 100)
        #expect(back.contains(.fetchPage(refill, paneID: 1, fetch: .refill(page: 1, cursor: "c100"), token: 3)))
    }

    @Test func openingAPaneCancelsTheCoveredOnesRequestsAndFetchesItsFirstPage() {
        var model = loadedIssuers()
        _ = reduce(&model, .intent(.select(index: 99)))
        let effects = reduce(&model, .intent(.open))
        let users = PaneContext(issuerID: "row_99", issuerName: "row_99")
        #expect(effects == [
            .cancel(.page(paneID: 1)),
            .fetchPage(PageRequest(kind: .users, context: users, cursor: nil, limit: 100), paneID: 2, fetch: .append(cursor: nil), token: 3),
        ])
        #expect(model.state.stack.map(\.id) == [1, 2])
        // Back: the covered pane resumes its interrupted fetch; the users' page in flight is cancelled.
        let back = reduce(&model, .intent(.back))
        #expect(back.first == .cancel(.page(paneID: 2)))
        #expect(back.dropFirst().first.map { if case .fetchPage(_, 1, .append(cursor: "c100"), _) = $0 { true } else { false } } == true)
    }

    @Test func theRefreshIntervalIsATimerThatRefreshesOnlyWhenNothingIsGoingOn() {
        var model = loadedIssuers()
        #expect(reduce(&model, .intent(.setAutoRefresh(seconds: 5))) == [.startTimer(.autoRefresh, after: .seconds(5))])
        let due = reduce(&model, .timerFired(.autoRefresh))
        #expect(due.last == .startTimer(.autoRefresh, after: .seconds(5)))
        #expect(due.contains { if case .fetchPage(_, 1, .append(cursor: nil), _) = $0 { true } else { false } })
        // While that refresh loads, the next tick only waits again (and publishes nothing).
        #expect(reduce(&model, .timerFired(.autoRefresh)) == [.startTimer(.autoRefresh, after: .seconds(5))])
        #expect(model.isQuiet)
        #expect(reduce(&model, .intent(.setAutoRefresh(seconds: nil))) == [.cancel(.timer(.autoRefresh))])
    }

    @Test func aConfirmedActionIsOneEffectAndItsOutcomesOneEvent() {
        var model = loadedIssuers()
        _ = reduce(&model, .intent(.select(index: 3)))
        let sessions = PaneContext(issuerID: "iss_1", userID: "usr_1")
        model.state.stack = [PaneState(id: 1, kind: .sessions, context: sessions)]
        let page = RowPage(rows: rows(0..<3), nextCursor: nil, hasMore: false)
        _ = reduce(&model, .intent(.setViewport(rows: 10)))
        _ = reduce(&model, .pageArrived(paneID: 1, fetch: .append(cursor: nil), token: model.pageFetches[1] ?? 0, page: page, latency: .zero))
        #expect(reduce(&model, .intent(.action(.revoke))).isEmpty, "a confirmation first, no request")
        guard case .confirm = model.state.dialog else {
            Issue.record("no confirmation")
            return
        }
        let effects = reduce(&model, .intent(.confirm))
        guard case .performAction(let action, let targets, 1, sessions, _, 4)? = effects.first else {
            Issue.record("no action effect: \(effects)")
            return
        }
        #expect(targets.map(\.id) == ["row_0"])
        #expect(targets.first?.shown?.id == "row_0", "the version shown goes with the target")
        let failure = ConsoleFailure(kind: .serverError, statusCode: 500, code: "internal", message: "boom")
        let outcomes = [ActionOutcome(id: "row_0", result: .failed(failure))]
        _ = reduce(&model, .actionFinished(action: action, paneID: 1, context: sessions, outcomes: outcomes, latency: .zero))
        #expect(model.state.lastActionReport?.failed["row_0"] == failure)
        #expect(model.state.current?.list.row(atID: "row_0") != nil, "a failed row stays")
        #expect(model.state.banner?.severity == .error)
    }

    @Test func readOnlyRefusesAnEditWithABannerAndNoRequest() {
        var model = ConsoleModel(
            state: ConsoleState(header: HeaderInfo(account: "acc", baseURL: "http://127.0.0.1:1"), isReadOnly: true, now: now),
            configuration: configuration)
        model.state.stack = [PaneState(id: 1, kind: .users, context: PaneContext(issuerID: "iss_1"))]
        #expect(reduce(&model, .intent(.editUser)).isEmpty)
        #expect(model.state.banner?.kind == .readOnly)
        #expect(model.state.header.requestsInFlight == 0)
    }
}
