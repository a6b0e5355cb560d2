// Configuration: every setting of a client, per-call options, your own AsyncHTTPClient, and raw requests.
// snippet.hide
import AsyncHTTPClient
import AuthPIAdmin
import AuthPIEmulator
import Foundation

let emulator = try await Emulator.start(EmulatorOptions())
let baseURL = emulator.baseURL
let issuerID = EmulatorDemo.issuerID
// snippet.show

// snippet.settings
let configured = try AuthPIClient(
    keyID: "key_demo", keySecret: "demo_secret",     // or apiKey: "key_id:secret", or accessToken:
    configuration: Configuration(
        baseURL: baseURL,                            // default "https://api.authpi.com"
        accountID: "acc_demo",                       // default: resolved once through GET /v1/me
        timeout: .seconds(30),                       // default, per attempt
        defaultHeaders: ["X-Custom": "value"],       // Authorization, Host, User-Agent cannot be overridden
        retries: .default,                           // or .disabled, or RetryPolicy(...)
        maxResponseBodyBytes: 8 * 1024 * 1024        // default 8 MiB
    )
)

// Per call: a timeout and extra headers
_ = try await configured.issuers.list(options: RequestOptions(timeout: .seconds(5), headers: ["X-Request-Tag": "nightly"]))
// snippet.end

// snippet.http-client
let http = HTTPClient(eventLoopGroupProvider: .singleton)
let shared = try AuthPIClient(
    keyID: "key_demo", keySecret: "demo_secret", configuration: Configuration(baseURL: baseURL), httpClient: http
)
_ = try await shared.issuers.list()
try await shared.close()     // does not shut `http` down
try await http.shutdown().get()   // your client, your shutdown
// snippet.end

// snippet.raw
// Any endpoint, through the same auth, account resolution, retries and errors as the accessors
let raw = try await configured.send("GET", "/v1/accounts/{account}/issuers", query: ["limit": "2"])
print(raw.json?["data"]?.arrayValue?.count ?? 0, raw.json?["has_more"] ?? "-")

let created = try await configured.send(
    "POST", "/v1/accounts/{account}/issuers/\(issuerID)/agents", body: ["name": "raw-bot"],
    idempotencyKey: UUID().uuidString
)
print(created.data?["id"] ?? "-", created.etag ?? "no etag")
// snippet.end
// snippet.hide
precondition(raw.json?["data"]?.arrayValue?.count == 2, "the raw list honours limit=2")
precondition(created.etag != nil, "a raw create returns the ETag")
try await configured.close()
await emulator.shutdown()
print("ClientConfiguration: ok")
