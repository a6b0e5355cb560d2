// The quick start: a client, a page of issuers, a user scope, every user, and a created user.
// snippet.hide
import AuthPIAdmin
import AuthPIEmulator
import Foundation

let emulator = try await Emulator.start(EmulatorOptions())
let baseURL = emulator.baseURL
let issuerID = EmulatorDemo.issuerID
let userID = EmulatorDemo.userWithSessionsID
let webhookID = EmulatorDemo.webhookWithDeliveriesID
// snippet.show

// snippet.quickstart
let client = try AuthPIClient(
    keyID: "key_demo",                 // the key id and its secret, both shown once when the key is created
    keySecret: "demo_secret",
    configuration: Configuration(baseURL: baseURL, accountID: "acc_demo")
)

// List issuers
let page = try await client.issuers.list(limit: 10)
print(page.data.map(\.id))

// Scope into an issuer and manage users
let users = try await client.issuer(issuerID).users.list()
print(users.data.count, "users on the first page")

// Auto-paginate
for try await user in client.issuer(issuerID).users.listAll(limit: 50) {
    print(user.id, user.status ?? "-")
}

// Create a user (a raw JSON object reads just like the Python dictionary)
let alice = try await client.issuer(issuerID).users.create([
    "username_type": "email",
    "username": "alice@example.com",
    "profile": ["first_name": "Alice", "last_name": "Smith"],
])
print(alice.id, alice.etag ?? "no etag")
// snippet.end
// snippet.hide
precondition(!page.data.isEmpty, "the demo account has issuers")
precondition(!alice.id.isEmpty, "a created user has an id")
// snippet.show

// snippet.models
let fetched = try await client.issuer(issuerID).user(userID).get()
let profile: JSONObject = fetched.profile ?? [:]          // typed properties
print(fetched.username ?? "-", fetched.createdAt ?? Date.distantPast, profile["display_name"] ?? nil)
print(fetched.value["security"]?["mfa_enabled"] ?? "unset")  // any field, raw
let raw: JSONObject = fetched.value.json                  // the whole object as read
print(raw.keys.sorted())

// Typed inputs build the same bodies as raw objects
let typed = try await client.issuer(issuerID).users.create(
    CreateUserInput(usernameType: .email, username: "dora@example.com", profile: ["first_name": "Dora"], metadata: ["team": "blue"])
)
print(typed.id, typed.etag ?? "")
// snippet.end
// snippet.hide
precondition(raw["id"] == .string(userID), "raw JSON holds the id")
precondition(typed.value.metadata?["team"] == "blue", "typed input fields were sent")
// snippet.show

// snippet.scopes
// Account-level resources
_ = try await client.issuers.list()
_ = try await client.webhooks.create([
    "name": "audit",
    "url": "https://hooks.example.com/authpi",
    "auth": ["type": "signature"],
    "events": ["user.created", "user.deleted"],
])
_ = try await client.webhooks.create(
    CreateWebhookInput(name: "typed", url: "https://hooks.example.com/typed", events: [.userCreated, .sessionTerminated])
)
_ = try await client.events.list(limit: 50)

// Issuer scope
let iss = client.issuer(issuerID)
_ = try await iss.users.list()
_ = try await iss.agents.create(["name": "bot"])
_ = try await iss.clients.list()
_ = try await iss.organizations.list()

// User scope (nested under issuer)
let usr = client.issuer(issuerID).user(userID)
_ = try await usr.get()
_ = try await usr.sessions.list()
_ = try await usr.tokens.list()
_ = try await usr.trustedDevices.list()
_ = try await usr.verifiers.list()

// Webhook scope
let wh = client.webhook(webhookID)
_ = try await wh.get()
_ = try await wh.deliveries.list()
// snippet.end

// snippet.close
try await client.close()
// snippet.end

// snippet.scoped-lifetime
let count = try await withAuthPIClient(
    credentials: .apiKey(id: "key_demo", secret: "demo_secret"),
    configuration: Configuration(baseURL: baseURL)
) { client in
    try await client.issuers.list().data.count
}
print(count)
// snippet.end
// snippet.hide
precondition(count > 0, "withAuthPIClient returned the body's result")
// snippet.show

// snippet.manual-lifetime
let manual = try AuthPIClient(keyID: "key_demo", keySecret: "demo_secret", configuration: Configuration(baseURL: baseURL))
do {
    _ = try await manual.issuers.list()
    try await manual.close()
} catch {
    try await manual.close()
    throw error
}
do {
    _ = try await manual.issuers.list()
} catch AuthPIError.closedClient {
    print("closed")
}
// snippet.end
// snippet.hide
await emulator.shutdown()
print("GettingStarted: ok")
