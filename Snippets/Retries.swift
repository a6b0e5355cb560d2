// Retries: the default policy, retries off, and a policy of your own; then a 503 the client rides out.
// snippet.hide
import AuthPIAdmin
import AuthPIEmulator

let emulator = try await Emulator.start(EmulatorOptions(faults: [
    try FaultRule(spec: "GET /v1/accounts/*/issuers 503 count=2"),
]))
let baseURL = emulator.baseURL
// snippet.show

// snippet.policies
// Default: on, 3 retries, 1 s base delay, exponential backoff
let defaults = try AuthPIClient(apiKey: "key_demo:demo_secret", configuration: Configuration(baseURL: baseURL))

// Disable retries
let noRetries = try AuthPIClient(apiKey: "key_demo:demo_secret", configuration: Configuration(baseURL: baseURL, retries: .disabled))

// Custom retry policy
let custom = try AuthPIClient(
    apiKey: "key_demo:demo_secret",
    configuration: Configuration(
        baseURL: baseURL,
        retries: RetryPolicy(limit: 5, delay: .milliseconds(500), backoff: .linear, maxWait: .seconds(10))
    )
)
// snippet.end
// snippet.hide
precondition(defaults.configuration.retries == .default, "default retries")
precondition(noRetries.configuration.retries.limit == 0, "retries off")
precondition(custom.configuration.retries.backoff == .linear, "custom retries")
let quick = try AuthPIClient(
    apiKey: "key_demo:demo_secret",
    configuration: Configuration(baseURL: baseURL, retries: RetryPolicy(limit: 3, delay: .milliseconds(10))))
// snippet.show

// snippet.ride-out
// The emulator answers the next two issuer lists with 503: the third attempt succeeds
let issuers = try await quick.issuers.list()
print(issuers.data.count)
// snippet.end
// snippet.hide
precondition(!issuers.data.isEmpty, "the retried list succeeded")
for client in [defaults, noRetries, custom, quick] {
    _ = try await client.issuers.list(limit: 1)
    try await client.close()
}
await emulator.shutdown()
print("Retries: ok")
