import AuthPIEmulator
import Foundation
import Testing
@testable import ConsoleCore

/// Benchmark, not a timed test: run with `CONSOLE_BENCH=1 swift test --filter MemoryBenchmark`.
/// Scrolls a list of 1,000,000 users from the first row to the last (G) and samples the resident memory.
@MainActor
@Suite("MemoryBenchmark", .enabled(if: ProcessInfo.processInfo.environment["CONSOLE_BENCH"] != nil))
struct MemoryBenchmark {
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let number = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
            return number * 1024
        }
        return 0
    }

    @Test func scrollingAMillionUsersStaysWithinBudget() async throws {
        let users = Int(ProcessInfo.processInfo.environment["CONSOLE_BENCH_USERS"] ?? "") ?? 1_000_000
        try await withHarness(users: users, pageSize: 100, viewport: 40, retained: 3) { h in
            try await h.openUsers()
            _ = await h.store.waitUntil { $0.current?.hydratingIDs.isEmpty ?? false }
            // The client's own walk over the same list first, as the reference of the console's G rate.
            let walkStarted = ContinuousClock.now
            var walked = 0
            for try await _ in h.client.issuer(EmulatorDemo.issuerID).users.listAll(limit: 100) { walked += 1 }
            let walkSeconds = (ContinuousClock.now - walkStarted) / .seconds(1)
            FileHandle.standardError.write(Data("MemoryBenchmark: listAll \(walked) items in \(walkSeconds) s = \(Int(Double(walked) / walkSeconds)) items/s\n".utf8))
            let baseline = Self.residentBytes()
            // Unbuffered, so that a long run can be followed while it goes.
            FileHandle.standardError.write(Data("MemoryBenchmark: baseline=\(baseline / 1024) KiB\n".utf8))
            var peak = baseline
            let clock = ContinuousClock()
            let started = clock.now
            h.store.send(.moveToEnd)
            // Bounded: one sample per 50 ms for at most 30 minutes.
            for sample in 0..<36_000 {
                peak = max(peak, Self.residentBytes())
                if sample % 200 == 0 {
                    let rows = h.store.state.loadToEnd?.loadedRows ?? 0
                    FileHandle.standardError.write(
                        Data("MemoryBenchmark: rows=\(rows) rss=\(Self.residentBytes() / 1024) KiB peak=\(peak / 1024) KiB\n".utf8))
                }
                if h.store.state.loadToEnd == nil { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            peak = max(peak, Self.residentBytes())
            let elapsed = clock.now - started
            let pane = try #require(h.store.state.current)
            print(
                "MemoryBenchmark: users=\(users) rows=\(pane.rowCount) resident rows=\(pane.list.residentRowCount) "
                    + "baseline=\(baseline / 1_048_576) MiB peak=\(peak / 1_048_576) MiB "
                    + "growth=\((peak - baseline) / 1_048_576) MiB time=\(elapsed) "
                    + "rate=\(Int(Double(users) / (elapsed / .seconds(1)))) rows/s")
            #expect(pane.rowCount == users)
            #expect(pane.selection == users - 1)
            #expect(peak - baseline < 64 * 1_048_576)
        }
    }
}
