// The emulator in-process: on a free port for the length of a closure, or started and shut down by hand.
// snippet.in-process
import AuthPIEmulator
// snippet.hide
import AuthPIAdmin
// snippet.show

try await withEmulator(EmulatorOptions(seed: .demo)) { emulator in
    print(emulator.baseURL)   // http://127.0.0.1:PORT (a free port)
}
let emulator = try await Emulator.start(.init(users: 1_000_000))
await emulator.shutdown()
// snippet.end

// snippet.compat
let seedSDKEmulator = try await Emulator.start(EmulatorOptions(seed: .empty, compatibility: .v0_3))
print(seedSDKEmulator.baseURL)   // accepts authpi-admin 0.3.0's forms too (--compat 0.3)
await seedSDKEmulator.shutdown()
// snippet.end

// snippet.build-application
import Hummingbird
import Logging
import ServiceLifecycle

let (ready, readyContinuation) = AsyncStream.makeStream(of: Int.self)
let application = try buildApplication(options: EmulatorOptions(port: 0)) { _, port in
    readyContinuation.yield(port)   // called once the server listens, with the bound port
}
let group = ServiceGroup(configuration: .init(
    services: [application], gracefulShutdownSignals: [], logger: Logger(label: "authpi-emulator")
))
let server = Task { try await group.run() }
var boundPort = 0
for await port in ready {
    boundPort = port
    break
}
print("listening on port", boundPort)
// … your code against http://127.0.0.1:\(boundPort) …
// snippet.hide
let probe = AsyncHTTPClientTransport()
let answer = try await probe.send(TransportRequest(method: "GET", url: "http://127.0.0.1:\(boundPort)/openapi.json"))
precondition(answer.status == 200, "the application serves its OpenAPI document")
try await probe.shutdown()
// snippet.show
await group.triggerGracefulShutdown()
try await server.value
// snippet.end
// snippet.hide
print("EmulatorInProcess: ok")
