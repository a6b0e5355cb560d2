import Foundation

/// The console's single owner of state. `send(_:)` returns at once; requests run as tasks that report back here.
/// Observers get every new `ConsoleState` through `updates()`.
@MainActor
public final class ConsoleStore {
    /// The state and the reducer's bookkeeping; changed by `ConsoleReducer.reduce` (and, for the families not
    /// converted yet, by the store's own helpers).
    var model: ConsoleModel
    public internal(set) var state: ConsoleState {
        get { model.state }
        set { model.state = newValue }
        // In place: a copy alive while a pane's list is mutated would copy its whole page table.
        _modify { yield &model.state }
    }

    /// Replaced once, when the account picker connects to the chosen account.
    var source: any ConsoleDataSource
    /// While the account picker is up: where accounts are listed, and how to connect to the chosen one.
    var accountDirectory: (any AccountDirectory)?
    var connectToAccount: (@MainActor (String) -> any ConsoleDataSource)?
    let configuration: ConsoleConfiguration
    /// Owns every task the store starts (requests and timers), on the store's clock.
    public let effects: EffectRunner
    /// Wall-clock time and every wait come from here.
    public var clock: ConsoleClock { effects.clock }
    /// Bumped once per change published: the view draws when it moved since the last frame.
    public private(set) var revision = 0
    /// Called after every publication (the run loop's wake-up).
    private var changeObservers: [@MainActor () -> Void] = []
    /// Waiters of `waitUntil`, woken by every publication.
    private var changeWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
    private var observers: [Int: AsyncStream<ConsoleState>.Continuation] = [:]
    private var nextObserverID = 1
    /// After `shutdown()`, answers of cancelled requests change nothing.
    private var isShutDown = false

    public init(
        source: any ConsoleDataSource, header: HeaderInfo, configuration: ConsoleConfiguration = .init(),
        clock: ConsoleClock = ConsoleClock()
    ) {
        self.source = source
        self.configuration = configuration
        self.effects = EffectRunner(clock: clock)
        self.model = ConsoleModel(
            state: ConsoleState(header: header, isReadOnly: configuration.isReadOnly, now: clock.now),
            configuration: configuration)
        effects.onFinished = { [weak self] in self?.wakeChangeWaiters() }
    }

    /// Opens the first pane (Issuers).
    public func start() {
        guard state.stack.isEmpty else { return }
        send(.opened)
    }

    /// Stops every task and ends the observers' streams.
    public func shutdown() {
        send(.shutDown)
        isShutDown = true
        effects.cancelAll()
        for observer in observers.values { observer.finish() }
        observers = [:]
    }

    /// A stream of states: the current one at once, then one after every change (only the newest is kept when
    /// the observer is slower than the changes).
    public func updates() -> AsyncStream<ConsoleState> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: ConsoleState.self, bufferingPolicy: .bufferingNewest(1))
        let id = nextObserverID
        nextObserverID += 1
        observers[id] = continuation
        continuation.yield(state)
        continuation.onTermination = { [weak self] _ in
            Task { @MainActor in self?.observers[id] = nil }
        }
        return stream
    }

    /// Calls `onChange` after every change published, synchronously (it should only note that a frame is due).
    public func observeChanges(_ onChange: @escaping @MainActor () -> Void) {
        changeObservers.append(onChange)
    }

    /// Waits until `predicate` holds for the state, looking again after every change published and every effect
    /// that ended (it never polls), at most `timeout` of real time (a bound for a hung request). Returns whether it held.
    public func waitUntil(
        timeout: Duration = .seconds(10), _ predicate: (ConsoleState) -> Bool
    ) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        // Bounded in count too: each pass waits for one publication.
        for _ in 0..<1_000_000 {
            if predicate(state) { return true }
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { return false }
            await nextChange(atMost: remaining)
        }
        return predicate(state)
    }

    /// Returns after the next publication, or after `limit` of real time.
    private func nextChange(atMost limit: Duration) async {
        let waiterID = nextObserverID
        nextObserverID += 1
        let bound = Task { @MainActor [weak self] in
            try? await Task.sleep(for: limit)
            self?.changeWaiters.removeValue(forKey: waiterID)?.resume()
        }
        defer { bound.cancel() }
        await withCheckedContinuation { changeWaiters[waiterID] = $0 }
    }

    /// Waits (bounded) until every request the store started has answered, so a test reads the state that
    /// follows. Timers (refresh interval, countdown, retry after a rate limit) move only with the clock.
    @discardableResult
    public func settle(timeout: Duration = .seconds(30)) async -> Bool {
        await effects.settle(timeout: timeout)
    }

    /// Changes what the view keeps in the state (a draft, a scroll position, an overlay). Published like any
    /// change, without waking the loop for a second frame: the loop that calls it draws after its batch.
    public func updateView(_ body: (inout ViewState) -> Void) {
        let before = state.view
        body(&state.view)
        guard state.view != before else { return }
        revision += 1
    }

    // MARK: - Intents

    public func send(_ intent: ConsoleIntent) {
        send(.intent(intent))
    }

    /// One event: the reducer changes the model and names the effects, the runner starts them, and the new
    /// state is published once.
    func send(_ event: ConsoleEvent) {
        guard !isShutDown else { return }
        run(ConsoleReducer.reduce(&model, event, environment))
        // A page of G between two progress updates: published with the next one (a copy of the state kept by an
        // observer would make the next page copy the whole page table).
        if model.isQuiet {
            model.isQuiet = false
            return
        }
        publish()
    }

    /// The reducer's environment now: the clock is read here, never inside the reducer.
    var environment: ConsoleEnvironment { ConsoleEnvironment(now: clock.now, elapsed: clock.elapsed, configuration: configuration) }

    /// Hands effects to the runner; what comes back is sent as events.
    func run(_ effects: [Effect]) {
        // In order: connecting to an account replaces the source the effects after it use.
        for effect in effects where !executeInShell(effect) {
            self.effects.execute([effect], source: source) { [weak self] event in self?.send(event) }
        }
    }

    // MARK: - State plumbing

    func publish() {
        state.now = clock.now
        revision += 1
        for observer in observers.values { observer.yield(state) }
        for onChange in changeObservers { onChange() }
        wakeChangeWaiters()
    }

    private func wakeChangeWaiters() {
        let waiters = changeWaiters
        changeWaiters = [:]
        for waiter in waiters.values { waiter.resume() }
    }
}
