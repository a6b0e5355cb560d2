import Foundation
import Testing

@testable import AuthPIAdmin

/// Response decoding fed cut, mistyped, oversized and random bodies: every answer is a value or a typed
/// `AuthPIError` of the right kind — never a crash, never a hang. Seeded: the seed is printed, and
/// `AUTHPI_FUZZ_SEED=<seed> AUTHPI_FUZZ_CASES=<n> swift test --filter DecodingFuzzTests` replays a run.
@Suite("Decoding fuzz", .timeLimit(.minutes(2)))
struct DecodingFuzzTests {
    enum Endpoint: CaseIterable {
        case issuer, user, userPage, webhook
    }

    /// Sends one GET through a client whose transport answers `body` with `status`.
    static func decode(_ body: [UInt8], status: Int = 200, endpoint: Endpoint) async -> Result<Void, any Error> {
        do {
            let client = try AuthPIClient(
                credentials: .apiKey(id: "key_fuzz", secret: "fuzz_secret"),
                configuration: Configuration(baseURL: "http://127.0.0.1:1", accountID: "acc_fuzz", retries: .disabled),
                transport: FixedResponseTransport(response: TransportResponse(status: status, body: body)))
            switch endpoint {
            case .issuer:
                let issuer = try await client.issuer("iss_1").get()
                _ = (issuer.id, issuer.name, issuer.createdAt, issuer.value.description)
            case .user:
                let user = try await client.issuer("iss_1").user("usr_1").get()
                _ = (user.id, user.status, user.username, user.displayName, user.scopes, user.createdAt, user.profile, user.value.description)
            case .userPage:
                let page = try await client.issuer("iss_1").users.list()
                _ = (page.data.map { ($0.id, $0.status, $0.createdAt) }, page.hasMore, page.nextCursor, page.invalidCount)
            case .webhook:
                let webhook = try await client.webhook("wh_1").get()
                _ = (webhook.id, webhook.value.description)
            }
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    static func endpoint(for document: String) -> Endpoint {
        switch document {
        case FuzzCorpus.issuer: .issuer
        case FuzzCorpus.user: .user
        case FuzzCorpus.userPage: .userPage
        default: .webhook
        }
    }

    /// The error must be an AuthPIError of `code`.
    static func expectKind(_ result: Result<Void, any Error>, _ code: AuthPIError.Code, _ context: @autoclosure () -> String) {
        switch result {
        case .success:
            Issue.record("expected \(code), got a value: \(context())")
        case .failure(let error as AuthPIError):
            #expect(error.code == code, "\(error) — \(context())")
            #expect(!error.description.isEmpty)
        case .failure(let error):
            Issue.record("expected AuthPIError.\(code), got \(type(of: error)): \(error) — \(context())")
        }
    }

    static func show(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(160), as: UTF8.self).debugDescription
        return "\(bytes.count) bytes: \(text)"
    }

    @Test func theCorpusDecodes() async throws {
        for document in FuzzCorpus.documents {
            let result = await Self.decode(Array(document.utf8), endpoint: Self.endpoint(for: document))
            #expect((try? result.get()) != nil, "\(document)")
        }
    }

    @Test func everyCutOfEveryDocumentIsMalformed() async {
        var cases = 0
        for document in FuzzCorpus.documents {
            let bytes = Array(document.utf8)
            for length in 0..<bytes.count {
                let result = await Self.decode(Array(bytes.prefix(length)), endpoint: Self.endpoint(for: document))
                Self.expectKind(result, .malformedResponse, "cut at \(length) of \(document)")
                cases += 1
            }
        }
        print("decoding fuzz: \(cases) truncations, each malformedResponse")
        #expect(cases > 500)
    }

    @Test func everyFieldWithEveryWrongTypeDecodesOrIsMalformed() async throws {
        var cases = 0
        for document in [FuzzCorpus.issuer, FuzzCorpus.user, FuzzCorpus.webhook] {
            let resource = try #require(try JSONParser.parse(Array(document.utf8))["data"]?.objectValue)
            for key in resource.keys.sorted() {
                for odd in FuzzCorpus.oddValues {
                    var copy = resource
                    copy[key] = try JSONParser.parse(Array(odd.utf8))
                    let body = Array(JSONValue.object(["data": .object(copy)]).description.utf8)
                    let result = await Self.decode(body, endpoint: Self.endpoint(for: document))
                    cases += 1
                    let idStaysAString = key != "id" || copy[key]?.stringValue != nil
                    if idStaysAString {
                        // Typed properties are lenient: a field of another type reads as nil.
                        #expect((try? result.get()) != nil, "\(key)=\(odd) in \(document)")
                    } else {
                        Self.expectKind(result, .malformedResponse, "\(key)=\(odd)")
                    }
                }
            }
            // The envelope itself holding every odd value: none is a resource with a string id.
            for odd in FuzzCorpus.oddValues {
                let result = await Self.decode(Array("{\"data\":\(odd)}".utf8), endpoint: Self.endpoint(for: document))
                cases += 1
                Self.expectKind(result, .malformedResponse, "data=\(odd)")
            }
        }
        // Page fields.
        for key in ["data", "has_more", "next_cursor", "invalid_count"] {
            for odd in FuzzCorpus.oddValues {
                let body = "{\"data\":[{\"user_id\":\"usr_1\"}],\"has_more\":false,\"\(key)\":\(odd)}"
                let result = await Self.decode(Array(body.utf8), endpoint: .userPage)
                cases += 1
                let dataBroken = key == "data" && !(odd == "null" || odd == "[]")
                if dataBroken {
                    Self.expectKind(result, .malformedResponse, "\(key)=\(odd)")
                } else {
                    #expect((try? result.get()) != nil, "\(key)=\(odd)")
                }
            }
        }
        print("decoding fuzz: \(cases) wrong-type fields")
    }

    @Test(arguments: [
        ("empty", ""), ("spaces", "  \r\n\t "), ("null", "null"), ("true", "true"), ("number", "42"), ("string", "\"ok\""),
        ("array", "[]"), ("html", "<html><body><h1>502 Bad Gateway</h1></body></html>"), ("text", "OK"),
        ("bom only", "\u{FEFF}"), ("nul", "\u{0}"), ("nul in string", "{\"data\":{\"id\":\"a\u{0}b\"}}"),
        ("lone high surrogate", #"{"data":{"id":"iss_1","name":"\ud800"}}"#),
        ("lone low surrogate", #"{"data":{"id":"iss_1","name":"\udc00x"}}"#),
        ("reversed pair", #"{"data":{"id":"iss_1","name":"\ude00\ud83d"}}"#),
        ("1e400", #"{"data":{"id":"iss_1","created_at":1e400}}"#),
        ("-1e400", #"{"data":{"id":"iss_1","created_at":-1e400}}"#),
        ("NaN", #"{"data":{"id":"iss_1","created_at":NaN}}"#), ("Infinity", #"{"data":{"id":"iss_1","n":Infinity}}"#),
        ("leading zero", #"{"data":{"id":"iss_1","n":007}}"#), ("plus", #"{"data":{"id":"iss_1","n":+1}}"#),
        ("hex", #"{"data":{"id":"iss_1","n":0x10}}"#), ("single quotes", "{'data':{'id':'iss_1'}}"),
        ("trailing comma", #"{"data":{"id":"iss_1",}}"#), ("comment", "{\"data\":{\"id\":\"iss_1\"}} // x"),
        ("two documents", #"{"data":{"id":"iss_1"}}{"data":{"id":"iss_2"}}"#),
        ("unquoted key", #"{data:{"id":"iss_1"}}"#), ("raw tab in string", "{\"data\":{\"id\":\"a\tb\"}}"),
        ("deep arrays", String(repeating: "[", count: 100_000)), ("deep objects", String(repeating: "{\"a\":", count: 100_000)),
        ("deep closed", String(repeating: "[", count: 513) + String(repeating: "]", count: 513)),
        ("long number", "{\"data\":{\"id\":\"iss_1\",\"n\":" + String(repeating: "1", count: 100_000) + "}}"),
    ])
    func oddBodiesOn200AreMalformed(_ name: String, _ body: String) async {
        for endpoint in Endpoint.allCases {
            Self.expectKind(await Self.decode(Array(body.utf8), endpoint: endpoint), .malformedResponse, name)
        }
    }

    @Test(arguments: [
        ("invalid UTF-8 byte", [0xFF]), ("overlong slash", [0xC0, 0xAF]), ("UTF-8 surrogate", [0xED, 0xA0, 0x80]),
        ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("cut sequence", [0xE2, 0x82]), ("lone continuation", [0x80]),
        ("Latin-1 é", [0xE9]),
    ] as [(String, [UInt8])])
    func invalidUTF8InAStringIsMalformed(_ name: String, _ bytes: [UInt8]) async {
        let body = Array(#"{"data":{"id":"iss_1","name":"a"#.utf8) + bytes + Array(#"b"}}"#.utf8)
        Self.expectKind(await Self.decode(body, endpoint: .issuer), .malformedResponse, name)
        // After an escape too (the parser's slow path).
        let escaped = Array(#"{"data":{"id":"iss_1","name":"\n"#.utf8) + bytes + Array(#""}}"#.utf8)
        Self.expectKind(await Self.decode(escaped, endpoint: .issuer), .malformedResponse, name + " after an escape")
    }

    @Test func acceptedOddities() async throws {
        // A byte order mark, duplicate keys (the last wins), -0, huge integers as doubles, deep but allowed nesting.
        let bom = [UInt8]([0xEF, 0xBB, 0xBF]) + Array(FuzzCorpus.issuer.utf8)
        #expect((try? await Self.decode(bom, endpoint: .issuer).get()) != nil)
        let client = try AuthPIClient(
            credentials: .apiKey(id: "key_fuzz", secret: "fuzz_secret"), configuration: Configuration(baseURL: "http://127.0.0.1:1", accountID: "acc_fuzz"),
            transport: FixedResponseTransport(response: TransportResponse(status: 200, body: Array(
                #"{"data":{"id":"iss_1","id":"iss_2","n":-0,"big":18446744073709551616,"neg":-0.0,"u":"\u00e9\ud83d\ude00"}}"#.utf8))))
        let issuer = try await client.issuer("iss_1").get()
        #expect(issuer.id == "iss_2")
        #expect(issuer.value["n"] == .int(0))
        #expect(issuer.value["big"] == .double(18_446_744_073_709_551_616))
        #expect(issuer.value["u"] == "é😀")
        // 512 levels are allowed (parsed on a task's small stack), 513 are refused. The envelope and the
        // resource are levels 1 and 2, so `wrappers` nested objects under a field reach 2 + wrappers.
        func nested(_ wrappers: Int) -> [UInt8] {
            let deep = String(repeating: "{\"a\":", count: wrappers) + "1" + String(repeating: "}", count: wrappers)
            return Array(("{\"data\":{\"id\":\"iss_1\",\"deep\":" + deep + "}}").utf8)
        }
        #expect((try? await Self.decode(nested(510), endpoint: .issuer).get()) != nil)
        Self.expectKind(await Self.decode(nested(511), endpoint: .issuer), .malformedResponse, "depth 513")
    }

    @Test func errorBodiesOfEveryShapeMapToTheirStatus() async {
        var random = SeededGenerator.fromEnvironment()
        let seed = random.seed
        let statuses = [400, 401, 403, 404, 408, 409, 412, 422, 429, 500, 502, 503, 504, 418, 599]
        let base = Array(FuzzCorpus.errorBody.utf8)
        var cases = 0
        for status in statuses {
            var bodies: [[UInt8]] = [base, [], Array("<html>\(status) proxy error</html>".utf8), [0xFF, 0xFE], Array(repeating: 0x41, count: 10_000)]
            for _ in 0..<40 {
                var body = base
                for _ in 0..<Int.random(in: 1...4, using: &random) { body = body.mutated(using: &random) }
                bodies.append(body)
            }
            for body in bodies {
                let result = await Self.decode(body, status: status, endpoint: .user)
                cases += 1
                guard case .failure(let failure) = result, let error = failure as? AuthPIError else {
                    Issue.record("status \(status) gave no AuthPIError (seed \(seed)): \(Self.show(body))")
                    continue
                }
                #expect(error.code == AuthPIError.code(forStatus: status), "seed \(seed): \(error)")
                #expect(error.statusCode == status)
                #expect((error.rawBody?.utf8.count ?? 0) <= AuthPIError.maxRawBodyBytes)
                #expect(!error.errorCode.isEmpty && !error.errorDescription.isEmpty, "seed \(seed): \(Self.show(body))")
                _ = (error.description, error.debugDescription, String(reflecting: error))
            }
        }
        print("decoding fuzz: \(cases) error bodies over \(statuses.count) statuses (seed \(seed))")
    }

    /// Random edits of valid bodies: each answer decodes or is `malformedResponse`; and whatever the parser
    /// accepts, Foundation's parser accepts too (we are never laxer than the JSON standard).
    @Test func randomMutationsDecodeOrAreMalformed() async throws {
        var random = SeededGenerator.fromEnvironment()
        let seed = random.seed
        let count = fuzzCaseCount(4000)
        print("decoding fuzz: seed \(seed), \(count) random mutations (replay: AUTHPI_FUZZ_SEED=\(seed))")
        let started = ContinuousClock.now
        var decoded = 0
        var malformed = 0
        for index in 0..<count {
            let document = FuzzCorpus.documents[index % FuzzCorpus.documents.count]
            var body = Array(document.utf8)
            for _ in 0..<Int.random(in: 1...4, using: &random) { body = body.mutated(using: &random) }
            let result = await Self.decode(body, endpoint: Self.endpoint(for: document))
            switch result {
            case .success: decoded += 1
            case .failure(let error as AuthPIError) where error.code == .malformedResponse: malformed += 1
            case .failure(let error):
                Issue.record("case \(index) (seed \(seed)): \(type(of: error)) \(error) for \(Self.show(body))")
            }
            let withoutBOM = body.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(body.dropFirst(3)) : body
            if (try? JSONParser.parse(body)) != nil {
                let foundation = try? JSONSerialization.jsonObject(with: Data(withoutBOM), options: [.fragmentsAllowed])
                #expect(foundation != nil, "case \(index) (seed \(seed)): accepted what Foundation refuses: \(Self.show(body))")
            }
        }
        let elapsed = ContinuousClock.now - started
        print("decoding fuzz: \(count) mutations in \(elapsed): \(decoded) decoded, \(malformed) malformedResponse")
        #expect(decoded + malformed == count)
        #expect(malformed > 0)
    }

    /// Not a timing assertion: prints how parse time grows with size for inputs that could make a naive
    /// parser quadratic, so a regression shows in the log (a ratio near 4 for 4× the input is linear).
    @Test func parseTimeGrowsLinearly() throws {
        let families: [(name: String, valid: Bool, make: (Int) -> [UInt8])] = [
            ("escapes", true, { Array(("\"" + String(repeating: "\\u00e9\\n", count: $0 / 8) + "\"").utf8) }),
            ("keys", true, { n in Array(("{" + (0..<(n / 12)).map { "\"k\($0)\":1" }.joined(separator: ",") + "}").utf8) }),
            ("nesting", true, { n in
                let block = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
                return Array(("[" + Array(repeating: block, count: n / 1000).joined(separator: ",") + "]").utf8)
            }),
            ("duplicate keys", true, { n in Array(("{" + Array(repeating: "\"k\":[1,2]", count: n / 10).joined(separator: ",") + "}").utf8) }),
            ("multibyte", true, { Array(("\"" + String(repeating: "é中😀", count: $0 / 9) + "\"").utf8) }),
            ("numbers", true, { n in Array(("[" + Array(repeating: "-123456.789e-12", count: n / 16).joined(separator: ",") + "]").utf8) }),
            ("unclosed deep", false, { Array(String(repeating: "[", count: $0).utf8) }),
            ("unterminated string", false, { Array(("\"" + String(repeating: "a", count: $0)).utf8) }),
            ("whitespace", true, { Array((String(repeating: " ", count: $0) + "1").utf8) }),
        ]
        let clock = ContinuousClock()
        for family in families {
            let small = family.make(50_000)
            let large = family.make(200_000)
            var outcomes: [Bool] = []
            // Best of three: the machine is shared, a single run is noisy.
            let first = (0..<3).map { _ in clock.measure { outcomes.append((try? JSONParser.parse(small)) != nil) } }.min() ?? .zero
            let second = (0..<3).map { _ in clock.measure { outcomes.append((try? JSONParser.parse(large)) != nil) } }.min() ?? .zero
            #expect(outcomes == Array(repeating: family.valid, count: 6), "\(family.name)")
            let ratio = (Double(second.components.seconds) * 1e18 + Double(second.components.attoseconds))
                / max(1, Double(first.components.seconds) * 1e18 + Double(first.components.attoseconds))
            print("parse time \(family.name): \(small.count) B in \(first), \(large.count) B in \(second), ratio \(String(format: "%.1f", ratio))")
        }
    }
}
