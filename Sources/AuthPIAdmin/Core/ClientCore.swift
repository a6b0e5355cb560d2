import Foundation
import Logging

/// What every accessor shares: the transport, the credential, the settings and the request loop.
final class ClientCore: Sendable, CustomReflectable {
    let baseURL: String
    let host: String
    let configuration: Configuration
    let transport: any HTTPTransport
    let auth: AuthState
    let refresh: Credentials.Refresh?
    /// The credential's secrets, scrubbed from error texts the server sends back.
    let secretValues: [String]
    let accountResolver = AccountResolver()
    let send: @Sendable (TransportRequest) async throws -> TransportResponse

    init(credentials: Credentials, configuration: Configuration, transport: any HTTPTransport) throws {
        let authorization = try credentials.authorization()
        let (base, host) = try Self.checkBaseURL(configuration.baseURL)
        if let accountID = configuration.accountID {
            do { try PathPart.validateSegment(accountID, label: "accountID") } catch {
                throw AuthPIError.configuration("accountID is not a valid path segment")
            }
            guard accountID.lowercased() != "me" else {
                throw AuthPIError.configuration(
                    "accountID \"me\" is not an account id: the API has no me alias. Pass the account id (acc_…), "
                        + "or no accountID to resolve it once through GET /v1/me")
            }
        }
        guard configuration.timeout > .zero else { throw AuthPIError.configuration("timeout must be positive") }
        guard configuration.connectTimeout > .zero else { throw AuthPIError.configuration("connectTimeout must be positive") }
        guard configuration.maxConnectionsPerHost > 0 else {
            throw AuthPIError.configuration("maxConnectionsPerHost must be positive")
        }
        guard configuration.maxResponseBodyBytes > 0 else {
            throw AuthPIError.configuration("maxResponseBodyBytes must be positive")
        }
        try configuration.retries.validate()
        for (name, value) in configuration.defaultHeaders {
            do { try HeaderBuilder.validate(name: name, value: value) } catch let error as AuthPIError {
                throw AuthPIError.configuration("defaultHeaders: \(error.errorDescription)")
            }
        }

        self.baseURL = base
        self.host = host
        self.configuration = configuration
        self.transport = transport
        self.auth = AuthState(authorization: authorization)
        self.refresh = credentials.refresh
        self.secretValues = credentials.secretValues

        // Fold the middlewares around the transport, the first one outermost.
        var next: @Sendable (TransportRequest) async throws -> TransportResponse = { try await transport.send($0) }
        for middleware in configuration.middlewares.reversed() {
            let inner = next
            next = { try await middleware.intercept($0, next: inner) }
        }
        self.send = next
    }

    /// The base URL without trailing slashes, and its host. Errors name the problem but never repeat the
    /// URL's user or password.
    static func checkBaseURL(_ text: String) throws -> (base: String, host: String) {
        func refuse(_ problem: String) -> AuthPIError {
            AuthPIError.configuration("baseURL \(problem); expected an absolute http(s) URL such as \(Configuration.defaultBaseURL)")
        }
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        guard !base.isEmpty else { throw refuse("is empty") }
        guard !base.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else {
            throw refuse("contains spaces or control characters")
        }
        guard let components = URLComponents(string: base) else { throw refuse("is not a valid URL") }
        // Credentials go in `Credentials`, never in the URL (which appears in descriptions and errors).
        guard components.user == nil, components.password == nil else {
            throw refuse("must not contain a user or password")
        }
        guard let scheme = components.scheme?.lowercased() else { throw refuse("has no scheme (http:// or https://)") }
        guard scheme == "http" || scheme == "https" else { throw refuse("has the scheme \"\(scheme)\", not http or https") }
        guard let host = components.host, !host.isEmpty else { throw refuse("has no host") }
        guard components.query == nil, components.fragment == nil else { throw refuse("must not have a query or fragment") }
        if let port = components.port, !(1...65535).contains(port) { throw refuse("has an invalid port") }
        return (base, host)
    }

    /// Keeps the credential out of `dump` and debuggers.
    var customMirror: Mirror { Mirror(self, children: ["baseURL": baseURL]) }

    // MARK: Account

    /// The account of account paths: the configured id as is, else the one `GET /v1/me` names, resolved once
    /// per client (concurrent first calls share one request). A failed resolution is not kept: the next call
    /// asks again.
    func accountID() async throws -> String {
        if let accountID = configuration.accountID { return accountID }
        return try await accountResolver.resolve { [self] in
            let identity = try await whoami(options: .none)
            return try Self.soleAccount(of: identity.value)
        }
    }

    /// The one account a credential can act on, or a configuration error that names them all.
    static func soleAccount(of identity: CallerIdentity) throws -> String {
        let accounts = identity.accounts
        switch accounts.count {
        case 1:
            // The id goes into every account path: an id that could change the path is refused.
            let accountID = accounts[0].accountID
            do { try PathPart.validateSegment(accountID, label: "account id") } catch {
                throw AuthPIError.malformedResponse(
                    "GET /v1/me returned an account id that is not a valid path segment", operation: "GET /v1/me")
            }
            guard accountID.lowercased() != "me" else {
                throw AuthPIError.malformedResponse("GET /v1/me returned the account id \"me\"", operation: "GET /v1/me")
            }
            return accountID
        case 0:
            throw AuthPIError.configuration(
                "this credential has no account (GET /v1/me lists none), so the account cannot be resolved; pass accountID")
        default:
            throw AuthPIError.configuration(
                "this credential can act on \(accounts.count) accounts (\(accounts.map(\.accountID).joined(separator: ", "))); "
                    + "pass accountID to choose one")
        }
    }

    func whoami(options: RequestOptions) async throws -> Versioned<CallerIdentity> {
        try await object(.get, PathPart.callerIdentity, options: options)
    }

    // MARK: Typed helpers used by the accessors

    func object<T: AuthPIModel>(
        _ method: HTTPMethodName, _ path: [PathPart], query: Query = Query(), body: (any RequestBody)? = nil,
        ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions
    ) async throws -> Versioned<T> {
        let result = try await perform(
            method, path, query: query, body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey,
            options: options)
        guard let body = result.body else {
            if T.acceptsEmptyBody { return Versioned(T(json: [:]), etag: result.etag) }
            throw AuthPIError.malformedResponse(
                "expected a \(T.self) object, got an empty body", operation: result.operation)
        }
        do {
            return Versioned(try T(validating: Self.unwrapData(body)), etag: result.etag)
        } catch let error as AuthPIError {
            throw error.withOperation(result.operation, host: host)
        }
    }

    func page<T: AuthPIModel>(_ path: [PathPart], query: Query, options: RequestOptions) async throws -> Page<T> {
        // For a read-ahead: the envelope's cursor as soon as the body arrives (see PageContinuationHook).
        var onBody: (@Sendable ([UInt8]) -> Void)?
        if let tell = PageContinuationHook.current {
            onBody = { bytes in
                if let next = JSONParser.listContinuation(bytes) { tell(next) }
            }
        }
        let result = try await perform(.get, path, query: query, options: options, onBody: onBody)
        do {
            return try Page<T>(decoding: result.body)
        } catch let error as AuthPIError {
            throw error.withOperation(result.operation, host: host)
        }
    }

    /// An endpoint that returns a bare array (`notes.backlinks`) or a list envelope.
    func array<T: AuthPIModel>(_ path: [PathPart], query: Query, options: RequestOptions) async throws -> [T] {
        let result = try await perform(.get, path, query: query, options: options)
        do {
            if case .array(let items)? = result.body { return try items.map { try T(validating: $0) } }
            return try Page<T>(decoding: result.body).data
        } catch let error as AuthPIError {
            throw error.withOperation(result.operation, host: host)
        }
    }

    func delete(_ path: [PathPart], ifMatch: String?, idempotencyKey: String? = nil, options: RequestOptions) async throws {
        _ = try await perform(.delete, path, ifMatch: ifMatch, idempotencyKey: idempotencyKey, options: options)
    }

    /// A sole-key `{"data": X}` envelope is unwrapped; anything else is the resource itself.
    static func unwrapData(_ body: JSONValue) -> JSONValue {
        if case .object(let object) = body, object.count == 1, let data = object["data"] { return data }
        return body
    }

    // MARK: The request loop

    struct RawResult: Sendable {
        var body: JSONValue?
        var etag: String?
        var operation: String
    }

    func perform(
        _ method: HTTPMethodName, _ path: [PathPart], query: Query = Query(), body: (any RequestBody)? = nil,
        ifMatch: String? = nil, idempotencyKey: String? = nil, options: RequestOptions,
        onBody: (@Sendable ([UInt8]) -> Void)? = nil
    ) async throws -> RawResult {
        _ = try await auth.snapshot()  // closed-client check before anything else
        let needsAccount = path.contains { if case .account = $0 { true } else { false } }
        let account = needsAccount ? try await accountID() : nil
        let pathText = try PathPart.build(path, account: account)
        return try await execute(
            method, pathText, query: query, body: body, ifMatch: ifMatch, idempotencyKey: idempotencyKey,
            options: options, onBody: onBody)
    }

    /// Sends a request whose path is already built, with retries, refresh, error mapping and scrubbing.
    /// `onBody` sees the bytes of a successful answer before they are parsed.
    func execute(
        _ method: HTTPMethodName, _ pathText: String, query: Query, body: (any RequestBody)?,
        ifMatch: String?, idempotencyKey: String?, options: RequestOptions,
        onBody: (@Sendable ([UInt8]) -> Void)? = nil
    ) async throws -> RawResult {
        try PathPart.refuseMeAlias(pathText)
        let operation = "\(method.rawValue) \(pathText)"
        var bodyBytes: [UInt8]?
        if let body {
            do {
                let object = try body.jsonObject().strippingUnderscoreKeys()
                bodyBytes = Array(try JSONCoding.encode(JSONValue.object(object)))
            } catch let error as AuthPIError {
                throw error
            } catch {
                // e.g. a NaN or infinite number: nothing is sent.
                throw AuthPIError.invalidArgument("the request body cannot be encoded as JSON").withUnderlying(error)
            }
        }
        for (name, value) in options.headers { try HeaderBuilder.validate(name: name, value: value) }
        if let ifMatch { try HeaderBuilder.validate(name: "If-Match", value: ifMatch) }
        if let idempotencyKey { try HeaderBuilder.validate(name: "Idempotency-Key", value: idempotencyKey) }

        let url = baseURL + pathText + query.encoded
        let policy = configuration.retries
        let maxAttempts = method.isRetryable ? policy.limit + 1 : 1
        var refreshedOnce = false
        var attempt = 0
        while true {
            let (authorization, generation) = try await auth.snapshot()
            let headers = try HeaderBuilder.build(
                authorization: authorization, hasBody: bodyBytes != nil, defaults: configuration.defaultHeaders,
                perCall: options.headers, ifMatch: ifMatch, idempotencyKey: idempotencyKey)
            let request = TransportRequest(
                method: method.rawValue, url: url, headers: headers, body: bodyBytes,
                timeout: options.timeout ?? configuration.timeout,
                maxResponseBodyBytes: configuration.maxResponseBodyBytes, attempt: attempt + 1)

            let started = ContinuousClock.now
            let response: TransportResponse
            do {
                response = try await send(request)
            } catch {
                try Task.checkCancellation()
                if await auth.isClosed { throw AuthPIError.closedClientError }
                let mapped = TransportErrorMapping.map(error, host: host, operation: operation)
                log(operation, status: nil, started: started, attempt: attempt, failure: mapped)
                throw mapped
            }
            log(operation, status: response.status, started: started, attempt: attempt, failure: nil)

            if (200...299).contains(response.status) {
                if let onBody {
                    onBody(response.body)
                    // The request onBody may have started (the next page) is a task of its own: let it go out
                    // before this body is parsed, or on a busy CPU it waits for the parse. The task yield lets it
                    // reach the transport; the processor yield lets the I/O thread send it (see ProcessorYield).
                    await Task.yield()
                    ProcessorYield.now()
                }
                return RawResult(
                    body: try decodeBody(response, operation: operation), etag: response.header("ETag"),
                    operation: operation)
            }

            if response.status == 401, let refresh, !refreshedOnce {
                refreshedOnce = true
                do {
                    _ = try await auth.refreshed(after: generation, using: refresh)
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    let failure = AuthPIError.fromResponse(
                        status: 401, body: response.body, retryAfterHeader: nil, operation: operation, host: host)
                    throw await scrubbed(failure.withUnderlying(error))
                }
                continue
            }

            let retryable = [429, 502, 503, 504].contains(response.status)
            // The server's own wait (header, else the body's `retry_after`) is never shortened: when it is
            // longer than the policy allows, the call fails now and the error carries that wait.
            if retryable && attempt + 1 < maxAttempts,
                let wait = policy.plannedWait(beforeRetry: attempt, serverWait: Self.serverWait(response))
            {
                configuration.logger.debug(
                    "retrying", metadata: ["operation": "\(operation)", "wait_ms": "\(wait.components.seconds * 1000 + wait.components.attoseconds / 1_000_000_000_000_000)"])
                try await Task.sleep(for: wait)  // throws CancellationError at once when the task is cancelled
                attempt += 1
                continue
            }
            throw await scrubbed(
                AuthPIError.fromResponse(
                    status: response.status, body: response.body, retryAfterHeader: response.header("Retry-After"),
                    operation: operation, host: host))
        }
    }

    /// Removes the credential (the configured one and the current, maybe refreshed, token) from an error
    /// built from a response body.
    private func scrubbed(_ error: AuthPIError) async -> AuthPIError {
        let current = await auth.authorization
        let token = current.split(separator: " ", maxSplits: 1).last.map(String.init) ?? current
        return error.scrubbing(secretValues + [token])
    }

    /// How long the server asked to wait: `Retry-After`, else a `retry_after` in the error body (seconds).
    static func serverWait(_ response: TransportResponse) -> Duration? {
        if let header = RetryAfter.parse(response.header("Retry-After")) { return header }
        guard let value = try? JSONParser.parse(response.body), let seconds = value["retry_after"]?.doubleValue,
            seconds.isFinite
        else { return nil }
        return seconds <= 0 ? .zero : .milliseconds(Int64(min(seconds, 1e9) * 1000))
    }

    private func decodeBody(_ response: TransportResponse, operation: String) throws -> JSONValue? {
        if response.status == 204 || response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return nil
        }
        do {
            return try JSONParser.parse(response.body)
        } catch {
            throw AuthPIError.malformedResponse("the response body is not JSON (\(error))", operation: operation)
        }
    }

    private func log(_ operation: String, status: Int?, started: ContinuousClock.Instant, attempt: Int, failure: AuthPIError?) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        var metadata: Logger.Metadata = [
            "operation": "\(operation)", "latency_ms": "\(milliseconds)", "attempt": "\(attempt + 1)",
        ]
        if let status { metadata["status"] = "\(status)" }
        if let failure { metadata["failure"] = "\(failure.transportFailure?.rawValue ?? failure.code.description)" }
        configuration.logger.debug("authpi request", metadata: metadata)
    }

    // MARK: Lifecycle

    func close() async throws {
        guard await auth.close() else { return }
        try await transport.shutdown()
    }
}

/// HTTP methods the API uses.
enum HTTPMethodName: String, Sendable {
    case get = "GET", post = "POST", put = "PUT", patch = "PATCH", delete = "DELETE", head = "HEAD", options = "OPTIONS"

    var isRetryable: Bool { self == .get || self == .head || self == .options }
}
