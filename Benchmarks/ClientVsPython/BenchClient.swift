import ArgumentParser
import AuthPIAdmin
import Foundation

/// One scenario of the client-vs-Python-SDK benchmark, against a running emulator; prints one JSON object.
///
/// The Python twin is scripts/bench-parts/client_python.py: same URLs, same credential, same counts.
@main
struct BenchClient: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authpi-bench-client",
        abstract: "Runs one client benchmark scenario against an AuthPI emulator and prints JSON.")

    enum Scenario: String, ExpressibleByArgument, CaseIterable {
        /// Sequential GETs of one user: latency percentiles.
        case get
        /// `--concurrency` workers sharing one client: requests per second.
        case concurrent
        /// `listAll(limit:)` over every user of the issuer: items per second.
        case listAll = "list-all"
    }

    @Option(help: "Emulator base URL, e.g. http://127.0.0.1:4010")
    var baseURL: String

    @Option(help: "get | concurrent | list-all")
    var scenario: Scenario

    @Option(help: "Timed requests (get, concurrent); ignored by list-all, which reads every user.")
    var count = 2_000

    @Option(help: "Untimed requests before measuring.")
    var warmup = 200

    @Option(help: "Workers of the concurrent scenario.")
    var concurrency = 64

    @Option(help: "Page size of list-all.")
    var pageLimit = 100

    @Option(help: "Issuer whose users are read (default: the first the account lists, the demo seed's user-filled one).")
    var issuer: String?

    @Option(help: "Account id used in paths (the emulator's demo account).")
    var accountID = "acc_demo"

    mutating func run() async throws {
        guard count > 0, warmup >= 0, concurrency > 0, pageLimit > 0 else {
            throw ValidationError("count, concurrency and page-limit must be positive, warmup not negative")
        }
        let client = try AuthPIClient(
            keyID: "key_demo", keySecret: "demo_secret",
            configuration: Configuration(baseURL: baseURL, accountID: accountID, retries: .disabled))
        do {
            let report = try await measure(client)
            try await client.close()
            let data = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        } catch {
            try? await client.close()
            throw error
        }
    }

    private func measure(_ client: AuthPIClient) async throws -> [String: Any] {
        // Read from the server rather than hard-coded: the demo ids have the real API's shape and may change.
        let issuer: String
        if let chosen = self.issuer {
            issuer = chosen
        } else {
            guard let first = try await client.issuers.list(limit: 1).data.first?.id else {
                throw ValidationError("account \(accountID) has no issuers")
            }
            issuer = first
        }
        let users = client.issuer(issuer).users
        // The user every GET reads: the first one listed, so both contenders read the same bytes.
        guard let userID = try await users.list(limit: 1).data.first?.id else {
            throw ValidationError("issuer \(issuer) has no users")
        }
        var report: [String: Any] = ["contender": "swift", "scenario": scenario.rawValue]
        switch scenario {
        case .get:
            for _ in 0..<warmup { _ = try await users.get(userID) }
            var latencies: [Duration] = []
            latencies.reserveCapacity(count)
            let clock = ContinuousClock()
            let started = clock.now
            for _ in 0..<count {
                let sent = clock.now
                _ = try await users.get(userID)
                latencies.append(clock.now - sent)
            }
            let elapsed = clock.now - started
            report["count"] = count
            report["seconds"] = elapsed.seconds
            report["requests_per_second"] = Double(count) / elapsed.seconds
            report.merge(Self.percentiles(latencies)) { $1 }

        case .concurrent:
            let workers = concurrency
            // Warm-up opens the pool's connections too.
            try await Self.spread(total: max(warmup, workers), workers: workers) { _ = try await users.get(userID) }
            let clock = ContinuousClock()
            let started = clock.now
            let latencies = try await Self.spread(total: count, workers: workers) { _ = try await users.get(userID) }
            let elapsed = clock.now - started
            report["count"] = count
            report["concurrency"] = workers
            report["seconds"] = elapsed.seconds
            report["requests_per_second"] = Double(count) / elapsed.seconds
            report.merge(Self.percentiles(latencies)) { $1 }

        case .listAll:
            _ = try await users.list(limit: pageLimit)
            let clock = ContinuousClock()
            let started = clock.now
            var items = 0
            var lastID = ""
            for try await user in users.listAll(limit: pageLimit) {
                items += 1
                lastID = user.id
            }
            let elapsed = clock.now - started
            guard items > 0, !lastID.isEmpty else { throw ValidationError("listAll returned no users") }
            report["items"] = items
            report["pages"] = (items + pageLimit - 1) / pageLimit
            report["seconds"] = elapsed.seconds
            report["items_per_second"] = Double(items) / elapsed.seconds
        }
        report.merge(PeakMemory.current()) { $1 }
        return report
    }

    /// Runs `total` calls of `body` on `workers` child tasks (each takes its share) and returns every latency.
    @discardableResult
    static func spread(
        total: Int, workers: Int, _ body: @escaping @Sendable () async throws -> Void
    ) async throws -> [Duration] {
        try await withThrowingTaskGroup(of: [Duration].self) { group in
            for worker in 0..<workers {
                let share = total / workers + (worker < total % workers ? 1 : 0)
                group.addTask {
                    let clock = ContinuousClock()
                    var latencies: [Duration] = []
                    latencies.reserveCapacity(share)
                    for _ in 0..<share {
                        let sent = clock.now
                        try await body()
                        latencies.append(clock.now - sent)
                    }
                    return latencies
                }
            }
            var all: [Duration] = []
            all.reserveCapacity(total)
            for try await part in group { all += part }
            return all
        }
    }

    static func percentiles(_ latencies: [Duration]) -> [String: Any] {
        let sorted = latencies.map(\.milliseconds).sorted()
        guard !sorted.isEmpty else { return [:] }
        func at(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)] }
        return [
            "latency_p50_ms": at(50), "latency_p99_ms": at(99), "latency_max_ms": sorted[sorted.count - 1],
            "latency_mean_ms": sorted.reduce(0, +) / Double(sorted.count),
        ]
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var milliseconds: Double { seconds * 1000 }
}
