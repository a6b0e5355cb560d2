import AsyncHTTPClient
import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Logging

// The snippets of docs/client.md, verbatim, each inside the function that runs it.

@Sendable func quickStart(_ context: ExampleContext) async throws {
    let baseURL = context.baseURL, issuerID = context.issuerID

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

    try await client.close()

    try check(!page.data.isEmpty, "the demo account has issuers")
    try check(alice.id.hasPrefix("usr_") || !alice.id.isEmpty, "a created user has an id")
}

@Sendable func models(_ context: ExampleContext) async throws {
    let issuerID = context.issuerID, userID = context.userID
    let client = try demoClient(context)

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

    try check(raw["id"] == .string(userID), "raw JSON holds the id")
    try check(typed.value.metadata?["team"] == "blue", "typed input fields were sent")
    try await client.close()
}

@Sendable func logging(_ context: ExampleContext) async throws {
    let baseURL = context.baseURL

    var logger = Logger(label: "authpi")
    logger.logLevel = .debug   // one line per attempt: operation, status, latency_ms, attempt

    struct RequestTagger: ClientMiddleware {
        func intercept(
            _ request: TransportRequest,
            next: @Sendable (TransportRequest) async throws -> TransportResponse
        ) async throws -> TransportResponse {
            var request = request
            request.headers.append((name: "X-Request-Tag", value: "nightly"))
            return try await next(request)
        }
    }

    let observed = try AuthPIClient(
        keyID: "key_demo", keySecret: "demo_secret",
        configuration: Configuration(baseURL: baseURL, logger: logger, middlewares: [RequestTagger()])
    )
    _ = try await observed.issuers.list()
    try await observed.close()
}

@Sendable func authentication(_ context: ExampleContext) async throws {
    let baseURL = context.baseURL
    let accessToken = try await mintAccessToken(baseURL)
    let expiredToken = try await mintAccessToken(baseURL, expired: true)
    let refreshCalls = Counter()
    @Sendable func myRefreshLogic() async throws -> String {
        await refreshCalls.increment()
        return try await mintAccessToken(baseURL)
    }

    let byPair = try AuthPIClient(keyID: "key_demo", keySecret: "demo_secret", configuration: Configuration(baseURL: baseURL))

    let byJoined = try AuthPIClient(apiKey: "key_demo:demo_secret", configuration: Configuration(baseURL: baseURL))

    do {
        _ = try AuthPIClient(apiKey: "key_demo", configuration: Configuration(baseURL: baseURL))
    } catch let error as AuthPIError where error.code == .configuration {
        print(error.errorDescription)  // AuthPI API keys are an id (key_…) and a secret, … Pass both: …
    }

    let byToken = try AuthPIClient(accessToken: accessToken, accountID: "acc_demo", configuration: Configuration(baseURL: baseURL))

    let refreshing = try AuthPIClient(
        accessToken: expiredToken,
        accountID: "acc_demo",
        refresh: { try await myRefreshLogic() },
        configuration: Configuration(baseURL: baseURL)
    )

    let resolving = try AuthPIClient(keyID: "key_demo", keySecret: "demo_secret", configuration: Configuration(baseURL: baseURL))
    print(try await resolving.accountID())      // GET /v1/me once, then cached: "acc_demo"
    let identity = try await resolving.whoami()
    print(identity.type ?? "?", identity.accounts.map(\.accountID))

    let explicit = try AuthPIClient(
        keyID: "key_demo", keySecret: "demo_secret",
        configuration: Configuration(baseURL: baseURL, accountID: "acc_demo")  // used as is: no GET /v1/me
    )

    for client in [byPair, byJoined, byToken, refreshing, explicit] {
        _ = try await client.issuers.list(limit: 1)
        try await client.close()
    }
    try await resolving.close()
    try check(await refreshCalls.value == 1, "the refresh closure ran once")
}

@Sendable func scopedPattern(_ context: ExampleContext) async throws {
    let issuerID = context.issuerID, userID = context.userID, webhookID = context.webhookID
    let client = try demoClient(context)

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

    try await client.close()
}

@Sendable func pagination(_ context: ExampleContext) async throws {
    let issuerID = context.issuerID
    let client = try demoClient(context)

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

    // Auto-pagination: items across all pages, one page requested ahead
    var seen = 0
    for try await user in client.issuer(issuerID).users.listAll(limit: 25) {
        seen += 1
        if seen == 60 { break } // page 3 may have been requested ahead; it is cancelled, page 4 never is
        _ = user
    }

    // The old request pattern: a page is requested only when the loop reaches it
    for try await user in client.issuer(issuerID).users.listAll(limit: 25, fetching: .onDemand) {
        _ = user
    }

    try await client.close()
    try check(seen > 0, "listAll yields users")
}

@Sendable func retries(_ context: ExampleContext) async throws {
    let baseURL = context.baseURL

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

    try check(defaults.configuration.retries == .default, "default retries")
    try check(noRetries.configuration.retries.limit == 0, "retries off")
    try check(custom.configuration.retries.backoff == .linear, "custom retries")
    for client in [defaults, noRetries, custom] {
        _ = try await client.issuers.list(limit: 1)
        try await client.close()
    }
}

@Sendable func etags(_ context: ExampleContext) async throws {
    let issuerID = context.issuerID, userID = context.userID
    let client = try demoClient(context)

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
    }

    // Not part of the page: the stale ETag must really be refused.
    do {
        _ = try await client.issuer(issuerID).user(userID).update(["status": "blocked"], ifMatch: user.etag)
        throw ExampleFailure(description: "a stale ETag was accepted")
    } catch AuthPIError.preconditionFailed {}

    let key = UUID().uuidString
    let carol: JSONObject = ["username_type": "email", "username": "carol@example.com", "profile": [:]]
    let once = try await client.issuer(issuerID).users.create(carol, idempotencyKey: key)
    let again = try await client.issuer(issuerID).users.create(carol, idempotencyKey: key)
    print(once.id == again.id) // true
    try check(once.id == again.id, "idempotent replay returns the same user")

    var edited = try await client.issuer(issuerID).user(userID).get()
    edited.value.profile?["nickname"] = "bobby"
    _ = try await client.issuer(issuerID).user(userID).update(edited.value, ifMatch: edited.etag)

    try await client.close()
}

@Sendable func errorHandling(_ context: ExampleContext) async throws {
    let issuerID = context.issuerID
    let client = try demoClient(context)

    do {
        _ = try await client.issuer(issuerID).user("usr_does_not_exist").get()
    } catch AuthPIError.notFound {
        print("User not found")
    } catch let error as AuthPIError where error.code == .validation {
        print("Validation failed:", error.fields.map { "\($0.field): \($0.message)" }, error.fields.map(\.raw))
    } catch let error as AuthPIError where error.code == .rateLimited {
        print("Retry after \(error.retryAfterSeconds ?? 0) seconds")
    } catch AuthPIError.authentication {
        print("Invalid credentials")
    } catch let error as AuthPIError where error.isServerError {
        print("Server error \(error.statusCode), reference \(error.reference ?? "-")")
    }

    let unreachable = try AuthPIClient(
        keyID: "key_demo", keySecret: "demo_secret",
        configuration: Configuration(baseURL: "http://127.0.0.1:9", retries: .disabled)
    )
    do {
        _ = try await unreachable.issuers.list()
    } catch let error as AuthPIError where error.code == .transport {
        print(error.transportFailure?.rawValue ?? "-", error.operation ?? "", error.host ?? "")
    }
    try await unreachable.close()

    try await client.close()
}

@Sendable func configuration(_ context: ExampleContext) async throws {
    let baseURL = context.baseURL

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

    try await configured.close()
}

@Sendable func customHTTPClient(_ context: ExampleContext) async throws {
    let baseURL = context.baseURL

    let http = HTTPClient(eventLoopGroupProvider: .singleton)
    let shared = try AuthPIClient(
        keyID: "key_demo", keySecret: "demo_secret", configuration: Configuration(baseURL: baseURL), httpClient: http
    )
    _ = try await shared.issuers.list()
    try await shared.close()     // does not shut `http` down
    try await http.shutdown()
}

@Sendable func lifecycle(_ context: ExampleContext) async throws {
    let baseURL = context.baseURL

    let count = try await withAuthPIClient(
        credentials: .apiKey(id: "key_demo", secret: "demo_secret"),
        configuration: Configuration(baseURL: baseURL)
    ) { client in
        try await client.issuers.list().data.count
    }
    print(count)

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
    try check(count > 0, "withAuthPIClient returned the body's result")
}

@Sendable func rawRequests(_ context: ExampleContext) async throws {
    let client = try demoClient(context)

    // Any endpoint, through the same auth, account resolution, retries and errors as the accessors
    let raw = try await client.send("GET", "/v1/accounts/{account}/issuers", query: ["limit": "2"])
    print(raw.json?["data"]?.arrayValue?.count ?? 0, raw.json?["has_more"] ?? "-")

    let created = try await client.send(
        "POST", "/v1/accounts/{account}/issuers/\(context.issuerID)/agents", body: ["name": "raw-bot"],
        idempotencyKey: UUID().uuidString
    )
    print(created.data?["id"] ?? "-", created.etag ?? "no etag")

    try await client.close()
    try check(raw.json?["data"]?.arrayValue?.count == 2, "the raw list honours limit=2")
    try check(created.etag != nil, "a raw create returns the ETag")
}

actor Counter {
    private(set) var value = 0
    func increment() { value += 1 }
}
