/// Executes the reducer's effects: each request against the data source and each timer on the clock, sending
/// what comes back as one `ConsoleEvent` (exactly one per request, cancelled or not, so the header's count of
/// requests in flight stays true).
extension EffectRunner {
    func execute(
        _ effects: [Effect], source: any ConsoleDataSource, send: @escaping @MainActor (ConsoleEvent) -> Void
    ) {
        for effect in effects { execute(effect, source: source, send: send) }
    }

    private func execute(
        _ effect: Effect, source: any ConsoleDataSource, send: @escaping @MainActor (ConsoleEvent) -> Void
    ) {
        let clock = self.clock
        let handle: EffectHandle
        switch effect {
        case .cancel(let id):
            cancel(id)
            return
        case .fetchPage(let request, let paneID, let fetch, let token):
            handle = run {
                let started = clock.elapsed
                do {
                    let page = try await source.fetchPage(request)
                    send(.pageArrived(paneID: paneID, fetch: fetch, token: token, page: page, latency: clock.elapsed - started))
                } catch {
                    send(.pageFailed(
                        paneID: paneID, fetch: fetch, token: token, failure: Self.failure(error),
                        latency: clock.elapsed - started))
                }
            }
        case .fetchUser(let issuerID, let userID, let paneID, let token):
            handle = run {
                let started = clock.elapsed
                do {
                    let record = try await source.fetchUser(issuerID: issuerID, userID: userID)
                    send(.userHydrated(paneID: paneID, token: token, record: record, latency: clock.elapsed - started))
                } catch {
                    send(.userHydrationFailed(
                        paneID: paneID, userID: userID, token: token, failure: Self.failure(error),
                        latency: clock.elapsed - started))
                }
            }
        case .startTimer(let timer, let delay):
            handle = after(delay) { send(.timerFired(timer)) }
        }
        guard let id = effect.id else { return }
        // A new effect under a name replaces the one running under it.
        remember(handle, as: id)
    }

    /// The failure an answer reports; nil when the request was cancelled.
    private static func failure(_ error: any Error) -> ConsoleFailure? {
        error is CancellationError || Task.isCancelled ? nil : ConsoleFailure.from(error)
    }
}
