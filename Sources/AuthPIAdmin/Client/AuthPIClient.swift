public import AsyncHTTPClient

/// The client of the AuthPI Core API.
///
/// ```
/// let client = try AuthPIClient(keyID: "key_xxx", keySecret: "the secret shown once", configuration: .init(accountID: "acc_xxx"))
/// let page = try await client.issuers.list(limit: 10)
/// let users = try await client.issuer("i_x2v9qkw4mt7rne").users.list()
/// try await client.close()
/// ```
///
/// Without an `accountID`, the account is resolved on the first account-level call through `GET /v1/me`
/// (once per client) and must be the only account of the credential.
///
/// Accessors mirror the API: account-level collections (`issuers`, `webhooks`, `events`, …), scopes
/// (`issuer(id)`, `webhook(id)`) and inside them collections and scopes again (`issuer(id).user(id).sessions`).
/// A client is `Sendable`: share one across tasks. Close it (or use ``withAuthPIClient(credentials:configuration:httpClient:_:)``)
/// when done; any request after that throws ``AuthPIError/closedClient``.
public final class AuthPIClient: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    let core: ClientCore

    /// Uses `transport` for every request. ``close()`` calls its `shutdown()`.
    public init(credentials: Credentials, configuration: Configuration = Configuration(), transport: any HTTPTransport) throws {
        core = try ClientCore(credentials: credentials, configuration: configuration, transport: transport)
    }

    /// Uses the caller's `HTTPClient` when given (never shut down by the SDK), else a client of its own.
    public convenience init(credentials: Credentials, configuration: Configuration = Configuration(), httpClient: HTTPClient? = nil) throws {
        // Validate first so that a bad configuration does not leave an HTTPClient behind.
        _ = try ClientCore(credentials: credentials, configuration: configuration, transport: NoTransport())
        let transport =
            httpClient.map { AsyncHTTPClientTransport(client: $0) }
            ?? AsyncHTTPClientTransport(
                connectTimeout: configuration.connectTimeout, maxConnectionsPerHost: configuration.maxConnectionsPerHost)
        try self.init(credentials: credentials, configuration: configuration, transport: transport)
    }

    /// An API key as one string `"key_id:secret"` (split at the first colon), sent as HTTP Basic. A bare
    /// `key_…` id without its secret is refused with a configuration error, before any request.
    public convenience init(apiKey: String, configuration: Configuration = Configuration(), httpClient: HTTPClient? = nil) throws {
        try self.init(credentials: .apiKey(apiKey), configuration: configuration, httpClient: httpClient)
    }

    /// An API key id (`key_…`) and its secret, sent as HTTP Basic.
    public convenience init(keyID: String, keySecret: String, configuration: Configuration = Configuration(), httpClient: HTTPClient? = nil) throws {
        try self.init(credentials: .apiKey(id: keyID, secret: keySecret), configuration: configuration, httpClient: httpClient)
    }

    /// An access token (sent as `Bearer`). On a 401, `refresh` (when given) is called once for all concurrent
    /// callers and each request is retried once with the new token. Without `accountID` (here or in the
    /// configuration), the account is resolved through `GET /v1/me`.
    public convenience init(
        accessToken: String, accountID: String? = nil, refresh: Credentials.Refresh? = nil,
        configuration: Configuration = Configuration(), httpClient: HTTPClient? = nil
    ) throws {
        var configuration = configuration
        if let accountID { configuration.accountID = accountID }
        try self.init(credentials: .accessToken(accessToken, refresh: refresh), configuration: configuration, httpClient: httpClient)
    }

    /// A description safe to log: it shows no credential or secret.
    public var description: String { "AuthPIClient(baseURL: \(core.baseURL))" }
    /// The same as `description`: safe to log.
    public var debugDescription: String { description }
    /// Reflection (`dump`, debuggers) shows the base URL only, never the credential.
    public var customMirror: Mirror { Mirror(self, children: ["baseURL": core.baseURL]) }

    /// The configuration the client was built with.
    public var configuration: Configuration { core.configuration }

    /// `GET /v1/me`: the credential's type and the accounts it can act on.
    public func whoami(options: RequestOptions = .none) async throws -> CallerIdentity {
        try await core.whoami(options: options).value
    }

    /// The account id account paths use: the configured one (no request), else the one resolved through
    /// `GET /v1/me` (one request per client, shared by concurrent callers; a failure is retried on the next call).
    public func accountID() async throws -> String {
        _ = try await core.auth.snapshot()
        return try await core.accountID()
    }

    /// Closes the client: later requests throw ``AuthPIError/closedClient``. Shuts down the HTTP client
    /// only when the SDK created it. Calling it again does nothing.
    public func close() async throws {
        try await core.close()
    }

    // MARK: Account level

    var account: [PathPart] { [.literal("v1"), .literal("accounts"), .account] }

    /// The account's `issuers` collection (`/v1/accounts/{account}/issuers`); makes no request.
    public var issuers: Issuers { Issuers(core: core, path: account + [.literal("issuers")]) }
    /// One item of the account's `issuers` by id, as a scope to read, change or navigate from; makes no request.
    public func issuer(_ id: String) -> IssuerScope { IssuerScope(core: core, path: account + [.literal("issuers"), .id(id, label: "issuer id")]) }
    /// The account's `webhooks` collection (`/v1/accounts/{account}/webhooks`); makes no request.
    public var webhooks: Webhooks { Webhooks(core: core, path: account + [.literal("webhooks")]) }
    /// One item of the account's `webhooks` by id, as a scope to read, change or navigate from; makes no request.
    public func webhook(_ id: String) -> WebhookScope { WebhookScope(core: core, path: account + [.literal("webhooks"), .id(id, label: "webhook id")]) }
    /// The account's `events` collection (`/v1/accounts/{account}/events`); makes no request.
    public var events: Events { Events(core: core, path: account + [.literal("events")]) }
    /// The account's `api-keys` collection (`/v1/accounts/{account}/api-keys`); makes no request.
    public var apiKeys: AccountAPIKeys { AccountAPIKeys(core: core, path: account + [.literal("api-keys")]) }
    /// The account's `domains` collection (`/v1/accounts/{account}/domains`); makes no request.
    public var domains: Domains { Domains(core: core, path: account + [.literal("domains")]) }
    /// The account's `credits` collection (`/v1/accounts/{account}/credits`); makes no request.
    public var credits: Credits { Credits(core: core, path: account + [.literal("credits")]) }
    /// The account's `notes` collection (`/v1/accounts/{account}/notes`); makes no request.
    public var notes: Notes { Notes(core: core, path: account + [.literal("notes")]) }
    /// The account's `tokens` collection (`/v1/accounts/{account}/tokens`); makes no request.
    public var tokens: AccountTokens { AccountTokens(core: core, path: account + [.literal("tokens")]) }
    /// The accounts this credential can see (`/v1/accounts`); makes no request.
    public var accounts: Accounts { Accounts(core: core, path: [.literal("v1"), .literal("accounts")]) }
}

/// Runs `body` with a client and closes it afterwards, whatever happens.
public func withAuthPIClient<Result: Sendable>(
    credentials: Credentials, configuration: Configuration = Configuration(), httpClient: HTTPClient? = nil,
    _ body: (AuthPIClient) async throws -> Result
) async throws -> Result {
    let client = try AuthPIClient(credentials: credentials, configuration: configuration, httpClient: httpClient)
    let result: Result
    do {
        result = try await body(client)
    } catch {
        try? await client.close()
        throw error
    }
    try await client.close()
    return result
}

/// Stands in for the transport while a configuration is only being checked.
private struct NoTransport: HTTPTransport {
    func send(_ request: TransportRequest) async throws -> TransportResponse {
        throw AuthPIError.closedClientError
    }
}
