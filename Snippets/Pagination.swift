// Pagination: pages by hand with cursors, listAll with its one-page read-ahead, and fetching: .onDemand.
// snippet.hide
import AuthPIAdmin
import AuthPIEmulator

let emulator = try await Emulator.start(EmulatorOptions())
let issuerID = EmulatorDemo.issuerID
let client = try AuthPIClient(
    keyID: EmulatorDemo.apiKeyID, keySecret: EmulatorDemo.apiKeySecret,
    configuration: Configuration(baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID))
// snippet.show

// snippet.manual
// Manual pagination
let first = try await client.issuer(issuerID).users.list(limit: 25)
print(first.data.count)      // [UserListItem]
print(first.hasMore)         // Bool
print(first.nextCursor ?? "") // String?

// Fetch the next page
if first.hasMore, let cursor = first.nextCursor {
    let next = try await client.issuer(issuerID).users.list(limit: 25, cursor: cursor)
    print(next.data.count)
}
// snippet.end

// snippet.list-all
// Auto-pagination: items across all pages, one page requested ahead
var seen = 0
for try await user in client.issuer(issuerID).users.listAll(limit: 25) {
    seen += 1
    if seen == 60 { break } // page 3 may have been requested ahead; it is cancelled, page 4 never is
    _ = user
}
// snippet.end
// snippet.hide
precondition(seen == 60, "listAll yields users across pages")
var everyone = 0
// snippet.show

// snippet.on-demand
// The old request pattern: a page is requested only when the loop reaches it
for try await user in client.issuer(issuerID).users.listAll(limit: 25, fetching: .onDemand) {
    _ = user
    // snippet.hide
    everyone += 1
    // snippet.show
}
// snippet.end
// snippet.hide
precondition(everyone == EmulatorDemo.demoUserCount, "listAll(fetching: .onDemand) yields every user once")
try await client.close()
await emulator.shutdown()
print("Pagination: ok")
