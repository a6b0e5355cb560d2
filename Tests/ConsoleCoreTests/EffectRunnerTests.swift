import Testing
@testable import ConsoleCore

/// The effect runner on a manual clock: what runs when, what `settle` waits for, what shutdown cancels.
@MainActor
@Suite("Effect runner and manual clock")
struct EffectRunnerTests {
    let clock = ManualClock()
    let runner: EffectRunner

    init() {
        runner = EffectRunner(clock: ConsoleClock(clock))
    }

    /// What the effects did, in order.
    @MainActor final class Log {
        var steps: [String] = []
    }

    @Test func settleWaitsForRequestsAndTheRequestsTheyStart() async {
        let log = Log()
        let runner = runner
        runner.run {
            await Task.yield()
            log.steps.append("first")
            runner.run {
                await Task.yield()
                log.steps.append("second")
            }
        }
        #expect(runner.count(.request) == 1)
        #expect(await runner.settle())
        #expect(log.steps == ["first", "second"])
        #expect(runner.count() == 0)
    }

    @Test func aTimerRunsWhenTheClockSaysAndNotBefore() async {
        let log = Log()
        runner.after(.seconds(2)) { log.steps.append("fired") }
        #expect(await runner.settle(), "a sleeping timer is not waited for")
        #expect(log.steps.isEmpty)
        clock.advance(by: .milliseconds(1_999))
        #expect(await runner.settle())
        #expect(log.steps.isEmpty, "not a millisecond early")
        clock.advance(by: .milliseconds(1))
        #expect(await runner.settle(), "a due timer is waited for")
        #expect(log.steps == ["fired"])
        #expect(runner.count() == 0)
    }

    @Test func cancelAllStopsTimersAndRequests() async {
        let log = Log()
        let clock = clock
        runner.after(.seconds(1)) { log.steps.append("fired") }
        runner.run {
            // Ends only by its cancellation (on the manual clock nothing else ends it).
            try? await clock.sleep(until: clock.now.advanced(by: .seconds(3600)), tolerance: nil)
        }
        runner.cancelAll()
        #expect(await runner.settle(), "a cancelled task ends, and settle sees it end")
        clock.advance(by: .seconds(5))
        #expect(await runner.settle())
        #expect(log.steps.isEmpty)
        #expect(runner.count() == 0)
        #expect(clock.sleeperCount == 0)
    }

    @Test func theClockDrivesWallTimeForDisplay() {
        let console = ConsoleClock(clock)
        let start = console.now
        clock.advance(by: .seconds(90))
        #expect(console.now.timeIntervalSince(start) == 90)
        #expect(console.elapsed == .seconds(90))
    }
}
