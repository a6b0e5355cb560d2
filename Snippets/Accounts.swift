// Accounts: the account in use, resolved once through GET /v1/me or given explicitly, and a key with several.
// snippet.hide
import AuthPIAdmin
import AuthPIEmulator

let emulator = try await Emulator.start(EmulatorOptions())
let baseURL = emulator.baseURL
// snippet.show

// snippet.resolve
let resolving = try AuthPIClient(keyID: "key_demo", keySecret: "demo_secret", configuration: Configuration(baseURL: baseURL))
print(try await resolving.accountID())      // GET /v1/me once, then cached: "acc_demo"
let identity = try await resolving.whoami()
print(identity.type ?? "?", identity.accounts.map(\.accountID))

let explicit = try AuthPIClient(
    keyID: "key_demo", keySecret: "demo_secret",
    configuration: Configuration(baseURL: baseURL, accountID: "acc_demo")  // used as is: no GET /v1/me
)
// snippet.end
// snippet.hide
let resolved = try await resolving.accountID()
precondition(resolved == EmulatorDemo.accountID, "the demo key resolves to the demo account")
_ = try await explicit.issuers.list(limit: 1)
// snippet.show

// snippet.several
let multi = try AuthPIClient(keyID: "key_multi", keySecret: "multi_secret", configuration: Configuration(baseURL: baseURL))
do {
    _ = try await multi.issuers.list()
} catch let error as AuthPIError where error.code == .configuration {
    print(error.errorDescription)  // this credential can act on 2 accounts (acc_demo, acc_other); pass accountID …
}
let other = try AuthPIClient(
    keyID: "key_multi", keySecret: "multi_secret",
    configuration: Configuration(baseURL: baseURL, accountID: "acc_other")
)
print(try await other.issuers.list().data.count)
// snippet.end

// snippet.accounts
for try await account in explicit.accounts.listAll() {
    print(account.id ?? "-", account.name ?? "-")
}
// snippet.end
// snippet.hide
for client in [resolving, explicit, multi, other] { try await client.close() }
await emulator.shutdown()
print("Accounts: ok")
