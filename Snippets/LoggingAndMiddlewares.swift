// Logging and middlewares: one debug line per attempt through swift-log, and a middleware that tags every request.
// snippet.hide
import AuthPIAdmin
import AuthPIEmulator
import Logging

let emulator = try await Emulator.start(EmulatorOptions())
let baseURL = emulator.baseURL
// snippet.show

// snippet.logging
var logger = Logger(label: "authpi")
logger.logLevel = .debug   // one line per attempt: operation, status, latency_ms, attempt

struct RequestTagger: ClientMiddleware {
    func intercept(
        _ request: TransportRequest,
        next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse {
        var request = request
        request.headers.append((name: "X-Request-Tag", value: "nightly"))
        return try await next(request)
    }
}

let observed = try AuthPIClient(
    keyID: "key_demo", keySecret: "demo_secret",
    configuration: Configuration(baseURL: baseURL, logger: logger, middlewares: [RequestTagger()])
)
_ = try await observed.issuers.list()
try await observed.close()
// snippet.end
// snippet.hide
await emulator.shutdown()
print("LoggingAndMiddlewares: ok")
