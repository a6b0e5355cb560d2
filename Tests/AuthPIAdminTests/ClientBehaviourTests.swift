import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Logging
import Synchronization
import Testing

/// Behaviours over real HTTP against the emulator started in-process on a free port.
@Suite("AuthPIClient against the emulator", .timeLimit(.minutes(2)))
struct ClientBehaviourTests {
    let issuerID = EmulatorDemo.issuerID
    let userID = EmulatorDemo.userWithSessionsID

    // MARK: Reading, envelopes, paging

    @Test func listsAndGetsWithTheirETag() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let page = try await client.issuers.list(limit: 10)
            #expect(page.data.contains { $0.id == issuerID })
            let issuer = try await client.issuer(issuerID).get()
            #expect(issuer.id == issuerID)
            #expect(issuer.etag?.isEmpty == false)
            let user = try await client.issuer(issuerID).user(userID).get()
            #expect(user.id == userID)
            #expect(user.etag?.isEmpty == false)
            try await client.close()
        }
    }

    @Test func listAllWalksEveryPageLazily() async throws {
        try await withTestEmulator(EmulatorOptions(users: 120)) { emulator in
            let client = try emulator.client()
            var ids = Set<String>()
            for try await user in client.issuer(issuerID).users.listAll(limit: 25) {
                ids.insert(user.id)
                if ids.count > 10_000 { break }
            }
            #expect(ids.count >= 120)

            let before = try await emulator.requests().count
            var taken = 0
            for try await _ in client.issuer(issuerID).users.listAll(limit: 25, fetching: .onDemand) {
                taken += 1
                if taken == 30 { break }
            }
            let listRequests = try await emulator.requests().dropFirst(before).filter {
                $0["path"]?.stringValue?.hasSuffix("/users") == true
            }
            #expect(listRequests.count == 2, "30 items of 25 a page need exactly 2 pages on demand")

            // With read-ahead, page 3 may also have been requested (and discarded) while on page 2.
            let beforeReadAhead = try await emulator.requests().count
            taken = 0
            for try await _ in client.issuer(issuerID).users.listAll(limit: 25) {
                taken += 1
                if taken == 30 { break }
            }
            _ = try await client.issuer(issuerID).get()
            let readAheadRequests = try await emulator.requests().dropFirst(beforeReadAhead).filter {
                $0["path"]?.stringValue?.hasSuffix("/users") == true
            }
            #expect((2...3).contains(readAheadRequests.count), "one page ahead at most")
            try await client.close()
        }
    }

    @Test func manualPagingFollowsTheCursor() async throws {
        try await withTestEmulator(EmulatorOptions(users: 60)) { emulator in
            let client = try emulator.client()
            let first = try await client.issuer(issuerID).users.list(limit: 25)
            #expect(first.data.count == 25)
            #expect(first.hasMore)
            let cursor = try #require(first.nextCursor)
            let second = try await client.issuer(issuerID).users.list(limit: 25, cursor: cursor)
            #expect(Set(first.data.map(\.id)).isDisjoint(with: second.data.map(\.id)))
            try await client.close()
        }
    }

    // MARK: Retries

    @Test func retriesAGetOn503ThenSucceeds() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 503, count: 2)
            let client = try emulator.client(Configuration(retries: fastRetries))
            let started = ContinuousClock.now
            let page = try await client.issuers.list()
            let elapsed = ContinuousClock.now - started
            #expect(!page.data.isEmpty)
            let attempts = try await emulator.requests().filter { $0["path"]?.stringValue?.hasSuffix("/issuers") == true }
            #expect(attempts.count == 3)
            // Exponential: 10 ms then 20 ms before the retries.
            #expect(elapsed >= .milliseconds(30))
            try await client.close()
        }
    }

    @Test func givesUpAfterLimitPlusOneAttemptsWithTheLastError() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 502, count: 10)
            let client = try emulator.client(Configuration(retries: RetryPolicy(limit: 2, delay: .milliseconds(5), backoff: .linear)))
            await #expect(throws: AuthPIError.badGateway) { _ = try await client.issuers.list() }
            let attempts = try await emulator.requests().filter { $0["path"]?.stringValue?.hasSuffix("/issuers") == true }
            #expect(attempts.count == 3)
            try await client.close()
        }
    }

    @Test func neverRetriesAPost() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "POST", path: "/v1/accounts/*/issuers/*/users", status: 503, count: 3)
            let client = try emulator.client(Configuration(retries: fastRetries))
            await #expect(throws: AuthPIError.serviceUnavailable) {
                _ = try await client.issuer(issuerID).users.create(["username_type": "email", "username": "x@example.com", "profile": [:]])
            }
            let posts = try await emulator.requests().filter { $0["method"]?.stringValue == "POST" && $0["path"]?.stringValue?.hasSuffix("/users") == true }
            #expect(posts.count == 1)
            try await client.close()
        }
    }

    @Test func retriesAreOffWhenDisabled() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 503, count: 1)
            let client = try emulator.client(Configuration(retries: .disabled))
            await #expect(throws: AuthPIError.serviceUnavailable) { _ = try await client.issuers.list() }
            _ = try await client.issuers.list()
            try await client.close()
        }
    }

    @Test func retryAfterSecondsReplacesTheBackoff() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 429, count: 1, retryAfter: 1)
            let client = try emulator.client(Configuration(retries: fastRetries))
            let started = ContinuousClock.now
            _ = try await client.issuers.list()
            #expect(ContinuousClock.now - started >= .milliseconds(990))
            try await client.close()
        }
    }

    @Test func retryAfterAsAnHTTPDateIsHonoured() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 503, count: 1, retryAfter: 1)
            // The emulator sends seconds: a middleware rewrites the header into a date 2 s ahead.
            var configuration = Configuration(retries: fastRetries)
            configuration.middlewares = [RetryAfterAsDate(secondsAhead: 2)]
            let client = try emulator.client(configuration)
            let started = ContinuousClock.now
            _ = try await client.issuers.list()
            // HTTP dates have whole seconds: at least 1 s is left after truncation.
            #expect(ContinuousClock.now - started >= .milliseconds(1000))
            try await client.close()
        }
    }

    /// The server's wait is never shortened: a `Retry-After` above `maxWait` ends the call at once, as
    /// rate-limited (or unavailable) with the server's wait, after exactly one request.
    @Test func aRetryAfterLongerThanTheCapFailsAtOnceCarryingTheServersWait() async throws {
        try await withTestEmulator { emulator in
            for status in [429, 503] {
                try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: status, count: 1, retryAfter: 3600)
                // maxWait far above what a loaded machine takes for two requests, so that "at once" (not after
                // waiting maxWait) is what the time bound tells apart.
                let client = try emulator.client(Configuration(retries: RetryPolicy(limit: 3, delay: .milliseconds(5), maxWait: .seconds(120))))
                let before = try await emulator.requests().count
                let started = ContinuousClock.now
                do {
                    _ = try await client.issuers.list()
                    Issue.record("expected the \(status) to end the call")
                } catch let error as AuthPIError {
                    #expect(error.statusCode == status)
                    #expect(error.code == (status == 429 ? .rateLimited : .serviceUnavailable))
                    #expect(error.retryAfter == 3600)
                }
                #expect(ContinuousClock.now - started < .seconds(60))
                #expect(try await emulator.requests().count == before + 1, "no retry earlier than the server asked")
                try await client.close()
            }
            // The backoff itself is still capped: a long computed wait is cut to maxWait.
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 503, count: 1)
            let client = try emulator.client(Configuration(retries: RetryPolicy(limit: 1, delay: .seconds(3600), maxWait: .milliseconds(50))))
            let started = ContinuousClock.now
            _ = try await client.issuers.list()
            #expect(ContinuousClock.now - started < .seconds(60), "the 3,600 s backoff was cut to maxWait")
            try await client.close()
        }
    }

    @Test func cancellingTheTaskEndsARetryWait() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 503, count: 1, retryAfter: 30)
            let client = try emulator.client(Configuration(retries: RetryPolicy(limit: 1, delay: .seconds(30))))
            let task = Task { try await client.issuers.list() }
            // Wait (bounded) until the first attempt has been answered, then cancel.
            for _ in 0..<200 {
                if try await emulator.requests().contains(where: { $0["status"]?.intValue == 503 }) { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            let started = ContinuousClock.now
            task.cancel()
            await #expect(throws: CancellationError.self) { _ = try await task.value }
            #expect(ContinuousClock.now - started < .seconds(25))
            try await client.close()
        }
    }

    // MARK: Token refresh

    @Test func concurrent401sShareOneRefresh() async throws {
        try await withTestEmulator { emulator in
            let token = try await emulator.accessToken()
            let counter = RefreshCounter()
            let client = try emulator.client(
                Configuration(accountID: EmulatorDemo.accountID),
                credentials: .accessToken(token, refresh: {
                    await counter.increment()
                    return try await emulator.accessToken()
                }))
            _ = try await client.issuers.list()
            try await emulator.expire(token)
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<8 { group.addTask { try await client.issuers.list().data.count } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(results.count == 8)
            #expect(results.allSatisfy { $0 > 0 })
            #expect(await counter.value == 1)
            try await client.close()
        }
    }

    @Test func aSecond401IsAnAuthenticationError() async throws {
        try await withTestEmulator { emulator in
            let token = try await emulator.accessToken()
            try await emulator.expire(token)
            let counter = RefreshCounter()
            let client = try emulator.client(
                Configuration(accountID: EmulatorDemo.accountID),
                credentials: .accessToken(token, refresh: {
                    await counter.increment()
                    return "tok_not_valid"
                }))
            await #expect(throws: AuthPIError.authentication) { _ = try await client.issuers.list() }
            #expect(await counter.value == 1)
            try await client.close()
        }
    }

    @Test func aThrowingRefreshIsAnAuthenticationErrorWithItsCause() async throws {
        try await withTestEmulator { emulator in
            let token = try await emulator.accessToken()
            try await emulator.expire(token)
            let client = try emulator.client(
                Configuration(accountID: EmulatorDemo.accountID),
                credentials: .accessToken(token, refresh: { throw RefreshFailed() }))
            do {
                _ = try await client.issuers.list()
                Issue.record("expected an authentication error")
            } catch let error as AuthPIError where error.code == .authentication {
                #expect(error.underlying is RefreshFailed)
                #expect(error.statusCode == 401)
            }
            try await client.close()
        }
    }

    @Test func withoutARefreshA401FailsAtOnce() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(credentials: .apiKey(id: "key_demo", secret: "wrong_secret"))
            await #expect(throws: AuthPIError.authentication) { _ = try await client.issuers.list() }
            try await client.close()
        }
    }

    // MARK: ETags and idempotency

    @Test func staleIfMatchIsAPreconditionFailureWithTheCurrentETag() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let user = try await client.issuer(issuerID).user(userID).get()
            let updated = try await client.issuer(issuerID).user(userID).update(["profile": ["display_name": "Bob"]], ifMatch: user.etag)
            #expect(updated.etag != user.etag)
            do {
                _ = try await client.issuer(issuerID).users.update(userID, ["status": "blocked"], ifMatch: user.etag)
                Issue.record("a stale ETag was accepted")
            } catch let error as AuthPIError where error.code == .preconditionFailed {
                #expect(error.statusCode == 412)
                #expect(error.currentETag == updated.etag)
            }
            try await client.close()
        }
    }

    @Test func anIdempotencyKeyReplaysTheFirstAnswer() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let key = "idem-\(UUID().uuidString)"
            let first = try await client.issuer(issuerID).users.create(CreateUserInput(email: "dave@example.com", displayName: "Dave"), idempotencyKey: key)
            let second = try await client.issuer(issuerID).users.create(CreateUserInput(email: "dave@example.com", displayName: "Dave"), idempotencyKey: key)
            #expect(first.id == second.id)
            let other = try await client.issuer(issuerID).users.create(["username_type": "email", "username": "erin@example.com", "profile": [:]])
            #expect(other.id != first.id)
            try await client.close()
        }
    }

    @Test func unknownFieldsSurviveReadAndWriteBack() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            var user = try await client.issuer(issuerID).user(userID).get()
            let keysBefore = Set(user.value.json.keys)
            user.value.profile?["nickname"] = "bobby"
            let written = try await client.issuer(issuerID).user(userID).update(user.value, ifMatch: user.etag)
            #expect(written.profile?["nickname"] == "bobby")
            #expect(keysBefore.isSubset(of: Set(written.value.json.keys)))
            try await client.close()
        }
    }

    // MARK: Transport failures

    @Test func aSlowAnswerIsATimeoutNamingHostAndOperation() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: nil, count: 1, delayMilliseconds: 3000)
            let client = try emulator.client(Configuration(retries: .disabled))
            do {
                _ = try await client.issuers.list(options: RequestOptions(timeout: .milliseconds(300)))
                Issue.record("expected a timeout")
            } catch let error as AuthPIError where error.code == .transport {
                #expect(error.transportFailure == .timeout)
                #expect(error.host == emulator.running.host)
                #expect(error.operation?.hasPrefix("GET /v1/accounts/") == true)
                #expect(!(error.underlying.map { String(describing: type(of: $0)) } ?? "").isEmpty)
            }
            try await client.close()
        }
    }

    @Test func aDroppedConnectionIsATransportError() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 0, count: 1)
            let client = try emulator.client(Configuration(retries: .disabled))
            do {
                _ = try await client.issuers.list()
                Issue.record("expected a transport error")
            } catch let error as AuthPIError where error.code == .transport {
                #expect(error.transportFailure == .connectionReset, "\(String(reflecting: error))")
                #expect(error.host == emulator.running.host)
                #expect(error.operation?.contains("/issuers") == true)
                #expect(error.description.contains("/issuers"))
            }
            _ = try await client.issuers.list()
            try await client.close()
        }
    }

    @Test func aRefusedConnectionIsATransportError() async throws {
        let port = try await withTestEmulator { emulator in emulator.running.port }
        let client = try AuthPIClient(
            keyID: EmulatorDemo.apiKeyID, keySecret: EmulatorDemo.apiKeySecret,
            configuration: Configuration(baseURL: "http://127.0.0.1:\(port)", accountID: EmulatorDemo.accountID, retries: .disabled))
        do {
            _ = try await client.issuers.list()
            Issue.record("expected a transport error")
        } catch let error as AuthPIError where error.code == .transport {
            #expect(error.transportFailure == .connectionRefused)
            #expect(error.host == "127.0.0.1")
        }
        try await client.close()
    }

    @Test func anOversizedBodyIsRefused() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(maxResponseBodyBytes: 64))
            await #expect(throws: AuthPIError.responseTooLarge) { _ = try await client.issuers.list() }
            try await client.close()
        }
    }

    @Test func aNonObjectSuccessBodyIsMalformed() async throws {
        try await withTestEmulator { emulator in
            var configuration = Configuration()
            configuration.middlewares = [ReplaceBody(with: "[1, 2, 3]")]
            let client = try emulator.client(configuration)
            await #expect(throws: AuthPIError.malformedResponse) { _ = try await client.issuer(issuerID).get() }
            await #expect(throws: AuthPIError.malformedResponse) { _ = try await client.issuers.list() }
            try await client.close()
        }
    }

    // MARK: Lifecycle and safety

    @Test func aClosedClientRefusesRequests() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            _ = try await client.issuers.list()
            try await client.close()
            let before = try await emulator.requests().count
            await #expect(throws: AuthPIError.closedClient) { _ = try await client.issuers.list() }
            try await client.close()
            #expect(try await emulator.requests().count == before)
        }
    }

    @Test func aClientDroppedWithoutCloseReleasesItsHTTPClient() async throws {
        try await withTestEmulator { emulator in
            // AsyncHTTPClient traps in debug builds when a client is released un-shut-down: reaching the end
            // of this test proves the SDK shuts its own client down when the last reference goes.
            for _ in 0..<3 {
                let client = try AuthPIClient(
                    apiKey: "\(EmulatorDemo.apiKeyID):\(EmulatorDemo.apiKeySecret)", configuration: Configuration(baseURL: emulator.baseURL))
                _ = try await client.issuers.list(limit: 1)
            }
            try await Task.sleep(for: .milliseconds(200))
            let client = try emulator.client()
            #expect(try await client.issuers.list(limit: 1).data.count == 1)
            try await client.close()
        }
    }

    @Test func withAuthPIClientClosesTheClient() async throws {
        try await withTestEmulator { emulator in
            let escaped = try await withAuthPIClient(
                credentials: .apiKey(id: EmulatorDemo.apiKeyID, secret: EmulatorDemo.apiKeySecret),
                configuration: Configuration(baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID)
            ) { client in
                _ = try await client.issuers.list()
                return client
            }
            await #expect(throws: AuthPIError.closedClient) { _ = try await escaped.issuers.list() }
        }
    }

    @Test func badIdsAreRefusedBeforeAnyRequest() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let before = try await emulator.requests().count
            for bad in ["", ".", "..", "a/b", "x?y", "x#y", "a\\b"] {
                await #expect(throws: AuthPIError.invalidArgument) { _ = try await client.issuer(bad).get() }
                await #expect(throws: AuthPIError.invalidArgument) { _ = try await client.issuer(issuerID).user(bad).sessions.list() }
            }
            await #expect(throws: AuthPIError.invalidArgument) {
                _ = try await client.issuers.list(options: RequestOptions(headers: ["X-Evil": "a\r\nInjected: yes"]))
            }
            #expect(try await emulator.requests().count == before)
            try await client.close()
        }
    }

    /// 1.4.0 test_explicit_account_id_skips_resolution and test_resolves_account_lazily_and_caches.
    @Test func anExplicitAccountIsUsedAsIsAndOtherwiseResolvedOnce() async throws {
        try await withTestEmulator { emulator in
            let explicit = try emulator.client()
            _ = try await explicit.issuers.list()
            #expect(try await emulator.requests().map { $0["path"]?.stringValue } == ["/v1/accounts/\(EmulatorDemo.accountID)/issuers"])
            let resolving = try emulator.client(resolvingAccount: true)
            _ = try await resolving.issuers.list()
            _ = try await resolving.webhooks.list()
            #expect(try await resolving.accountID() == EmulatorDemo.accountID)
            let paths = try await emulator.requests().dropFirst().map { $0["path"]?.stringValue ?? "" }
            #expect(paths == ["/v1/me", "/v1/accounts/\(EmulatorDemo.accountID)/issuers", "/v1/accounts/\(EmulatorDemo.accountID)/webhooks"])
            let identity = try await resolving.whoami()
            #expect(identity.accounts.map(\.accountID) == [EmulatorDemo.accountID])
            try await explicit.close()
            try await resolving.close()
        }
    }

    @Test func protectedHeadersCannotBeOverridden() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(defaultHeaders: ["User-Agent": "spoof", "Authorization": "Bearer stolen", "X-Team": "blue"]))
            _ = try await client.issuers.list(options: RequestOptions(headers: ["user-agent": "spoof2"]))
            let last = try #require(try await emulator.requests().last)
            let headers = last["headers"]?.objectValue ?? [:]
            let userAgent = headers.first { $0.key.lowercased() == "user-agent" }?.value.stringValue
            #expect(userAgent == "authpi-admin-swift/\(AuthPIAdminVersion.string)")
            #expect(headers.first { $0.key.lowercased() == "x-team" }?.value.stringValue == "blue")
            #expect(headers.first { $0.key.lowercased() == "accept" }?.value.stringValue == "application/json")
            #expect(last["status"]?.intValue == 200)
            try await client.close()
        }
    }

    @available(macOS 15, *)
    @Test func secretsNeverAppearInErrorsDescriptionsOrLogs() async throws {
        try await withTestEmulator { emulator in
            let capture = LogCapture()
            var logger = Logger(label: "test") { _ in CapturingLogHandler(capture: capture) }
            logger.logLevel = .trace
            let secret = "demo_secret"
            let wrongSecret = "s3cr3t_never_logged"
            let good = try emulator.client(Configuration(retries: fastRetries, logger: logger), credentials: .apiKey(id: "key_demo", secret: secret))
            let bad = try emulator.client(Configuration(logger: logger), credentials: .apiKey(id: "key_demo", secret: wrongSecret))
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 503, count: 1)
            _ = try await good.issuers.list()
            var dumped = ""
            dump(good, to: &dumped)
            var texts = [String(describing: good), String(reflecting: good), dumped]
            do { _ = try await bad.issuers.list() } catch {
                texts += [String(describing: error), String(reflecting: error), "\(error)"]
            }
            do { _ = try await good.issuer(issuerID).user("usr_missing").get() } catch {
                texts += [String(describing: error), String(reflecting: error)]
            }
            let lines = capture.lines
            #expect(!lines.isEmpty, "debug logs were emitted")
            // One debug line per attempt: method and path, status, latency, attempt number.
            let retried = lines.filter { $0.contains("operation=GET /v1/accounts/\(EmulatorDemo.accountID)/issuers") }
            #expect(retried.contains { $0.contains("status=503") && $0.contains("attempt=1") && $0.contains("latency_ms=") })
            #expect(retried.contains { $0.contains("status=200") && $0.contains("attempt=2") })
            #expect(retried.allSatisfy { $0.hasPrefix("debug") })
            let basic = Data("key_demo:\(secret)".utf8).base64EncodedString()
            let badBasic = Data("key_demo:\(wrongSecret)".utf8).base64EncodedString()
            for text in texts + lines {
                #expect(!text.contains(secret), "\(text)")
                #expect(!text.contains(wrongSecret), "\(text)")
                #expect(!text.contains(basic), "\(text)")
                #expect(!text.contains(badBasic), "\(text)")
            }
            try await good.close()
            try await bad.close()
        }
    }
}

struct RefreshFailed: Error {}

actor RefreshCounter {
    private(set) var value = 0
    func increment() { value += 1 }
}

/// Rewrites `Retry-After` into an HTTP date some seconds ahead.
struct RetryAfterAsDate: ClientMiddleware {
    let secondsAhead: Int

    func intercept(_ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse) async throws -> TransportResponse {
        var response = try await next(request)
        guard response.header("Retry-After") != nil else { return response }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = formatter.string(from: Date().addingTimeInterval(Double(secondsAhead)))
        response.headers.removeAll { $0.name.lowercased() == "retry-after" }
        response.headers.append((name: "Retry-After", value: date))
        return response
    }
}

/// Replaces every 2xx body, to produce what the emulator never sends.
struct ReplaceBody: ClientMiddleware {
    let with: String

    func intercept(_ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse) async throws -> TransportResponse {
        var response = try await next(request)
        if (200...299).contains(response.status) { response.body = Array(with.utf8) }
        return response
    }
}

@available(macOS 15, *)
final class LogCapture: Sendable {
    private let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }
    func append(_ line: String) { storage.withLock { $0.append(line) } }
}

@available(macOS 15, *)
struct CapturingLogHandler: LogHandler {
    let capture: LogCapture
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        capture.append("\(event.level) \(event.message) \(fields) \(event.error.map { String(describing: $0) } ?? "")")
    }
}
