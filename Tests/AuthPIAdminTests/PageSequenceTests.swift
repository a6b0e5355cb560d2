import Testing

@testable import AuthPIAdmin

/// Cases the emulator cannot produce (a repeated cursor, a page that fails mid-stream on demand).
@Suite("PageSequence stopping rules")
struct PageSequenceTests {
    actor Calls {
        var cursors: [String?] = []
        func record(_ cursor: String?) -> Int {
            cursors.append(cursor)
            return cursors.count
        }
    }

    @Test func fetchesLazilyAndStopsWhenHasMoreIsFalse() async throws {
        let calls = Calls()
        let sequence = PageSequence<Int> { cursor in
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

    @Test func stopsFetchingWhenCancelled() async throws {
        let calls = Calls()
        let sequence = PageSequence<Int> { cursor in
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
        #expect(await calls.cursors.count == 2)
    }
}
