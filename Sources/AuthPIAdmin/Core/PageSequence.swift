/// All items of a list endpoint, page after page.
///
/// The next page is fetched only when iteration reaches it. Iteration ends when a page says
/// `has_more: false`, has no cursor, or repeats a cursor already seen; an error while fetching is
/// thrown from `next()`; a cancelled task stops fetching (`next()` throws `CancellationError`).
public struct PageSequence<Element: Sendable>: AsyncSequence, Sendable {
    public typealias Fetch = @Sendable (_ cursor: String?) async throws -> Page<Element>

    let fetch: Fetch

    public init(fetch: @escaping Fetch) {
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(fetch: fetch)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let fetch: Fetch
        var buffer: [Element] = []
        var index = 0
        var cursor: String?
        var seenCursors: Set<String> = []
        var finished = false

        init(fetch: @escaping Fetch) {
            self.fetch = fetch
        }

        public mutating func next() async throws -> Element? {
            while index >= buffer.count {
                if finished { return nil }
                try Task.checkCancellation()
                let page: Page<Element>
                do {
                    page = try await fetch(cursor)
                } catch {
                    finished = true
                    throw error
                }
                buffer = page.data
                index = 0
                if page.hasMore, let next = page.nextCursor, !next.isEmpty, !seenCursors.contains(next) {
                    seenCursors.insert(next)
                    cursor = next
                } else {
                    finished = true
                }
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
