import AsyncHTTPClient
import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing

/// Tests of the official SDK 1.4.0 that no other suite re-expresses, on the wire through the emulator.
/// docs/sdk-1.4.0-test-map.md maps every 1.4.0 test to its Swift counterpart.
@Suite("SDK 1.4.0 parity on the wire", .timeLimit(.minutes(2)))
struct SDK140ParityTests {
    static let account = EmulatorDemo.accountID

    /// test_client.py::test_issuer_list_sends_search_and_operational_filters.
    @Test func issuerListSendsSearchAndOperationalFilters() async throws {
        try await withTestEmulator { emulator in
            try await emulator.faultBody(
                path: "/v1/accounts/\(Self.account)/issuers", bytes: Array(#"{"data":[],"has_more":false,"invalid_count":2}"#.utf8))
            let client = try emulator.client()
            let page = try await client.issuers.list(limit: 25, q: "production", status: "active", accessMode: "approval", readiness: "review")
            #expect(page.invalidCount == 2)
            let query = try await emulator.lastRequest()?["query"]?.objectValue
            #expect(query == ["q": "production", "status": "active", "access_mode": "approval", "readiness": "review", "limit": "25"])
            try await client.close()
        }
    }

    /// test_http_client.py::test_request_skips_none_query_params: absent filters are not sent at all.
    @Test func absentQueryParametersAreNotSent() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            _ = try await client.issuers.list(limit: 3)
            #expect(try await emulator.lastRequest()?["query"]?.objectValue == ["limit": "3"])
            try await client.close()
        }
    }

    /// test_http_client.py::test_no_retry_on_400 and ::test_no_retry_on_post: one request each.
    @Test func neitherA400NorAPostIsRetried() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(retries: fastRetries))
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 400, count: 1)
            await #expect(throws: AuthPIError.validation) { _ = try await client.issuers.list() }
            try await emulator.fault(method: "POST", path: "/v1/accounts/*/issuers/*/agents", status: 503, count: 1)
            await #expect(throws: AuthPIError.serviceUnavailable) { _ = try await client.issuer(EmulatorDemo.issuerID).agents.create(["name": "x"]) }
            let requests = try await emulator.requests()
            #expect(requests.map { $0["status"]?.intValue } == [400, 503])
            try await client.close()
        }
    }

    /// test_http_client.py::test_request_returns_empty_for_204: a delete answered without a body succeeds.
    @Test func aDeleteAnsweredWithoutBodySucceeds() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let agents = client.issuer(EmulatorDemo.issuerID).agents
            let agent = try await agents.create(["name": "short-lived"])
            try await agents.delete(agent.id)
            let last = try await emulator.lastRequest()
            #expect(last?["method"]?.stringValue == "DELETE")
            #expect([200, 204].contains(last?["status"]?.intValue ?? 0))
            await #expect(throws: AuthPIError.notFound) { _ = try await agents.get(agent.id) }
            try await client.close()
        }
    }

    /// test_http_client.py::test_injected_client_close_is_noop: closing the SDK client leaves the caller's
    /// HTTPClient usable.
    @Test func closingTheSDKClientLeavesAnInjectedHTTPClientOpen() async throws {
        try await withTestEmulator { emulator in
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            let configuration = Configuration(baseURL: emulator.baseURL, accountID: Self.account)
            let first = try AuthPIClient(keyID: EmulatorDemo.apiKeyID, keySecret: EmulatorDemo.apiKeySecret, configuration: configuration, httpClient: http)
            _ = try await first.issuers.list(limit: 1)
            try await first.close()
            await #expect(throws: AuthPIError.closedClient) { _ = try await first.issuers.list(limit: 1) }
            let second = try AuthPIClient(keyID: EmulatorDemo.apiKeyID, keySecret: EmulatorDemo.apiKeySecret, configuration: configuration, httpClient: http)
            #expect(try await second.issuers.list(limit: 1).data.count == 1)
            try await second.close()
            try await http.shutdown()
        }
    }

    /// test_http_client.py::test_sends_json_body / ::test_request_sends_extra_headers: a body travels as
    /// JSON with its Content-Type, per-call headers travel, and the answer comes back with its ETag.
    @Test func aBodyTravelsAsJSONWithPerCallHeaders() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let created = try await client.issuer(EmulatorDemo.issuerID).users.create(
                CreateUserInput(usernameType: .email, username: "wire@example.com", profile: ["first_name": "Wire"]),
                options: RequestOptions(headers: ["X-Request-Tag": "parity"]))
            #expect(created.username == "wire@example.com")
            #expect(created.value["username_type"] == "email")
            #expect(created.profile?["first_name"] == "Wire")
            #expect(created.etag != nil)
            let last = try await emulator.lastRequest()
            let headers = last?["headers"]?.objectValue ?? [:]
            #expect(headers.first { $0.key.lowercased() == "content-type" }?.value.stringValue == "application/json")
            #expect(headers.first { $0.key.lowercased() == "x-request-tag" }?.value.stringValue == "parity")
            #expect(last?["status"]?.intValue == 201)
            try await client.close()
        }
    }
}
