import Foundation
import NIOCore
import NIOPosix
@testable import AuthPIEmulator

/// One HTTP/1.1 response read off a raw socket.
struct RawResponse: Sendable {
    let status: Int
    let headers: [String: String]
    let body: [UInt8]

    var json: JSON? { try? JSON.parse(body) }
    var errorCode: String? { json?["error"]?.stringValue }
    var reference: String? { json?["reference"]?.stringValue }
    func header(_ name: String) -> String? { headers[name.lowercased()] }
    var text: String { String(decoding: body, as: UTF8.self) }
}

struct RawHTTPError: Error, CustomStringConvertible {
    let description: String
}

/// Talks to the emulator over plain TCP, byte for byte: requests no HTTP client would send
/// (CR / LF in headers, garbage, stalled bodies) and many connections at once.
enum RawHTTP {
    static let demoAuthorization = "Authorization: Basic " + Data("key_demo:demo_secret".utf8).base64EncodedString()

    static func connect(port: Int) async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
    }

    /// A request head with the demo credentials, `Host` and the given extra header lines.
    static func request(_ method: String, _ target: String, headers: [String] = [], body: [UInt8] = [], auth: Bool = true) -> [UInt8] {
        var lines = ["\(method) \(target) HTTP/1.1", "Host: 127.0.0.1"]
        if auth { lines.append(demoAuthorization) }
        lines += headers
        if !body.isEmpty && !headers.contains(where: { $0.lowercased().hasPrefix("content-length") || $0.lowercased().hasPrefix("transfer-encoding") }) {
            lines.append("Content-Length: \(body.count)")
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body
    }

    /// Sends `bytes` on a new connection and reads one response. The connection is closed after
    /// `timeout` whatever happens, so a server that never answers fails the test instead of hanging it.
    static func exchange(port: Int, _ bytes: [UInt8], timeout: Duration = .seconds(15)) async throws -> RawResponse {
        let channel = try await connect(port: port)
        let watchdog = Task {
            try? await Task.sleep(for: timeout)
            try? await channel.channel.close()
        }
        defer { watchdog.cancel() }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: bytes))
            var parser = ResponseParser()
            for try await chunk in inbound {
                parser.append(chunk)
                if let response = try parser.response() { return response }
            }
            throw RawHTTPError(description: "the connection closed without a complete response (\(parser.buffered) bytes read)")
        }
    }

    /// Waits until the server closes `channel` (true) or `timeout` passes (false); whatever the
    /// server sent meanwhile is discarded.
    static func waitForServerClose(_ channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, timeout: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                do {
                    try await channel.executeThenClose { inbound, _ in
                        for try await _ in inbound {}
                    }
                } catch {}
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            if !first { try? await channel.channel.close() }
            group.cancelAll()
            await group.waitForAll()
            return first
        }
    }
}

/// Incremental parser for one response with a Content-Length (or none, for 204).
struct ResponseParser {
    private var bytes: [UInt8] = []
    var buffered: Int { bytes.count }

    mutating func append(_ buffer: ByteBuffer) { bytes.append(contentsOf: buffer.readableBytesView) }

    func response() throws -> RawResponse? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let headEnd = bytes.indices.dropLast(3).first(where: { Array(bytes[$0..<$0 + 4]) == separator }) else { return nil }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw RawHTTPError(description: "bad status line: \(head.first ?? "")")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = headers["content-length"].flatMap(Int.init) ?? 0
        let bodyStart = headEnd + 4
        guard bytes.count >= bodyStart + length else { return nil }
        return RawResponse(status: status, headers: headers, body: Array(bytes[bodyStart..<bodyStart + length]))
    }
}

/// Runs `body` against an in-process emulator, giving its port; always shuts it down.
func withRawEmulator<T: Sendable>(_ options: EmulatorOptions = .init(), _ body: (Int) async throws -> T) async throws -> T {
    try await withEmulator(options) { emulator in try await body(emulator.port) }
}
