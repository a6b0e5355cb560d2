import Foundation
import Testing
@testable import AuthPIEmulator

/// Bad input at the emulator's edges, over real TCP: every case is a JSON error naming the problem
/// (never a 5xx, a crash or a hang), and the emulator keeps answering afterwards.
@Suite("Bad input at the emulator's edges")
struct BadInputTests {
    static let issuers = "/v1/accounts/\(EmulatorDemo.accountID)/issuers"

    /// Asserts a JSON error body with a reference, and that the server still serves `/v1/me`.
    static func expectJSONError(_ response: RawResponse, status: Int, code: String, _ label: String, port: Int) async throws {
        #expect(response.status == status, "\(label): status \(response.status), body \(response.text)")
        #expect(response.errorCode == code, "\(label): \(response.text)")
        #expect(response.header("content-type")?.hasPrefix("application/json") == true, "\(label)")
        #expect(response.reference?.hasPrefix("req_") == true, "\(label)")
        let description = response.json?["error_description"]?.stringValue ?? ""
        #expect(!description.isEmpty, "\(label)")
        let alive = try await RawHTTP.exchange(port: port, RawHTTP.request("GET", "/v1/me"))
        #expect(alive.status == 200, "after \(label) the emulator answered /v1/me with \(alive.status)")
    }

    @Test("ids that are not safe path segments are a 400 invalid_path")
    func unsafePathSegments() async throws {
        let cases: [(String, String)] = [
            ("encoded slash", "\(Self.issuers)/a%2Fb"),
            ("dot dot", "\(Self.issuers)/../issuers"),
            ("encoded dot dot", "\(Self.issuers)/%2e%2e/users"),
            ("single dot", "\(Self.issuers)/./users"),
            ("NUL", "\(Self.issuers)/a%00b"),
            ("CR LF header injection", "\(Self.issuers)/a%0D%0ASet-Cookie:%20x=1"),
            ("backslash", "\(Self.issuers)/a%5Cb"),
            ("encoded question mark", "\(Self.issuers)/a%3Fb"),
            ("non-UTF-8 escape", "\(Self.issuers)/a%FFb"),
            ("truncated escape", "\(Self.issuers)/a%4"),
            ("not hex escape", "\(Self.issuers)/a%zzb"),
            ("600-byte id", "\(Self.issuers)/" + String(repeating: "a", count: 600)),
            ("60 KB id", "\(Self.issuers)/" + String(repeating: "b", count: 60_000)),
            ("control API", "/_emulator/access-tokens/%2e%2e/expire"),
        ]
        try await withRawEmulator { port in
            for (label, target) in cases {
                let response = try await RawHTTP.exchange(port: port, RawHTTP.request("GET", target))
                try await Self.expectJSONError(response, status: 400, code: "invalid_path", label, port: port)
            }
            // Safe but unusual ids are fine: a 404 for an unknown issuer, not a 400.
            let unicode = try await RawHTTP.exchange(port: port, RawHTTP.request("GET", "\(Self.issuers)/%E2%9C%93%20x"))
            #expect(unicode.status == 404 && unicode.errorCode == "not_found", "\(unicode.text)")
        }
    }

    @Test("requests that are not valid HTTP get a JSON 400 and the connection closes")
    func malformedHTTP() async throws {
        let auth = RawHTTP.demoAuthorization
        let cases: [(String, String)] = [
            ("CR inside a header value", "GET /v1/me HTTP/1.1\r\nHost: x\r\nX-Note: a\rInjected: 1\r\n\(auth)\r\n\r\n"),
            ("LF inside the request line", "GET /v1/me?x=a\nb HTTP/1.1\r\nHost: x\r\n\(auth)\r\n\r\n"),
            ("NUL in the target", "GET /v1/me\u{0} HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("garbage", "HELLO THERE\r\n\r\n"),
            ("header of 200 KB", "GET /v1/me HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: 200_000))\r\n\r\n"),
            ("non-numeric Content-Length", "POST \(Self.issuers) HTTP/1.1\r\nHost: x\r\n\(auth)\r\nContent-Length: ten\r\n\r\n"),
        ]
        try await withRawEmulator { port in
            for (label, text) in cases {
                let response = try await RawHTTP.exchange(port: port, Array(text.utf8))
                #expect(response.header("connection")?.lowercased() == "close", "\(label)")
                try await Self.expectJSONError(response, status: 400, code: "malformed_request", label, port: port)
                // The description names the problem without echoing the request's bytes.
                #expect(!response.text.contains("Injected") && !response.text.contains("demo_secret"), "\(label): \(response.text)")
            }
            // Broken while the body is being read: the request is already being answered, so it is the
            // body reader's JSON 400.
            let badChunk = "POST \(Self.issuers) HTTP/1.1\r\nHost: x\r\n\(auth)\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"
            let response = try await RawHTTP.exchange(port: port, Array(badChunk.utf8))
            try await Self.expectJSONError(response, status: 400, code: "invalid_request", "bad chunk size", port: port)
        }
    }

    @Test("huge or invalid query parameters are a 400 naming the parameter, never a 5xx")
    func queryParameters() async throws {
        let cases: [(String, String, String?)] = [
            ("limit of 200 digits", "limit=" + String(repeating: "9", count: 200), "limit"),
            ("limit 0", "limit=0", "limit"),
            ("limit -1", "limit=-1", "limit"),
            ("limit 101", "limit=101", "limit"),
            ("limit text", "limit=ten", "limit"),
            ("limit repeated", "limit=1&limit=2", "limit"),
            ("cursor garbage", "cursor=%%%", "cursor"),
            ("cursor of 10 KB", "cursor=" + String(repeating: "Q", count: 10_000), "cursor"),
            ("cursor CR LF", "cursor=a%0D%0Ab", "cursor"),
        ]
        try await withRawEmulator { port in
            for (label, query, field) in cases {
                let response = try await RawHTTP.exchange(port: port, RawHTTP.request("GET", "\(Self.issuers)?\(query)"))
                try await Self.expectJSONError(response, status: 400, code: "invalid_request", label, port: port)
                #expect(response.json?["fields"]?.arrayValue?.first?["field"]?.stringValue == field, "\(label): \(response.text)")
            }
            let users = "\(Self.issuers)/\(EmulatorDemo.issuerID)/users"
            let badStatus = try await RawHTTP.exchange(port: port, RawHTTP.request("GET", "\(users)?status=frozen"))
            try await Self.expectJSONError(badStatus, status: 400, code: "invalid_request", "unknown status filter", port: port)
            let badTime = try await RawHTTP.exchange(port: port, RawHTTP.request("GET", "/v1/accounts/\(EmulatorDemo.accountID)/events?after=yesterday"))
            try await Self.expectJSONError(badTime, status: 400, code: "invalid_request", "non-numeric after", port: port)
            // Odd but harmless filter values just match nothing.
            for query in ["q=" + String(repeating: "z", count: 50_000), "q=%FF%FE", "status=%00", "q=a%0D%0Ab"] {
                let response = try await RawHTTP.exchange(port: port, RawHTTP.request("GET", "\(Self.issuers)?\(query)"))
                #expect(response.status == 200, "\(query.prefix(40)): \(response.text.prefix(300))")
                #expect(response.json?["data"]?.arrayValue?.isEmpty == true)
            }
        }
    }

    @Test("bodies: deep nesting, invalid UTF-8, non-JSON types, empty and wrong types")
    func bodies() async throws {
        let json = ["Content-Type: application/json"]
        try await withRawEmulator { port in
            func post(_ body: [UInt8], headers: [String] = json, path: String = Self.issuers) async throws -> RawResponse {
                try await RawHTTP.exchange(port: port, RawHTTP.request("POST", path, headers: headers, body: body))
            }
            let invalid: [(String, [UInt8])] = [
                ("100k [", Array(String(repeating: "[", count: 100_000).utf8)),
                ("100k {\"a\":", Array(String(repeating: "{\"a\":", count: 100_000).utf8)),
                ("balanced arrays 5k deep", Array((String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)).utf8)),
                ("invalid UTF-8 in a string", Array("{\"name\": \"a".utf8) + [0xFF, 0xFE, 0xC3] + Array("\"}".utf8)),
                ("lone surrogate escape", Array("{\"name\": \"\\uD800\"}".utf8)),
                ("truncated", Array("{\"name\": \"Acme".utf8)),
                ("number out of range", Array("{\"name\": \"x\", \"max_members\": 1e400}".utf8)),
                ("HTML", Array("<html><body>hello</body></html>".utf8)),
                ("two documents", Array("{} {}".utf8)),
            ]
            for (label, body) in invalid {
                let response = try await post(body)
                try await Self.expectJSONError(response, status: 400, code: "invalid_json", label, port: port)
            }
            for type in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"] {
                let response = try await post(Array("{\"name\": \"Acme\"}".utf8), headers: ["Content-Type: \(type)"])
                try await Self.expectJSONError(response, status: 415, code: "unsupported_media_type", type, port: port)
            }
            for type in ["application/json; charset=utf-8", "APPLICATION/JSON", "application/merge-patch+json"] {
                let response = try await post(Array("{\"name\": \"Typed \(type)\"}".utf8), headers: ["Content-Type: \(type)"])
                #expect(response.status == 201, "\(type): \(response.text)")
            }
            let empty = try await post([], headers: json)
            try await Self.expectJSONError(empty, status: 400, code: "invalid_request", "empty body", port: port)
            for (label, body) in [("array", "[]"), ("string", "\"Acme\""), ("null", "null"), ("number", "42")] {
                let response = try await post(Array(body.utf8))
                try await Self.expectJSONError(response, status: 400, code: "invalid_request", "\(label) body", port: port)
            }
            let wrongTypes = try await post(Array("{\"name\": 5, \"status\": \"sleeping\", \"metadata\": []}".utf8))
            try await Self.expectJSONError(wrongTypes, status: 422, code: "validation_error", "wrong field types", port: port)
            let fields = Set(wrongTypes.json?["fields"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? [])
            #expect(fields == ["name", "status", "metadata"], "\(wrongTypes.text)")
        }
    }

    @Test("bodies over 1 MiB are refused with 413 before they are read whole")
    func bodiesOverTheCap() async throws {
        try await withRawEmulator { port in
            // Declares 5 MiB but sends 64 KiB and waits: the 413 must come without the rest.
            let declared = RawHTTP.request("POST", Self.issuers, headers: ["Content-Type: application/json", "Content-Length: \(5 << 20)"])
            let stalled = try await RawHTTP.exchange(port: port, declared + Array(repeating: UInt8(ascii: " "), count: 64 << 10), timeout: .seconds(10))
            try await Self.expectJSONError(stalled, status: 413, code: "payload_too_large", "declared 5 MiB", port: port)

            // Chunked, no length: refused once the chunks pass 1 MiB, the rest never sent.
            var chunked = RawHTTP.request("POST", Self.issuers, headers: ["Content-Type: application/json", "Transfer-Encoding: chunked"])
            let chunk = Array("10000\r\n".utf8) + Array(repeating: UInt8(ascii: " "), count: 0x10000) + Array("\r\n".utf8)
            for _ in 0..<18 { chunked += chunk }
            let overChunked = try await RawHTTP.exchange(port: port, chunked, timeout: .seconds(10))
            try await Self.expectJSONError(overChunked, status: 413, code: "payload_too_large", "chunked 1.1 MiB", port: port)

            // Just under the cap is read (and then judged as JSON).
            let under = RawHTTP.request("POST", Self.issuers, headers: ["Content-Type: application/json"],
                                        body: Array(("{\"name\": \"Big\", \"description\": \"" + String(repeating: "d", count: (1 << 20) - 64) + "\"}").utf8))
            let accepted = try await RawHTTP.exchange(port: port, under, timeout: .seconds(20))
            #expect(accepted.status == 201, "\(accepted.text.prefix(300))")
        }
    }
}
