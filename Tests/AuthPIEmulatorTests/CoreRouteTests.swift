import Foundation
import HTTPTypes
import Testing
@testable import AuthPIEmulator

@Suite("Core routes")
struct CoreRouteTests {
    @Test func meIdentifiesTheDemoKey() async throws {
        try await withTestEmulator { client in
            let answer = try await client.get("/v1/me")
            #expect(answer.status == 200)
            #expect(answer.data?["type"]?.stringValue == "api_key")
            #expect(answer.data?["key_id"]?.stringValue == "key_demo")
            #expect(answer.data?["accounts"]?.arrayValue?.first?["account_id"]?.stringValue == "acc_demo")
        }
    }

    @Test func authErrorsAreJSON() async throws {
        try await withTestEmulator { client in
            var anonymous = client
            anonymous.authorization = nil
            let missing = try await anonymous.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers")
            #expect(missing.status == 401)
            #expect(missing.errorCode == "missing_credentials")
            anonymous.authorization = "Basic " + Data("key_demo:wrong".utf8).base64EncodedString()
            #expect(try await anonymous.get("/v1/me").status == 401)
            // The seed SDK's form: the real API never accepted it (RealAPIFidelityTests has the details).
            anonymous.authorization = "Bearer key_demo"
            #expect(try await anonymous.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers").status == 401)
            let other = try await client.get("/v1/accounts/acc_other/issuers")
            #expect(other.status == 403)
            #expect(other.errorCode == "forbidden")
        }
    }

    @Test func issuersListAndGet() async throws {
        try await withTestEmulator { client in
            let list = try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers")
            #expect(list.status == 200)
            let items = list.data?.arrayValue ?? []
            #expect(items.count >= 3)
            #expect(list.json?["has_more"]?.boolValue == false)
            #expect(items.first?["auth_method_count"]?.intValue != nil)
            let one = try await client.get(demoIssuerPath)
            #expect(one.status == 200)
            #expect(one.data?["id"]?.stringValue == EmulatorDemo.issuerID)
            #expect(one.etag != nil)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers/iss_nope").status == 404)
        }
    }

    @Test func usersPaginateWithStableCursors() async throws {
        try await withTestEmulator { client in
            var cursor: String?
            var seen = Set<String>()
            for _ in 0..<20 {
                let path = "\(demoIssuerPath)/users?limit=100" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await client.get(path)
                #expect(page.status == 200)
                for item in page.data?.arrayValue ?? [] {
                    let id = item["user_id"]?.stringValue ?? ""
                    #expect(!seen.contains(id))
                    seen.insert(id)
                    #expect(item["username"] == nil)
                }
                guard page.json?["has_more"]?.boolValue == true else { break }
                cursor = page.json?["next_cursor"]?.stringValue
            }
            #expect(seen.count == EmulatorDemo.demoUserCount)
            #expect(try await client.get("\(demoIssuerPath)/users?limit=0").status == 400)
            #expect(try await client.get("\(demoIssuerPath)/users?limit=101").status == 400)
            #expect(try await client.get("\(demoIssuerPath)/users?cursor=garbage").status == 400)
        }
    }

    @Test func userEtagConflictChangesNothing() async throws {
        try await withTestEmulator { client in
            let path = "\(demoIssuerPath)/users/\(EmulatorDemo.userWithSessionsID)"
            let before = try await client.get(path)
            let etag = try #require(before.etag)
            let updated = try await client.send(.patch, path, body: ["profile": ["display_name": "Renamed"]], headers: ["If-Match": etag])
            #expect(updated.status == 200)
            #expect(updated.etag != etag)
            #expect(updated.data?["profile"]?["display_name"]?.stringValue == "Renamed")
            #expect((updated.data?["updated_at"]?.intValue ?? 0) > (before.data?["updated_at"]?.intValue ?? 0))
            let stale = try await client.send(.patch, path, body: ["profile": ["display_name": "Lost"]], headers: ["If-Match": etag])
            #expect(stale.status == 412)
            #expect(stale.json?["current_etag"]?.stringValue == updated.etag)
            let after = try await client.get(path)
            #expect(after.data?["profile"]?["display_name"]?.stringValue == "Renamed")
        }
    }

    @Test func sessionTransitions() async throws {
        try await withTestEmulator { client in
            let sessions = try await client.get("\(demoIssuerPath)/users/\(EmulatorDemo.userWithSessionsID)/sessions")
            #expect((sessions.data?.arrayValue?.count ?? 0) >= 2)
            let path = "\(demoIssuerPath)/sessions/\(EmulatorDemo.activeSessionID)"
            #expect(try await client.send(.post, "\(path)/suspend").data?["status"]?.stringValue == "suspended")
            #expect(try await client.send(.post, "\(path)/suspend").status == 409)
            #expect(try await client.send(.post, "\(path)/reactivate").data?["status"]?.stringValue == "active")
            #expect(try await client.send(.post, "\(path)/revoke", body: ["reason": "test"]).data?["status"]?.stringValue == "revoked")
            let again = try await client.send(.post, "\(path)/revoke")
            #expect(again.status == 409)
            #expect(again.errorCode == "invalid_session_transition")
            let events = try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/events?event_types=session.terminated&limit=100")
            #expect(events.data?.arrayValue?.contains { $0["subject"]?["id"]?.stringValue == EmulatorDemo.activeSessionID } == true)
        }
    }

    @Test func controlAPIFaultsAndTokens() async throws {
        try await withTestEmulator { client in
            let fault = try await client.send(.post, "/_emulator/faults", body: ["method": "GET", "path": "/v1/accounts/*/issuers", "status": 503, "count": 2, "retry_after": 1])
            #expect(fault.status == 201)
            let first = try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers")
            #expect(first.status == 503)
            #expect(first.headers[HTTPField.Name("Retry-After")!] == "1")
            #expect(first.json?["retry_after"]?.intValue == 1)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers").status == 503)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers").status == 200)

            let minted = try await client.send(.post, "/_emulator/access-tokens", body: ["account_id": "acc_demo", "ttl_seconds": 60])
            let token = try #require(minted.json?["access_token"]?.stringValue)
            var bearer = client
            bearer.authorization = "Bearer \(token)"
            #expect(try await bearer.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers").status == 200)
            #expect(try await client.send(.post, "/_emulator/access-tokens/\(token)/expire").status == 200)
            let expired = try await bearer.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers")
            #expect(expired.status == 401)
            #expect(expired.errorCode == "token_expired")

            let log = try await client.get("/_emulator/requests?limit=50")
            #expect(!log.rawBody.contains(token))
            #expect(!log.rawBody.contains("demo_secret"))
            #expect(!log.rawBody.contains(Data("key_demo:demo_secret".utf8).base64EncodedString()))
        }
    }

    /// `POST /_emulator/events` records events as if they had happened; the list's `after` and the aggregate
    /// (grouped by type, hourly, within `after` / `before`) count them exactly.
    @Test func controlAPIRecordsEventsThatListAndAggregateSee() async throws {
        try await withTestEmulator { client in
            let now = Int(Date().timeIntervalSince1970)
            let recorded = try await client.send(.post, "/_emulator/events", body: ["events": [
                ["type": "watch.alpha"], ["type": "watch.alpha"], ["type": "watch.beta", "ago_seconds": 7_200],
            ]])
            #expect(recorded.status == 201)
            #expect(recorded.json?["data"]?.arrayValue?.count == 3)
            let acct = "/v1/accounts/\(EmulatorDemo.accountID)"
            let recent = try await client.get("\(acct)/events?after=\(now - 5)&limit=50").data?.arrayValue ?? []
            #expect(recent.filter { $0["type"]?.stringValue == "watch.alpha" }.count == 2)
            #expect(!recent.contains { $0["type"]?.stringValue == "watch.beta" })

            let start = now - now % 3_600 - 3 * 3_600
            let aggregate = try await client.get("\(acct)/events/aggregate?group_by=type&interval=hour&after=\(start)&before=\(now + 5)")
            let buckets = aggregate.data?["buckets"]?.arrayValue ?? []
            let alpha = buckets.filter { $0["key"]?.stringValue == "watch.alpha" }
            #expect(alpha.map { $0["count"]?.intValue ?? 0 }.reduce(0, +) == 2)
            #expect(alpha.allSatisfy { (($0["start"]?.intValue ?? 1) - start) % 3_600 == 0 })
            #expect(buckets.filter { $0["key"]?.stringValue == "watch.beta" }.map { $0["count"]?.intValue ?? 0 } == [1])
            // `before` is exclusive: a window that ends before them counts none of them.
            let earlier = try await client.get("\(acct)/events/aggregate?group_by=type&after=\(start)&before=\(now - 3_600)")
            #expect(!(earlier.data?["buckets"]?.arrayValue ?? []).contains { $0["key"]?.stringValue == "watch.alpha" })

            // A bad item is a validation error naming it; nothing is recorded.
            let bad = try await client.send(.post, "/_emulator/events", body: ["events": [["type": "fine"], ["ago_seconds": 1]]])
            #expect(bad.status == 422)
            #expect(bad.rawBody.contains("events[1].type"))
            #expect(try await client.send(.post, "/_emulator/events", body: ["events": [["type": "x", "ago_seconds": -1]]]).status == 422)
            let fine = try await client.get("\(acct)/events?after=\(now - 5)&event_types=fine").data?.arrayValue ?? []
            #expect(fine.isEmpty)
            #expect(try await client.send(.post, "/_emulator/events", body: ["type": "x"]).status == 400)
            #expect(try await client.get("/_emulator/events").status == 405)
        }
    }
}
