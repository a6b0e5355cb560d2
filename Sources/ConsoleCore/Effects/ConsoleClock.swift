public import Foundation

/// The one source of time for the console: every wait (retries, countdowns, refresh intervals, notices, the
/// spinner) sleeps on `clock`, and wall-clock time is derived from it, so a test that drives a `ManualClock`
/// controls all of them at once.
public struct ConsoleClock: Sendable {
    public let clock: any Clock<Duration>
    private let elapsedSinceStart: @Sendable () -> Duration
    /// Sleeps until the clock's elapsed time (since this value was made) reaches a deadline: absolute, so the
    /// deadline does not move if the sleep starts a moment later on another thread.
    private let sleeper: @Sendable (Duration) async throws -> Void
    private let startDate: Date

    public init(_ clock: any Clock<Duration> = ContinuousClock(), startDate: Date = Date()) {
        self.clock = clock
        self.startDate = startDate
        (self.elapsedSinceStart, self.sleeper) = Self.timing(clock)
    }

    /// Time since this value was made, on `clock`.
    public var elapsed: Duration { elapsedSinceStart() }

    /// Wall-clock time for display (banner times, rate-limit countdowns), advancing with `clock`.
    public var now: Date { startDate.addingTimeInterval(Self.seconds(elapsed)) }

    /// Sleeps for `duration` on `clock`; throws when the task is cancelled.
    public func sleep(for duration: Duration) async throws {
        try await sleeper(elapsed + duration)
    }

    /// Sleeps until `elapsed` reaches `deadline`; throws when the task is cancelled.
    public func sleep(untilElapsed deadline: Duration) async throws {
        try await sleeper(deadline)
    }

    public static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func timing<C: Clock>(_ clock: C)
        -> (elapsed: @Sendable () -> Duration, sleep: @Sendable (Duration) async throws -> Void)
    where C.Duration == Duration {
        let start = clock.now
        return (
            { start.duration(to: clock.now) },
            { deadline in try await clock.sleep(until: start.advanced(by: deadline), tolerance: nil) }
        )
    }
}
