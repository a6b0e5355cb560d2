import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing

private let issuerID = EmulatorDemo.issuerID

/// 1,000 concurrent requests through one client with a pool of 8 connections: all complete, the pool
/// limit holds, and closing the client gives every socket back.
@Suite("Client under load", .serialized, .timeLimit(.minutes(3)))
struct LoadTests {
    static let concurrency = 1000
    static let poolLimit = 8
    /// Generous: the timeout covers waiting for one of the 8 connections behind up to 999 other requests, on
    /// a debug build of a shared machine. The point is that every request ends, not how fast.
    static let timeout: Duration = .seconds(150)

    /// TCP connections to `port` (the client's side of each), from the kernel's table, and the sockets of
    /// this process among them. Nil off Linux.
    static func connections(toPort port: Int) -> (established: Int, ownedFDs: Int)? {
        // Read to the end (procfs files have no size); IPv6 sockets may carry IPv4 connections too.
        guard let v4 = FileHandle(forReadingAtPath: "/proc/net/tcp")?.readDataToEndOfFile() else { return nil }
        let v6 = FileHandle(forReadingAtPath: "/proc/net/tcp6")?.readDataToEndOfFile() ?? Data()
        let table = String(decoding: v4, as: UTF8.self) + "\n" + String(decoding: v6, as: UTF8.self)
        var inodes: Set<String> = []
        for line in table.split(separator: "\n") where !line.contains("rem_address") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 9 else { continue }
            let remotePort = fields[2].split(separator: ":").last.flatMap { Int($0, radix: 16) }
            // State 01 is ESTABLISHED.
            if remotePort == port && fields[3] == "01" { inodes.insert(String(fields[9])) }
        }
        var owned = 0
        if let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            for fd in fds {
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)"),
                    target.hasPrefix("socket:["), inodes.contains(String(target.dropFirst(8).dropLast()))
                {
                    owned += 1
                }
            }
        }
        return (inodes.count, owned)
    }

    static func openFileDescriptors() -> Int? {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd"))?.count
    }

    /// Waits (bounded) until the connections to `port` are back to `baseline` (the test's control client).
    static func waitForConnections(toPort port: Int, backTo baseline: Int) async throws -> (established: Int, ownedFDs: Int)? {
        var last = connections(toPort: port)
        for _ in 0..<100 where (last?.established ?? 0) > baseline {
            try await Task.sleep(for: .milliseconds(50))
            last = connections(toPort: port)
        }
        return last
    }

    /// Samples the connection count while `body` runs; returns the body's result and the highest count seen.
    static func sampling<T: Sendable>(port: Int, _ body: @Sendable @escaping () async throws -> T) async throws -> (T, Int) {
        try await withThrowingTaskGroup(of: (T?, Int).self) { group in
            group.addTask { (try await body(), 0) }
            group.addTask {
                var peak = 0
                while !Task.isCancelled {
                    peak = max(peak, connections(toPort: port)?.established ?? 0)
                    try? await Task.sleep(for: .milliseconds(50))
                }
                return (nil, peak)
            }
            guard let (first, _) = try await group.next(), let result = first else {
                throw ControlError(message: "the load did not finish")
            }
            group.cancelAll()
            var peak = 0
            for try await (_, seen) in group { peak = max(peak, seen) }
            return (result, peak)
        }
    }

    @Test func thousandConcurrentRequestsCompleteWithinThePoolAndLeakNothing() async throws {
        try await withTestEmulator { emulator in
            let port = emulator.running.port
            // The test's control client keeps one connection of its own: that is the baseline.
            _ = try await emulator.requests()
            let baseline = Self.connections(toPort: port)?.established ?? 0
            let fdsBefore = Self.openFileDescriptors()
            let client = try emulator.client(Configuration(timeout: Self.timeout, retries: .disabled, maxConnectionsPerHost: Self.poolLimit))
            let started = ContinuousClock.now
            let (outcomes, peak) = try await Self.sampling(port: port) {
                try await withThrowingTaskGroup(of: Bool.self) { group in
                    for index in 0..<Self.concurrency {
                        group.addTask {
                            switch index % 3 {
                            case 0: return try await client.issuers.list(limit: 2).data.count == 2
                            case 1: return try await client.issuer(issuerID).get().id == issuerID
                            default: return try await client.issuer(issuerID).users.list(limit: 1).data.count == 1
                            }
                        }
                    }
                    var results: [Bool] = []
                    for try await result in group { results.append(result) }
                    return results
                }
            }
            let elapsed = ContinuousClock.now - started
            #expect(outcomes.count == Self.concurrency)
            #expect(outcomes.allSatisfy { $0 })
            #expect(try await emulator.requests().count >= 500)  // the log keeps the latest 500
            try await client.close()
            let after = try await Self.waitForConnections(toPort: port, backTo: baseline)
            print("load: \(Self.concurrency) requests in \(elapsed), peak \(peak) connections (control client: \(baseline)), after close \(String(describing: after)), process fds \(String(describing: fdsBefore)) → \(String(describing: Self.openFileDescriptors()))")
            if let after {
                #expect(peak - baseline <= Self.poolLimit, "the pool opened \(peak - baseline) connections")
                #expect(peak - baseline >= 1)
                #expect(after.established == baseline, "connections left open after close")
                #expect(after.ownedFDs == baseline, "sockets left in this process after close")
            }
            // A closed client refuses work at once.
            await #expect(throws: AuthPIError.closedClient) { _ = try await client.issuers.list() }
        }
    }

    @Test func thousandConcurrentRequestsWith503sAndDropsEachEndTyped() async throws {
        try await withTestEmulator { emulator in
            let port = emulator.running.port
            let injected503 = 60
            let injectedDrops = 20
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 503, count: injected503)
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers/*", status: 0, count: injectedDrops)
            let baseline = Self.connections(toPort: port)?.established ?? 0
            let client = try emulator.client(Configuration(timeout: Self.timeout, retries: fastRetries, maxConnectionsPerHost: Self.poolLimit))
            let (outcomes, peak) = try await Self.sampling(port: port) {
                await withTaskGroup(of: String.self) { group in
                    for index in 0..<Self.concurrency {
                        group.addTask {
                            do {
                                if index.isMultiple(of: 2) {
                                    _ = try await client.issuers.list(limit: 1)
                                } else {
                                    _ = try await client.issuer(issuerID).get()
                                }
                                return "ok"
                            } catch let error as AuthPIError {
                                return "\(error.code)/\(error.transportFailure?.rawValue ?? "-")"
                            } catch {
                                return "untyped \(type(of: error))"
                            }
                        }
                    }
                    var results: [String] = []
                    for await result in group { results.append(result) }
                    return results
                }
            }
            var tally: [String: Int] = [:]
            for outcome in outcomes { tally[outcome, default: 0] += 1 }
            print("load with faults: \(tally.sorted { $0.key < $1.key }), peak \(peak) connections")
            #expect(outcomes.count == Self.concurrency)
            // 503s are retried; a dropped connection is a typed transport error (writes are never replayed).
            let allowed: Set<String> = ["ok", "serviceUnavailable/-", "transport/connectionReset"]
            #expect(Set(tally.keys).isSubset(of: allowed), "\(tally)")
            #expect((tally["transport/connectionReset"] ?? 0) <= injectedDrops)
            #expect((tally["serviceUnavailable/-"] ?? 0) <= injected503 / (fastRetries.limit + 1))
            #expect((tally["ok"] ?? 0) >= Self.concurrency - injectedDrops - injected503 / (fastRetries.limit + 1))
            // Every fault was consumed: the injected answers really reached the client.
            #expect(try await emulator.controlRequest("GET", "/_emulator/faults")?["data"]?.arrayValue?.isEmpty == true)
            try await client.close()
            let after = try await Self.waitForConnections(toPort: port, backTo: baseline)
            if let after {
                #expect(peak - baseline <= Self.poolLimit)
                #expect(after.established == baseline && after.ownedFDs == baseline, "\(after)")
            }
        }
    }

    /// With one connection busy for 2 s, a request waiting for it ends at its own timeout (a typed transport
    /// timeout, never sent), and a waiting request whose task is cancelled ends at once.
    @Test func aRequestWaitingForAConnectionEndsAtItsTimeoutOrWhenCancelled() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: nil, count: 1, delayMilliseconds: 2000)
            let client = try emulator.client(Configuration(retries: .disabled, maxConnectionsPerHost: 1))
            let slow = Task { try await client.issuers.list() }
            try await Task.sleep(for: .milliseconds(300))  // the slow request holds the only connection
            do {
                _ = try await client.issuer(issuerID).get(options: RequestOptions(timeout: .milliseconds(200)))
                Issue.record("expected a timeout")
            } catch let error as AuthPIError {
                #expect(error.code == .transport && error.transportFailure == .timeout, "\(error)")
            }
            let waiting = Task { try await client.issuer(issuerID).get() }
            try await Task.sleep(for: .milliseconds(100))
            waiting.cancel()
            let outcome = await waiting.result
            #expect(throws: CancellationError.self) { try outcome.get() }
            _ = try await slow.value
            // Neither waiting request reached the server; the connection is usable again.
            #expect(try await emulator.requests().map { $0["path"]?.stringValue ?? "" }.filter { $0.contains("/issuers/") }.isEmpty)
            #expect(try await client.issuer(issuerID).get().id == issuerID)
            try await client.close()
        }
    }

    /// 300 requests on 2 connections, cancelled at seeded random moments (waiting or in flight): each ends
    /// as a value or `CancellationError`, and no turn is lost — 20 requests afterwards all complete.
    @Test func cancellingWaitingAndRunningRequestsLosesNoConnectionTurn() async throws {
        var random = SeededGenerator.fromEnvironment()
        let seed = random.seed
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: nil, count: 10_000, delayMilliseconds: 20)
            let client = try emulator.client(Configuration(timeout: Self.timeout, retries: .disabled, maxConnectionsPerHost: 2))
            var tasks: [Task<Void, any Error>] = []
            for _ in 0..<300 {
                tasks.append(Task { _ = try await client.issuers.list(limit: 1) })
            }
            var cancelled = 0
            for task in tasks.shuffled(using: &random) where Bool.random(using: &random) {
                task.cancel()
                cancelled += 1
                if Int.random(in: 0..<10, using: &random) == 0 { try await Task.sleep(for: .milliseconds(5)) }
            }
            var ok = 0
            var cancellations = 0
            for task in tasks {
                switch await task.result {
                case .success: ok += 1
                case .failure(is CancellationError): cancellations += 1
                case .failure(let error): Issue.record("seed \(seed): \(error)")
                }
            }
            print("cancellation storm (seed \(seed)): \(cancelled) cancelled → \(cancellations) CancellationError, \(ok) ok")
            #expect(ok + cancellations == 300)
            try await emulator.controlRequest("DELETE", "/_emulator/faults")
            // Had a cancelled request kept its turn, these would wait for ever (here: time out).
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await client.issuers.list(limit: 1, options: RequestOptions(timeout: .seconds(20))).data.count }
                }
                for try await count in group { #expect(count == 1) }
            }
            try await client.close()
        }
    }
}
