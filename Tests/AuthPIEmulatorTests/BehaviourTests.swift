import Foundation
import HTTPTypes
import Testing
@testable import AuthPIEmulator

@Suite("Behaviour: validation, idempotency, concurrency, pagination")
struct BehaviourTests {
    @Test func validationErrorsCarryFields() async throws {
        try await withTestEmulator { client in
            let users = "\(demoIssuerPath)/users"
            let missing = try await client.send(.post, users, body: ["profile": ["display_name": "x"]])
            #expect(missing.status == 422)
            #expect(missing.json?["fields"]?.arrayValue?.first?["field"]?.stringValue == "username")
            let badEmail = try await client.send(.post, users, body: ["username": "not-an-email", "username_type": "email"])
            #expect(badEmail.status == 422)
            #expect(badEmail.json?["fields"]?.arrayValue?.first?["code"]?.stringValue == "invalid_email")
            let wrongType = try await client.send(.post, users, body: ["username": 42])
            #expect(wrongType.json?["fields"]?.arrayValue?.first?["code"]?.stringValue == "invalid_type")
            let badEnum = try await client.send(.post, users, body: ["username": "a@example.com", "status": "sleeping"])
            #expect(badEnum.json?["fields"]?.arrayValue?.first?["code"]?.stringValue == "invalid_enum")
            let notJSON = try await client.send(.post, users, rawBody: "{not json")
            #expect(notJSON.status == 400)
            #expect(notJSON.errorCode == "invalid_json")
            let array = try await client.send(.post, users, body: [1, 2])
            #expect(array.status == 400)
            let real = try await client.send(.post, users, body: ["username_type": "email", "username": "real@example.com", "profile": ["display_name": "Réal"]])
            #expect(real.status == 201)
            #expect(real.data?["username"]?.stringValue == "real@example.com")
            #expect(real.data?["profile"]?["display_name"]?.stringValue == "Réal")
            let duplicate = try await client.send(.post, users, body: ["username_type": "email", "username": "REAL@example.com"])
            #expect(duplicate.status == 409)
        }
    }

    @Test func routingErrorsAreJSON() async throws {
        try await withTestEmulator { client in
            let unknown = try await client.get("/v1/nothing/here")
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "not_found")
            let wrongMethod = try await client.send(.put, "/v1/accounts/\(EmulatorDemo.accountID)/issuers")
            #expect(wrongMethod.status == 405)
            #expect(wrongMethod.headers[.allow] == "GET, POST")
            #expect(wrongMethod.errorCode == "method_not_allowed")
            let big = String(repeating: "x", count: (1 << 20) + 10)
            let tooLarge = try await client.send(.post, "\(demoIssuerPath)/users", rawBody: "\"\(big)\"")
            #expect(tooLarge.status == 413)
            #expect(tooLarge.errorCode == "payload_too_large")
        }
    }

    @Test func idempotencyReplaysAndRefusesOtherBodies() async throws {
        try await withTestEmulator { client in
            let path = "\(demoIssuerPath)/users"
            let first = try await client.send(.post, path, body: ["username": "idem@example.com"], headers: ["Idempotency-Key": "k1"])
            let replay = try await client.send(.post, path, body: ["username": "idem@example.com"], headers: ["Idempotency-Key": "k1"])
            #expect(first.status == 201)
            #expect(replay.status == 201)
            #expect(first.data?["id"] == replay.data?["id"])
            let other = try await client.send(.post, path, body: ["username": "other@example.com"], headers: ["Idempotency-Key": "k1"])
            #expect(other.status == 409)
            #expect(other.errorCode == "idempotency_key_reused")
        }
    }

    @Test func parallelWritersWithOneETagExactlyOneWins() async throws {
        try await withTestEmulator { client in
            let path = "\(demoIssuerPath)/users/\(EmulatorDemo.userWithSessionsID)"
            let etag = try #require(try await client.get(path).etag)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        try await client.send(.patch, path, body: ["profile": ["display_name": .string("Writer \(index)")]], headers: ["If-Match": etag]).status
                    }
                }
                var collected: [Int] = []
                for try await status in group { collected.append(status) }
                return collected
            }
            #expect(statuses.filter { $0 == 200 }.count == 1)
            #expect(statuses.filter { $0 == 412 }.count == 7)
        }
    }

    @Test func paginationIsStableUnderInsertsAndDeletes() async throws {
        try await withTestEmulator { client in
            let users = "\(demoIssuerPath)/users"
            var before = Set<String>()
            var cursor: String?
            for _ in 0..<10 {
                let page = try await client.get("\(users)?limit=100" + (cursor.map { "&cursor=\($0)" } ?? ""))
                for item in page.data?.arrayValue ?? [] { before.insert(item["user_id"]?.stringValue ?? "") }
                guard page.json?["has_more"]?.boolValue == true else { break }
                cursor = page.json?["next_cursor"]?.stringValue
            }
            #expect(before.count == EmulatorDemo.demoUserCount)
            // Page again while inserting and deleting between pages.
            var seen: [String] = []
            var deleted = Set<String>()
            cursor = nil
            for round in 0..<40 {
                let page = try await client.get("\(users)?limit=20" + (cursor.map { "&cursor=\($0)" } ?? ""))
                let ids = (page.data?.arrayValue ?? []).compactMap { $0["user_id"]?.stringValue }
                seen += ids
                _ = try await client.send(.post, users, body: ["username": .string("inserted\(round)@example.com")])
                if let victim = before.sorted().dropFirst(round * 3).first, !seen.contains(victim) {
                    if try await client.send(.delete, "\(users)/\(victim)").status == 204 { deleted.insert(victim) }
                }
                guard page.json?["has_more"]?.boolValue == true else { break }
                cursor = page.json?["next_cursor"]?.stringValue
            }
            #expect(Set(seen).count == seen.count)
            let survivors = before.subtracting(deleted)
            #expect(survivors.isSubset(of: Set(seen)))
        }
    }

    @Test func mutationsEmitEventsAndDeliveries() async throws {
        try await withTestEmulator { client in
            let hook = "/v1/accounts/\(EmulatorDemo.accountID)/webhooks/\(EmulatorDemo.webhookWithDeliveriesID)/deliveries"
            let before = try await client.get("\(hook)?limit=100&event_type=user.created")
            let created = try await client.send(.post, "\(demoIssuerPath)/users", body: ["username": "events@example.com"])
            let id = try #require(created.data?["id"]?.stringValue)
            _ = try await client.send(.patch, "\(demoIssuerPath)/users/\(id)", body: ["status": "blocked"])
            _ = try await client.send(.delete, "\(demoIssuerPath)/users/\(id)")
            let events = try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/events?user_id=\(id)&limit=100")
            let types = (events.data?.arrayValue ?? []).compactMap { $0["type"]?.stringValue }
            // Newest first.
            #expect(types == ["user.deleted", "user.blocked", "user.updated", "user.created"])
            let pending = try await client.get("\(hook)?limit=1&event_type=user.created&status=pending")
            let delivery = try #require(pending.data?.arrayValue?.first)
            #expect(delivery["event_id"]?.stringValue == events.data?.arrayValue?.last?["id"]?.stringValue)
            #expect(delivery["attempt_count"]?.intValue == 0)
            let deliveryID = try #require(delivery["id"]?.stringValue)
            let redelivered = try await client.send(.post, "\(hook)/\(deliveryID)/redeliver")
            #expect(redelivered.data?["attempt_count"]?.intValue == 1)
            #expect(redelivered.data?["success"]?.boolValue == true)
            #expect(before.status == 200)
        }
    }

    @Test func trustedDevicesRevokeAllCounts() async throws {
        try await withTestEmulator { client in
            let base = "\(demoIssuerPath)/users/\(EmulatorDemo.userWithSessionsID)/trusted-devices"
            let count = try await client.get(base).data?.arrayValue?.count ?? 0
            #expect(count >= 2)
            let revoked = try await client.send(.post, "\(base)/revoke-all")
            #expect(revoked.data?["revoked_count"]?.intValue == count)
            #expect(try await client.get(base).data?.arrayValue?.isEmpty == true)
        }
    }

    @Test func droppedConnectionIsNotAResponse() async throws {
        try await withTestEmulator { client in
            _ = try await client.send(.post, "/_emulator/faults", body: ["path": "/v1/accounts/*/webhooks", "status": 0])
            await #expect(throws: (any Error).self) { _ = try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/webhooks") }
        }
    }

    @Test func resetRestoresTheSeed() async throws {
        try await withTestEmulator { client in
            _ = try await client.send(.delete, "\(demoIssuerPath)/users/\(EmulatorDemo.userWithSessionsID)")
            #expect(try await client.get("\(demoIssuerPath)/users/\(EmulatorDemo.userWithSessionsID)").status == 404)
            _ = try await client.send(.post, "/_emulator/reset")
            #expect(try await client.get("\(demoIssuerPath)/users/\(EmulatorDemo.userWithSessionsID)").status == 200)
        }
    }

    @Test func millionUsersAreServedWithoutMaterializing() async throws {
        try await withTestEmulator(EmulatorOptions(seed: .empty, users: 1_000_000)) { client in
            let deep = try await client.get("\(demoIssuerPath)/users?limit=5&cursor=\(Cursor.encode(999_990))")
            #expect(deep.data?.arrayValue?.count == 5)
            let last = try await client.get("\(demoIssuerPath)/users?limit=100&cursor=\(Cursor.encode(999_990))")
            #expect(last.data?.arrayValue?.count == 9)
            #expect(last.json?["has_more"]?.boolValue == false)
            let id = try #require(last.data?.arrayValue?.last?["user_id"]?.stringValue)
            #expect(try await client.get("\(demoIssuerPath)/users/\(id)").status == 200)
        }
    }
}
