import Foundation
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
}
