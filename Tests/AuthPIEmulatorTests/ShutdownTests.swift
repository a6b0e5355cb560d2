import Foundation
import HummingbirdCore
import Logging
import NIOCore
import NIOEmbedded
import Testing
@testable import AuthPIEmulator

/// Opens loopback TCP connections and writes a request on each, without waiting for answers, until told to
/// stop: the load a server sees when a client keeps connecting while it shuts down.
private func hammer(port: Int, until deadline: ContinuousClock.Instant) -> Int {
    var opened = 0
    let credential = Data("\(EmulatorDemo.apiKeyID):\(EmulatorDemo.apiKeySecret)".utf8).base64EncodedString()
    let request = Array("GET /v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic \(credential)\r\n\r\n".utf8)
    while ContinuousClock.now < deadline, opened < 5_000 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { break }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected == 0 {
            _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            opened += 1
        }
        close(fd)
    }
    return opened
}

@Suite struct ShutdownTests {
    /// Regression: shutting down by cancelling the server task trapped inside the server when a connection
    /// was accepted meanwhile (seen by the console's tests). Shutdown must be graceful and never crash.
    @Test func shutdownWhileClientsKeepConnectingDoesNotCrash() async throws {
        for _ in 0..<5 {
            let emulator = try await Emulator.start(EmulatorOptions(port: 0))
            let port = emulator.port
            let load = Task.detached { hammer(port: port, until: .now + .seconds(2)) }
            try await Task.sleep(for: .milliseconds(100))
            await emulator.shutdown()
            let opened = await load.value
            #expect(opened > 0)
            await emulator.shutdown()  // idempotent
        }
    }

    @Test func shutdownWaitsForNothingWhenIdleAndFreesThePort() async throws {
        let emulator = try await Emulator.start(EmulatorOptions(port: 0))
        let port = emulator.port
        await emulator.shutdown()
        // The port is free again: a new emulator can listen on it.
        let again = try await Emulator.start(EmulatorOptions(port: port))
        #expect(again.port == port)
        await again.shutdown()
    }

    /// Regression (CI, 2026-11-29): NIO's accept loop can drop a connection it has set up and activated without
    /// serving it when the listening socket closes meanwhile; releasing that connection's unfinished writer
    /// trapped the whole process ("Deinited NIOAsyncWriter without calling finish()"). This replays that drop
    /// deterministically: without ConnectionGuard the `connection = nil` line below traps.
    @Test func aConnectionDroppedUnservedAtShutdownIsClosedCleanly() async throws {
        let channel = NIOAsyncTestingChannel()
        let guarded = ConnectionGuard(base: HTTP1Channel(
            responder: { _, _, _ in throw CancellationError() }, configuration: .init()))
        // Set up as the accept path does, before the connection is active...
        var connection: ConnectionGuard.Value? = try await channel.testingEventLoop.flatSubmit {
            guarded.setup(channel: channel, logger: Logger(label: "test"))
        }.get()
        // ...then active: from here the returned value alone owns the writer...
        try await channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1))
        #expect(try await channel.testingEventLoop.submit { channel.isActive }.get())
        // ...and NIO drops it unserved.
        connection = nil
        #expect(connection == nil)
        // Closing the connection finishes the writer: the close completes and nothing traps.
        try await channel.close()
        #expect(try await channel.testingEventLoop.submit { !channel.isActive }.get())
    }
}
