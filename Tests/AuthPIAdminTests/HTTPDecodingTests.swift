import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing

extension TestEmulator {
    /// The next `count` requests matching method + path get `bytes` as their body, with `status`.
    func faultBody(
        method: String = "GET", path: String, status: Int = 200, bytes: [UInt8], contentType: String? = nil,
        repeatCount: Int? = nil, count: Int = 1
    ) async throws {
        var body: JSONObject = [
            "method": .string(method), "path": .string(path), "status": .int(Int64(status)), "count": .int(Int64(count)),
            "body_base64": .string(Data(bytes).base64EncodedString()),
        ]
        if let contentType { body["content_type"] = .string(contentType) }
        if let repeatCount { body["body_repeat"] = .int(Int64(repeatCount)) }
        try await controlRequest("POST", "/_emulator/faults", body)
    }
}

/// Bodies no AuthPI server sends, served over real HTTP by the emulator's body faults.
@Suite("Decoding over HTTP", .timeLimit(.minutes(2)))
struct HTTPDecodingTests {
    static let issuerPath = "/v1/accounts/*/issuers/*"

    static let html502 = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"

    static let malformedOn200: [(String, [UInt8])] = [
        ("proxy HTML", Array(html502.utf8)),
        ("empty", []),
        ("null", Array("null".utf8)),
        ("truncated", Array(FuzzCorpus.issuer.utf8.prefix(40))),
        ("invalid UTF-8", Array(#"{"data":{"id":"iss_1","name":"a"#.utf8) + [0xC3, 0x28] + Array(#""}}"#.utf8)),
        ("lone surrogate", Array(#"{"data":{"id":"iss_1","name":"\ud800"}}"#.utf8)),
        ("1e400", Array(#"{"data":{"id":"iss_1","created_at":1e400}}"#.utf8)),
        ("deep nesting", Array(String(repeating: "[", count: 100_000).utf8)),
        ("NUL byte", Array(#"{"data":{"id":"iss_1"}}"#.utf8) + [0]),
        ("array", Array("[1,2,3]".utf8)),
        ("id of the wrong type", Array(#"{"data":{"id":12}}"#.utf8)),
    ]

    @Test func oddBodiesOn200AreMalformedOverHTTP() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(retries: .disabled))
            for (name, bytes) in Self.malformedOn200 {
                try await emulator.faultBody(path: Self.issuerPath, bytes: bytes, contentType: name == "proxy HTML" ? "text/html" : nil)
                do {
                    _ = try await client.issuer("iss_1").get()
                    Issue.record("\(name): expected malformedResponse")
                } catch let error as AuthPIError {
                    #expect(error.code == .malformedResponse, "\(name): \(error)")
                    #expect(error.operation?.hasPrefix("GET /v1/accounts/\(EmulatorDemo.accountID)/issuers/iss_1") == true, "\(name)")
                }
            }
            // The client is still usable, and the emulator served every fault.
            #expect(try await client.issuers.list(limit: 1).data.count == 1)
            #expect(try await emulator.requests().filter { $0["path"]?.stringValue == "/v1/accounts/\(EmulatorDemo.accountID)/issuers/iss_1" }.count == Self.malformedOn200.count)
            try await client.close()
        }
    }

    @Test func acceptedOdditiesOverHTTP() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(retries: .disabled))
            try await emulator.faultBody(path: Self.issuerPath, bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"data":{"id":"iss_1","id":"iss_9","n":-0}}"#.utf8))
            let issuer = try await client.issuer("iss_1").get()
            #expect(issuer.id == "iss_9")
            #expect(issuer.value["n"] == .int(0))
            try await client.close()
        }
    }

    @Test func aProxyErrorPageIsABadGatewayWithItsRawBody() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(retries: fastRetries))
            // Retried like any 502, then reported with the page as rawBody.
            try await emulator.faultBody(path: Self.issuerPath, status: 502, bytes: Array(Self.html502.utf8), contentType: "text/html", count: 4)
            do {
                _ = try await client.issuer("iss_1").get()
                Issue.record("expected badGateway")
            } catch let error as AuthPIError {
                #expect(error.code == .badGateway, "\(error)")
                #expect(error.statusCode == 502)
                #expect(error.errorCode == "unknown")
                #expect(error.rawBody?.contains("502 Bad Gateway") == true)
                #expect(error.retryable)
            }
            #expect(try await emulator.requests().count == 4)
            // A proxy page on 200 after a 503: the retry gets it, and it is malformed.
            try await emulator.fault(method: "GET", path: Self.issuerPath, status: 503, count: 1)
            try await emulator.faultBody(path: Self.issuerPath, bytes: Array(Self.html502.utf8), contentType: "text/html")
            await #expect(throws: AuthPIError.malformedResponse) { _ = try await client.issuer("iss_1").get() }
            try await client.close()
        }
    }

    @Test func randomMutationsOverHTTP() async throws {
        var random = SeededGenerator.fromEnvironment()
        let seed = random.seed
        let count = min(fuzzCaseCount(4000) / 40, 400)
        print("HTTP decoding fuzz: seed \(seed), \(count) cases")
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(retries: .disabled))
            var decoded = 0
            var malformed = 0
            for index in 0..<count {
                var body = Array(FuzzCorpus.userPage.utf8)
                for _ in 0..<Int.random(in: 1...3, using: &random) { body = body.mutated(using: &random) }
                try await emulator.faultBody(path: "/v1/accounts/*/issuers/*/users", bytes: body)
                do {
                    _ = try await client.issuer("iss_1").users.list()
                    decoded += 1
                } catch let error as AuthPIError where error.code == .malformedResponse {
                    malformed += 1
                } catch {
                    Issue.record("case \(index) (seed \(seed)): \(error) for \(String(decoding: body, as: UTF8.self).debugDescription)")
                }
            }
            print("HTTP decoding fuzz: \(decoded) decoded, \(malformed) malformedResponse")
            #expect(decoded + malformed == count)
            try await client.close()
        }
    }

    /// A 50 MiB body without `Content-Length` against a 1 MiB cap: refused once the cap is passed, and the
    /// process reads far less than the body (the connection is closed, not drained).
    @Test func aStreamedBodyOverTheCapIsRefusedWithoutReadingIt() async throws {
        try await withTestEmulator { emulator in
            let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
            let total = chunk.count * 800  // 50 MiB
            try await emulator.faultBody(path: Self.issuerPath, bytes: chunk, repeatCount: 800)
            let client = try emulator.client(Configuration(retries: .disabled, maxResponseBodyBytes: 1 << 20))
            let readBefore = Self.bytesReadByProcess()
            let started = ContinuousClock.now
            do {
                _ = try await client.issuer("iss_1").get()
                Issue.record("expected responseTooLarge")
            } catch let error as AuthPIError {
                #expect(error.code == .responseTooLarge, "\(error)")
                #expect(error.description.contains("1048576"))
            }
            let elapsed = ContinuousClock.now - started
            if let before = readBefore, let after = Self.bytesReadByProcess() {
                print("50 MiB streamed body: refused after \(elapsed), process read \(after - before) bytes")
                #expect(after - before < total / 2, "the body was read: \(after - before) bytes")
            }
            // The connection was given up, the client still works.
            #expect(try await client.issuers.list(limit: 1).data.count == 1)
            try await client.close()
        }
    }

    /// Bytes this process read through read(2) so far (`rchar` of /proc/self/io), nil off Linux.
    static func bytesReadByProcess() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else { return nil }
        let line = text.split(separator: "\n").first { $0.hasPrefix("rchar:") }
        return line.flatMap { Int($0.dropFirst("rchar:".count).trimmingCharacters(in: .whitespaces)) }
    }
}
