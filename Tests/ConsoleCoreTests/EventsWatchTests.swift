import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing
@testable import ConsoleCore

/// Issue 14, items 4 and 6: following events live, an event's subject, the events chart, and the console's own
/// request log opened from a banner — the store against the emulator in-process, over real HTTP, on a manual
/// clock (no real sleeps).
@MainActor
@Suite("Events you can watch and the request log", .serialized)
struct EventsWatchTests {
    /// Requests the emulator received for the events list (the follow polls among them).
    private func eventListRequests(_ h: Harness) async throws -> [[String: String]] {
        try await h.requests().filter { $0.method == "GET" && $0.path.hasSuffix("/events") }.map(\.query)
    }

    // MARK: Follow

    @Test func followInsertsNewEventsAtTheTopKeepingTheSelectionAndStopsOffScreen() async throws {
        let clock = ManualClock()
        try await withHarness(clock: clock) { h in
            h.store.start()
            h.store.send(.jump(.events))
            #expect(await h.waitForRows(.events))
            h.store.send(.select(index: 3))
            let selectedID = try #require(h.store.state.current?.selectedRow?.id)
            let countBefore = try #require(h.store.state.current?.list.count)

            h.store.send(.paneCommand(.toggleFollow))
            #expect(await h.store.settle())
            #expect(h.store.state.current?.follow?.text == "following · 0 new")
            let firstPoll = try #require(try await eventListRequests(h).last)
            #expect(firstPoll["after"] != nil)

            // Someone changes a user twice: two events, newer than every row shown.
            let other = try h.otherClient()
            let userID = EmulatorDemo.userWithSessionsID
            _ = try await other.issuer(EmulatorDemo.issuerID).users.update(userID, ["status": "blocked"] as JSONObject)
            _ = try await other.issuer(EmulatorDemo.issuerID).users.update(userID, ["status": "active"] as JSONObject)
            // Nothing comes before the interval has passed on the clock.
            #expect(await h.store.settle())
            #expect(h.store.state.current?.list.count == countBefore)
            clock.advance(by: .seconds(5))
            #expect(await h.store.settle())
            let pane = try #require(h.store.state.current)
            let arrived = pane.list.count - countBefore
            #expect(arrived >= 2)  // user.updated twice, plus user.blocked / user.unblocked when the emulator records them
            #expect(pane.follow?.newCount == arrived)
            #expect(pane.follow?.text == "following · \(arrived) new")
            // The selection is on the same event; the new ones are at the top, newest first.
            #expect(pane.selectedRow?.id == selectedID)
            #expect(pane.selection == 3 + arrived)
            let newTypes = (0..<arrived).compactMap { pane.row(at: $0)?.cells[1] }
            #expect(newTypes.contains("user.updated"))
            let times = (0..<(arrived + 1)).compactMap { pane.row(at: $0)?.sortKeys[EventsPane.timeColumn] }
            #expect(times == times.sorted(by: >))

            // ⏎ on a new event opens its subject: the user's detail in its issuer, Events underneath.
            let updated = try #require((0..<arrived).first { pane.row(at: $0)?.cells[1] == "user.updated" })
            h.store.send(.select(index: updated))
            h.store.send(.open)
            #expect(await h.store.waitUntil { $0.current?.kind == .userDetail && $0.current?.userRecord != nil })
            #expect(h.store.state.current?.context.userID == userID)
            #expect(h.store.state.current?.context.issuerID == EmulatorDemo.issuerID)
            #expect(h.store.state.stack.map(\.kind) == [.events, .userDetail])

            // Covered: no poll, however long.
            let pollsBefore = try await eventListRequests(h).count
            clock.advance(by: .seconds(30))
            #expect(await h.store.settle())
            #expect(try await eventListRequests(h).count == pollsBefore)

            // Back on screen: it polls again at once, and keeps the rows and selection.
            h.store.send(.back)
            #expect(await h.store.settle())
            #expect(try await eventListRequests(h).count == pollsBefore + 1)
            #expect(h.store.state.current?.selectedRow?.id == pane.row(at: updated)?.id)

            // f again stops following: no more polls.
            h.store.send(.paneCommand(.toggleFollow))
            #expect(h.store.state.current?.follow == nil)
            clock.advance(by: .seconds(30))
            #expect(await h.store.settle())
            #expect(try await eventListRequests(h).count == pollsBefore + 1)
        }
    }

    @Test func aFailedPollShowsABannerAndBacksOffHonouringRetryAfter() async throws {
        let clock = ManualClock()
        try await withHarness(clock: clock) { h in
            h.store.start()
            h.store.send(.jump(.events))
            #expect(await h.waitForRows(.events))
            h.store.send(.paneCommand(.toggleFollow))
            #expect(await h.store.settle())
            let polls = try await eventListRequests(h).count

            try await h.addFault(method: "GET", path: "/v1/accounts/*/events", status: 429, count: 1, retryAfter: 30)
            clock.advance(by: .seconds(5))
            #expect(await h.store.settle())
            #expect(try await eventListRequests(h).count == polls + 1)
            let banner = try #require(h.store.state.banner)
            #expect(banner.title.contains("following Events"))
            #expect(banner.detail.contains("next poll in 30 s"))
            #expect(h.store.state.current?.follow?.failures == 1)
            #expect(h.store.state.current?.follow?.text.contains("poll failed once") == true)

            // Twice the interval would be 10 s: the server asked for 30 s, so nothing before that.
            clock.advance(by: .seconds(29))
            #expect(await h.store.settle())
            #expect(try await eventListRequests(h).count == polls + 1)
            clock.advance(by: .seconds(1))
            #expect(await h.store.settle())
            #expect(try await eventListRequests(h).count == polls + 2)
            #expect(h.store.state.current?.follow?.failures == 0)
            // The poll that worked took its failure's banner off the screen.
            #expect(h.store.state.banner == nil)

            // A failure without Retry-After: twice the interval.
            try await h.addFault(method: "GET", path: "/v1/accounts/*/events", status: 503, count: 1)
            clock.advance(by: .seconds(5))
            #expect(await h.store.settle())
            #expect(try await eventListRequests(h).count == polls + 3)
            #expect(h.store.state.banner?.detail.contains("next poll in 10 s") == true)
            clock.advance(by: .seconds(9))
            #expect(await h.store.settle())
            #expect(try await eventListRequests(h).count == polls + 3)
            clock.advance(by: .seconds(1))
            #expect(await h.store.settle())
            #expect(try await eventListRequests(h).count == polls + 4)
        }
    }

    // MARK: Chart

    /// `:events chart` opens the chart over Events and reads its counts, like `c` on Events.
    @Test func thePalettesEventsChartOpensAndReadsTheChart() async throws {
        let clock = ManualClock()
        try await withHarness(clock: clock) { h in
            try await h.appendEvents(Array(repeating: (type: "chart.palette", ago: 5), count: 2))
            h.store.start()
            h.store.send(.jump(.eventsChart))
            #expect(h.store.state.stack.map(\.kind) == [.events, .eventsChart])
            #expect(await h.store.settle())
            let chart = try #require(h.store.state.current?.chart?.counts)
            #expect(chart.total(of: "chart.palette") == 2)
            // Back right after a jump returns where the user was (Issuers), as after any jump.
            h.store.send(.back)
            #expect(h.store.state.current?.kind == .issuers)
        }
    }

    @Test func theChartShowsExactlyTheServersCountsPerWindow() async throws {
        let clock = ManualClock()
        try await withHarness(clock: clock) { h in
            // Types the seed never records, so the expected counts are known whatever the date. A few seconds in
            // the past: the chart ends at the store's clock, whose wall time was read when the harness started.
            try await h.appendEvents(
                Array(repeating: (type: "chart.alpha", ago: 5), count: 3)
                    + Array(repeating: (type: "chart.beta", ago: 2 * 3_600), count: 2)
                    + [(type: "chart.gamma", ago: 3 * 86_400)])
            h.store.start()
            h.store.send(.jump(.events))
            #expect(await h.waitForRows(.events))
            h.store.send(.paneCommand(.openChart))
            #expect(h.store.state.current?.kind == .eventsChart)
            #expect(await h.store.settle())
            var chart = try #require(h.store.state.current?.chart?.counts)
            #expect(chart.window == .day)
            #expect(chart.total(of: "chart.alpha") == 3)
            #expect(chart.total(of: "chart.beta") == 2)
            #expect(chart.total(of: "chart.gamma") == 0)
            // One bar per bucket, a mark only where the server counted events.
            #expect(chart.sparkline(of: "chart.alpha").count == 24)
            #expect(chart.sparkline(of: "chart.alpha").filter { $0 != "·" }.count == 1)
            #expect(chart.bucketCounts(of: "chart.beta").reduce(0, +) == 2)
            // The rows: type, total, sparkline; describe has each bucket's exact count.
            let alphaRow = try #require((0..<(h.store.state.current?.rowCount ?? 0)).compactMap { h.store.state.current?.row(at: $0) }
                .first { $0.id == "type:chart.alpha" })
            #expect(alphaRow.cells[1] == "3")
            #expect(alphaRow.detailJSON.contains("\"total\" : 3") || alphaRow.detailJSON.contains("\"total\": 3"))
            #expect(h.store.state.current?.chart?.summary?.contains("24 h window · hourly buckets") == true)
            let aggregate = try await h.requests().filter { $0.path.hasSuffix("/events/aggregate") }
            #expect(aggregate.count == 1)  // one read for the opened chart, not one per step of opening it
            #expect(aggregate.last?.query["group_by"] == "type")
            #expect(aggregate.last?.query["interval"] == "hour")

            // 7 d: daily buckets, gamma is in.
            h.store.send(.paneCommand(.chartWindow(.week)))
            #expect(await h.store.settle())
            chart = try #require(h.store.state.current?.chart?.counts)
            #expect(chart.window == .week)
            #expect(chart.total(of: "chart.gamma") == 1)
            #expect(chart.sparkline(of: "chart.gamma").count == 7)
            #expect(try await h.requests().last { $0.path.hasSuffix("/events/aggregate") }?.query["interval"] == "day")

            // 1 h: twelve 5-minute buckets, one aggregate call each (the API has no smaller interval than an hour).
            let callsBefore = try await h.requests().filter { $0.path.hasSuffix("/events/aggregate") }.count
            h.store.send(.paneCommand(.chartWindow(.hour)))
            #expect(await h.store.settle())
            chart = try #require(h.store.state.current?.chart?.counts)
            #expect(chart.total(of: "chart.alpha") == 3)
            #expect(chart.total(of: "chart.beta") == 0)
            #expect(try await h.requests().filter { $0.path.hasSuffix("/events/aggregate") }.count == callsBefore + 12)

            // Back to Events, where it was.
            h.store.send(.back)
            #expect(h.store.state.current?.kind == .events)
        }
    }

    @Test func anEmptyWindowSaysSoAndAFailureIsABanner() async throws {
        try await withHarness { h in
            h.store.start()
            h.store.send(.jump(.events))
            #expect(await h.waitForRows(.events))
            // The Events filter goes with the chart: a type nobody records counts nothing.
            h.store.send(.setFilter("type:nothing.recorded"))
            #expect(await h.waitForRows(.events))
            h.store.send(.paneCommand(.openChart))
            #expect(await h.store.settle())
            let pane = try #require(h.store.state.current)
            #expect(pane.kind == .eventsChart)
            #expect(pane.rowCount == 0)
            #expect(pane.chart?.counts?.total == 0)
            #expect(pane.chart?.emptyText.hasPrefix("no events in the last 24 h") == true)
            #expect(try await h.requests().last { $0.path.hasSuffix("/events/aggregate") }?.query["event_types"] == "nothing.recorded")

            try await h.addFault(method: "GET", path: "/v1/accounts/*/events/aggregate", status: 503, count: 1)
            h.store.send(.refresh)
            #expect(await h.store.settle())
            #expect(h.store.state.banner?.title.contains("while counting events") == true)
            #expect(h.store.state.current?.chart?.counts == nil)
            if case .failed = h.store.state.current?.footer {} else { Issue.record("the chart's footer does not say it failed") }
            h.store.send(.retry)
            h.store.send(.refresh)
            #expect(await h.store.settle())
            #expect(h.store.state.current?.chart?.counts != nil)
        }
    }

    // MARK: Request log

    @Test func aBannersReferenceOpensItsRequestInTheLogWithNoSecret() async throws {
        try await withHarness { h in
            try await h.addFault(method: "GET", path: "/v1/accounts/*/issuers", status: 503, count: 1)
            h.store.start()
            #expect(await h.store.settle())
            let banner = try #require(h.store.state.banner)
            let reference = try #require(banner.reference)
            #expect(reference.hasPrefix("req_"))

            h.store.send(.openBannerRequest)
            #expect(await h.store.settle())
            let pane = try #require(h.store.state.current)
            #expect(pane.kind == .requests)
            let row = try #require(pane.selectedRow)
            // TIME METHOD PATH STATUS LATENCY ATTEMPT REFERENCE
            #expect(row.cells[1] == "GET")
            #expect(row.cells[2].contains("/issuers"))
            #expect(row.cells[3] == "503")
            #expect(row.cells[4].hasSuffix(" ms"))
            #expect(row.cells[5] == "1")
            #expect(row.cells[6] == reference)
            #expect(row.detailJSON.contains(reference))

            // Newest first, filterable; r reads the log again.
            let sequences = (0..<pane.rowCount).compactMap { pane.row(at: $0)?.id }.compactMap { Int($0.dropFirst("request:".count)) }
            #expect(sequences == sequences.sorted(by: >))
            h.store.send(.jump(.issuers))
            #expect(await h.waitForRows(.issuers))
            h.store.send(.jump(.requests))
            #expect(await h.store.settle())
            #expect(h.store.state.current?.row(at: 0)?.cells[3] == "200")
            h.store.send(.setFilter(reference))
            #expect(h.store.state.current?.rowCount == 1)
            #expect(h.store.state.current?.selectedRow?.cells[3] == "503")

            // No secret anywhere: not the key's secret, not its Basic form, no header at all.
            let basic = Data("\(EmulatorDemo.apiKeyID):\(EmulatorDemo.apiKeySecret)".utf8).base64EncodedString()
            for entry in h.requestLog.entries() {
                let text = "\(entry)" + (entry.requestsRow?.detailJSON ?? "") + (entry.requestsRow?.cells.joined() ?? "")
                #expect(!text.contains(EmulatorDemo.apiKeySecret))
                #expect(!text.contains(basic))
                #expect(!text.contains("Authorization"))
            }

            // A reference the log does not hold (the ring keeps the last 1,000): said, not guessed.
            h.store.send(.clearFilter)
            #expect(await h.store.settle())
            // A banner that names no request: L says so and stays.
            h.store.send(.dismissBanner)
            h.store.send(.openBannerRequest)
            #expect(h.store.state.banner?.title == "No request to open")
        }
    }

    // MARK: Pieces

    @Test func theRequestLogIsABoundedRingNewestFirstWithSecretQueryValuesRedacted() async throws {
        let log = RequestLog(capacity: 3)
        for index in 1...5 {
            log.record {
                RequestLogEntry(sequence: $0, time: Date(), method: "GET", path: "/\(index)", status: 200,
                                latency: .milliseconds(index), attempt: 1, reference: nil)
            }
        }
        #expect(log.entries().map(\.path) == ["/5", "/4", "/3"])
        #expect(log.totalRecorded == 5)
        #expect(RequestLogRecorder.loggedPath("https://user:pw@api.example/v1/x?limit=5&access_token=abc&cursor=c1")
            == "/v1/x?limit=5&access_token=(redacted)&cursor=c1")
        #expect(!RequestLogRecorder.loggedPath("http://h/p?client_secret=s3cr3t").contains("s3cr3t"))
        #expect(RequestLogRecorder.loggedPath("http://127.0.0.1:8080/v1/a%2Fb?limit=100&cursor=Yz0xMDA%3D#frag")
            == "/v1/a%2Fb?limit=100&cursor=Yz0xMDA%3D")
        #expect(RequestLogRecorder.loggedPath("http://h") == "/")
        #expect(RequestLogRecorder.loggedPath("http://h?Password=x&flag") == "/?Password=(redacted)&flag")
        #expect(RequestLogRecorder.loggedPath("http://h/p?") == "/p")
    }

    @Test func prependedRowsPinTheFirstPage() {
        var list = PagedList()
        for page in 0..<4 {
            let fetch = PagedList.Fetch.append(cursor: page == 0 ? nil : "c\(page)")
            list.begin(fetch)
            let rows = (0..<10).map { ConsoleRow(id: "r\(page)-\($0)", cells: []) }
            list.complete(fetch, with: RowPage(rows: rows, nextCursor: "c\(page + 1)", hasMore: true))
        }
        let prepended = list.prepend([ConsoleRow(id: "new-1", cells: []), ConsoleRow(id: "new-2", cells: [])])
        #expect(prepended)
        #expect(list.count == 42)
        #expect(list.row(at: 0)?.id == "new-1")
        #expect(list.row(at: 2)?.id == "r0-0")
        #expect(list.row(at: 12)?.id == "r1-0")
        // Far from the selection, the first page stays (its cursor would not read the same rows again).
        list.evict(keepingAround: 41, radius: 1)
        #expect(list.row(at: 0)?.id == "new-1")
        #expect(list.row(at: 15) == nil)
    }

    // MARK: The reducer alone

    private static let now = Date(timeIntervalSince1970: 1_800_000_000)
    private static let environment = ConsoleEnvironment(
        now: now, elapsed: .seconds(100), configuration: ConsoleConfiguration(followInterval: .seconds(5)))

    private static func model(_ kind: PaneKind) -> ConsoleModel {
        var model = ConsoleModel(
            state: ConsoleState(header: HeaderInfo(account: "acc", baseURL: "http://127.0.0.1:1"), isReadOnly: false, now: now),
            configuration: environment.configuration)
        model.state.stack = [PaneState(id: 1, kind: kind, context: PaneContext())]
        model.nextPaneID = 2
        return model
    }

    @Test func aReferenceTheLogNoLongerHoldsIsSaidNotGuessed() {
        var model = Self.model(.requests)
        model.state.banner = Banner(severity: .error, kind: .info, title: "503", detail: "", reference: "req_0000000000000042")
        let effects = ConsoleReducer.reduce(&model, .intent(.openBannerRequest), Self.environment)
        let paneID = try? #require(model.state.current?.id)
        #expect(model.state.current?.kind == .requests)
        #expect(effects.contains(.readRequestLog(paneID: paneID ?? 0)))
        let entry = RequestLogEntry(sequence: 7, time: Self.now, method: "GET", path: "/v1/x", status: 200,
                                    latency: .milliseconds(3), attempt: 1, reference: "req_0000000000000001")
        _ = ConsoleReducer.reduce(&model, .requestLogRead(paneID: paneID ?? 0, entries: [entry]), Self.environment)
        #expect(model.state.banner?.title == "Request req_0000000000000042 is not listed")
        #expect(model.state.current?.selectedRow?.id == "request:7")
    }

    @Test func followPollsOnlyOnScreenAndOnlyOnceAtATime() {
        var model = Self.model(.events)
        let event = ConsoleRow(id: "evt_1", cells: ["", "user.updated", "", ""], sortKeys: [EventsPane.timeColumn: 1_799_999_000])
        _ = ConsoleReducer.reduce(&model, .intent(.setViewport(rows: 10)), Self.environment)
        let token = model.pageFetches[1] ?? 0
        _ = ConsoleReducer.reduce(
            &model, .pageArrived(paneID: 1, fetch: .append(cursor: nil), token: token,
                                 page: RowPage(rows: [event], nextCursor: nil, hasMore: false), latency: .zero),
            Self.environment)
        let effects = ConsoleReducer.reduce(&model, .intent(.paneCommand(.toggleFollow)), Self.environment)
        guard case .pollEvents(let request, let known, _, 1, let pollToken)? = effects.first else {
            Issue.record("no poll: \(effects)")
            return
        }
        #expect(request.query["after"] == "1799999000")
        #expect(known == ["evt_1"])
        // A timer due while the poll runs asks nothing more.
        #expect(ConsoleReducer.reduce(&model, .timerFired(.follow(paneID: 1)), Self.environment).isEmpty)
        // The answer re-arms the timer for the interval.
        let answered = ConsoleReducer.reduce(
            &model, .eventsPolled(paneID: 1, token: pollToken, result: .success(PolledEvents(rows: [], truncated: false)), latency: .zero),
            Self.environment)
        #expect(answered == [.startTimer(.follow(paneID: 1), after: .seconds(5))])
        // Covered by another pane: the timer fires and nothing is asked, nothing re-armed.
        _ = ConsoleReducer.reduce(&model, .intent(.jump(.errors)), Self.environment)
        #expect(ConsoleReducer.reduce(&model, .timerFired(.follow(paneID: 1)), Self.environment).isEmpty)
        // Too many new events at once: following stops instead of leaving a hole.
        var other = Self.model(.events)
        _ = ConsoleReducer.reduce(&other, .intent(.setViewport(rows: 10)), Self.environment)
        _ = ConsoleReducer.reduce(
            &other, .pageArrived(paneID: 1, fetch: .append(cursor: nil), token: other.pageFetches[1] ?? 0,
                                 page: RowPage(rows: [event], nextCursor: nil, hasMore: false), latency: .zero),
            Self.environment)
        guard case .pollEvents(_, _, _, _, let second)? = ConsoleReducer.reduce(&other, .intent(.paneCommand(.toggleFollow)), Self.environment).first
        else { return }
        let stopped = ConsoleReducer.reduce(
            &other, .eventsPolled(paneID: 1, token: second, result: .success(PolledEvents(rows: [], truncated: true)), latency: .zero),
            Self.environment)
        #expect(!stopped.contains { if case .startTimer(.follow, _) = $0 { true } else { false } })
        #expect(other.state.current?.follow?.stoppedReason != nil)
        #expect(other.state.current?.list.count == 1)
    }
}
