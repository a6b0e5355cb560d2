import Foundation
import Testing

@testable import AuthPIAdmin

@Suite("Pure parts: headers, backoff, Retry-After, error mapping, JSON")
struct PureTests {
    // MARK: Headers

    /// The fast paths (ASCII header names, ids and query values that need no escaping) agree with Foundation.
    @Test func fastHeaderNamesAndEscapingAgreeWithFoundation() {
        let cases: [(String, String, Bool)] = [
            ("ETag", "etag", true), ("Retry-After", "RETRY-after", true), ("X-Request-Id", "x-request-id", true),
            ("ETag", "ETa", false), ("ETag", "ETaq", false), ("", "", true), ("k", "K", true),
            ("Ä", "ä", false),  // header names are ASCII tokens: only ASCII letters fold
        ]
        for (a, b, equal) in cases { #expect(HeaderName.equal(a, b) == equal, "\(a) vs \(b)") }
        let response = TransportResponse(status: 200, headers: [(name: "etag", value: "\"e1\"")], body: [])
        #expect(response.header("ETag") == "\"e1\"")
        var samples = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        samples += ["usr_01JB", "Yz0xMDA=", "a b", "é", "😀x", "a/b", "~-._", "!$&'()*+,;=:@", ""]
        for sample in samples {
            #expect(PathPart.encodeSegment(sample) == (sample.addingPercentEncoding(withAllowedCharacters: PathPart.segmentAllowed) ?? sample))
            #expect(PathPart.encodeQuery(sample) == (sample.addingPercentEncoding(withAllowedCharacters: PathPart.queryAllowed) ?? sample))
        }
    }

    @Test func headersProtectAuthorizationHostAndUserAgent() throws {
        let headers = try HeaderBuilder.build(
            authorization: "Basic a2V5X3JlYWw6cw==", hasBody: true,
            defaults: ["authorization": "Bearer stolen", "X-Team": "blue", "HOST": "evil.example"],
            perCall: ["User-Agent": "spoof", "x-team": "red"], ifMatch: "\"v1\"", idempotencyKey: "idem-1")
        func values(_ name: String) -> [String] {
            headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
        }
        #expect(values("Authorization") == ["Basic a2V5X3JlYWw6cw=="])
        #expect(values("Host").isEmpty)
        #expect(values("User-Agent") == ["authpi-admin-swift/\(AuthPIAdminVersion.string)"])
        #expect(values("X-Team") == ["red"])
        #expect(values("Content-Type") == ["application/json"])
        #expect(values("Accept") == ["application/json"])
        #expect(values("If-Match") == ["\"v1\""])
        #expect(values("Idempotency-Key") == ["idem-1"])
    }

    @Test func headersWithoutBodyHaveNoContentType() throws {
        let headers = try HeaderBuilder.build(
            authorization: "Bearer k", hasBody: false, defaults: [:], perCall: [:], ifMatch: nil, idempotencyKey: nil)
        #expect(!headers.contains { $0.name == "Content-Type" })
        #expect(!headers.contains { $0.name == "If-Match" })
    }

    /// 1.4.0 `if if_match:` / `if idempotency_key:`: an empty value is not sent at all.
    @Test func emptyIfMatchAndIdempotencyKeyAreNotSent() throws {
        let headers = try HeaderBuilder.build(
            authorization: "Bearer k", hasBody: false, defaults: [:], perCall: [:], ifMatch: "", idempotencyKey: "")
        #expect(!headers.contains { $0.name.lowercased() == "if-match" || $0.name.lowercased() == "idempotency-key" })
    }

    @Test(arguments: [("X-A", "ok\r\nInjected: 1"), ("X-B\n", "v"), ("X C", "v"), ("", "v"), ("X-D", "line\nbreak")])
    func headersWithLineBreaksAreRefused(name: String, value: String) {
        #expect(throws: AuthPIError.invalidArgument) {
            _ = try HeaderBuilder.build(
                authorization: "Bearer k", hasBody: false, defaults: [:], perCall: [name: value], ifMatch: nil,
                idempotencyKey: nil)
        }
    }

    // MARK: Backoff

    @Test func exponentialBackoffDoublesFromTheBaseDelay() {
        let policy = RetryPolicy(limit: 5, delay: .milliseconds(100), backoff: .exponential)
        #expect((0..<4).map { policy.wait(beforeRetry: $0) } == [.milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800)])
    }

    @Test func linearBackoffGrowsByTheBaseDelay() {
        let policy = RetryPolicy(limit: 5, delay: .milliseconds(100), backoff: .linear)
        #expect((0..<4).map { policy.wait(beforeRetry: $0) } == [.milliseconds(100), .milliseconds(200), .milliseconds(300), .milliseconds(400)])
    }

    @Test func aServerWaitLongerThanTheCapMeansNoRetryNeverAShorterOne() {
        let policy = RetryPolicy(limit: 3, delay: .seconds(1), backoff: .exponential, maxWait: .seconds(60))
        #expect(policy.plannedWait(beforeRetry: 0, serverWait: .seconds(2)) == .seconds(2))
        #expect(policy.plannedWait(beforeRetry: 0, serverWait: .milliseconds(1500)) == .milliseconds(1500))
        #expect(policy.plannedWait(beforeRetry: 0, serverWait: .seconds(60)) == .seconds(60))
        #expect(policy.plannedWait(beforeRetry: 0, serverWait: .seconds(61)) == nil)
        #expect(policy.plannedWait(beforeRetry: 2, serverWait: nil) == .seconds(4))
    }

    @Test func retryAfterReplacesTheBackoffAndEveryWaitIsCapped() {
        let policy = RetryPolicy(limit: 100, delay: .seconds(1), backoff: .exponential, maxWait: .seconds(60))
        #expect(policy.wait(beforeRetry: 3, retryAfter: .seconds(2)) == .seconds(2))
        #expect(policy.wait(beforeRetry: 0, retryAfter: .seconds(3600)) == .seconds(60))
        #expect(policy.wait(beforeRetry: 90) == .seconds(60))
        #expect(policy.wait(beforeRetry: 10) == .seconds(60))
    }

    @Test func retryAfterParsesSecondsAndHTTPDates() throws {
        #expect(RetryAfter.parse("2") == .seconds(2))
        #expect(RetryAfter.parse(" 0.5 ") == .milliseconds(500))
        #expect(RetryAfter.parse("-3") == .zero)
        #expect(RetryAfter.parse("soon") == nil)
        #expect(RetryAfter.parse(nil) == nil)
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let header = RetryAfter.httpDate(now.addingTimeInterval(7))
        #expect(RetryAfter.parse(header, now: now) == .seconds(7))
        #expect(RetryAfter.parse(RetryAfter.httpDate(now.addingTimeInterval(-30)), now: now) == .zero)
    }

    // MARK: Error mapping

    @Test(arguments: [
        (400, AuthPIError.Code.validation), (422, .validation), (401, .authentication), (403, .forbidden),
        (404, .notFound), (408, .requestTimeout), (409, .conflict), (412, .preconditionFailed), (429, .rateLimited),
        (500, .internalServerError), (502, .badGateway), (503, .serviceUnavailable), (504, .gatewayTimeout),
        (507, .serverError), (418, .unexpected), (302, .unexpected),
    ])
    func statusMapsToItsErrorKind(status: Int, code: AuthPIError.Code) {
        let error = AuthPIError.fromResponse(status: status, body: [], retryAfterHeader: nil)
        #expect(error.code == code)
        #expect(error.statusCode == status)
        #expect(error.errorCode == "unknown")
        #expect(error.retryable == [408, 429, 502, 503, 504].contains(status))
    }

    @Test func errorBodyFieldsAreRead() {
        let body = Array(#"{"error":"invalid_request","error_description":"bad email","reference":"ref_1","retryable":false,"fields":[{"field":"email","code":"invalid","message":"not an email"}]}"#.utf8)
        let error = AuthPIError.fromResponse(status: 422, body: body, retryAfterHeader: nil)
        #expect(error.code == .validation)
        #expect(error.errorCode == "invalid_request")
        #expect(error.errorDescription == "bad email")
        #expect(error.reference == "ref_1")
        #expect(error.fields == [FieldError(field: "email", code: "invalid", message: "not an email")])
        #expect(error.rawBody == nil)
    }

    /// Found by the decoding fuzz (seed 15611163969486338192): an empty `error` gave an error with no code.
    @Test func emptyErrorFieldsFallBackLikeMissingOnes() {
        let error = AuthPIError.fromResponse(status: 404, body: Array(#"{"error":"","error_description":""}"#.utf8), retryAfterHeader: nil)
        #expect(error.errorCode == "unknown")
        #expect(!error.errorDescription.isEmpty)
        #expect(error.code == .notFound)
    }

    /// 1.4.0 keeps `fields` as the raw list of dicts: nothing of an item is lost here either.
    @Test func validationFieldsAreKeptLosslessly() {
        let body = Array(#"{"error":"invalid_request","fields":[{"field":"profile.age","code":"range","message":"too young","min":18,"path":["profile","age"]},{"code":"missing_one_of","message":"email or phone","one_of":["email","phone"]},"free text"]}"#.utf8)
        let error = AuthPIError.fromResponse(status: 400, body: body, retryAfterHeader: nil)
        #expect(error.fields.count == 3)
        #expect(error.fields[0].field == "profile.age")
        #expect(error.fields[0].raw["min"] == 18)
        #expect(error.fields[0].raw["path"] == ["profile", "age"])
        #expect(error.fields[1].field == "")
        #expect(error.fields[1].raw["one_of"] == ["email", "phone"])
        #expect(error.fields[2].raw["value"] == "free text")
    }

    @Test func preconditionAndRateLimitCarryTheirExtras() {
        let precondition = AuthPIError.fromResponse(
            status: 412, body: Array(#"{"error":"precondition_failed","current_etag":"\"v9\""}"#.utf8), retryAfterHeader: nil)
        #expect(precondition.currentETag == "\"v9\"")
        let fromHeader = AuthPIError.fromResponse(status: 429, body: [], retryAfterHeader: "7")
        #expect(fromHeader.retryAfter == 7)
        #expect(fromHeader.retryable)
        let fromBody = AuthPIError.fromResponse(status: 429, body: Array(#"{"retry_after":3}"#.utf8), retryAfterHeader: "7")
        #expect(fromBody.retryAfter == 3)
        let fractional = AuthPIError.fromResponse(status: 429, body: Array(#"{"retry_after":1.5}"#.utf8), retryAfterHeader: nil)
        #expect(fractional.retryAfterSeconds == 1.5)
        #expect(fractional.retryAfter == 2, "whole seconds round up: never earlier than asked")
        let bodySaysNo = AuthPIError.fromResponse(status: 503, body: Array(#"{"retryable":false}"#.utf8), retryAfterHeader: nil)
        #expect(!bodySaysNo.retryable)
    }

    @Test func rawBodyNeverExceeds4KiBEvenWhenAMultiByteCharacterIsCut() {
        let body = Array(("x" + String(repeating: "é", count: 3000)).utf8)
        let error = AuthPIError.fromResponse(status: 500, body: body, retryAfterHeader: nil)
        #expect((error.rawBody?.utf8.count ?? 0) <= 4096)
        #expect((error.rawBody?.utf8.count ?? 0) >= 4090)
    }

    @Test func nonJSONErrorBodyIsKeptUpTo4KiB() {
        let html = Array(("<html>" + String(repeating: "x", count: 10_000)).utf8)
        let error = AuthPIError.fromResponse(status: 502, body: html, retryAfterHeader: nil)
        #expect(error.rawBody?.utf8.count == 4096)
        #expect(error.rawBody?.hasPrefix("<html>") == true)
        #expect(error.errorDescription == "Bad Gateway")
    }

    @Test func errorKindsMatchInCatchClauses() {
        func kind(_ error: any Error) -> String {
            do { throw error } catch AuthPIError.notFound { return "notFound" } catch AuthPIError.preconditionFailed {
                return "precondition"
            } catch let error as AuthPIError where error.isServerError { return "server" } catch { return "other" }
        }
        #expect(kind(AuthPIError.fromResponse(status: 404, body: [], retryAfterHeader: nil)) == "notFound")
        #expect(kind(AuthPIError.fromResponse(status: 412, body: [], retryAfterHeader: nil)) == "precondition")
        #expect(kind(AuthPIError.fromResponse(status: 500, body: [], retryAfterHeader: nil)) == "server")
        #expect(kind(CancellationError()) == "other")
    }

    // MARK: JSON

    @Test func unknownFieldsSurviveARoundTrip() throws {
        let text = #"{"id":"usr_1","username":"alice@example.com","future_field":{"nested":[1,2.5,true,null,"x"]},"created_at":1700000000,"big":9007199254740993}"#
        let user = try JSONDecoder().decode(User.self, from: Data(text.utf8))
        #expect(user.id == "usr_1")
        #expect(user.username == "alice@example.com")
        #expect(user["future_field"]?["nested"]?.arrayValue?.count == 5)
        #expect(user.createdAt == Date(timeIntervalSince1970: 1_700_000_000))
        let again = try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(user))
        let original = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(again == original)
        #expect(again["big"] == .int(9_007_199_254_740_993))
    }

    @Test func modelsAreLenientOnFieldsButStrictOnShape() throws {
        let sparse = try JSONDecoder().decode(Session.self, from: Data(#"{"id":"ses_1","status":7}"#.utf8))
        #expect(sparse.status == nil)
        #expect(sparse.device == nil)
        #expect(throws: AuthPIError.malformedResponse) { try Session(validating: .array([])) }
        #expect(throws: AuthPIError.malformedResponse) { try Session(validating: ["status": "active"]) }
        #expect(throws: AuthPIError.malformedResponse) {
            try Page<Session>(decoding: ["data": "nope", "has_more": false])
        }
    }

    @Test func bothResponseFormsAreAccepted() throws {
        let bare: JSONValue = ["id": "iss_1", "name": "Prod"]
        let wrapped: JSONValue = ["data": bare]
        #expect(ClientCore.unwrapData(wrapped) == bare)
        #expect(ClientCore.unwrapData(bare) == bare)
        // A list envelope has siblings of data: it is not unwrapped.
        let list: JSONValue = ["data": [bare], "has_more": false]
        #expect(ClientCore.unwrapData(list) == list)
        let issuer = Versioned(try Issuer(validating: ClientCore.unwrapData(wrapped)), etag: "\"e1\"")
        #expect(issuer.name == "Prod")
        #expect(issuer.etag == "\"e1\"")
        let page = try Page<IssuerListItem>(decoding: ["data": [bare], "has_more": true, "next_cursor": "c2", "invalid_count": 1])
        #expect(page.data.map(\.id) == ["iss_1"])
        #expect(page.hasMore && page.nextCursor == "c2" && page.invalidCount == 1)
    }

    @Test func userListItemsAcceptUserIDOrID() throws {
        #expect(try UserListItem(validating: ["user_id": "usr_1"]).id == "usr_1")
        #expect(try UserListItem(validating: ["id": "usr_2"]).id == "usr_2")
        #expect(throws: AuthPIError.malformedResponse) { try UserListItem(validating: ["status": "active"]) }
    }

    /// The contract's User create body (1.4.0 README): username_type, username, profile{}.
    @Test func typedInputsAndRawObjectsBuildTheSameBody() throws {
        let typed = try CreateUserInput(email: "alice@example.com", firstName: "Alice", displayName: "Alice").jsonObject()
        let raw: JSONObject = [
            "username_type": "email", "username": "alice@example.com", "profile": ["first_name": "Alice", "display_name": "Alice"],
        ]
        #expect(typed == raw)
        #expect(try CreateUserInput(usernameType: .phone, username: "+15550100").jsonObject() == ["username_type": "phone", "username": "+15550100", "profile": [:]])
        #expect(throws: AuthPIError.invalidArgument) { try CreateUserInput(email: "a@example.com", username: "a").jsonObject() }
        #expect(throws: AuthPIError.invalidArgument) { try CreateUserInput(displayName: "nobody").jsonObject() }
        var user = User(json: ["id": "usr_1", "profile": ["display_name": "A"], "x_future": 1])
        user.profile?["display_name"] = "B"
        #expect(try user.jsonObject() == ["id": "usr_1", "profile": ["display_name": "B"], "x_future": 1])
    }

    /// 1.4.0 README: `"auth": {"type": "signature"}`; events are `WebhookEventType` names.
    @Test func webhookInputBuildsTheRealBody() throws {
        let body = try CreateWebhookInput(name: "audit", url: "https://hooks.example.com/a", events: [.userCreated, .sessionTerminated]).jsonObject()
        #expect(body == ["name": "audit", "url": "https://hooks.example.com/a", "auth": ["type": "signature"], "events": ["user.created", "session.terminated"]])
        #expect(throws: AuthPIError.invalidArgument) { try CreateWebhookInput(name: "w", url: "https://h.example.com", events: ["user.*"]).jsonObject() }
        #expect(WebhookEventType.allCases.count == 106)
        #expect(WebhookEventType.allCases.allSatisfy { !$0.rawValue.contains("*") })
    }

    @Test func ownEncodableTypesAreBodies() throws {
        struct NewAgent: Encodable, RequestBody {
            var name: String
            var modelName: String
            enum CodingKeys: String, CodingKey { case name, modelName = "model" }
        }
        struct NotAnObject: Encodable, RequestBody {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode("just a string")
            }
        }
        #expect(try NewAgent(name: "bot", modelName: "m1").jsonObject() == ["name": "bot", "model": "m1"])
        #expect(throws: AuthPIError.invalidArgument) { try NotAnObject().jsonObject() }
    }

    @Test func underscoreKeysAreStrippedRecursively() {
        let body: JSONObject = ["_etag": "v1", "name": "a", "nested": ["_x": 1, "y": [["_z": 2, "w": 3]]]]
        let stripped = body.strippingUnderscoreKeys()
        #expect(stripped == ["name": "a", "nested": ["y": [["w": 3]]]])
    }

    @Test func idsAreValidatedAsPathSegments() throws {
        for bad in ["", ".", "..", "a/b", "a\\b", "a?b", "a#b", "a\nb"] {
            #expect(throws: AuthPIError.invalidArgument) { try PathPart.validateSegment(bad, label: "id") }
        }
        try PathPart.validateSegment("usr_01H~x.y", label: "id")
        #expect(try PathPart.build([.literal("v1"), .account, .id("a b%", label: "id")], account: "acc") == "/v1/acc/a%20b%25")
        #expect(throws: AuthPIError.configuration) { try PathPart.build([.literal("v1"), .account], account: nil) }
    }

    @Test func rawPathsTakeTheAccountPlaceholderAndRefuseWhatCouldChangeThem() throws {
        #expect(try PathPart.raw("/v1/accounts/{account}/credits/ledger", account: "acc_1") == "/v1/accounts/acc_1/credits/ledger")
        #expect(try PathPart.raw("/v1/me", account: nil) == "/v1/me")
        #expect(try PathPart.raw("/v1/x/a%20b/é", account: nil) == "/v1/x/a%20b/%C3%A9")
        for bad in ["v1/me", "/v1/../admin", "/v1//me", "/v1/me?x=1", "/v1/me#f", "/v1/a b", "/v1/{acct}/x", "/v1/me\n", "/v1/x/"] {
            #expect(throws: AuthPIError.invalidArgument, "\(bad)") { try PathPart.raw(bad, account: "acc") }
        }
        for aliased in ["/v1/accounts/me/issuers", "/v1/accounts/ME", "/v1/accounts/me"] {
            #expect(throws: AuthPIError.invalidArgument, "\(aliased)") { try PathPart.refuseMeAlias(aliased) }
        }
        try PathPart.refuseMeAlias("/v1/me")
        try PathPart.refuseMeAlias("/v1/accounts/acc_me/issuers")
    }

    @Test func queryDropsAbsentValuesAndFormatsJSONText() {
        var query = Query()
        query.add("limit", 25 as Int?)
        query.add("cursor", nil as String?)
        query.add("pinned", true as Bool?)
        query.add("q", "a b&c" as String?)
        query.add("after", 1.5 as Double?)
        #expect(query.encoded == "?limit=25&pinned=true&q=a%20b%26c&after=1.5")
    }

    // MARK: Construction

    @Test func invalidConstructionSaysWhatIsWrong() {
        func message(_ build: () throws -> AuthPIClient) -> String? {
            do { _ = try build(); return nil } catch let error as AuthPIError where error.code == .configuration {
                return error.errorDescription
            } catch { return "unexpected \(error)" }
        }
        let key = "key_x:s3cret"
        #expect(message { try AuthPIClient(apiKey: "", transport: NullTransport()) }?.contains("empty") == true)
        #expect(message { try AuthPIClient(keyID: "abc", keySecret: "s", transport: NullTransport()) }?.contains("key_") == true)
        #expect(message { try AuthPIClient(apiKey: key, configuration: .init(baseURL: "ftp://x"), transport: NullTransport()) }?.contains("baseURL") == true)
        #expect(message { try AuthPIClient(apiKey: key, configuration: .init(retries: .init(limit: -1)), transport: NullTransport()) }?.contains("limit") == true)
        #expect(message { try AuthPIClient(apiKey: key, configuration: .init(defaultHeaders: ["X\r\n": "v"]), transport: NullTransport()) } != nil)
        #expect(message { try AuthPIClient(apiKey: key, configuration: .init(timeout: .zero), transport: NullTransport()) }?.contains("timeout") == true)
        #expect(message { try AuthPIClient(apiKey: key, configuration: .init(baseURL: "https://u:p@api.example.com"), transport: NullTransport()) }?.contains("user or password") == true)
        #expect(message { try AuthPIClient(apiKey: key, configuration: .init(accountID: "a/b"), transport: NullTransport()) }?.contains("accountID") == true)
        #expect(message { try AuthPIClient(apiKey: key, configuration: .init(accountID: "me"), transport: NullTransport()) }?.contains("GET /v1/me") == true)
    }

    /// 1.4.0 test_rejects_api_key_string / _missing_parts / _id_without_prefix, plus the Bearer-key mistake.
    @Test func aBareKeyOrAKeyAsATokenIsRefusedSayingHowToPassThePair() {
        func message(_ credentials: Credentials) -> String? {
            do { _ = try AuthPIClient(credentials: credentials, transport: NullTransport()); return nil } catch let error as AuthPIError where error.code == .configuration {
                return error.errorDescription
            } catch { return "unexpected \(error)" }
        }
        for refused in [Credentials.apiKey("key_demo"), .apiKey("key_demo:"), .apiKey(":secret"), .apiKey(id: "key_demo", secret: ""),
                        .apiKey(id: "", secret: "s"), .apiKey("demo:secret"), .accessToken("key_demo")] {
            let text = message(refused)
            #expect(text?.contains("key_id:secret") == true, "\(refused): \(text ?? "accepted")")
            #expect(text?.contains("AuthPIClient(keyID:keySecret:)") == true)
            #expect(text?.contains("shown once") == true)
        }
        #expect(message(.accessToken("key_demo"))?.contains("not an access token") == true)
    }

    @Test func keysAreOnlyEverSentAsBasic() throws {
        #expect(try Credentials.apiKey("key_demo:demo:secret").authorization() == "Basic " + Data("key_demo:demo:secret".utf8).base64EncodedString())
        #expect(try Credentials.apiKey(id: "key_demo", secret: "demo_secret").authorization() == "Basic a2V5X2RlbW86ZGVtb19zZWNyZXQ=")
        #expect(try Credentials.accessToken("tok_1").authorization() == "Bearer tok_1")
        #expect(Configuration().baseURL == "https://api.authpi.com")
    }

    @Test func anUnencodableBodyIsRefusedBeforeAnyRequest() async throws {
        let client = try AuthPIClient(apiKey: "key_x:s", configuration: .init(accountID: "acc_x"), transport: NullTransport())
        await #expect(throws: AuthPIError.invalidArgument) {
            _ = try await client.issuers.create(["score": .double(.nan)])
        }
        try await client.close()
    }

    @Test func credentialsNeverShowTheirSecret() {
        let secrets = ["live_SECRET1", "pair_SECRET2", "tok_SECRET3"]
        let all: [Credentials] = [.apiKey("key_id:" + secrets[0]), .apiKey(id: "key_id", secret: secrets[1]), .accessToken(secrets[2])]
        for credential in all {
            let texts = [String(describing: credential), String(reflecting: credential), "\(credential)", dumpText(credential)]
            for text in texts {
                #expect(!secrets.contains { text.contains($0) }, "\(text)")
            }
        }
    }

    private func dumpText(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }
}

/// A transport for construction tests: it is never reached.
struct NullTransport: HTTPTransport {
    func send(_ request: TransportRequest) async throws -> TransportResponse {
        Issue.record("the transport should not be called")
        return TransportResponse(status: 500)
    }
}

extension AuthPIClient {
    convenience init(apiKey: String, configuration: Configuration = .init(), transport: any HTTPTransport) throws {
        try self.init(credentials: .apiKey(apiKey), configuration: configuration, transport: transport)
    }

    convenience init(keyID: String, keySecret: String, transport: any HTTPTransport) throws {
        try self.init(credentials: .apiKey(id: keyID, secret: keySecret), transport: transport)
    }
}
