import AsyncHTTPClient
import AuthPIAdmin
import AuthPIEmulator
import Foundation

// Runs every Swift snippet of docs/client.md against an in-process emulator.
// Each snippet is copied verbatim (scripts/check-readme-snippets checks it); the code around it
// provides what the snippet names (baseURL, issuerID, …) and closes the clients it opens.

enum Examples {
    static func run() async {
        let emulator: RunningEmulator
        do {
            emulator = try await Emulator.start(EmulatorOptions())
        } catch {
            print("authpi-examples: cannot start the emulator: \(error)")
            exit(1)
        }
        let context = ExampleContext(baseURL: emulator.baseURL)
        var failures = 0
        for (name, run) in examples {
            do {
                try await run(context)
                print("ok   \(name)")
            } catch {
                failures += 1
                print("FAIL \(name): \(String(reflecting: error))")
            }
        }
        await emulator.shutdown()
        if failures > 0 {
            print("authpi-examples: \(failures) of \(examples.count) examples failed")
            exit(1)
        }
        print("authpi-examples: all \(examples.count) examples passed")
    }
}

struct ExampleContext: Sendable {
    let baseURL: String
    let issuerID = EmulatorDemo.issuerID
    let userID = EmulatorDemo.userWithSessionsID
    let webhookID = EmulatorDemo.webhookWithDeliveriesID
}

struct ExampleFailure: Error, CustomStringConvertible {
    let description: String
}

func check(_ condition: Bool, _ message: String) throws {
    if !condition { throw ExampleFailure(description: message) }
}

/// A client on the emulator for the snippets that use `client`.
func demoClient(_ context: ExampleContext) throws -> AuthPIClient {
    try AuthPIClient(
        keyID: EmulatorDemo.apiKeyID, keySecret: EmulatorDemo.apiKeySecret,
        configuration: Configuration(baseURL: context.baseURL, accountID: EmulatorDemo.accountID))
}

/// An access token minted by the emulator's control API.
func mintAccessToken(_ baseURL: String, expired: Bool = false) async throws -> String {
    let transport = AsyncHTTPClientTransport()
    defer { Task { try? await transport.shutdown() } }
    let body = try JSONEncoder().encode(JSONValue.object(["account_id": .string(EmulatorDemo.accountID), "ttl_seconds": 300]))
    let response = try await transport.send(
        TransportRequest(method: "POST", url: baseURL + "/_emulator/access-tokens", headers: [("Content-Type", "application/json")], body: Array(body)))
    let value = try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
    guard let token = (value["access_token"] ?? value["data"]?["access_token"])?.stringValue else {
        throw ExampleFailure(description: "no access token from the emulator")
    }
    if expired {
        _ = try await transport.send(TransportRequest(method: "POST", url: baseURL + "/_emulator/access-tokens/\(token)/expire"))
    }
    return token
}

let examples: [(String, @Sendable (ExampleContext) async throws -> Void)] = [
    ("quick start", quickStart),
    ("models", models),
    ("authentication", authentication),
    ("scoped pattern", scopedPattern),
    ("pagination", pagination),
    ("retries", retries),
    ("etags", etags),
    ("errors", errorHandling),
    ("configuration", configuration),
    ("logging and middlewares", logging),
    ("custom http client", customHTTPClient),
    ("lifecycle", lifecycle),
    ("raw requests", rawRequests),
]
