import Foundation
import HTTPTypes
import Testing
@testable import AuthPIEmulator

@Suite("Resource families")
struct FamilyRouteTests {
    @Test func apiKeysAuthenticateUntilBlocked() async throws {
        try await withTestEmulator { client in
            let created = try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/api-keys", body: ["name": "ci", "restrictions": ["scopes": ["*"]]])
            #expect(created.status == 201)
            let id = try #require(created.data?["id"]?.stringValue)
            let secret = try #require(created.data?["secret_plain"]?.stringValue)
            var keyClient = client
            keyClient.authorization = "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
            #expect(try await keyClient.get("/v1/me").data?["key_id"]?.stringValue == id)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/api-keys/\(id)").data?["secret_plain"] == nil)
            #expect(try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/api-keys/\(id)/block", body: [:]).data?["status"]?.stringValue == "blocked")
            #expect(try await keyClient.get("/v1/me").status == 401)
            #expect(try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/api-keys/\(id)/unblock").data?["status"]?.stringValue == "active")
            let rotated = try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/api-keys/\(id)/rotate", body: [:])
            #expect(rotated.data?["secret_plain"]?.stringValue != secret)
            #expect(try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/api-keys/key_demo/revoke", body: [:]).status == 409)
            #expect(try await client.send(.delete, "/v1/accounts/\(EmulatorDemo.accountID)/api-keys/\(id)").status == 204)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/api-keys/\(id)").status == 404)
        }
    }

    @Test func personalTokensAndIntrospection() async throws {
        try await withTestEmulator { client in
            let user = "\(demoIssuerPath)/users/\(EmulatorDemo.userWithSessionsID)"
            let created = try await client.send(.post, "\(user)/tokens", body: ["name": "cli", "scopes": ["users:read"]])
            let plain = try #require(created.data?["token_plain"]?.stringValue)
            let id = try #require(created.data?["id"]?.stringValue)
            #expect(try await client.send(.post, "\(demoIssuerPath)/tokens/introspect", body: ["token": .string(plain)]).data?["active"]?.boolValue == true)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/tokens/\(id)").data?["user_id"]?.stringValue == EmulatorDemo.userWithSessionsID)
            #expect(try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/tokens/\(id)/revoke", body: [:]).data?["status"]?.stringValue == "revoked")
            #expect(try await client.send(.post, "\(demoIssuerPath)/tokens/introspect", body: ["token": .string(plain)]).data?["active"]?.boolValue == false)
            #expect(try await client.get("\(user)/tokens?status=revoked").data?.arrayValue?.contains { $0["id"]?.stringValue == id } == true)
        }
    }

    @Test func verifiersEnrollVerifyAndRegenerate() async throws {
        try await withTestEmulator { client in
            let base = "\(demoIssuerPath)/users/\(EmulatorDemo.userWithSessionsID)/verifiers"
            let enrollment = try await client.send(.post, base, body: ["type": "totp"])
            let enrollmentID = try #require(enrollment.data?["enrollment_id"]?.stringValue)
            let failed = try await client.send(.post, "\(base)/complete-enrollment", body: ["enrollment_id": .string(enrollmentID), "code": "abc"])
            #expect(failed.data?["success"]?.boolValue == false)
            let done = try await client.send(.post, "\(base)/complete-enrollment", body: ["enrollment_id": .string(enrollmentID), "code": "123456"])
            let verifier = try #require(done.data?["verifier_id"]?.stringValue)
            #expect(try await client.send(.post, "\(base)/\(verifier)/verify", body: ["code": "000000"]).data?["success"]?.boolValue == false)
            #expect(try await client.send(.post, "\(base)/\(verifier)/verify", body: ["code": "424242"]).data?["success"]?.boolValue == true)
            #expect(try await client.send(.post, "\(base)/\(verifier)/regenerate").data?["codes"]?.arrayValue?.count == 8)
            #expect(try await client.send(.delete, "\(base)/\(verifier)").status == 204)
            #expect(try await client.get("\(base)/\(verifier)").status == 404)
        }
    }

    @Test func organizationsWithChildrenAndLegacyPaths() async throws {
        try await withTestEmulator { client in
            let orgs = "\(demoIssuerPath)/organizations"
            let org = try await client.send(.post, orgs, body: ["name": "Umbrella", "org_type": "business"])
            let orgID = try #require(org.data?["id"]?.stringValue)
            let group = try await client.send(.post, "\(orgs)/\(orgID)/groups", body: ["name": "Admins"])
            let groupID = try #require(group.data?["id"]?.stringValue)
            #expect(try await client.get("\(demoIssuerPath)/groups/\(orgID)/\(groupID)").data?["name"]?.stringValue == "Admins")
            let legacyGroup = try await client.send(.post, "\(demoIssuerPath)/groups", body: ["org_id": .string(orgID), "name": "Legacy"])
            #expect(legacyGroup.status == 201)
            #expect(try await client.get("\(orgs)/\(orgID)/groups").data?.arrayValue?.count == 2)
            let invitation = try await client.send(.post, "\(orgs)/\(orgID)/invitations", body: ["email": "someone@example.com"])
            let invitationID = try #require(invitation.data?["id"]?.stringValue)
            #expect(try await client.send(.post, "\(demoIssuerPath)/invitations/\(invitationID)/revoke").data?["status"]?.stringValue == "revoked")
            #expect(try await client.send(.post, "\(orgs)/\(orgID)/invitations/\(invitationID)/resend").status == 409)
            #expect(try await client.send(.post, "\(orgs)/\(orgID)/invitations", body: ["email": "nope"]).status == 422)
            let member = try await client.send(.post, "\(orgs)/\(orgID)/members", body: ["user_id": .string(EmulatorDemo.userWithSessionsID)])
            #expect(member.status == 201)
            #expect(try await client.send(.post, "\(orgs)/\(orgID)/members", body: ["user_id": .string(EmulatorDemo.userWithSessionsID)]).status == 409)
            #expect(try await client.send(.post, "\(orgs)/\(orgID)/members", body: ["user_id": "usr_missing"]).status == 422)
            let sso = try await client.send(.post, "\(orgs)/\(orgID)/sso/domains", body: ["domain": "umbrella.example"])
            #expect(sso.data?["txt_record_name"]?.stringValue == "_authpi-challenge.umbrella.example")
            #expect(try await client.send(.post, "\(orgs)/\(orgID)/sso/domains/umbrella.example/verify").data?["verified"]?.boolValue == true)
            #expect(try await client.get("\(orgs)?sso_enabled=true").status == 200)
            #expect(try await client.get("\(orgs)?sso_enabled=maybe").status == 400)
            #expect(try await client.send(.delete, "\(orgs)/\(orgID)").status == 204)
            #expect(try await client.get("\(orgs)/\(orgID)/groups").status == 404)
        }
    }

    @Test func issuerChildren() async throws {
        try await withTestEmulator { client in
            let agent = try await client.send(.post, "\(demoIssuerPath)/agents", body: ["name": "Bot", "model": "m"])
            let agentID = try #require(agent.data?["id"]?.stringValue)
            let verifier = try await client.send(.post, "\(demoIssuerPath)/agents/\(agentID)/verifiers", body: ["type": "api_key"])
            #expect(verifier.data?["secret"]?.stringValue != nil)
            #expect(try await client.get("\(demoIssuerPath)/agents/\(agentID)/verifiers").data?.arrayValue?.count == 1)
            let client1 = try await client.send(.post, "\(demoIssuerPath)/clients", body: ["name": "API", "type": "machine"])
            let clientID = try #require(client1.data?["id"]?.stringValue)
            #expect(client1.data?["secret"]?.stringValue != nil)
            #expect(try await client.send(.post, "\(demoIssuerPath)/clients/\(clientID)/secret/rotate").data?["secret"]?.stringValue != nil)
            #expect(try await client.get("\(demoIssuerPath)/clients?status=disabled").data?.arrayValue?.allSatisfy { $0["status"]?.stringValue == "disabled" } == true)
            #expect(try await client.send(.post, "\(demoIssuerPath)/auth-methods", body: ["type": "carrier_pigeon"]).status == 422)
            #expect(try await client.get("\(demoIssuerPath)/auth-methods").data?.arrayValue?.isEmpty == false)
            let approvals = try await client.get("\(demoIssuerPath)/approvals")
            let pending = try #require(approvals.data?.arrayValue?.first?["user_id"]?.stringValue)
            let approved = try await client.send(.patch, "\(demoIssuerPath)/approvals/\(pending)", body: ["status": "approved"])
            #expect(approved.data?["status"]?.stringValue == "active")
        }
    }

    @Test func accountLevelFamilies() async throws {
        try await withTestEmulator { client in
            let account = try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/domains", body: ["host": "id.example.com"])
            #expect(account.data?["domains"]?.arrayValue?.contains { $0["host"]?.stringValue == "id.example.com" } == true)
            #expect(try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/domains", body: ["host": "not a host"]).status == 422)
            let assigned = try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/domains/id.example.com/assign", body: ["issuer_id": .string(EmulatorDemo.issuerID)])
            #expect(assigned.status == 200)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers/\(EmulatorDemo.issuerID)/domains").data?.arrayValue?.contains { $0["host"]?.stringValue == "id.example.com" } == true)

            let hook = try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/webhooks", body: ["name": "h", "url": "https://example.com/h", "auth": ["type": "signature"], "events": ["user.created"]])
            #expect(hook.status == 201)
            #expect(hook.data?["auth"]?["secret"]?.stringValue != nil)
            #expect(try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/webhooks", body: ["name": "h", "url": "ftp://x", "auth": ["type": "signature"], "events": ["user.*"]]).json?["fields"]?.arrayValue?.count == 2)

            let note = try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/notes", body: ["subject_type": "user", "subject_id": "usr_x", "content": "hi @usr_x"])
            let noteID = try #require(note.data?["id"]?.stringValue)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/notes/count?subject_type=user&subject_id=usr_x").data?["count"]?.intValue == 1)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/notes/backlinks?ref_id=usr_x").data?.arrayValue?.count == 1)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/notes?mentions_user_id=usr_x").data?.arrayValue?.count == 1)
            #expect(try await client.send(.patch, "/v1/accounts/\(EmulatorDemo.accountID)/notes/\(noteID)", body: ["pinned": true]).data?["pinned"]?.boolValue == true)

            let aggregate = try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/events/aggregate?group_by=type&interval=day")
            #expect(aggregate.data?["buckets"]?.arrayValue?.isEmpty == false)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/events/aggregate?interval=fortnight").status == 400)
            let event = try #require(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/events?limit=1").data?.arrayValue?.first?["id"]?.stringValue)
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/events/\(event)").data?["id"]?.stringValue == event)

            let accounts = try await client.get("/v1/accounts")
            #expect(accounts.data?.arrayValue?.count == 1)
            #expect(try await client.get("/v1/accounts/acc_other").status == 403)
        }
    }

    @Test func faultRuleParsingAndMatching() throws {
        let rule = try FaultRule(spec: "GET /v1/accounts/*/issuers 503 count=2 retry_after=1")
        #expect(rule.status == 503)
        #expect(rule.count == 2)
        #expect(rule.matches(method: "GET", path: "/v1/accounts/\(EmulatorDemo.accountID)/issuers"))
        #expect(!rule.matches(method: "GET", path: "/v1/accounts/\(EmulatorDemo.accountID)/issuers/x"))
        #expect(try FaultRule(spec: "{\"path\": \"/v1/**\", \"status\": 0}").matches(method: "POST", path: "/v1/a/b/c"))
        #expect(throws: FaultRuleError.self) { try FaultRule(spec: "GET /v1 abc") }
        #expect(throws: FaultRuleError.self) { try FaultRule(spec: "{\"path\": \"/v1\"}") }
        #expect(EmulatorResponder.isLoopback(ip: "127.0.0.1"))
        #expect(EmulatorResponder.isLoopback(ip: "::1"))
        #expect(!EmulatorResponder.isLoopback(ip: "10.1.2.3"))
        #expect(!EmulatorResponder.isLoopback(ip: nil))
    }

    @Test func startAndShutdownInProcess() async throws {
        let emulator = try await Emulator.start()
        #expect(emulator.port > 0)
        #expect(emulator.baseURL == "http://127.0.0.1:\(emulator.port)")
        await emulator.shutdown()
        await emulator.shutdown()
        let port = try await withEmulator(.init(seed: .empty)) { $0.port }
        #expect(port > 0)
    }

    @Test func portInUseIsAListenFailure() async throws {
        let first = try await Emulator.start(.init(seed: .empty))
        await #expect {
            _ = try await Emulator.start(.init(port: first.port, seed: .empty))
        } throws: { error in
            (error as? EmulatorError)?.isListenFailure == true && "\(error)".contains("address already in use")
        }
        await first.shutdown()
        await #expect(throws: EmulatorError.self) { _ = try await Emulator.start(.init(users: 2_000_000)) }
    }

    @Test func controlAPIErrorsAreJSON() async throws {
        try await withTestEmulator { client in
            let unknown = try await client.get("/_emulator/nothing")
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "not_found")
            #expect(try await client.send(.put, "/_emulator/faults").status == 405)
            let bad = try await client.send(.post, "/_emulator/faults", body: ["path": "no-slash", "status": 503])
            #expect(bad.status == 422)
            #expect(try await client.send(.post, "/_emulator/access-tokens/tok_unknown/expire").status == 404)
            #expect(try await client.send(.post, "/_emulator/access-tokens", body: ["ttl_seconds": 0]).status == 422)
            let listed = try await client.send(.post, "/_emulator/faults", body: ["path": "/v1/**", "delay_ms": 10, "count": 3])
            #expect(listed.data?.arrayValue?.first?["remaining"]?.intValue == 3)
            #expect(try await client.send(.delete, "/_emulator/faults").status == 204)
            #expect(try await client.get("/_emulator/faults").data?.arrayValue?.isEmpty == true)
        }
    }
}
