import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import AuthPIEmulator

/// Faults that serve a body of their own (rel-client: the client's decoding is tested against them).
@Suite("Fault bodies", .timeLimit(.minutes(1)))
struct FaultBodyTests {
    @Test func aFaultServesItsBodyStatusAndContentType() async throws {
        try await withTestEmulator { client in
            let html = "<html><h1>502 Bad Gateway</h1></html>"
            let armed = try await client.send(.post, "/_emulator/faults", body: [
                "method": "GET", "path": "/v1/accounts/*/issuers", "status": 502, "body": .string(html), "content_type": "text/html",
            ])
            #expect(armed.status == 201)
            let listed = try #require(armed.data?.arrayValue?.first)
            #expect(listed["body_bytes"]?.intValue == html.utf8.count)
            #expect(listed["content_type"]?.stringValue == "text/html")
            let answer = try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers")
            #expect(answer.status == 502)
            #expect(answer.rawBody == html)
            #expect(answer.headers[.contentType] == "text/html")
            // Used once: the next request is answered normally.
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers").status == 200)
        }
    }

    @Test func aBase64BodyCarriesAnyBytesWith200ByDefault() async throws {
        try await withTestEmulator { client in
            let bytes: [UInt8] = [0x7B, 0xFF, 0xFE, 0x00, 0xED, 0xA0, 0x80]
            _ = try await client.send(.post, "/_emulator/faults", body: ["path": "/v1/me", "body_base64": .string(Data(bytes).base64EncodedString())])
            let answer = try await client.get("/v1/me")
            #expect(answer.status == 200)
            #expect(answer.headers[.contentType] == "application/json")
            #expect(answer.json == nil)
            let log = try await client.get("/_emulator/requests?limit=5")
            #expect(log.data?.arrayValue?.last?["status"]?.intValue == 200)
        }
    }

    @Test func aRepeatedBodyIsStreamedWithoutContentLength() async throws {
        try await withTestEmulator { client in
            _ = try await client.send(.post, "/_emulator/faults", body: ["path": "/v1/me", "body": "abc", "body_repeat": 1000])
            let answer = try await client.get("/v1/me")
            #expect(answer.status == 200)
            #expect(answer.rawBody == String(repeating: "abc", count: 1000))
            #expect(answer.headers[.contentLength] == nil)
        }
    }

    @Test(arguments: [
        #"{"path": "/v1/me", "body": 12}"#, #"{"path": "/v1/me", "body_base64": "***"}"#,
        #"{"path": "/v1/me", "body": "a", "body_base64": "YQ=="}"#, #"{"path": "/v1/me", "body": "a", "status": 0}"#,
        #"{"path": "/v1/me", "content_type": "text/html"}"#, #"{"path": "/v1/me", "body": "a", "content_type": "a\r\nb: c"}"#,
        #"{"path": "/v1/me", "body": "a", "body_repeat": 0}"#, #"{"path": "/v1/me", "body": "", "body_repeat": 2}"#,
        #"{"path": "/v1/me", "body": "a", "body_repeat": 100001}"#,
    ])
    func badBodyFaultsAreRefused(_ spec: String) throws {
        #expect(throws: FaultRuleError.self) { try FaultRule(spec: spec) }
    }

    @Test func theCommandLineFormTakesBodiesAsJSON() throws {
        let rule = try FaultRule(spec: #"{"path": "/v1/**", "body": "<html>", "content_type": "text/html", "count": 2}"#)
        #expect(rule.status == 200)
        #expect(rule.body == FaultBody(bytes: Array("<html>".utf8), contentType: "text/html"))
        #expect(rule.count == 2)
    }
}
