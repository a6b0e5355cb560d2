/// All items of a list endpoint, page after page.
///
/// With `.readAhead` (the default) the next page is requested as soon as the current page's cursor is
/// known — when its body arrives, before its items are parsed — so the next round trip overlaps both the
/// parse and the caller's work on the current items; at most one page beyond the one being iterated (or
/// waited for) is ever requested. With `.onDemand` the next page is requested only when iteration reaches it. Either way an
/// error while fetching a page is thrown from `next()` only after every item of the page before it has
/// been returned. Iteration ends when a page says `has_more: false`, has no cursor, or repeats a cursor
/// already seen. A cancelled task stops fetching (`next()` throws `CancellationError` at the next page
/// boundary) and cancels the page requested ahead; so does dropping the iterator.
public struct PageSequence<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page at `cursor` (`nil` for the first page).
    public typealias Fetch = @Sendable (_ cursor: String?) async throws -> Page<Element>

    let fetch: Fetch
    /// Whether the next page is requested ahead or only when reached.
    public let fetching: PageFetching

    /// A sequence over the pages `fetch` returns, from the first (`cursor` `nil`) until a page has no more.
    public init(fetching: PageFetching = .readAhead, fetch: @escaping Fetch) {
        self.fetching = fetching
        self.fetch = fetch
    }

    /// An iterator that fetches the first page when first asked for an item.
    public func makeAsyncIterator() -> Iterator {
        Iterator(fetch: fetch, fetching: fetching)
    }

    /// Advance one iterator only: copies share the page requested ahead.
    public struct Iterator: AsyncIteratorProtocol {
        /// Where the page after the current one comes from.
        enum Upcoming {
            case firstPage
            case onDemand(cursor: String)
            case readAhead
            case end
        }

        let fetch: Fetch
        let fetching: PageFetching
        let readAhead: PageReadAhead<Element>
        var buffer: [Element] = []
        var index = 0
        var upcoming = Upcoming.firstPage
        var seenCursors: Set<String> = []

        init(fetch: @escaping Fetch, fetching: PageFetching) {
            self.fetch = fetch
            self.fetching = fetching
            self.readAhead = PageReadAhead(fetch: fetch)
        }

        /// The next item, fetching the next page when the current one is used up; `nil` after the last.
        public mutating func next() async throws -> Element? {
            while index >= buffer.count {
                if case .end = upcoming { return nil }
                let page: Page<Element>
                do {
                    try Task.checkCancellation()
                    switch upcoming {
                    case .end: return nil
                    case .firstPage:
                        switch fetching {
                        case .onDemand: page = try await fetch(nil)
                        case .readAhead:
                            readAhead.request(cursor: nil)
                            page = try await readAhead.take()
                        }
                    case .onDemand(let cursor): page = try await fetch(cursor)
                    case .readAhead: page = try await readAhead.take()
                    }
                } catch {
                    upcoming = .end
                    readAhead.cancel()
                    throw error
                }
                buffer = page.data
                index = 0
                upcoming = .end
                if page.hasMore, let next = page.nextCursor, !next.isEmpty, !seenCursors.contains(next) {
                    seenCursors.insert(next)
                    switch fetching {
                    case .onDemand:
                        upcoming = .onDemand(cursor: next)
                    case .readAhead:
                        // Usually already requested when this page's body arrived.
                        readAhead.request(cursor: next)
                        upcoming = .readAhead
                    }
                } else {
                    // The end: a request the body's envelope started early is not wanted.
                    readAhead.cancel()
                }
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
