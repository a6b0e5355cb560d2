// ETags and conflicts: a conditional update, a stale ETag refused with 412, idempotent creates, a model sent back whole.
// snippet.hide
import AuthPIAdmin
import AuthPIEmulator
import Foundation

let emulator = try await Emulator.start(EmulatorOptions())
let issuerID = EmulatorDemo.issuerID
let userID = EmulatorDemo.userWithSessionsID
let client = try AuthPIClient(
    keyID: EmulatorDemo.apiKeyID, keySecret: EmulatorDemo.apiKeySecret,
    configuration: Configuration(baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID))
var refused = false
// snippet.show

// snippet.if-match
let user = try await client.issuer(issuerID).user(userID).get()

// Conditional update: fails with .preconditionFailed if the user was modified since
let updated = try await client.issuer(issuerID).users.update(
    userID,
    ["profile": ["display_name": "Bob"]],
    ifMatch: user.etag
)

do {
    // The old ETag is stale now
    _ = try await client.issuer(issuerID).user(userID).update(["status": "blocked"], ifMatch: user.etag)
} catch let error as AuthPIError where error.code == .preconditionFailed {
    print("changed meanwhile; current version:", error.currentETag ?? "?", "ours:", updated.etag ?? "?")
    // snippet.hide
    refused = error.currentETag == updated.etag
    // snippet.show
}
// snippet.end
// snippet.hide
precondition(refused, "a stale ETag is refused with the current one")
// snippet.show

// snippet.idempotency
let key = UUID().uuidString
let carol: JSONObject = ["username_type": "email", "username": "carol@example.com", "profile": [:]]
let once = try await client.issuer(issuerID).users.create(carol, idempotencyKey: key)
let again = try await client.issuer(issuerID).users.create(carol, idempotencyKey: key)
print(once.id == again.id) // true
// snippet.end
// snippet.hide
precondition(once.id == again.id, "idempotent replay returns the same user")
// snippet.show

// snippet.round-trip
var edited = try await client.issuer(issuerID).user(userID).get()
edited.value.profile?["nickname"] = "bobby"
_ = try await client.issuer(issuerID).user(userID).update(edited.value, ifMatch: edited.etag)
// snippet.end
// snippet.hide
let reread = try await client.issuer(issuerID).user(userID).get()
precondition(reread.profile?["nickname"] == "bobby", "the edited model was written back")
try await client.close()
await emulator.shutdown()
print("ETags: ok")
