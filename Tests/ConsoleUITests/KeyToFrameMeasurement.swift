import AuthPIEmulator
import Foundation
import ConsoleCore
import Testing
@testable import ConsoleUI

/// Key-to-frame cost on a 100,000-user list from the emulator: time from a key read to its frame written, and
/// what the frame wrote. Timings are printed (for the README's benchmark section), never asserted.
/// A benchmark, off in the test command: it holds the main actor for seconds, which starves the other
/// main-actor suites running beside it. Run with `CONSOLE_BENCH=1 swift test --filter KeyToFrameMeasurement`.
@MainActor
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["CONSOLE_BENCH"] != nil))
struct KeyToFrameMeasurement {
    @Test func cursorMovesOnAHundredThousandUsers() async throws {
        try await StoreHarness.with(size: TerminalSize(columns: 120, rows: 40), users: 100_000) { h in
            #expect(await h.settled(on: .issuers))
            h.press(.enter)
            #expect(await h.settled(on: .users))
            #expect(h.store.state.current?.rowCountText.hasSuffix("+") ?? false)
            var durations: [Duration] = []
            var rowsTouched: [Int] = []
            var bytes: [Int] = []
            let clock = ContinuousClock()
            for step in 0..<300 {
                let key: KeyEvent = step % 60 < 30 ? .character("j") : .character("k")
                h.terminal.feed(key)
                let start = clock.now
                h.app.step()
                durations.append(clock.now - start)
                rowsTouched.append(h.app.renderer.lastStats.rowsTouched)
                bytes.append(h.app.renderer.lastStats.bytesWritten)
            }
            // A move inside the viewport never repaints the whole screen.
            #expect(rowsTouched.allSatisfy { $0 < 40 })
            #expect(rowsTouched.filter { $0 > 0 }.count > 200, "most moves drew a frame")
            let sorted = durations.sorted()
            let p50 = sorted[sorted.count / 2]
            let p99 = sorted[sorted.count * 99 / 100]
            let touched = rowsTouched.sorted()
            print("""
                key-to-frame on 100,000 users (debug build, in-memory terminal 120×40, 300 moves): \
                p50 \(p50), p99 \(p99), max \(sorted.last ?? .zero); rows written per move: median \(touched[touched.count / 2]), \
                max \(touched.last ?? 0); bytes per move: median \(bytes.sorted()[bytes.count / 2])
                """)
        }
    }
}
