/// Holds the one read-ahead page request of a ``PageSequence`` iterator.
///
/// A class so that the request is cancelled when the iterator is dropped (a `break` or an abandoned
/// iterator): nothing keeps walking pages after the caller has gone.
final class PageReadAhead<Element: Sendable> {
    private var pending: Task<Page<Element>, any Error>?

    deinit { pending?.cancel() }

    var isPending: Bool { pending != nil }

    /// Starts the request for the page at `cursor`; at most one is ever pending.
    func start(cursor: String, fetch: @escaping PageSequence<Element>.Fetch) {
        precondition(pending == nil, "one page ahead at most")
        pending = Task { try await fetch(cursor) }
    }

    /// The pending page, or its error. Cancelling the awaiting task cancels the request too.
    func take() async throws -> Page<Element> {
        guard let task = pending else { preconditionFailure("no page requested ahead") }
        pending = nil
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }

    func cancel() {
        pending?.cancel()
        pending = nil
    }
}
