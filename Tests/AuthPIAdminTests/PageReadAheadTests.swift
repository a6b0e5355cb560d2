import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing

/// `listAll` with one page of read-ahead, over real HTTP against the in-process emulator.
@Suite("listAll read-ahead against the emulator", .timeLimit(.minutes(2)))
struct PageReadAheadTests {
    let issuerID = EmulatorDemo.issuerID

    /// The user list requests the emulator has answered (it logs a request before answering it).
    func userListRequests(_ emulator: TestEmulator) async throws -> [JSONValue] {
        try await emulator.requests().filter {
            $0["method"]?.stringValue == "GET" && $0["path"]?.stringValue?.hasSuffix("/users") == true
        }
    }

    /// Polls the request log every 10 ms for at most 5 s until it holds `count` user list requests.
    func waitForUserListRequests(_ count: Int, _ emulator: TestEmulator) async throws -> Int {
        for _ in 0..<500 {
            let seen = try await userListRequests(emulator).count
            if seen >= count { return seen }
            try await Task.sleep(for: .milliseconds(10))
        }
        return try await userListRequests(emulator).count
    }

    @Test func readAheadRequestsPageTwoBeforePageOneIsConsumed() async throws {
        try await withTestEmulator(EmulatorOptions(users: 20)) { emulator in
            let client = try emulator.client()
            var iterator = client.issuer(issuerID).users.listAll(limit: 4).makeAsyncIterator()
            _ = try #require(try await iterator.next())
            // Three items of page 1 are still unconsumed, yet page 2 is on its way.
            #expect(try await waitForUserListRequests(2, emulator) == 2)
            let second = try #require(try await userListRequests(emulator).last)
            #expect(second["query"]?["cursor"]?.stringValue?.isEmpty == false)
            try await client.close()
        }
    }

    /// The page after is requested as soon as this page's body arrives, before the page is handed over: a fetch
    /// that holds its page back after the body came stands in for a long parse.
    @Test func thePageAfterIsRequestedWhileThisPageIsStillBeingRead() async throws {
        try await withTestEmulator(EmulatorOptions(users: 20)) { emulator in
            let client = try emulator.client()
            let users = client.issuer(issuerID).users
            let gate = Gate()
            let pages = PageSequence<UserListItem> { cursor in
                let page = try await users.list(limit: 3, cursor: cursor)
                if cursor != nil { await gate.wait() }  // every page after the first, held once its body is in
                return page
            }
            let consumer = Task {
                var ids: [String] = []
                for try await user in pages {
                    ids.append(user.id)
                    if ids.count == 6 { break }
                }
                return ids
            }
            // Page 2 is held, yet page 3 was requested when page 2's body arrived.
            let requested = try await waitForUserListRequests(3, emulator)
            await gate.open()
            #expect(requested == 3)
            let ids = try await consumer.value
            #expect(ids.count == 6 && Set(ids).count == 6)
            try await client.close()
        }
    }

    /// The parsed page is the truth: a page that ends the list ends the walk, whatever its body's envelope
    /// started early.
    @Test func theParsedPageDecidesWhereTheWalkGoes() async throws {
        try await withTestEmulator(EmulatorOptions(users: 20)) { emulator in
            let client = try emulator.client()
            let users = client.issuer(issuerID).users
            let pages = PageSequence<UserListItem> { cursor in
                let page = try await users.list(limit: 3, cursor: cursor)
                // The second page's body says there is more; the page handed over says it is the last.
                return cursor == nil ? page : Page(data: page.data, hasMore: false)
            }
            var count = 0
            for try await _ in pages { count += 1 }
            #expect(count == 6)
            try await client.close()
        }
    }

    @Test func onDemandRequestsPageTwoOnlyWhenPageOneIsUsedUp() async throws {
        try await withTestEmulator(EmulatorOptions(users: 20)) { emulator in
            let client = try emulator.client()
            var iterator = client.issuer(issuerID).users.listAll(limit: 4, fetching: .onDemand).makeAsyncIterator()
            // On demand nothing runs in the background: after each `next()` the log is final.
            for _ in 0..<4 {
                _ = try #require(try await iterator.next())
                #expect(try await userListRequests(emulator).count == 1)
            }
            _ = try #require(try await iterator.next())
            #expect(try await userListRequests(emulator).count == 2)
            try await client.close()
        }
    }

    @Test func aSlowConsumerNeverHasMoreThanOnePageAhead() async throws {
        try await withTestEmulator(EmulatorOptions(users: 20)) { emulator in
            let client = try emulator.client()
            let pageSize = 3
            var consumed = 0
            var mostAhead = 0
            for try await _ in client.issuer(issuerID).users.listAll(limit: pageSize) {
                let currentPage = consumed / pageSize + 1
                consumed += 1
                // A slow consumer: a runaway walk would use this time to fetch further pages.
                try await Task.sleep(for: .milliseconds(20))
                let requested = try await userListRequests(emulator).count
                #expect(requested <= currentPage + 1, "item \(consumed): \(requested) pages requested while on page \(currentPage)")
                mostAhead = max(mostAhead, requested - currentPage)
                if consumed == 15 { break }
            }
            #expect(consumed == 15)
            #expect(mostAhead == 1, "the next page was requested ahead")
            try await client.close()
        }
    }

    @Test func breakAfterTheFirstItemLeavesAtMostOneExtraPage() async throws {
        try await withTestEmulator(EmulatorOptions(users: 20)) { emulator in
            let client = try emulator.client()
            // Page 1 passes; page 2 (the read-ahead) is held for 15 s. The emulator logs a request when it answers
            // it, so the log read right after the break tells, without a clock, whether the walk waited for page 2.
            let usersPath = "/v1/accounts/*/issuers/*/users"
            try await emulator.fault(method: "GET", path: usersPath, status: nil, count: 1, delayMilliseconds: 1)
            try await emulator.fault(method: "GET", path: usersPath, status: nil, count: 1, delayMilliseconds: 15_000)
            var taken = 0
            for try await _ in client.issuer(issuerID).users.listAll(limit: 4) {
                taken += 1
                break
            }
            #expect(taken == 1)
            let answeredLists = try await emulator.requests().filter { $0["path"]?.stringValue?.hasSuffix("/users") == true }
            #expect(answeredLists.count == 1, "the break returned before the page requested ahead was answered")
            // A request made after the walk is gone shows where the log stands.
            let marker = try await client.issuer(issuerID).get()
            #expect(marker.id == issuerID)
            let afterMarker = try await emulator.requests()
            let markerIndex = try #require(afterMarker.lastIndex { $0["path"]?.stringValue?.hasSuffix("/issuers/\(issuerID)") == true })
            let listBeforeMarker = afterMarker[..<markerIndex].filter { $0["path"]?.stringValue?.hasSuffix("/users") == true }
            #expect(listBeforeMarker.count == 1)
            // Nothing is requested later on behalf of the dropped walk: page 3 needs page 2 consumed.
            let listAfterMarker = afterMarker[markerIndex...].filter { $0["path"]?.stringValue?.hasSuffix("/users") == true }
            #expect(listAfterMarker.count <= 1, "only the held page 2 may still be logged")
            try await client.close()
        }
    }

    @Test func anErrorOnPageThreeComesAfterEveryItemOfPageTwo() async throws {
        try await withTestEmulator(EmulatorOptions(users: 20)) { emulator in
            let client = try emulator.client(Configuration(retries: .disabled))
            var iterator = client.issuer(issuerID).users.listAll(limit: 2).makeAsyncIterator()
            var ids: [String] = []
            for _ in 0..<2 { ids.append(try #require(try await iterator.next()).id) }
            #expect(try await waitForUserListRequests(2, emulator) == 2)
            // Page 2 is in hand; the next list request (page 3) fails.
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers/*/users", status: 503)
            ids.append(try #require(try await iterator.next()).id)
            // Page 3 has failed in the background before the last item of page 2 is asked for.
            #expect(try await waitForUserListRequests(3, emulator) == 3)
            #expect(try await userListRequests(emulator).last?["status"]?.intValue == 503)
            ids.append(try #require(try await iterator.next()).id)
            #expect(Set(ids).count == 4)
            await #expect(throws: AuthPIError.serviceUnavailable) { _ = try await iterator.next() }
            try await client.close()
        }
    }

    @Test func cancellingTheConsumingTaskStopsTheWalk() async throws {
        try await withTestEmulator(EmulatorOptions(users: 20)) { emulator in
            let client = try emulator.client()
            let users = client.issuer(issuerID).users
            let consumer = Task {
                var count = 0
                for try await _ in users.listAll(limit: 2) {
                    count += 1
                    if count == 1 { withUnsafeCurrentTask { $0?.cancel() } }
                    if count > 100 { break }
                }
                return count
            }
            await #expect(throws: CancellationError.self) { _ = try await consumer.value }
            // Page 1 and at most the page requested ahead; a marker shows the log is settled.
            _ = try await client.issuer(issuerID).get()
            #expect((1...2).contains(try await userListRequests(emulator).count))
            try await client.close()
        }
    }

    /// Walks every user and returns the count and the time it took; `workPerPage` is the consumer's
    /// time spent on each page's items.
    func walk(_ users: Users, fetching: PageFetching, workPerPage: Duration) async throws -> (count: Int, elapsed: Duration) {
        let started = ContinuousClock.now
        var count = 0
        for try await _ in users.listAll(limit: 100, fetching: fetching) {
            count += 1
            if count % 100 == 0, workPerPage > .zero { try await Task.sleep(for: workPerPage) }
            if count > 20_000 { break }
        }
        return (count, ContinuousClock.now - started)
    }

    /// A measurement, not a check of speed: prints read-ahead against on-demand over 10,000 users, at
    /// 2 ms and 20 ms of added latency, with no consumer work and with consumer work equal to the latency.
    /// About 20 s, so it runs only when asked: `AUTHPI_MEASURE=1 swift test --filter measuresReadAhead`.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["AUTHPI_MEASURE"] == "1"), arguments: [2, 20])
    func measuresReadAheadOverTenThousandUsers(latencyMilliseconds: Int) async throws {
        try await withTestEmulator(EmulatorOptions(users: 10_000, latencyMilliseconds: latencyMilliseconds)) { emulator in
            let client = try emulator.client()
            let users = client.issuer(issuerID).users
            _ = try await walk(users, fetching: .onDemand, workPerPage: .zero)  // warm the connection pool
            for work in [Duration.zero, .milliseconds(latencyMilliseconds)] {
                let onDemand = try await walk(users, fetching: .onDemand, workPerPage: work)
                let readAhead = try await walk(users, fetching: .readAhead, workPerPage: work)
                #expect(onDemand.count == readAhead.count)
                #expect(readAhead.count >= 10_000)
                let demandSeconds = Double(onDemand.elapsed.components.attoseconds) / 1e18 + Double(onDemand.elapsed.components.seconds)
                let aheadSeconds = Double(readAhead.elapsed.components.attoseconds) / 1e18 + Double(readAhead.elapsed.components.seconds)
                print(
                    "listAll over \(readAhead.count) users, 100 a page, \(latencyMilliseconds) ms latency, consumer work \(work) a page: "
                        + "on demand \(onDemand.elapsed), read-ahead \(readAhead.elapsed), on-demand/read-ahead = \(String(format: "%.2f", demandSeconds / aheadSeconds))")
            }
            try await client.close()
        }
    }
}

/// Holds every waiter until opened; waiting after it opened returns at once.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters = []
    }
}
