import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing

/// Bad input at the client's edges: each is a typed error naming the problem, and nothing reaches the wire.
@Suite("Bad input at the client edges", .timeLimit(.minutes(2)))
struct EdgeInputTests {
    /// Ids that would change the path (or the request line): refused before any request.
    static let unsafeIDs = ["", ".", "..", "../x", "a/b", "/", "x?y", "x#y", "a\\b", "a\0b", "a\nb", "a\rb", "\t", "a\u{7F}", "a\u{2028}b", "a\u{85}b"]
    /// Ids that are odd but safe: each travels as exactly one percent-encoded segment.
    static let oddButSafeIDs = [" ", "a b", "%2F", "%2e%2e", "%", "...", ".a", "a.", "é", "用户", "😀", "a+b", "a;b", "a=b", "@x", "~u", "'", "\u{FEFF}x"]

    @Test func unsafeIDsAreRefusedBeforeAnyRequestEverywhere() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(retries: .disabled))
            let before = try await emulator.requests().count
            var cases = 0
            for bad in Self.unsafeIDs {
                let attempts: [@Sendable () async throws -> Void] = [
                    { _ = try await client.issuer(bad).get() },
                    { _ = try await client.issuers.get(bad) },
                    { _ = try await client.issuers.update(bad, ["name": "x"]) },
                    { try await client.issuers.delete(bad) },
                    { _ = try await client.issuer("iss_1").user(bad).sessions.list() },
                    { _ = try await client.issuer("iss_1").users.get(bad) },
                    { _ = try await client.issuer(bad).users.create(["username_type": "email", "username": "a@example.com", "profile": [:]]) },
                    { _ = try await client.webhook(bad).deliveries.list() },
                    { _ = try await client.issuer("iss_1").organization(bad).get() },
                    { _ = try await client.issuer("iss_1").agent(bad).get() },
                    { _ = try await client.events.get(bad) },
                ]
                for attempt in attempts {
                    cases += 1
                    do {
                        try await attempt()
                        Issue.record("id \(bad.debugDescription) was accepted")
                    } catch let error as AuthPIError {
                        #expect(error.code == .invalidArgument, "\(bad.debugDescription): \(error)")
                        #expect(error.errorDescription.contains("must not be empty"))
                    }
                }
            }
            #expect(try await emulator.requests().count == before, "a request reached the server")
            print("unsafe ids: \(cases) calls refused, none sent")
            try await client.close()
        }
    }

    @Test func oddButSafeIDsTravelAsOneEncodedSegment() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(retries: .disabled))
            for id in Self.oddButSafeIDs {
                await #expect(throws: AuthPIError.notFound) { _ = try await client.issuer(id).get() }
                let last = try #require(try await emulator.lastRequest())
                let path = try #require(last["path"]?.stringValue)
                let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                // "", v1, accounts, acc_demo, issuers, <id>: no segment added, none removed.
                #expect(segments.count == 6, "\(id.debugDescription) → \(path)")
                #expect(segments.prefix(5) == ["", "v1", "accounts", EmulatorDemo.accountID, "issuers"], "\(path)")
                #expect(segments.last.map(Self.percentDecoded) == id, "\(id.debugDescription) → \(path)")
                #expect(segments.last?.allSatisfy { $0.isASCII && !$0.isWhitespace } == true, "\(path)")
            }
            try await client.close()
        }
    }

    /// Percent-decoding by hand (Foundation's drops a leading byte order mark).
    static func percentDecoded(_ text: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func headerValuesWithLineBreaksAreRefusedBeforeAnyRequest() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(retries: .disabled))
            let before = try await emulator.requests().count
            for bad in ["a\r\nInjected: yes", "a\nb", "a\rb", "a\0b", "a\u{1B}[31m", "a\u{7F}"] {
                await #expect(throws: AuthPIError.invalidArgument, "idempotency key \(bad.debugDescription)") {
                    _ = try await client.issuer("iss_1").users.create(["username_type": "email", "username": "x@example.com", "profile": [:]], idempotencyKey: bad)
                }
                await #expect(throws: AuthPIError.invalidArgument, "If-Match \(bad.debugDescription)") {
                    try await client.issuer("iss_1").user("usr_1").delete(ifMatch: bad)
                }
                await #expect(throws: AuthPIError.invalidArgument, "header \(bad.debugDescription)") {
                    _ = try await client.issuers.list(options: RequestOptions(headers: ["X-Tag": bad]))
                }
                // Credentials and settings are checked when the client is built.
                #expect(throws: AuthPIError.configuration) { _ = try AuthPIClient(apiKey: "key_demo:" + bad, configuration: Configuration(baseURL: emulator.baseURL)) }
                #expect(throws: AuthPIError.configuration) {
                    _ = try AuthPIClient(accessToken: "tok_" + bad, accountID: "acc_demo", configuration: Configuration(baseURL: emulator.baseURL))
                }
                #expect(throws: AuthPIError.configuration) {
                    _ = try AuthPIClient(apiKey: "key_demo:demo_secret", configuration: Configuration(baseURL: emulator.baseURL, accountID: "acc" + bad))
                }
                #expect(throws: AuthPIError.configuration) {
                    _ = try AuthPIClient(apiKey: "key_demo:demo_secret", configuration: Configuration(baseURL: emulator.baseURL, defaultHeaders: ["X-Team": bad]))
                }
            }
            // Header names must be tokens: refused as bad input, not as a network failure.
            for name in ["", "X Tag", "X:Tag", "X(Tag)", "Ünï", "X\r\nY"] {
                await #expect(throws: AuthPIError.invalidArgument, "name \(name.debugDescription)") {
                    _ = try await client.issuers.list(options: RequestOptions(headers: [name: "v"]))
                }
            }
            // A tab is allowed in a value.
            _ = try await client.issuers.list(options: RequestOptions(headers: ["X-Tag": "a\tb"]))
            #expect(try await emulator.requests().count == before + 1)
            try await client.close()
        }
    }

    @Test func aRefreshedTokenWithALineBreakIsRefused() async throws {
        try await withTestEmulator { emulator in
            let client = try AuthPIClient(
                accessToken: "tok_expired", accountID: EmulatorDemo.accountID, refresh: { "tok_new\r\nX-Injected: 1" },
                configuration: Configuration(baseURL: emulator.baseURL, retries: .disabled))
            do {
                _ = try await client.issuers.list()
                Issue.record("expected an authentication error")
            } catch let error as AuthPIError {
                #expect(error.code == .authentication)
                #expect((error.underlying as? AuthPIError)?.code == .configuration)
            }
            // Only the first attempt (with the old token) was sent.
            #expect(try await emulator.requests().count == 1)
            try await client.close()
        }
    }

    @Test(arguments: [
        "", "api.authpi.dev", "ftp://api.authpi.dev", "file:///etc/passwd", "javascript:alert(1)", "http://exa mple.com",
        " https://api.authpi.dev", "https://api.authpi.dev\n", "http://", "https://", "http:///v1", "https://:443",
        "https://api.authpi.dev?x=1", "https://api.authpi.dev#top", "https://user:pa55word@api.authpi.dev",
        "https://api.authpi.dev:0", "https://api.authpi.dev:99999", "http://[::1", "//api.authpi.dev", "/v1",
    ])
    func badBaseURLsAreConfigurationErrors(_ url: String) {
        do {
            _ = try AuthPIClient(apiKey: "key_demo:demo_secret", configuration: Configuration(baseURL: url))
            Issue.record("\(url.debugDescription) was accepted")
        } catch let error as AuthPIError {
            #expect(error.code == .configuration, "\(error)")
            #expect(error.errorDescription.hasPrefix("baseURL "), "\(error)")
            #expect(!error.description.contains("pa55word"))
        } catch {
            Issue.record("\(url.debugDescription): \(type(of: error))")
        }
    }

    @Test func goodBaseURLsAreAccepted() throws {
        for url in ["https://api.authpi.com", "https://api.authpi.com/", "http://127.0.0.1:4010", "http://[::1]:8080", "https://API.example.com/prefix/"] {
            let client = try AuthPIClient(apiKey: "key_demo:demo_secret", configuration: Configuration(baseURL: url))
            #expect(client.description.hasPrefix("AuthPIClient(baseURL: "))
        }
    }

    @Test func badLimitsAreConfigurationErrors() {
        let bad: [Configuration] = [
            Configuration(timeout: .zero), Configuration(maxResponseBodyBytes: 0),
            Configuration(connectTimeout: .zero), Configuration(maxConnectionsPerHost: 0),
        ]
        for configuration in bad {
            #expect(throws: AuthPIError.configuration) { _ = try AuthPIClient(apiKey: "key_demo:demo_secret", configuration: configuration) }
        }
    }

    @Test func aResolvedAccountIDThatIsNotASegmentIsRefused() async throws {
        try await withTestEmulator { emulator in
            try await emulator.faultBody(
                path: "/v1/me", bytes: Array(#"{"data":{"type":"api_key","accounts":[{"account_id":"../../x"}]}}"#.utf8))
            let client = try emulator.client(Configuration(retries: .disabled), resolvingAccount: true)
            await #expect(throws: AuthPIError.malformedResponse) { _ = try await client.issuers.list() }
            // Only GET /v1/me was sent.
            #expect(try await emulator.requests().map { $0["path"]?.stringValue } == ["/v1/me"])
            try await client.close()
        }
    }

    /// With nothing listening, a refused connection is a typed transport error at once, not after the
    /// request deadline (AsyncHTTPClient used to retry the connect until then).
    @Test(.timeLimit(.minutes(1)))
    func aRefusedConnectionFailsFast() async throws {
        let port = try await withTestEmulator { emulator in emulator.running.port }
        let client = try AuthPIClient(
            apiKey: "key_demo:demo_secret",
            configuration: Configuration(baseURL: "http://127.0.0.1:\(port)", accountID: EmulatorDemo.accountID, timeout: .seconds(30)))
        let started = ContinuousClock.now
        do {
            _ = try await client.issuers.list()
            Issue.record("expected a transport error")
        } catch let error as AuthPIError {
            #expect(error.code == .transport, "\(error)")
            #expect(error.transportFailure == .connectionRefused, "\(String(reflecting: error))")
            #expect(error.retryable)
            #expect(error.host == "127.0.0.1")
        }
        // Not a timing assertion: the figure goes to the log (it was ~10 s before the connect settings).
        print("refused connection reported after \(ContinuousClock.now - started)")
        // Concurrent callers all get the same typed error.
        try await withThrowingTaskGroup(of: AuthPIError.TransportFailure?.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    do { _ = try await client.issuers.list(); return nil } catch let error as AuthPIError { return error.transportFailure }
                }
            }
            for try await failure in group { #expect(failure == .connectionRefused) }
        }
        try await client.close()
    }
}

#if canImport(Glibc)
import Glibc

/// A loopback listener that never accepts, its one-slot queue already full: connects to it get no answer,
/// like a host that drops packets.
final class UnansweredListener {
    let port: Int
    private var descriptors: [Int32] = []

    init?() {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { return nil }
        descriptors.append(listener)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 0) == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        // Fill the accept queue with connections nobody accepts (non-blocking: they must not hang here).
        for _ in 0..<4 {
            let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard filler >= 0 else { continue }
            descriptors.append(filler)
            _ = fcntl(filler, F_SETFL, fcntl(filler, F_GETFL) | O_NONBLOCK)
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
    }

    deinit {
        for descriptor in descriptors { close(descriptor) }
    }
}

extension EdgeInputTests {
    /// A connect that gets no answer ends at `connectTimeout` as a typed transport timeout, well before the
    /// request's own 60 s timeout.
    @Test(.timeLimit(.minutes(1)))
    func anUnansweredConnectEndsAtTheConnectTimeout() async throws {
        guard let listener = UnansweredListener() else { return }
        let client = try AuthPIClient(
            apiKey: "key_demo:demo_secret",
            configuration: Configuration(
                baseURL: "http://127.0.0.1:\(listener.port)", accountID: EmulatorDemo.accountID, timeout: .seconds(60), retries: .disabled,
                connectTimeout: .seconds(1)))
        let started = ContinuousClock.now
        do {
            _ = try await client.issuers.list()
            Issue.record("expected a transport error")
        } catch let error as AuthPIError {
            #expect(error.code == .transport, "\(error)")
            #expect(error.transportFailure == .timeout, "\(String(reflecting: error))")
            // The connect timed out, not the request (which would be AsyncHTTPClient's deadlineExceeded).
            let cause = error.underlying.map { String(reflecting: $0) } ?? ""
            print("unanswered connect cause: \(cause)")
            #expect(cause.lowercased().contains("connect"), "\(cause)")
        }
        let elapsed = ContinuousClock.now - started
        print("unanswered connect reported after \(elapsed) (connectTimeout 1 s, timeout 60 s)")
        try await client.close()
        withExtendedLifetime(listener) {}
    }
}
#endif
