import Testing

@testable import AuthPIAdmin

/// Cases the emulator cannot produce (a repeated cursor, a page that fails mid-stream on demand, a
/// request that is still in flight when the caller goes away).
@Suite("PageSequence stopping rules", .timeLimit(.minutes(1)))
struct PageSequenceTests {
    actor Calls {
        var cursors: [String?] = []
        var cancelled = 0
        func record(_ cursor: String?) -> Int {
            cursors.append(cursor)
            return cursors.count
        }
        func recordCancelled() { cancelled += 1 }
    }

    /// Polls `condition` every 5 ms for at most 5 s; returns whether it became true.
    func eventually(_ condition: @Sendable () async -> Bool) async throws -> Bool {
        for _ in 0..<1_000 {
            if await condition() { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return await condition()
    }

    @Test func onDemandFetchesLazilyAndStopsWhenHasMoreIsFalse() async throws {
        let calls = Calls()
        let sequence = PageSequence<Int>(fetching: .onDemand) { cursor in
            let n = await calls.record(cursor)
            return Page(data: [n * 10, n * 10 + 1], hasMore: n < 3, nextCursor: "c\(n)")
        }
        var iterator = sequence.makeAsyncIterator()
        #expect(await calls.cursors.isEmpty)
        #expect(try await iterator.next() == 10)
        #expect(await calls.cursors.count == 1)
        var rest: [Int] = []
        while let value = try await iterator.next() { rest.append(value) }
        #expect(rest == [11, 20, 21, 30, 31])
        #expect(await calls.cursors == [nil, "c1", "c2"])
    }

    @Test func readAheadRequestsTheNextPageBeforeTheCurrentOneIsUsedUp() async throws {
        let calls = Calls()
        let sequence = PageSequence<Int> { cursor in
            let n = await calls.record(cursor)
            return Page(data: [n * 10, n * 10 + 1], hasMore: n < 3, nextCursor: "c\(n)")
        }
        var iterator = sequence.makeAsyncIterator()
        #expect(await calls.cursors.isEmpty)
        #expect(try await iterator.next() == 10)
        // One item of page 1 taken; page 2 is requested in the background.
        #expect(try await eventually { await calls.cursors.count == 2 })
        #expect(await calls.cursors == [nil, "c1"], "never more than one page ahead")
        var rest: [Int] = []
        while let value = try await iterator.next() { rest.append(value) }
        #expect(rest == [11, 20, 21, 30, 31])
        #expect(await calls.cursors == [nil, "c1", "c2"])
    }

    /// Takes the first item and drops the iterator.
    func firstItem(of sequence: PageSequence<Int>) async throws -> Int? {
        var iterator = sequence.makeAsyncIterator()
        return try await iterator.next()
    }

    /// Pages of `itemsPerPage` items where every page after the first hangs for 30 s, recording its cancellation.
    func firstPageThenHanging(_ calls: Calls, itemsPerPage: Int) -> PageSequence<Int> {
        PageSequence<Int> { cursor in
            let n = await calls.record(cursor)
            if cursor != nil {
                do { try await Task.sleep(for: .seconds(30)) } catch {
                    await calls.recordCancelled()
                    throw error
                }
            }
            return Page(data: Array(n..<n + itemsPerPage), hasMore: true, nextCursor: "c\(n)")
        }
    }

    @Test func droppingTheIteratorCancelsThePageRequestedAhead() async throws {
        let calls = Calls()
        let sequence = firstPageThenHanging(calls, itemsPerPage: 2)
        #expect(try await firstItem(of: sequence) == 1)
        #expect(try await eventually { await calls.cancelled == 1 }, "the read-ahead request outlived its iterator")
        #expect(await calls.cursors.count <= 2)
    }

    @Test func cancellingTheConsumerWhileItAwaitsThePageAheadCancelsTheRequest() async throws {
        let calls = Calls()
        let sequence = firstPageThenHanging(calls, itemsPerPage: 1)
        let consumer = Task {
            var count = 0
            for try await _ in sequence {
                count += 1
                if count > 100 { break }
            }
            return count
        }
        #expect(try await eventually { await calls.cursors.count == 2 })
        consumer.cancel()
        await #expect(throws: CancellationError.self) { _ = try await consumer.value }
        #expect(try await eventually { await calls.cancelled == 1 })
        #expect(await calls.cursors.count == 2)
    }

    @Test func anErrorOnTheNextPageWaitsUntilTheCurrentPageIsUsedUp() async throws {
        let calls = Calls()
        let sequence = PageSequence<Int> { cursor in
            let n = await calls.record(cursor)
            if n == 3 { throw AuthPIError.fromResponse(status: 503, body: [], retryAfterHeader: nil) }
            return Page(data: [n * 10, n * 10 + 1, n * 10 + 2], hasMore: true, nextCursor: "c\(n)")
        }
        var iterator = sequence.makeAsyncIterator()
        var items: [Int] = []
        for _ in 0..<4 { items.append(try #require(try await iterator.next())) }
        // Page 3 has already failed in the background; page 2 still has items to give.
        #expect(try await eventually { await calls.cursors.count == 3 })
        items.append(try #require(try await iterator.next()))
        items.append(try #require(try await iterator.next()))
        #expect(items == [10, 11, 12, 20, 21, 22])
        await #expect(throws: AuthPIError.serviceUnavailable) { _ = try await iterator.next() }
        #expect(try await iterator.next() == nil)
    }

    @Test func stopsOnAMissingCursor() async throws {
        let calls = Calls()
        let sequence = PageSequence<Int> { cursor in
            _ = await calls.record(cursor)
            return Page(data: [1], hasMore: true, nextCursor: nil)
        }
        var items: [Int] = []
        for try await item in sequence { items.append(item) }
        #expect(items == [1])
        #expect(await calls.cursors.count == 1)
    }

    @Test func stopsOnARepeatedCursor() async throws {
        let calls = Calls()
        let sequence = PageSequence<Int> { cursor in
            let n = await calls.record(cursor)
            // Pages 1 and 2 point at cursors "a" then "a" again: a server loop.
            return Page(data: [n], hasMore: true, nextCursor: "a")
        }
        var items: [Int] = []
        for try await item in sequence {
            items.append(item)
            if items.count > 10 { break }
        }
        #expect(items == [1, 2])
        #expect(await calls.cursors == [nil, "a"])
    }

    @Test func rethrowsAnErrorMidStream() async throws {
        let sequence = PageSequence<Int> { cursor in
            if cursor == nil { return Page(data: [1, 2], hasMore: true, nextCursor: "next") }
            throw AuthPIError.fromResponse(status: 503, body: [], retryAfterHeader: nil)
        }
        var items: [Int] = []
        await #expect(throws: AuthPIError.serviceUnavailable) {
            for try await item in sequence { items.append(item) }
        }
        #expect(items == [1, 2])
    }

    @Test(arguments: [PageFetching.onDemand, .readAhead])
    func stopsFetchingWhenCancelled(fetching: PageFetching) async throws {
        let calls = Calls()
        let sequence = PageSequence<Int>(fetching: fetching) { cursor in
            let n = await calls.record(cursor)
            return Page(data: [n], hasMore: true, nextCursor: "c\(n)")
        }
        let task = Task {
            var count = 0
            for try await _ in sequence {
                count += 1
                if count == 2 { withUnsafeCurrentTask { $0?.cancel() } }
                if count > 100 { break }
            }
            return count
        }
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        switch fetching {
        case .onDemand: #expect(await calls.cursors.count == 2)
        // Page 3 may have been requested ahead when item 2 (page 2) was taken, never page 4.
        case .readAhead: #expect((2...3).contains(await calls.cursors.count))
        }
    }
}
