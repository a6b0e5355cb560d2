public import Logging

/// Everything about a client except its credentials.
public struct Configuration: Sendable {
    /// The API root, without `/v1`. Default `https://api.authpi.com` (the production API).
    public var baseURL: String
    /// The account to act on, used as is (`GET /v1/me` is then never called). Without it, the account is
    /// resolved through `GET /v1/me` on the first account-level call, once per client, and cached; a
    /// credential with zero or several accounts is a configuration error that names them.
    public var accountID: String?
    /// Timeout of each attempt. Default 30 s.
    public var timeout: Duration
    /// Headers sent with every request (`Authorization`, `Host` and `User-Agent` cannot be overridden).
    public var defaultHeaders: [String: String]
    /// Retries of read-only requests on 429, 502, 503 and 504. Default ``RetryPolicy/default``.
    public var retries: RetryPolicy
    /// Larger response bodies are refused without being read whole. Default 8 MiB.
    public var maxResponseBodyBytes: Int
    /// Debug logs of each attempt: method, path, status, latency, attempt. Never a secret.
    public var logger: Logger
    /// Middlewares around the transport, outermost first.
    public var middlewares: [any ClientMiddleware]
    /// How long opening a connection may take. A refused connection fails at once, without waiting for it.
    /// Default 3 s. Applies to the HTTP client the SDK creates (not to one you pass in).
    public var connectTimeout: Duration
    /// Connections kept open to the API host at most; further concurrent requests wait for one. Default 8.
    /// Applies to the HTTP client the SDK creates (not to one you pass in).
    public var maxConnectionsPerHost: Int

    /// A configuration; every argument has the default its property describes. Checked when a client is built.
    public init(
        baseURL: String = Configuration.defaultBaseURL,
        accountID: String? = nil,
        timeout: Duration = .seconds(30),
        defaultHeaders: [String: String] = [:],
        retries: RetryPolicy = .default,
        maxResponseBodyBytes: Int = 8 * 1024 * 1024,
        logger: Logger = Logger(label: "authpi.admin"),
        middlewares: [any ClientMiddleware] = [],
        connectTimeout: Duration = .seconds(3),
        maxConnectionsPerHost: Int = 8
    ) {
        self.baseURL = baseURL
        self.accountID = accountID
        self.timeout = timeout
        self.defaultHeaders = defaultHeaders
        self.retries = retries
        self.maxResponseBodyBytes = maxResponseBodyBytes
        self.logger = logger
        self.middlewares = middlewares
        self.connectTimeout = connectTimeout
        self.maxConnectionsPerHost = maxConnectionsPerHost
    }
}

extension Configuration {
    /// The production API.
    public static let defaultBaseURL = "https://api.authpi.com"
}

extension Configuration: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The settings, with credential-looking default headers (`Authorization`, `Cookie`, `X-Api-Key`, …) hidden.
    public var description: String {
        let headers = defaultHeaders.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
        return "Configuration(baseURL: \(baseURL), accountID: \(accountID ?? "nil (resolved through GET /v1/me)"), "
            + "timeout: \(timeout), connectTimeout: \(connectTimeout), defaultHeaders: [\(Redaction.headers(headers))], "
            + "retries: \(retries), maxResponseBodyBytes: \(maxResponseBodyBytes), "
            + "maxConnectionsPerHost: \(maxConnectionsPerHost), middlewares: \(middlewares.count))"
    }

    /// The same as `description`: safe to log.
    public var debugDescription: String { description }

    /// A mirror that shows only `description`, so `dump` reveals no secret.
    public var customMirror: Mirror { Mirror(self, children: ["configuration": description]) }
}
