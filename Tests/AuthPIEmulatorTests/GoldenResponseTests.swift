import Foundation
import HTTPTypes
import Testing
@testable import AuthPIEmulator

/// Byte-for-byte copies of list pages and single resources, recorded from the dictionary-backed store before the
/// typed store replaced it: the typed records must write exactly what the old store wrote, ETags included.
/// Re-record (only when a response is meant to change) with `AUTHPI_RECORD_GOLDEN=1 swift test --filter Golden`.
@Suite("Golden responses")
struct GoldenResponseTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let recording = ProcessInfo.processInfo.environment["AUTHPI_RECORD_GOLDEN"] == "1"

    /// One recorded response: the headers that matter, then the body bytes.
    struct Capture: Equatable {
        var status: Int
        var contentType: String?
        var etag: String?
        var body: [UInt8]

        var headerText: String { "status: \(status)\ncontent-type: \(contentType ?? "-")\netag: \(etag ?? "-")\n" }
    }

    /// Fetches `path`, compares it with (or records) `Golden/<set>/<name>`, and returns the parsed body for follow-ups.
    @discardableResult
    static func check(_ client: Client, set: String, _ name: String, _ path: String, headers: [String: String] = [:]) async throws -> JSON? {
        let answer = try await client.send(.get, path, headers: headers)
        #expect(answer.status == 200, "\(set)/\(name): GET \(path) → \(answer.status) \(answer.rawBody.prefix(200))")
        let capture = Capture(status: answer.status, contentType: answer.headers[.contentType], etag: answer.etag, body: Array(answer.rawBody.utf8))
        let folder = directory.appendingPathComponent(set)
        let bodyFile = folder.appendingPathComponent("\(name).json")
        let headerFile = folder.appendingPathComponent("\(name).headers")
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(capture.body).write(to: bodyFile)
            try Data(capture.headerText.utf8).write(to: headerFile)
            return answer.json
        }
        guard let body = try? Data(contentsOf: bodyFile), let headerText = try? String(contentsOf: headerFile, encoding: .utf8) else {
            Issue.record("\(set)/\(name): no golden copy at \(bodyFile.path); record with AUTHPI_RECORD_GOLDEN=1")
            return answer.json
        }
        #expect(capture.headerText == headerText, "\(set)/\(name): headers differ for GET \(path)")
        if Array(body) != capture.body {
            let first = zip(Array(body), capture.body).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(body.count, capture.body.count)
            let around = capture.body[max(0, first - 60)..<min(capture.body.count, first + 60)]
            Issue.record("\(set)/\(name): body differs from byte \(first) (golden \(body.count) bytes, now \(capture.body.count)): …\(String(decoding: around, as: UTF8.self))…")
        }
        return answer.json
    }

    static func cursor(_ page: JSON?) -> String {
        page?["next_cursor"]?.stringValue?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }

    /// Users (pages, cursors, filters, singles of every status), approvals and sessions of the first issuer.
    static func checkUsers(_ client: Client, set: String, pages: Int) async throws {
        let users = "\(demoIssuerPath)/users"
        var page = try await check(client, set: set, "users-limit100", "\(users)?limit=100")
        for number in 2...pages {
            page = try await check(client, set: set, "users-limit100-page\(number)", "\(users)?limit=100&cursor=\(cursor(page))")
        }
        try await check(client, set: set, "users-default-limit", users)
        try await check(client, set: set, "users-limit7", "\(users)?limit=7")
        for status in UserRoutes.statuses {
            let filtered = try await check(client, set: set, "users-\(status)", "\(users)?limit=100&status=\(status)")
            try await check(client, set: set, "users-\(status)-page2", "\(users)?limit=100&status=\(status)&cursor=\(cursor(filtered))")
            if let id = filtered?["data"]?.arrayValue?.first?["user_id"]?.stringValue {
                try await check(client, set: set, "user-\(status)", "\(users)/\(id)")
            }
        }
        try await check(client, set: set, "approvals", "\(demoIssuerPath)/approvals?limit=100")
        try await check(client, set: set, "user-rich", "\(users)/\(EmulatorDemo.userWithSessionsID)")
        try await check(client, set: set, "user-rich-approval-path", "\(demoIssuerPath)/approvals/\(EmulatorDemo.userWithSessionsID)")
    }

    @Test func demoSeedMatchesTheGoldenCopy() async throws {
        try await withTestEmulator { client in
            let set = "demo"
            try await Self.checkUsers(client, set: set, pages: 3)
            let rich = "\(demoIssuerPath)/users/\(EmulatorDemo.userWithSessionsID)"
            try await Self.check(client, set: set, "sessions", "\(rich)/sessions?limit=100")
            try await Self.check(client, set: set, "sessions-limit2", "\(rich)/sessions?limit=2")
            try await Self.check(client, set: set, "sessions-active", "\(rich)/sessions?limit=100&status=active")
            try await Self.check(client, set: set, "session", "\(demoIssuerPath)/sessions/\(EmulatorDemo.activeSessionID)")
            try await Self.check(client, set: set, "tokens", "\(rich)/tokens?limit=100")
            try await Self.check(client, set: set, "trusted-devices", "\(rich)/trusted-devices")
            try await Self.check(client, set: set, "verifiers", "\(rich)/verifiers")
            let account = "/v1/accounts/\(EmulatorDemo.accountID)"
            try await Self.check(client, set: set, "accounts", "/v1/accounts")
            try await Self.check(client, set: set, "account", account)
            try await Self.check(client, set: set, "issuers", "\(account)/issuers?limit=100")
            try await Self.check(client, set: set, "issuer", demoIssuerPath)
            try await Self.check(client, set: set, "api-keys", "\(account)/api-keys?limit=100")
            try await Self.check(client, set: set, "webhooks", "\(account)/webhooks?limit=100")
            try await Self.check(client, set: set, "webhook", "\(account)/webhooks/\(EmulatorDemo.webhookWithDeliveriesID)")
            try await Self.check(client, set: set, "deliveries", "\(account)/webhooks/\(EmulatorDemo.webhookWithDeliveriesID)/deliveries?limit=100")
            let events = try await Self.check(client, set: set, "events", "\(account)/events?limit=100")
            try await Self.check(client, set: set, "events-page2", "\(account)/events?limit=100&cursor=\(Self.cursor(events))")
            try await Self.check(client, set: set, "notes", "\(account)/notes?limit=100")
            try await Self.check(client, set: set, "clients", "\(demoIssuerPath)/clients?limit=100")
            try await Self.check(client, set: set, "client", "\(demoIssuerPath)/clients/\(EmulatorDemo.clientID)")
            try await Self.check(client, set: set, "agents", "\(demoIssuerPath)/agents?limit=100")
            try await Self.check(client, set: set, "agent", "\(demoIssuerPath)/agents/\(EmulatorDemo.agentID)")
            try await Self.check(client, set: set, "auth-methods", "\(demoIssuerPath)/auth-methods?limit=100")
            try await Self.check(client, set: set, "organizations", "\(demoIssuerPath)/organizations?limit=100")
            let org = "\(demoIssuerPath)/organizations/\(EmulatorDemo.organizationID)"
            try await Self.check(client, set: set, "organization", org)
            try await Self.check(client, set: set, "groups", "\(org)/groups?limit=100")
            try await Self.check(client, set: set, "members", "\(org)/members?limit=100")
            try await Self.check(client, set: set, "second-issuer-users", "/v1/accounts/\(EmulatorDemo.accountID)/issuers/\(EmulatorDemo.secondIssuerID)/users?limit=100")
        }
    }

    @Test func virtualUsersMatchTheGoldenCopy() async throws {
        try await withTestEmulator(EmulatorOptions(users: 5_000)) { client in
            try await Self.checkUsers(client, set: "users5000", pages: 4)
        }
    }

    /// `--compat 0.3` serves single resources bare to authpi-admin 0.x.
    @Test func compatSingleUserMatchesTheGoldenCopy() async throws {
        try await withTestEmulator(EmulatorOptions(compatibility: .v0_3)) { client in
            let legacy = ["User-Agent": "authpi-admin-py/0.3.0"]
            try await Self.check(client, set: "compat03", "user-rich-bare", "\(demoIssuerPath)/users/\(EmulatorDemo.userWithSessionsID)", headers: legacy)
            try await Self.check(client, set: "compat03", "session-bare", "\(demoIssuerPath)/sessions/\(EmulatorDemo.activeSessionID)", headers: legacy)
            try await Self.check(client, set: "compat03", "users-limit100", "\(demoIssuerPath)/users?limit=100", headers: legacy)
        }
    }
}
