/// Owns every task the store starts: each is stored by id until it ends, can be cancelled, and `cancelAll()`
/// (the store's shutdown) cancels them all. Requests and timers are told apart so a test can wait for the
/// requests to finish (`settle`) while a refresh interval or a countdown is still scheduled on the clock.
@MainActor
public final class EffectRunner {
    public enum Kind: Sendable {
        /// Talks to the data source; ends by itself.
        case request
        /// Sleeps on the clock (retry after a rate limit, countdown, refresh interval); may run until cancelled.
        case timer
    }

    public let clock: ConsoleClock
    private var tasks: [Int: (kind: Kind, task: Task<Void, Never>)] = [:]
    private var nextID = 1
    private var idleWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    /// Timers whose task has not run yet.
    private var unstarted: Set<Int> = []
    /// When each sleeping timer is due, on the clock's elapsed time.
    private var sleepDeadlines: [Int: Duration] = [:]
    /// The running effects the reducer named (`Effect.id`), so that a later effect can cancel them.
    private var named: [EffectID: EffectHandle] = [:]
    /// The name of each named task, to forget the name when the task ends.
    private var nameOfTask: [Int: EffectID] = [:]
    /// Called after each task ends (the store wakes its `waitUntil` waiters: a task may change the state
    /// without publishing, e.g. when cancelled).
    var onFinished: (@MainActor () -> Void)?

    public init(clock: ConsoleClock) {
        self.clock = clock
    }

    /// Starts `operation` as a task owned by the runner. The handle cancels it.
    @discardableResult
    public func run(_ kind: Kind = .request, _ operation: @escaping @MainActor () async -> Void) -> EffectHandle {
        let id = nextID
        nextID += 1
        if kind == .timer { unstarted.insert(id) }
        let task = Task { @MainActor [weak self] in
            // A timer counts as unsettled until it has reached its first sleep.
            self?.unstarted.remove(id)
            await operation()
            self?.finished(id)
        }
        tasks[id] = (kind, task)
        return EffectHandle(id: id, task: task)
    }

    /// Starts `operation` after `delay` on the clock, unless cancelled first.
    @discardableResult
    public func after(_ delay: Duration, _ operation: @escaping @MainActor () async -> Void) -> EffectHandle {
        // Due `delay` after now, not after the task first runs.
        let deadline = clock.elapsed + delay
        return run(.timer) { [weak self] in
            guard let self else { return }
            do { try await self.sleep(untilElapsed: deadline) } catch { return }
            guard !Task.isCancelled else { return }
            await operation()
        }
    }

    /// Sleeps on the clock; what a timer does between its steps. While it sleeps, `settle` does not wait for
    /// it — until its time has come: then it waits for what the timer does next.
    public func sleep(for duration: Duration) async throws {
        try await sleep(untilElapsed: clock.elapsed + duration)
    }

    /// Sleeps until the clock's elapsed time reaches `deadline`.
    public func sleep(untilElapsed deadline: Duration) async throws {
        let id = nextID
        nextID += 1
        sleepDeadlines[id] = deadline
        // A `settle` waiting for this timer to start looks again.
        wakeIdleWaiters()
        defer {
            sleepDeadlines[id] = nil
            wakeIdleWaiters()
        }
        try await clock.sleep(untilElapsed: deadline)
    }

    /// Keeps `handle` under `name`, cancelling the task that ran under it.
    func remember(_ handle: EffectHandle, as name: EffectID) {
        named.updateValue(handle, forKey: name)?.cancel()
        nameOfTask[handle.id] = name
    }

    /// Cancels the task running under `name`, if any.
    func cancel(_ name: EffectID) {
        named.removeValue(forKey: name)?.cancel()
    }

    /// Tasks running now, of one kind or all.
    public func count(_ kind: Kind? = nil) -> Int {
        guard let kind else { return tasks.count }
        return tasks.values.filter { $0.kind == kind }.count
    }

    /// Cancels every task; each stays counted until it has ended (so `settle` can wait for that).
    public func cancelAll() {
        for entry in tasks.values { entry.task.cancel() }
    }

    /// No request is running, no timer's time has come without it having run, no cancelled task is still ending.
    public var isSettled: Bool {
        let now = clock.elapsed
        return count(.request) == 0 && unstarted.isEmpty && !sleepDeadlines.values.contains { $0 <= now }
            && !tasks.values.contains { $0.task.isCancelled }
    }

    /// Waits until `isSettled` (requests started meanwhile, and timers the clock made due, included), at most
    /// `timeout` of real time (a bound for a hung request, not a wait). Returns whether it settled.
    @discardableResult
    public func settle(timeout: Duration = .seconds(30)) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        // Each pass waits for one task to end or one timer to wake; bounded in count and by the deadline.
        for _ in 0..<1_000_000 {
            if isSettled { return true }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return false }
            await nextActivity(atMost: remaining)
        }
        return isSettled
    }

    /// Returns when a task ends or a timer wakes, or after `limit` of real time.
    private func nextActivity(atMost limit: Duration) async {
        let waiterID = nextID
        nextID += 1
        let bound = Task { @MainActor [weak self] in
            try? await Task.sleep(for: limit)
            self?.idleWaiters.removeValue(forKey: waiterID)?.resume()
        }
        defer { bound.cancel() }
        await withCheckedContinuation { idleWaiters[waiterID] = $0 }
    }

    private func finished(_ id: Int) {
        tasks[id] = nil
        if let name = nameOfTask.removeValue(forKey: id), named[name]?.id == id { named[name] = nil }
        wakeIdleWaiters()
        onFinished?()
    }

    private func wakeIdleWaiters() {
        let waiters = idleWaiters
        idleWaiters = [:]
        for waiter in waiters.values { waiter.resume() }
    }
}

/// Cancels one task of an `EffectRunner`.
public struct EffectHandle: Sendable {
    public let id: Int
    let task: Task<Void, Never>

    public func cancel() { task.cancel() }
}
