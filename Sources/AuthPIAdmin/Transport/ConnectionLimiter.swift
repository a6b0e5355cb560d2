/// Lets at most `limit` requests use the HTTP client at once; the others wait here, in order.
///
/// AsyncHTTPClient queues requests beyond its pool size itself, but fails a queued request once it has
/// waited longer than the connect timeout: 1,000 concurrent calls on 8 connections would fail after 3 s
/// although the server answers every one. Waiting here instead, a request only waits up to its own
/// deadline (or until its task is cancelled), and AsyncHTTPClient's connect timeout applies only to
/// opening a connection.
actor ConnectionLimiter {
    private let limit: Int
    private var inUse = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextID: UInt64 = 0

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a turn until `deadline`; throws `timedOut` after it, `CancellationError` when cancelled.
    func acquire(deadline: ContinuousClock.Instant, timedOut: @escaping @Sendable () -> any Error) async throws {
        if inUse < limit && waiters.isEmpty {
            inUse += 1
            return
        }
        let id = nextID
        nextID += 1
        let timer = Task { [weak self] in
            try await Task.sleep(until: deadline, clock: .continuous)
            await self?.fail(id, with: timedOut())
        }
        defer { timer.cancel() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                self.enqueue(id, continuation)
            }
        } onCancel: {
            Task { await self.fail(id, with: CancellationError()) }
        }
    }

    private func enqueue(_ id: UInt64, _ continuation: CheckedContinuation<Void, any Error>) {
        if Task.isCancelled {
            continuation.resume(throwing: CancellationError())
            return
        }
        waiters.append((id, continuation))
    }

    /// Ends the wait of `id` with `error`, if it is still waiting.
    private func fail(_ id: UInt64, with error: any Error) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: error)
    }

    /// Gives the turn to the longest waiter, or frees it.
    func release() {
        if waiters.isEmpty {
            inUse -= 1
        } else {
            waiters.removeFirst().continuation.resume()
        }
    }
}
