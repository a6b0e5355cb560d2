import AsyncHTTPClient
import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing

/// What the deployed API (the 1.4.0 contract) requires of the client, checked on the wire through the
/// emulator's request log: key pairs as HTTP Basic, the account resolved through `GET /v1/me` (never a
/// `me` alias), the endpoints 1.4.0 added, the raw-request escape hatch and the wire details of 1.4.0.
@Suite("Client real-API fidelity on the wire", .timeLimit(.minutes(2)))
struct ClientWireFidelityTests {
    static let account = EmulatorDemo.accountID

    static func paths(_ emulator: TestEmulator) async throws -> [String] {
        try await emulator.requests().map { $0["path"]?.stringValue ?? "" }
    }

    static func header(_ entry: JSONValue?, _ name: String) -> String? {
        entry?["headers"]?.objectValue?.first { $0.key.lowercased() == name.lowercased() }?.value.stringValue
    }

    // MARK: Credentials

    /// 1.4.0 test_request_sends_api_key_as_basic_auth and test_bearer_token_auth.
    @Test func aKeyPairTravelsAsBasicAndAnAccessTokenAsBearer() async throws {
        try await withTestEmulator { emulator in
            let byPair = try emulator.client()
            _ = try await byPair.issuers.list(limit: 1)
            #expect(Self.header(try await emulator.lastRequest(), "Authorization") == "Basic [redacted]")
            #expect(try await emulator.lastRequest()?["status"]?.intValue == 200)
            try await byPair.close()

            let token = try await emulator.accessToken()
            let byToken = try AuthPIClient(accessToken: token, configuration: Configuration(baseURL: emulator.baseURL, accountID: Self.account))
            _ = try await byToken.issuers.list(limit: 1)
            #expect(Self.header(try await emulator.lastRequest(), "Authorization") == "Bearer [redacted]")
            try await byToken.close()
            // No request of this test carried a key as a bearer token.
            #expect(try await emulator.requests().allSatisfy { $0["status"]?.intValue == 200 })
        }
    }

    /// A refresh closure that returns an API key id instead of a token: refused, never sent as `Bearer key_…`.
    @Test func aRefreshReturningAKeyIDIsRefusedNotSent() async throws {
        try await withTestEmulator { emulator in
            let expired = try await emulator.accessToken()
            try await emulator.expire(expired)
            let client = try AuthPIClient(
                accessToken: expired, accountID: Self.account, refresh: { EmulatorDemo.apiKeyID },
                configuration: Configuration(baseURL: emulator.baseURL))
            do {
                _ = try await client.issuers.list()
                Issue.record("expected an authentication error")
            } catch let error as AuthPIError {
                #expect(error.code == .authentication)
                #expect((error.underlying as? AuthPIError)?.code == .configuration)
            }
            #expect(try await emulator.requests().count == 1, "only the first attempt, with the expired token, was sent")
            try await client.close()
        }
    }

    // MARK: Account resolution

    /// Without an account id an access token resolves it through `GET /v1/me` too (1.4.0 test_client_constructs_without_account_id).
    @Test func anAccessTokenWithoutAccountResolvesItThroughMe() async throws {
        try await withTestEmulator { emulator in
            let token = try await emulator.accessToken()
            let client = try AuthPIClient(accessToken: token, configuration: Configuration(baseURL: emulator.baseURL))
            _ = try await client.issuers.list(limit: 1)
            _ = try await client.events.list(limit: 1)
            #expect(try await Self.paths(emulator) == ["/v1/me", "/v1/accounts/\(Self.account)/issuers", "/v1/accounts/\(Self.account)/events"])
            try await client.close()
        }
    }

    @Test func concurrentFirstCallsShareOneResolution() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/me", status: nil, count: 1, delayMilliseconds: 300)
            let client = try emulator.client(resolvingAccount: true)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<20 { group.addTask { _ = try await client.issuers.list(limit: 1) } }
                try await group.waitForAll()
            }
            let paths = try await Self.paths(emulator)
            #expect(paths.filter { $0 == "/v1/me" }.count == 1)
            #expect(paths.filter { $0 == "/v1/accounts/\(Self.account)/issuers" }.count == 20)
            try await client.close()
        }
    }

    /// A failed `GET /v1/me` (dropped connection, then a 401) is not kept: the next call asks again.
    @Test func aFailedResolutionIsNotCachedTheNextCallTriesAgain() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(retries: .disabled), resolvingAccount: true)
            try await emulator.fault(method: "GET", path: "/v1/me", status: 0, count: 1)
            await #expect(throws: AuthPIError.transport) { _ = try await client.issuers.list() }
            try await emulator.fault(method: "GET", path: "/v1/me", status: 401, count: 1)
            await #expect(throws: AuthPIError.authentication) { _ = try await client.issuers.list() }
            #expect(try await client.issuers.list(limit: 1).data.count == 1)
            _ = try await client.issuers.list(limit: 1)
            #expect(try await Self.paths(emulator) == ["/v1/me", "/v1/me", "/v1/me", "/v1/accounts/\(Self.account)/issuers", "/v1/accounts/\(Self.account)/issuers"])
            try await client.close()
        }
    }

    /// No path ever holds the `me` alias: an `accountID` of "me" is refused when the client is built, and a
    /// raw path under `/v1/accounts/me` before any request.
    @Test func theMeAliasIsNeverSent() async throws {
        try await withTestEmulator { emulator in
            #expect(throws: AuthPIError.configuration) { _ = try emulator.client(Configuration(accountID: "me")) }
            let client = try emulator.client()
            await #expect(throws: AuthPIError.invalidArgument) { _ = try await client.send("GET", "/v1/accounts/me/issuers") }
            #expect(try await emulator.requests().isEmpty)
            try await client.close()
        }
    }

    // MARK: Endpoints 1.4.0 has

    @Test func domainsAuthMethodsAndAgentVerifiersListAll() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let iss = client.issuer(EmulatorDemo.issuerID)
            var domains: [String] = []
            for try await domain in client.domains.listAll() { domains.append(domain.host ?? "") }
            var methods = 0
            for try await _ in iss.authMethods.listAll() { methods += 1 }
            var verifiers = 0
            for try await _ in iss.agent(EmulatorDemo.agentID).verifiers.listAll() { verifiers += 1 }
            #expect(!domains.isEmpty)
            #expect(methods > 0)
            #expect(verifiers > 0)
            let requests = try await emulator.requests()
            let lists = requests.filter { $0["method"]?.stringValue == "GET" }
            #expect(lists.map { $0["path"]?.stringValue ?? "" } == [
                "/v1/accounts/\(Self.account)/domains", "/v1/accounts/\(Self.account)/issuers/\(EmulatorDemo.issuerID)/auth-methods",
                "/v1/accounts/\(Self.account)/issuers/\(EmulatorDemo.issuerID)/agents/\(EmulatorDemo.agentID)/verifiers",
            ])
            #expect(lists.allSatisfy { $0["query"]?.objectValue?.isEmpty ?? true }, "the first page sends no paging parameters")
            try await client.close()
        }
    }

    /// 1.4.0 returns the body of `DELETE {org}/sso/domains/{d}` with its ETag, like the other actions.
    @Test func removingAnSSODomainReturnsTheAnswer() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let sso = client.issuer(EmulatorDemo.issuerID).organization(EmulatorDemo.organizationID).sso
            _ = try await sso.addDomain(["domain": "eng.example.com"])
            let removed = try await sso.removeDomain("eng.example.com")
            #expect(removed.value["deleted"] == true)
            #expect(removed.value["domain"] == "eng.example.com")
            #expect(try await emulator.lastRequest()?["method"]?.stringValue == "DELETE")
            try await client.close()
        }
    }

    /// The emulator has no credit routes: their answers are served as fault bodies, and the request log
    /// shows what the client sent (method, path, query names, headers).
    @Test func creditsLedgerPagesAndTopUpsOnTheWire() async throws {
        try await withTestEmulator { emulator in
            let ledger = "/v1/accounts/\(Self.account)/credits/ledger"
            try await emulator.faultBody(path: ledger, bytes: Array(#"{"data":[{"id":"cle_1","type":"topup","amount_μusd":5000000,"balance_after_μusd":5000000,"created_at":1795000000}],"has_more":true,"next_cursor":"c2"}"#.utf8))
            try await emulator.faultBody(path: ledger, bytes: Array(#"{"data":[{"id":"cle_2","type":"usage","amount_μusd":-12,"balance_after_μusd":4999988,"created_at":1795000100}],"has_more":false}"#.utf8))
            try await emulator.faultBody(
                method: "POST", path: "/v1/accounts/\(Self.account)/credits/topups", status: 201,
                bytes: Array(#"{"data":{"balance_μusd":10000000,"entry_id":"cle_3","duplicate":false,"payment_reference":"pay_1"}}"#.utf8))
            let client = try emulator.client()
            var entries: [CreditLedgerEntry] = []
            for try await entry in client.credits.ledgerAll(limit: 1) { entries.append(entry) }
            #expect(entries.map(\.id) == ["cle_1", "cle_2"])
            #expect(entries.map(\.amountMicroUSD) == [5_000_000, -12])
            let topup = try await client.credits.createTopup(["amount_μusd": 5_000_000], ifMatch: "", idempotencyKey: "topup-1")
            #expect(topup.balanceMicroUSD == 10_000_000)
            #expect(topup.duplicate == false)

            let requests = try await emulator.requests()
            #expect(requests.map { "\($0["method"]?.stringValue ?? "") \($0["path"]?.stringValue ?? "")" } == [
                "GET \(ledger)", "GET \(ledger)", "POST /v1/accounts/\(Self.account)/credits/topups",
            ])
            #expect(requests[0]["query"]?.objectValue == ["limit": "1"])
            #expect(requests[1]["query"]?.objectValue == ["limit": "1", "cursor": "c2"])
            #expect(Self.header(requests[2], "Idempotency-Key") == "topup-1")
            #expect(Self.header(requests[2], "If-Match") == nil, "an empty If-Match is not sent")
            #expect(Self.header(requests[2], "Content-Type") == "application/json")
            try await client.close()
        }
    }

    // MARK: Raw requests

    @Test func rawRequestsShareAuthAccountRetriesAndErrors() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(retries: fastRetries), resolvingAccount: true)
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 503, count: 1)
            let listed = try await client.send("GET", "/v1/accounts/{account}/issuers", query: ["limit": "2", "status": "active"])
            #expect(listed.json?["data"]?.arrayValue?.count == 2)
            let created = try await client.send(
                "post", "/v1/accounts/{account}/issuers/\(EmulatorDemo.issuerID)/agents", body: ["name": "raw"],
                headers: ["X-Team": "blue"], idempotencyKey: "raw-1")
            #expect(created.data?["name"] == "raw")
            #expect(created.etag != nil)
            do {
                _ = try await client.send("GET", "/v1/accounts/{account}/issuers/iss_missing")
                Issue.record("expected not found")
            } catch let error as AuthPIError {
                #expect(error.code == .notFound)
                #expect(error.operation == "GET /v1/accounts/\(Self.account)/issuers/iss_missing")
            }
            await #expect(throws: AuthPIError.invalidArgument) { _ = try await client.send("TRACE", "/v1/me") }
            await #expect(throws: AuthPIError.invalidArgument) { _ = try await client.send("GET", "/v1/accounts/{account}/../x") }

            let requests = try await emulator.requests()
            #expect(requests.map { $0["path"]?.stringValue ?? "" } == [
                "/v1/me", "/v1/accounts/\(Self.account)/issuers", "/v1/accounts/\(Self.account)/issuers",
                "/v1/accounts/\(Self.account)/issuers/\(EmulatorDemo.issuerID)/agents", "/v1/accounts/\(Self.account)/issuers/iss_missing",
            ])
            #expect(requests[1]["status"]?.intValue == 503 && requests[2]["status"]?.intValue == 200, "the GET was retried")
            #expect(requests[2]["query"]?.objectValue == ["limit": "2", "status": "active"])
            #expect(requests[3]["method"]?.stringValue == "POST")
            #expect(Self.header(requests[3], "Idempotency-Key") == "raw-1")
            #expect(Self.header(requests[3], "X-Team") == "blue")
            #expect(Self.header(requests[3], "Authorization") == "Basic [redacted]")
            try await client.close()
            await #expect(throws: AuthPIError.closedClient) { _ = try await client.send("GET", "/v1/me") }
        }
    }

    // MARK: Wire details

    @Test func emptyIfMatchAndIdempotencyKeyAreNotSent() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let user = try await client.issuer(EmulatorDemo.issuerID).user(EmulatorDemo.userWithSessionsID)
                .update(["metadata": ["k": "v"]], ifMatch: "", idempotencyKey: "")
            #expect(user.etag != nil)
            let last = try await emulator.lastRequest()
            #expect(last?["status"]?.intValue == 200)
            #expect(Self.header(last, "If-Match") == nil)
            #expect(Self.header(last, "Idempotency-Key") == nil)
            try await client.close()
        }
    }

    /// A body's `retry_after: 1.5` is kept, and used as the server's wait: above `maxWait` it ends the call.
    @Test func aFractionalRetryAfterInTheBodyIsKept() async throws {
        try await withTestEmulator { emulator in
            try await emulator.faultBody(
                path: "/v1/accounts/*/issuers", status: 429, bytes: Array(#"{"error":"rate_limited","error_description":"slow down","retry_after":1.5}"#.utf8))
            let client = try emulator.client(Configuration(retries: RetryPolicy(limit: 3, delay: .milliseconds(5), maxWait: .seconds(1))))
            do {
                _ = try await client.issuers.list()
                Issue.record("expected rate limited")
            } catch let error as AuthPIError where error.code == .rateLimited {
                #expect(error.retryAfterSeconds == 1.5)
                #expect(error.retryAfter == 2)
            }
            #expect(try await emulator.requests().count == 1, "1.5 s is longer than the 1 s cap: no earlier retry")
            try await client.close()
        }
    }

    /// 1.4.0 test_externally_closed_injected_client_raises_closed_error.
    @Test func anInjectedHTTPClientShutDownByItsOwnerIsTheClosedClientError() async throws {
        try await withTestEmulator { emulator in
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            let client = try AuthPIClient(
                keyID: EmulatorDemo.apiKeyID, keySecret: EmulatorDemo.apiKeySecret,
                configuration: Configuration(baseURL: emulator.baseURL, accountID: Self.account), httpClient: http)
            _ = try await client.issuers.list(limit: 1)
            try await http.shutdown()
            do {
                _ = try await client.issuers.list(limit: 1)
                Issue.record("expected the closed-client error")
            } catch let error as AuthPIError {
                #expect(error.code == .closedClient, "\(error)")
            }
            try await client.close()
        }
    }
}
