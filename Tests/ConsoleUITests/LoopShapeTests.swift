import AuthPIEmulator
import ConsoleCore
import Testing
@testable import ConsoleUI

/// The shape of the loop: building a screen only reads the state; an idle console has nothing scheduled.
extension ConsoleReliability {
    @MainActor
    @Suite("Loop shape")
    struct LoopShapeTests {
        @Test func buildingTheScreenNeverChangesTheState() async throws {
            try await StoreHarness.with(size: TerminalSize(columns: 100, rows: 30), users: 20) { h in
                #expect(await h.settled(on: .issuers))
                let revision = h.store.revision
                let viewport = h.store.state.viewportHeight
                let small = TerminalSize(columns: 60, rows: 12)
                _ = h.driver.screen(size: small)
                #expect(h.store.revision == revision, "a screen model was built by writing to the store")
                #expect(h.store.state.viewportHeight == viewport)
                // The resize is what tells the state.
                h.terminal.resize(to: small)
                h.app.step()
                #expect(h.store.state.viewportHeight == ScreenRenderer.bodyRows(for: small))
            }
        }

        @Test func anIdleConsoleHasNothingScheduled() async throws {
            let clock = ManualClock()
            try await LiveLoop.with(users: 120, clock: clock) { loop in
                try await loop.openUsers()
                #expect(await loop.settle())
                #expect(loop.state.header.requestsInFlight == 0)
                // No request, no timer of the store, no sleeper on the clock (spinner, notice, countdown,
                // refresh interval): nothing can wake the loop but a key or a resize.
                #expect(loop.h.store.effects.count() == 0)
                #expect(clock.sleeperCount == 0)
                // A refresh interval is a timer while it is on, and nothing once it is off.
                loop.h.store.send(.setAutoRefresh(seconds: 5))
                #expect(await loop.settle())
                #expect(loop.h.store.effects.count(.timer) == 1)
                loop.h.store.send(.setAutoRefresh(seconds: nil))
                #expect(await loop.settle())
                #expect(loop.h.store.effects.count() == 0)
                #expect(clock.sleeperCount == 0)
            }
        }
    }
}
