import Foundation

/// Why the run loop woke. Several reasons that arrive while it is busy are handled as one batch (one frame).
public struct LoopWake: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The terminal has a key or a resize waiting.
    public static let input = LoopWake(rawValue: 1)
    /// The store published a change (an effect answered).
    public static let changed = LoopWake(rawValue: 2)
    /// A timer the loop scheduled is due (spinner, notice expiry).
    public static let timer = LoopWake(rawValue: 4)
}

/// The merge of the loop's event sources: terminal input (from its reader thread), store changes and due
/// timers post here; the loop's one `for await` takes everything posted since its last turn as one batch.
/// Nothing polls: with nothing posted, the loop's task is suspended.
public final class LoopEvents: AsyncSequence, @unchecked Sendable {
    public typealias Element = LoopWake

    // Guards `pending`, `waiter` and `finished`; the waiter is resumed outside the lock.
    private let lock = NSLock()
    private var pending: LoopWake = []
    private var waiter: CheckedContinuation<LoopWake?, Never>?
    private var finished = false

    public init() {}

    /// Adds a reason to wake (from any thread).
    public func post(_ wake: LoopWake) {
        let resumed: (CheckedContinuation<LoopWake?, Never>, LoopWake)? = lock.withLock {
            guard !finished else { return nil }
            pending.formUnion(wake)
            guard let waiter else { return nil }
            self.waiter = nil
            defer { pending = [] }
            return (waiter, pending)
        }
        if let (waiter, batch) = resumed { waiter.resume(returning: batch) }
    }

    /// Forgets a reason posted meanwhile (the frame about to be drawn covers it).
    public func discard(_ wake: LoopWake) {
        lock.withLock { pending.subtract(wake) }
    }

    /// Ends the sequence: the loop's `for await` returns.
    public func finish() {
        let waiter: CheckedContinuation<LoopWake?, Never>? = lock.withLock {
            finished = true
            defer { self.waiter = nil }
            return self.waiter
        }
        waiter?.resume(returning: nil)
    }

    /// The next batch, or nil once finished (or when the waiting task is cancelled).
    func next() async -> LoopWake? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<LoopWake?, Never>) in
                let immediate: LoopWake?? = lock.withLock {
                    if finished || Task.isCancelled { return .some(nil) }
                    if !pending.isEmpty {
                        defer { pending = [] }
                        return .some(pending)
                    }
                    waiter = continuation
                    return .none
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            finish()
        }
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let events: LoopEvents
        public mutating func next() async -> LoopWake? { await events.next() }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(events: self) }
}
