import Foundation
import Hummingbird
import Logging

/// `authpi-bench-ceiling`: the loopback ceiling that `scripts/bench` measures the emulator against — a minimal
/// Hummingbird 2 server with one route returning a constant, built and run exactly like the emulator (release,
/// same HTTP/1 server, no logging). Usage: `authpi-bench-ceiling [--port N]` (0, the default, picks a free port);
/// prints `ceiling listening on http://127.0.0.1:PORT` when ready.
let arguments = CommandLine.arguments.dropFirst()
let port: Int
if let flag = arguments.firstIndex(of: "--port") {
    guard arguments.index(after: flag) < arguments.endIndex, let value = Int(arguments[arguments.index(after: flag)]),
        (0...65_535).contains(value)
    else {
        FileHandle.standardError.write(Data("usage: authpi-bench-ceiling [--port 0...65535]\n".utf8))
        exit(2)
    }
    port = value
} else {
    port = 0
}

let body = #"{"data":{"ok":true}}"#
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
