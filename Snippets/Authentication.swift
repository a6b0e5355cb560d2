// Authentication: an API key pair, a joined "key_id:secret" string, an access token, and a refresh closure.
// snippet.hide
import AuthPIAdmin
import AuthPIEmulator
import Foundation

let emulator = try await Emulator.start(EmulatorOptions())
let baseURL = emulator.baseURL

/// An access token minted by the emulator's control API (`POST /_emulator/access-tokens`), expired on request.
@MainActor func mintAccessToken(expired: Bool = false) async throws -> String {
    let transport = AsyncHTTPClientTransport()
    defer { Task { try? await transport.shutdown() } }
    let body = try JSONEncoder().encode(JSONValue.object(["account_id": .string(EmulatorDemo.accountID), "ttl_seconds": 300]))
    let response = try await transport.send(TransportRequest(
        method: "POST", url: emulator.baseURL + "/_emulator/access-tokens",
        headers: [("Content-Type", "application/json")], body: Array(body)))
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
    guard let token = (value["access_token"] ?? value["data"]?["access_token"])?.stringValue else {
        fatalError("no access token from the emulator")
    }
    if expired {
        _ = try await transport.send(TransportRequest(method: "POST", url: emulator.baseURL + "/_emulator/access-tokens/\(token)/expire"))
    }
    return token
}

actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}
let refreshCalls = Counter()
@MainActor func myRefreshLogic() async throws -> String {
    await refreshCalls.increment()
    return try await mintAccessToken()
}
let accessToken = try await mintAccessToken()
let expiredToken = try await mintAccessToken(expired: true)
// snippet.show

// snippet.pair
let byPair = try AuthPIClient(keyID: "key_demo", keySecret: "demo_secret", configuration: Configuration(baseURL: baseURL))
// snippet.end

// snippet.joined
let byJoined = try AuthPIClient(apiKey: "key_demo:demo_secret", configuration: Configuration(baseURL: baseURL))

do {
    _ = try AuthPIClient(apiKey: "key_demo", configuration: Configuration(baseURL: baseURL))
} catch let error as AuthPIError where error.code == .configuration {
    print(error.errorDescription)  // AuthPI API keys are an id (key_…) and a secret, … Pass both: …
}
// snippet.end

// snippet.token
let byToken = try AuthPIClient(accessToken: accessToken, accountID: "acc_demo", configuration: Configuration(baseURL: baseURL))
// snippet.end

// snippet.refresh
let refreshing = try AuthPIClient(
    accessToken: expiredToken,
    accountID: "acc_demo",
    refresh: { try await myRefreshLogic() },
    configuration: Configuration(baseURL: baseURL)
)
// snippet.end
// snippet.hide
for client in [byPair, byJoined, byToken, refreshing] {
    _ = try await client.issuers.list(limit: 1)
    try await client.close()
}
let refreshes = await refreshCalls.value
precondition(refreshes == 1, "the refresh closure ran once")
await emulator.shutdown()
print("Authentication: ok")
