/// The current `Authorization` value and the single in-flight refresh.
///
/// N requests that get a 401 with the same credential share one call of the refresh closure:
/// the first starts a Task, the others await it; a caller whose credential already changed
/// since its request just takes the new one.
actor AuthState: CustomReflectable {
    private(set) var authorization: String
    /// Bumped on each successful refresh: tells a stale 401 from a fresh one.
    private(set) var generation = 0
    private var inFlight: Task<String, any Error>?
    private var closed = false
    /// How many times the refresh closure was called (for diagnostics and tests).
    private(set) var refreshCount = 0

    init(authorization: String) {
        self.authorization = authorization
    }

    /// Keeps the credential out of `dump` and debuggers.
    nonisolated var customMirror: Mirror { Mirror(self, children: [:]) }

    func snapshot() throws -> (authorization: String, generation: Int) {
        if closed { throw AuthPIError.closedClientError }
        return (authorization, generation)
    }

    func close() -> Bool {
        defer { closed = true }
        return !closed
    }

    var isClosed: Bool { closed }

    /// Returns the authorization to retry with after a 401 seen at `generation`.
    ///
    /// Whichever caller resumes first after the shared refresh installs the new credential, so that no
    /// caller can retry with the stale one.
    func refreshed(after staleGeneration: Int, using refresh: @escaping Credentials.Refresh) async throws -> String {
        if staleGeneration != generation { return authorization }
        let task: Task<String, any Error>
        if let inFlight {
            task = inFlight
        } else {
            refreshCount += 1
            task = Task<String, any Error> {
                let token = try await refresh()
                return try Credentials.bearer(token, what: "the access token returned by the refresh closure")
            }
            inFlight = task
        }
        do {
            let value = try await task.value
            if generation == staleGeneration {
                authorization = value
                generation += 1
            }
            if inFlight == task { inFlight = nil }
            return authorization
        } catch {
            if inFlight == task { inFlight = nil }
            throw error
        }
    }
}

/// The account id found through `GET /v1/me`, resolved once.
actor AccountResolver {
    private var resolved: String?
    private var inFlight: Task<String, any Error>?

    func resolve(_ lookup: @escaping @Sendable () async throws -> String) async throws -> String {
        if let resolved { return resolved }
        if let inFlight { return try await inFlight.value }
        let task = Task { try await lookup() }
        inFlight = task
        do {
            let value = try await task.value
            resolved = value
            inFlight = nil
            return value
        } catch {
            inFlight = nil
            throw error
        }
    }
}
