import Foundation
import HTTPTypes
import Testing
@testable import AuthPIEmulator

/// The typed session store over real HTTP, against `LegacySessionModel` (the dictionary store it replaced): every
/// transition reads back byte for byte as the old store wrote it, ETags count the same versions, and cursor pages
/// with a status filter neither repeat nor skip.
@Suite("Typed sessions over HTTP")
struct SessionRouteTests {
    typealias Stored = LegacySessionModel.Stored

    static let issuer = EmulatorDemo.issuerID
    static let actions = ["revoke", "suspend", "reactivate"]
    /// No body, a reason, a null reason, compromised with and without a reason, and compromised false.
    static let bodies: [[String: JSON]?] = [
        nil, ["reason": "Lost laptop"], ["reason": .null], ["compromised": true],
        ["compromised": true, "reason": "Phished — 東京 \"quoted\""], ["compromised": false, "reason": "Routine"],
    ]

    /// Every seeded user of the demo issuer with its sessions, as the old store seeded them.
    static func seededUsers() -> [(id: String, sessions: [Stored])] {
        let users = Seed.virtualUsers(issuer: issuer, count: EmulatorDemo.demoUserCount)
        return (0..<min(Seed.richUsers, EmulatorDemo.demoUserCount)).map { index in
            (users.id(at: index), LegacySessionModel.seededSessions(issuer: issuer, userIndex: index, tag: "a"))
        }
    }

    static func sessionPath(_ id: String, issuer: String = issuer) -> String {
        "/v1/accounts/\(EmulatorDemo.accountID)/issuers/\(issuer)/sessions/\(id)"
    }

    static func sessionsPath(user: String) -> String { "\(demoIssuerPath)/users/\(user)/sessions" }

    /// GET of the session equals the old store's single answer, ETag included.
    static func expectReadBack(_ client: Client, _ stored: Stored, _ context: String) async throws {
        let read = try await client.get(sessionPath(stored.id))
        #expect(read.status == 200, "\(context): GET → \(read.status)")
        let same = Array(read.rawBody.utf8) == stored.single
        #expect(same, "\(context): GET body \(read.rawBody)\nexpected \(String(decoding: stored.single, as: UTF8.self))")
        #expect(read.etag == stored.etag, "\(context): GET ETag \(read.etag ?? "-") ≠ \(stored.etag)")
    }

    /// Posts `action`; a valid transition must answer and read back as the old store, an invalid one 409 and no change.
    static func act(
        _ client: Client, _ stored: inout Stored, _ action: String, body: [String: JSON]?, ifMatch: String? = nil
    ) async throws {
        let context = "\(action) \(body.map { JSON.object($0).serializedString } ?? "no body") from \(stored.status) on \(stored.id)"
        let valid = LegacySessionModel.validFrom[action]?.contains(stored.status) ?? false
        let before = Int(Date().timeIntervalSince1970)
        let answer = try await client.send(.post, "\(sessionPath(stored.id))/\(action)", body: body.map { .object($0) },
                                           headers: ifMatch.map { ["If-Match": $0] } ?? [:])
        let after = Int(Date().timeIntervalSince1970)
        if valid {
            #expect(answer.status == 200, "\(context): \(answer.status) \(answer.rawBody)")
            let now = try #require(answer.data?["status_at"]?.intValue, "\(context): no status_at")
            #expect((before...after).contains(now), "\(context): status_at \(now) outside \(before)...\(after)")
            LegacySessionModel.apply(action, to: &stored, body: body ?? [:], now: now, caller: EmulatorDemo.apiKeyID)
            let same = Array(answer.rawBody.utf8) == stored.single
            #expect(same, "\(context): answer \(answer.rawBody)\nexpected \(String(decoding: stored.single, as: UTF8.self))")
            #expect(answer.etag == stored.etag, "\(context): answer ETag")
        } else {
            #expect(answer.status == 409, "\(context): \(answer.status)")
            #expect(answer.errorCode == "invalid_session_transition", "\(context)")
        }
        try await expectReadBack(client, stored, context)
    }

    /// Walks every page of `user`'s sessions with `status` and `limit`, comparing each page's bytes with the old
    /// store's page; the ids must be exactly `expected`'s matching ones, in order: no repeat, no skip.
    static func walk(_ client: Client, user: String, expected: [Stored], status: String?, limit: Int) async throws {
        let matching = expected.filter { status == nil || $0.status == status }
        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            pages += 1
            var query = "limit=\(limit)"
            if let status { query += "&status=\(status)" }
            if let cursor { query += "&cursor=\(cursor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            let answer = try await client.get("\(sessionsPath(user: user))?\(query)")
            let context = "\(user) \(query)"
            #expect(answer.status == 200, "\(context): \(answer.status)")
            let items = answer.data?.arrayValue ?? []
            let ids = items.compactMap { $0["id"]?.stringValue }
            let start = seen.count
            seen += ids
            let hasMore = answer.json?["has_more"]?.boolValue ?? false
            cursor = answer.json?["next_cursor"]?.stringValue
            #expect(hasMore == (seen.count < matching.count), "\(context): has_more \(hasMore) after \(seen.count) of \(matching.count)")
            #expect(hasMore == (cursor != nil), "\(context): has_more \(hasMore) with cursor \(cursor ?? "null")")
            let slice = Array(matching[min(start, matching.count)..<min(start + items.count, matching.count)])
            let page = JSON.object([
                "data": .array(slice.map { .object($0.object) }), "has_more": .bool(hasMore), "next_cursor": .str(cursor),
            ]).serialized()
            let same = Array(answer.rawBody.utf8) == page
            #expect(same, "\(context): page \(answer.rawBody)\nexpected \(String(decoding: page, as: UTF8.self))")
        } while cursor != nil && pages <= matching.count + 1
        #expect(seen == matching.map(\.id), "\(user) status \(status ?? "any") limit \(limit): \(seen)")
    }

    @Test func everyTransitionReadsBackAsTheDictionaryStoreWroteIt() async throws {
        try await withTestEmulator { client in
            var users = Self.seededUsers()
            // A pool of untouched sessions by status, so each valid combination starts from a seeded session.
            var pool: [String: [(user: Int, position: Int)]] = [:]
            for (user, entry) in users.enumerated() {
                for (position, session) in entry.sessions.enumerated() { pool[session.status, default: []].append((user, position)) }
            }
            for body in Self.bodies {
                for start in SessionRoutes.statuses {
                    for action in Self.actions {
                        let valid = LegacySessionModel.validFrom[action]?.contains(start) ?? false
                        // Invalid transitions change nothing, so they reuse the first session; valid ones use a fresh one.
                        guard let slot = valid ? pool[start]?.popLast() : pool[start]?.first else {
                            // Not enough seeded suspended sessions: suspend a fresh active one first.
                            let fresh = pool["active"]?.popLast()
                            let slot = try #require(fresh, "no active session left")
                            try await Self.act(client, &users[slot.user].sessions[slot.position], "suspend", body: nil)
                            try await Self.act(client, &users[slot.user].sessions[slot.position], action, body: body)
                            continue
                        }
                        try await Self.act(client, &users[slot.user].sessions[slot.position], action, body: body)
                    }
                }
            }
            // Lists after all those changes: every user, every status filter, as the old store would page them.
            for user in users {
                for status in [nil] + SessionRoutes.statuses {
                    try await Self.walk(client, user: user.id, expected: user.sessions, status: status, limit: 2)
                }
            }
        }
    }

    /// One session through every transition with If-Match: each answer's ETag is the next write's precondition,
    /// a stale one is 412 and changes nothing, and `updated_at` grows even within one second.
    @Test func chainedTransitionsWithIfMatchKeepVersionsAndUpdatedAtIncreasing() async throws {
        try await withTestEmulator { client in
            var users = Self.seededUsers()
            let rich = try #require(users.firstIndex { $0.id == EmulatorDemo.userWithSessionsID })
            let position = try #require(users[rich].sessions.firstIndex { $0.id == EmulatorDemo.activeSessionID })
            var stored = users[rich].sessions[position]
            let firstETag = stored.etag
            try await Self.expectReadBack(client, stored, "seeded")
            var updatedAt = stored.object["updated_at"]?.intValue ?? 0
            for (action, body) in [("suspend", ["reason": "Odd location"]), ("reactivate", nil), ("suspend", nil), ("reactivate", ["reason": "ignored"]),
                                   ("revoke", ["compromised": true, "reason": "Stolen token"])] as [(String, [String: JSON]?)] {
                try await Self.act(client, &stored, action, body: body, ifMatch: stored.etag)
                let now = stored.object["updated_at"]?.intValue ?? 0
                #expect(now > updatedAt, "\(action): updated_at \(now) after \(updatedAt)")
                updatedAt = now
            }
            #expect(stored.version == 6)
            let stale = try await client.send(.post, "\(Self.sessionPath(stored.id))/reactivate", headers: ["If-Match": firstETag])
            #expect(stale.status == 412)
            try await Self.expectReadBack(client, stored, "after a stale If-Match")
            users[rich].sessions[position] = stored
            for status in [nil] + SessionRoutes.statuses {
                try await Self.walk(client, user: users[rich].id, expected: users[rich].sessions, status: status, limit: 1)
            }
        }
    }

    /// Every seeded user, every status filter, limits 1, 2 and 100: cursors never repeat or skip a session.
    @Test func cursorPagesWithAStatusFilterNeverRepeatOrSkip() async throws {
        try await withTestEmulator { client in
            for user in Self.seededUsers() {
                for status in [nil] + SessionRoutes.statuses {
                    for limit in [1, 2, 100] {
                        try await Self.walk(client, user: user.id, expected: user.sessions, status: status, limit: limit)
                    }
                }
            }
        }
    }

    /// A session that stops matching the filter after its page was read does not shift the walk.
    @Test func aSessionLeavingTheFilterMidWalkShiftsNothing() async throws {
        try await withTestEmulator { client in
            let user = try #require(Self.seededUsers().first { $0.sessions.filter { $0.status == "active" }.count >= 2 })
            let active = user.sessions.filter { $0.status == "active" }.map(\.id)
            let path = Self.sessionsPath(user: user.id)
            var seen: [String] = []
            var cursor: String?
            for page in 0...active.count {
                let query = "limit=1&status=active" + (cursor.map { "&cursor=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") } ?? "")
                let answer = try await client.get("\(path)?\(query)")
                let ids = answer.data?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
                seen += ids
                // The session just read is suspended before the next page is asked for.
                if page == 0, let first = ids.first {
                    #expect(try await client.send(.post, "\(Self.sessionPath(first))/suspend").status == 200)
                }
                cursor = answer.json?["next_cursor"]?.stringValue
                if cursor == nil { break }
            }
            #expect(seen == active)
        }
    }

    /// Sessions are found by id only under their own issuer, and deleting a user drops its sessions.
    @Test func lookupIsPerIssuerAndUserDeletionDropsTheSessions() async throws {
        try await withTestEmulator { client in
            let second = LegacySessionModel.seededSessions(issuer: EmulatorDemo.secondIssuerID, userIndex: 0, tag: "s")[0]
            let found = try await client.get(Self.sessionPath(second.id, issuer: EmulatorDemo.secondIssuerID))
            let same = Array(found.rawBody.utf8) == second.single
            #expect(same, "\(found.rawBody)")
            #expect(try await client.get(Self.sessionPath(second.id)).status == 404)
            #expect(try await client.get(Self.sessionPath(EmulatorDemo.activeSessionID, issuer: EmulatorDemo.secondIssuerID)).status == 404)

            let users = Self.seededUsers()
            let doomed = try #require(users.first { $0.id != EmulatorDemo.userWithSessionsID && $0.sessions.count >= 2 })
            let kept = try #require(users.first { $0.id != doomed.id })
            #expect(try await client.send(.delete, "\(demoIssuerPath)/users/\(doomed.id)").status == 204)
            for session in doomed.sessions {
                let read = try await client.get(Self.sessionPath(session.id))
                #expect(read.status == 404, "\(session.id) of a deleted user: \(read.status)")
                #expect(read.errorCode == "not_found")
                #expect(try await client.send(.post, "\(Self.sessionPath(session.id))/revoke").status == 404)
            }
            #expect(try await client.get(Self.sessionsPath(user: doomed.id)).status == 404)
            for session in kept.sessions { try await Self.expectReadBack(client, session, "a kept user's session") }
        }
    }
}
