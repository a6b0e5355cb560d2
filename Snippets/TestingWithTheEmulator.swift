// Testing against the emulator: an in-process emulator on a free port, a fault armed at start and one armed
// through the control API, and the request log.
// snippet.hide
import AuthPIAdmin
import AuthPIEmulator
import Foundation
// snippet.show

// snippet.with-emulator
try await withEmulator(EmulatorOptions(seed: .demo)) { emulator in
    let client = try AuthPIClient(
        keyID: EmulatorDemo.apiKeyID, keySecret: EmulatorDemo.apiKeySecret,
        configuration: Configuration(baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID)
    )
    let users = try await client.issuer(EmulatorDemo.issuerID).users.list()
    print(users.data.count)   // in a test: #expect(users.data.count == 25)
    // snippet.hide
    precondition(users.data.count == 25, "the demo issuer's first page holds 25 users")
    // snippet.show
    try await client.close()
}
// snippet.end

// snippet.faults-at-start
let options = EmulatorOptions(faults: [
    try FaultRule(spec: "GET /v1/accounts/*/issuers 429 count=1 retry_after=1"),
])
let emulator = try await Emulator.start(options)
let client = try AuthPIClient(
    keyID: EmulatorDemo.apiKeyID, keySecret: EmulatorDemo.apiKeySecret,
    configuration: Configuration(baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID, retries: .disabled)
)
do {
    _ = try await client.issuers.list()
} catch let error as AuthPIError where error.code == .rateLimited {
    print("rate limited; retry after", error.retryAfterSeconds ?? 0, "s")
}
// snippet.end

// snippet.control-api
// The control API (/_emulator) takes plain JSON, no credentials: here a 503 for the next user read
let control = AsyncHTTPClientTransport()
let fault = #"{"method": "GET", "path": "/v1/accounts/*/issuers/*/users/*", "status": 503, "count": 1}"#
_ = try await control.send(TransportRequest(
    method: "POST", url: emulator.baseURL + "/_emulator/faults",
    headers: [("Content-Type", "application/json")], body: Array(fault.utf8)
))
do {
    _ = try await client.issuer(EmulatorDemo.issuerID).user(EmulatorDemo.userWithSessionsID).get()
} catch let error as AuthPIError where error.code == .serviceUnavailable {
    print("503, reference", error.reference ?? "-")
}

// What the emulator received: method, path, status, headers with credentials redacted
let log = try await control.send(TransportRequest(method: "GET", url: emulator.baseURL + "/_emulator/requests?limit=5"))
print(String(decoding: log.body, as: UTF8.self).prefix(200))
// snippet.end
// snippet.hide
let recent = try JSONDecoder().decode(JSONValue.self, from: Data(log.body))
let statuses = (recent["data"]?.arrayValue ?? recent.arrayValue ?? []).compactMap { $0["status"]?.intValue }
precondition(statuses.contains(503) && statuses.contains(429), "the request log shows both injected faults: \(statuses)")
precondition(!String(decoding: log.body, as: UTF8.self).contains(EmulatorDemo.apiKeySecret), "no secret in the request log")
// snippet.show

// snippet.teardown
try await control.shutdown()
try await client.close()
await emulator.shutdown()
// snippet.end
// snippet.hide
print("TestingWithTheEmulator: ok")
