import Foundation

/// The pages a ``PageSequence`` iterator has requested ahead of the one it is on.
///
/// A page's next cursor is known as soon as its body arrives (the envelope is read without the items, see
/// `PageContinuationHook`); while the iterator waits for that page, the page after it is requested at once,
/// so the server builds it while this one is parsed. Otherwise the next page is requested when the iterator
/// takes the page (its parsed cursor). Either way there is never more than one page beyond the one the iterator
/// is on or waiting for. A class so the requests are cancelled when the iterator is dropped (a `break` or an
/// abandoned iterator): nothing keeps walking pages after the caller has gone.
final class PageReadAhead<Element: Sendable>: @unchecked Sendable {
    /// One page requested: its cursor, the request, and what its body said of the page after it.
    private struct Pending {
        let id: Int
        let cursor: String?
        let task: Task<Page<Element>, any Error>
        var continuation: ListContinuation?
    }

    private let fetch: PageSequence<Element>.Fetch
    // Everything below under `lock`: the request tasks report bodies from their own threads.
    private let lock = NSLock()
    /// In order: the page the iterator takes next, then the one after it (only while the iterator waits).
    private var pending: [Pending] = []
    private var iteratorWaits = false
    /// Every cursor requested, so a cursor a page repeats is never requested twice.
    private var requested: Set<String> = []
    private var nextID = 0

    init(fetch: @escaping PageSequence<Element>.Fetch) {
        self.fetch = fetch
    }

    deinit {
        for page in pending { page.task.cancel() }
    }

    /// Requests the page at `cursor` (`nil`: the first page) unless it is the one already requested next;
    /// anything else requested ahead is cancelled (the parsed page is the truth).
    func request(cursor: String?) {
        lock.withLock {
            if let first = pending.first, first.cursor == cursor, pending.count == 1 { return }
            for page in pending { page.task.cancel() }
            pending = []
            startLocked(cursor)
        }
    }

    /// The next page requested, or its error. Cancelling the awaiting task cancels the request too.
    func take() async throws -> Page<Element> {
        let task = lock.withLock {
            guard let first = pending.first else { preconditionFailure("no page requested ahead") }
            iteratorWaits = true
            startFollowingIfDue()
            return first.task
        }
        defer {
            lock.withLock {
                iteratorWaits = false
                if !pending.isEmpty { pending.removeFirst() }
            }
        }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// Cancels every page requested ahead.
    func cancel() {
        lock.withLock {
            for page in pending { page.task.cancel() }
            pending = []
        }
    }

    private func startLocked(_ cursor: String?) {
        let id = nextID
        nextID += 1
        if let cursor { requested.insert(cursor) }
        let fetch = fetch
        let tell: @Sendable (ListContinuation) -> Void = { [weak self] next in self?.bodyArrived(id: id, next) }
        let task = Task { try await PageContinuationHook.$current.withValue(tell) { try await fetch(cursor) } }
        pending.append(Pending(id: id, cursor: cursor, task: task))
    }

    private func bodyArrived(id: Int, _ next: ListContinuation) {
        lock.withLock {
            // The first answer of that request only (a retried or nested request says nothing more).
            guard let index = pending.firstIndex(where: { $0.id == id }), pending[index].continuation == nil else { return }
            pending[index].continuation = next
            startFollowingIfDue()
        }
    }

    /// While the iterator waits for the next page and that page's body has said where the page after it is,
    /// that page is requested.
    private func startFollowingIfDue() {
        guard iteratorWaits, pending.count == 1, let next = pending[0].continuation, next.hasMore,
            let cursor = next.nextCursor, !cursor.isEmpty, !requested.contains(cursor)
        else { return }
        startLocked(cursor)
    }
}
