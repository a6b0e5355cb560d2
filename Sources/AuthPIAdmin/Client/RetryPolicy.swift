/// When and how read-only requests (GET, HEAD, OPTIONS) are retried after 429, 502, 503 or 504.
/// POST, PATCH and DELETE are never retried. A `Retry-After` (or a body's `retry_after`) replaces the backoff;
/// one longer than ``maxWait`` is never shortened: the call fails at once with the server's wait in the error.
public struct RetryPolicy: Sendable, Hashable {
    /// How the wait grows from one retry to the next.
    public enum Backoff: Sendable, Hashable {
        /// `delay · 2^n` before retry n (0, 1, 2…).
        case exponential
        /// `delay · (n + 1)` before retry n.
        case linear
    }

    /// Retries after the first attempt (so at most `limit + 1` attempts).
    public var limit: Int
    /// Base delay.
    public var delay: Duration
    /// Exponential (`delay·2^n`) or linear (`delay·(n+1)`).
    public var backoff: Backoff
    /// No single wait is longer than this. A server asking for longer ends the retries (the error carries its wait).
    public var maxWait: Duration

    /// A policy; the defaults are 1.4.0's: 3 retries, 1 s base delay, exponential, at most 60 s per wait.
    public init(limit: Int = 3, delay: Duration = .seconds(1), backoff: Backoff = .exponential, maxWait: Duration = .seconds(60)) {
        self.limit = limit
        self.delay = delay
        self.backoff = backoff
        self.maxWait = maxWait
    }

    /// On: 3 retries, 1 s base delay, exponential backoff, waits capped at 60 s.
    public static let `default` = RetryPolicy()
    /// Off: one attempt.
    public static let disabled = RetryPolicy(limit: 0)

    /// The wait before retry `retry` (0-based), or nil when there must be no retry: the server asked to wait
    /// (`Retry-After`) longer than ``maxWait``, and a retry earlier than the server asked is never made.
    public func plannedWait(beforeRetry retry: Int, serverWait: Duration?) -> Duration? {
        if let serverWait {
            return serverWait > maxWait ? nil : max(serverWait, .zero)
        }
        return wait(beforeRetry: retry)
    }

    /// The wait before retry `retry` (0-based): `Retry-After` when given, else the backoff; capped at ``maxWait``.
    /// The client itself uses ``plannedWait(beforeRetry:serverWait:)``, which never shortens the server's wait.
    public func wait(beforeRetry retry: Int, retryAfter: Duration? = nil) -> Duration {
        let computed: Duration
        if let retryAfter {
            computed = retryAfter
        } else {
            switch backoff {
            case .exponential:
                let factor = retry >= 62 ? Int.max : 1 << max(0, retry)
                computed = Self.multiply(delay, by: factor, cap: maxWait)
            case .linear:
                computed = Self.multiply(delay, by: retry + 1, cap: maxWait)
            }
        }
        return min(max(computed, .zero), maxWait)
    }

    private static func multiply(_ delay: Duration, by factor: Int, cap: Duration) -> Duration {
        // Avoid overflow on huge retry counts: anything above the cap is the cap.
        let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18
        let capSeconds = Double(cap.components.seconds) + Double(cap.components.attoseconds) / 1e18
        let product = seconds * Double(factor)
        return product >= capSeconds ? cap : delay * factor
    }

    func validate() throws {
        guard limit >= 0 else { throw AuthPIError.configuration("retries.limit must be 0 or more, got \(limit)") }
        guard delay >= .zero else { throw AuthPIError.configuration("retries.delay must not be negative") }
        guard maxWait >= .zero else { throw AuthPIError.configuration("retries.maxWait must not be negative") }
    }
}
