import Foundation
import Hummingbird
import Logging

/// `authpi-bench-ceiling`: the loopback ceiling that `scripts/bench` measures the emulator against — a minimal
/// Hummingbird 2 server with one route returning a constant, built and run exactly like the emulator (release,
/// same HTTP/1 server, no logging). Usage: `authpi-bench-ceiling [--port N] [--body-bytes N]` (port 0, the
/// default, picks a free port); prints `ceiling listening on http://127.0.0.1:PORT` when ready.
let arguments = Array(CommandLine.arguments.dropFirst())

/// The value of `--name N` (an integer in `range`), `fallback` when absent; exits 2 on a bad value.
func integerOption(_ name: String, in range: ClosedRange<Int>, fallback: Int) -> Int {
    guard let flag = arguments.firstIndex(of: name) else { return fallback }
    guard flag + 1 < arguments.count, let value = Int(arguments[flag + 1]), range.contains(value) else {
        FileHandle.standardError.write(Data("usage: authpi-bench-ceiling [--port 0...65535] [--body-bytes 20...16777216]\n".utf8))
        exit(2)
    }
    return value
}

let port = integerOption("--port", in: 0...65_535, fallback: 0)
// `--body-bytes N`: a constant body of N bytes (a JSON string padded with "x"), to compare with a page of the
// same size; 20 bytes by default.
let bodyBytes = integerOption("--body-bytes", in: 20...16_777_216, fallback: 20)
let body = bodyBytes == 20
    ? #"{"data":{"ok":true}}"#
    : #"{"data":""# + String(repeating: "x", count: bodyBytes - 11) + #""}"#
let router = Router()
// Any GET path answers, so wrk can hit the same paths it hits on the emulator.
router.get("**") { _, _ -> Response in
    Response(
        status: .ok, headers: [.contentType: "application/json"],
        body: .init(byteBuffer: ByteBuffer(string: body)))
}
let application = Application(
    router: router,
    configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "authpi-bench-ceiling"),
    onServerRunning: { channel in
        // Unbuffered: scripts wait for this line on a pipe.
        let bound = channel.localAddress?.port ?? port
        FileHandle.standardOutput.write(Data("ceiling listening on http://127.0.0.1:\(bound)\n".utf8))
    },
    logger: Logger(label: "authpi-bench-ceiling", factory: { _ in SwiftLogNoOpLogHandler() })
)
try await application.runService()
