import Foundation
import NIOCore
import Testing
@testable import AuthPIEmulator

/// Many connections at once, and clients that hold connections open without finishing a request.
/// Bounds are generous liveness limits (a stuck server fails them), not speed targets: on an idle
/// machine each test takes a few seconds.
@Suite("Load and slow clients", .serialized)
struct LoadTests {
    static let concurrentClients = 200

    /// Opens a connection and keeps it busy without ever completing a request: `mode` says how.
    static func holdConnection(port: Int, mode: String, until stop: Duration) async throws {
        let channel = try await RawHTTP.connect(port: port)
        try await channel.executeThenClose { _, outbound in
            let deadline = ContinuousClock.now + stop
            switch mode {
            case "silent":
                // Connects and sends nothing (slowloris).
                try? await Task.sleep(until: deadline)
            case "trickle":
                // A request head one byte at a time, never reaching the blank line.
                let head = Array("GET /v1/accounts/\(EmulatorDemo.accountID)/issuers HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
                var index = 0
                while ContinuousClock.now < deadline {
                    try await outbound.write(ByteBuffer(bytes: [index < head.count ? head[index] : UInt8(ascii: "a")]))
                    index += 1
                    try await Task.sleep(for: .milliseconds(50))
                }
            default:
                // A complete head announcing 1000 bytes of body, then 10 bytes, then nothing.
                try await outbound.write(ByteBuffer(bytes: RawHTTP.request(
                    "POST", "/v1/accounts/\(EmulatorDemo.accountID)/issuers", headers: ["Content-Type: application/json", "Content-Length: 1000"]) + Array("{\"name\": \"".utf8)))
                try? await Task.sleep(until: deadline)
            }
        }
    }

    @Test("200 concurrent connections all get correct answers while slow clients hold connections open")
    func concurrentWithSlowClients() async throws {
        try await withRawEmulator(EmulatorOptions(idleTimeoutSeconds: 30)) { port in
            let slow = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for mode in ["silent", "trickle", "stalled-body"] {
                        group.addTask { try await Self.holdConnection(port: port, mode: mode, until: .seconds(120)) }
                    }
                    try await group.waitForAll()
                }
            }
            try await Task.sleep(for: .milliseconds(200))   // the slow clients are connected first
            let started = ContinuousClock.now
            let results = try await withThrowingTaskGroup(of: (Int, RawResponse).self) { group in
                for index in 0..<Self.concurrentClients {
                    group.addTask {
                        let path = index.isMultiple(of: 2)
                            ? "/v1/accounts/\(EmulatorDemo.accountID)/issuers?limit=\(1 + index % 4)"
                            : "/v1/accounts/\(EmulatorDemo.accountID)/issuers/\(EmulatorDemo.issuerID)/users?limit=\(1 + index % 5)"
                        return (index, try await RawHTTP.exchange(port: port, RawHTTP.request("GET", path), timeout: .seconds(60)))
                    }
                }
                var collected: [(Int, RawResponse)] = []
                for try await result in group { collected.append(result) }
                return collected
            }
            let elapsed = ContinuousClock.now - started
            #expect(results.count == Self.concurrentClients)
            for (index, response) in results {
                #expect(response.status == 200, "client \(index): \(response.status) \(response.text.prefix(200))")
                let expected = index.isMultiple(of: 2) ? 1 + index % 4 : 1 + index % 5
                #expect(response.json?["data"]?.arrayValue?.count == expected, "client \(index) got the wrong page")
            }
            // All 200 were answered (each within the 60 s exchange bound) while the slow clients were
            // still holding their connections (they hold for 120 s unless cancelled).
            #expect(elapsed < .seconds(120), "200 answers took \(elapsed)")
            print("200 concurrent answers with 3 slow clients connected: \(elapsed)")
            slow.cancel()
            _ = await slow.result
            // And the emulator is still fine.
            let after = try await RawHTTP.exchange(port: port, RawHTTP.request("GET", "/v1/me"))
            #expect(after.status == 200)
        }
    }

    @Test("idle, trickling and stalled connections are closed after the idle timeout; slow answers are not cut")
    func idleTimeoutClosesHalfOpenConnections() async throws {
        try await withRawEmulator(EmulatorOptions(idleTimeoutSeconds: 1)) { port in
            // Nothing sent.
            let silent = try await RawHTTP.connect(port: port)
            #expect(await RawHTTP.waitForServerClose(silent, timeout: .seconds(30)), "a silent connection stays open")

            // A head that never completes, one byte every 100 ms: bytes alone don't count as activity.
            let trickling = try await RawHTTP.connect(port: port)
            let closed = await withTaskGroup(of: Bool?.self) { group in
                group.addTask {
                    do {
                        try await trickling.executeThenClose { inbound, outbound in
                            let writer = Task {
                                // A valid start, so the parser waits instead of rejecting it.
                                let bytes = Array("GET /v1/me HTTP/1.1\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "a"), count: 100)
                                for byte in bytes {
                                    try await outbound.write(ByteBuffer(bytes: [byte]))
                                    try await Task.sleep(for: .milliseconds(100))
                                }
                            }
                            defer { writer.cancel() }
                            for try await _ in inbound {}
                        }
                    } catch {}
                    return true
                }
                group.addTask {
                    try? await Task.sleep(for: .seconds(30))
                    return false
                }
                let first = await group.next() ?? nil
                if first == false { try? await trickling.channel.close() }
                group.cancelAll()
                await group.waitForAll()
                return first ?? false
            }
            #expect(closed, "a connection trickling an endless request head stays open")

            // A body announced but never sent.
            let stalled = try await RawHTTP.connect(port: port)
            try await stalled.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(bytes: RawHTTP.request(
                    "POST", "/v1/accounts/\(EmulatorDemo.accountID)/issuers", headers: ["Content-Type: application/json", "Content-Length: 100"]) + Array("{".utf8)))
                let ended = await withTaskGroup(of: Bool.self) { group in
                    group.addTask {
                        do { for try await _ in inbound {} } catch {}
                        return true
                    }
                    group.addTask {
                        try? await Task.sleep(for: .seconds(30))
                        return false
                    }
                    let first = await group.next() ?? false
                    group.cancelAll()
                    return first
                }
                #expect(ended, "a connection with a stalled body stays open")
            }

            // An answer that takes longer than the idle timeout (injected 1.5 s delay) still arrives.
            let fault = RawHTTP.request("POST", "/_emulator/faults", headers: ["Content-Type: application/json"],
                                        body: Array("{\"path\": \"/v1/me\", \"delay_ms\": 1500, \"count\": 1}".utf8), auth: false)
            #expect(try await RawHTTP.exchange(port: port, fault).status == 201)
            let slowAnswer = try await RawHTTP.exchange(port: port, RawHTTP.request("GET", "/v1/me"), timeout: .seconds(10))
            #expect(slowAnswer.status == 200)
        }
    }
}
