// Errors: one AuthPIError, caught whole or one kind at a time; network failures as .transport.
// snippet.hide
import AuthPIAdmin
import AuthPIEmulator

let emulator = try await Emulator.start(EmulatorOptions())
let issuerID = EmulatorDemo.issuerID
let client = try AuthPIClient(
    keyID: EmulatorDemo.apiKeyID, keySecret: EmulatorDemo.apiKeySecret,
    configuration: Configuration(baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID))
var caught = ""
// snippet.show

// snippet.kinds
do {
    _ = try await client.issuer(issuerID).user("usr_does_not_exist").get()
} catch AuthPIError.notFound {
    print("User not found")
    // snippet.hide
    caught = "notFound"
    // snippet.show
} catch let error as AuthPIError where error.code == .validation {
    print("Validation failed:", error.fields.map { "\($0.field): \($0.message)" }, error.fields.map(\.raw))
} catch let error as AuthPIError where error.code == .rateLimited {
    print("Retry after \(error.retryAfterSeconds ?? 0) seconds")
} catch AuthPIError.authentication {
    print("Invalid credentials")
} catch let error as AuthPIError where error.isServerError {
    print("Server error \(error.statusCode), reference \(error.reference ?? "-")")
}
// snippet.end
// snippet.hide
precondition(caught == "notFound", "an unknown user is .notFound")
// snippet.show

// snippet.transport
let unreachable = try AuthPIClient(
    keyID: "key_demo", keySecret: "demo_secret",
    configuration: Configuration(baseURL: "http://127.0.0.1:9", retries: .disabled)
)
do {
    _ = try await unreachable.issuers.list()
} catch let error as AuthPIError where error.code == .transport {
    print(error.transportFailure?.rawValue ?? "-", error.operation ?? "", error.host ?? "")
    // snippet.hide
    caught = "transport"
    // snippet.show
}
try await unreachable.close()
// snippet.end
// snippet.hide
precondition(caught == "transport", "a refused connection is .transport")
try await client.close()
await emulator.shutdown()
print("Errors: ok")
