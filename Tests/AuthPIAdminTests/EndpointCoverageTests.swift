import AuthPIAdmin
import AuthPIEmulator
import Testing

/// Every accessor of the reference table (billing aside) sends the method and path the reference names,
/// and the emulator knows the route.
@Suite("Every endpoint of the reference table", .timeLimit(.minutes(2)))
struct EndpointCoverageTests {
    typealias Call = @Sendable (AuthPIClient) async throws -> Void

    static let iss = EmulatorDemo.issuerID
    static let usr = EmulatorDemo.userWithSessionsID
    static let org = EmulatorDemo.organizationID
    static let wh = EmulatorDemo.webhookWithDeliveriesID
    static let agt = EmulatorDemo.agentID
    static let cli = EmulatorDemo.clientID
    static let ses = EmulatorDemo.activeSessionID

    /// (method, path after /v1, call). `a` is the account prefix, with the explicit demo account id (as 1.4.0's
    /// test_integration base paths).
    static let endpoints: [(String, String, Call)] = {
        let a = "accounts/\(EmulatorDemo.accountID)"
        let i = "\(a)/issuers/\(iss)"
        let u = "\(i)/users/\(usr)"
        let o = "\(i)/organizations/\(org)"
        let w = "\(a)/webhooks/\(wh)"
        return [
            ("GET", "\(a)/api-keys", { _ = try await $0.apiKeys.list(limit: 5) }),
            ("POST", "\(a)/api-keys", { _ = try await $0.apiKeys.create(["name": "ci"]) }),
            ("GET", "\(a)/api-keys/key_demo", { _ = try await $0.apiKeys.get("key_demo") }),
            ("PATCH", "\(a)/api-keys/key_nope", { _ = try await $0.apiKeys.update("key_nope", ["name": "x"]) }),
            ("DELETE", "\(a)/api-keys/key_nope", { try await $0.apiKeys.delete("key_nope") }),
            ("POST", "\(a)/api-keys/key_nope/block", { _ = try await $0.apiKeys.block("key_nope") }),
            ("POST", "\(a)/api-keys/key_nope/revoke", { _ = try await $0.apiKeys.revoke("key_nope") }),
            ("POST", "\(a)/api-keys/key_nope/rotate", { _ = try await $0.apiKeys.rotate("key_nope") }),
            ("POST", "\(a)/api-keys/key_nope/unblock", { _ = try await $0.apiKeys.unblock("key_nope") }),
            ("GET", "\(a)/tokens/pat_nope", { _ = try await $0.tokens.get("pat_nope") }),
            ("DELETE", "\(a)/tokens/pat_nope", { try await $0.tokens.delete("pat_nope") }),
            ("POST", "\(a)/tokens/pat_nope/revoke", { _ = try await $0.tokens.revoke("pat_nope") }),
            ("GET", "accounts", { _ = try await $0.accounts.list() }),
            ("GET", "accounts/acc_demo", { _ = try await $0.accounts.get("acc_demo") }),
            ("PATCH", "accounts/acc_demo", { _ = try await $0.accounts.update("acc_demo", ["name": "Demo"]) }),
            ("GET", "\(i)/agents/\(agt)/verifiers", { _ = try await $0.issuer(iss).agent(agt).verifiers.list() }),
            ("POST", "\(i)/agents/\(agt)/verifiers", { _ = try await $0.issuer(iss).agent(agt).verifiers.create(["type": "jwks"]) }),
            ("DELETE", "\(i)/agents/\(agt)/verifiers/ver_nope", { try await $0.issuer(iss).agent(agt).verifiers.delete("ver_nope") }),
            ("GET", "\(i)/agents", { _ = try await $0.issuer(iss).agents.list(status: "active") }),
            ("POST", "\(i)/agents", { _ = try await $0.issuer(iss).agents.create(["name": "bot"]) }),
            ("GET", "\(i)/agents/\(agt)", { _ = try await $0.issuer(iss).agents.get(agt) }),
            ("PATCH", "\(i)/agents/\(agt)", { _ = try await $0.issuer(iss).agents.update(agt, ["description": "d"]) }),
            ("DELETE", "\(i)/agents/agt_nope", { try await $0.issuer(iss).agents.delete("agt_nope") }),
            ("GET", "\(i)/agents/\(agt)", { _ = try await $0.issuer(iss).agent(agt).get() }),
            ("PATCH", "\(i)/agents/\(agt)", { _ = try await $0.issuer(iss).agent(agt).update(["description": "e"]) }),
            ("DELETE", "\(i)/agents/agt_nope", { try await $0.issuer(iss).agent("agt_nope").delete() }),
            ("GET", "\(i)/approvals", { _ = try await $0.issuer(iss).approvals.list() }),
            ("GET", "\(i)/approvals/usr_nope", { _ = try await $0.issuer(iss).approvals.get("usr_nope") }),
            ("PATCH", "\(i)/approvals/usr_nope", { _ = try await $0.issuer(iss).approvals.update("usr_nope", ["decision": "approve"]) }),
            ("GET", "\(i)/auth-methods", { _ = try await $0.issuer(iss).authMethods.list() }),
            ("POST", "\(i)/auth-methods", { _ = try await $0.issuer(iss).authMethods.create(["type": "password"]) }),
            ("GET", "\(i)/auth-methods/am_nope", { _ = try await $0.issuer(iss).authMethods.get("am_nope") }),
            ("PATCH", "\(i)/auth-methods/am_nope", { _ = try await $0.issuer(iss).authMethods.update("am_nope", ["enabled": false]) }),
            ("DELETE", "\(i)/auth-methods/am_nope", { try await $0.issuer(iss).authMethods.delete("am_nope") }),
            ("GET", "\(i)/clients", { _ = try await $0.issuer(iss).clients.list(q: "web") }),
            ("POST", "\(i)/clients", { _ = try await $0.issuer(iss).clients.create(["name": "cli", "type": "web"]) }),
            ("GET", "\(i)/clients/\(cli)", { _ = try await $0.issuer(iss).clients.get(cli) }),
            ("PATCH", "\(i)/clients/\(cli)", { _ = try await $0.issuer(iss).clients.update(cli, ["description": "d"]) }),
            ("DELETE", "\(i)/clients/cli_nope", { try await $0.issuer(iss).clients.delete("cli_nope") }),
            ("POST", "\(i)/clients/\(cli)/secret/rotate", { _ = try await $0.issuer(iss).clients.rotateSecret(cli) }),
            ("GET", "\(w)/deliveries", { _ = try await $0.webhook(wh).deliveries.list(status: "failed") }),
            ("POST", "\(w)/deliveries/dlv_nope/redeliver", { _ = try await $0.webhook(wh).deliveries.redeliver("dlv_nope") }),
            ("GET", "\(a)/domains", { _ = try await $0.domains.list() }),
            ("POST", "\(a)/domains", { _ = try await $0.domains.create(["domain": "auth.example.com"]) }),
            ("DELETE", "\(a)/domains/nope.example.com", { try await $0.domains.delete("nope.example.com") }),
            ("POST", "\(a)/domains/nope.example.com/assign", { _ = try await $0.domains.assign("nope.example.com", ["issuer_id": .string(iss)]) }),
            ("POST", "\(a)/domains/nope.example.com/unassign", { _ = try await $0.domains.unassign("nope.example.com") }),
            ("POST", "\(a)/domains/nope.example.com/verify", { _ = try await $0.domains.verify("nope.example.com") }),
            ("GET", "\(a)/events", { _ = try await $0.events.list(limit: 5, eventTypes: ["user.created"]) }),
            ("GET", "\(a)/events/aggregate", { _ = try await $0.events.aggregate(groupBy: "type") }),
            ("GET", "\(a)/events/evt_nope", { _ = try await $0.events.get("evt_nope") }),
            ("GET", "\(o)/groups", { _ = try await $0.issuer(iss).organization(org).groups.list() }),
            ("POST", "\(o)/groups", { _ = try await $0.issuer(iss).organization(org).groups.create(["name": "ops"]) }),
            ("GET", "\(o)/groups/grp_nope", { _ = try await $0.issuer(iss).organization(org).groups.get("grp_nope") }),
            ("PATCH", "\(o)/groups/grp_nope", { _ = try await $0.issuer(iss).organization(org).groups.update("grp_nope", ["name": "x"]) }),
            ("DELETE", "\(o)/groups/grp_nope", { try await $0.issuer(iss).organization(org).groups.delete("grp_nope") }),
            ("GET", "\(o)/invitations", { _ = try await $0.issuer(iss).organization(org).invitations.list(status: "pending") }),
            ("POST", "\(o)/invitations", { _ = try await $0.issuer(iss).organization(org).invitations.create(["email": "new@example.com"]) }),
            ("GET", "\(o)/invitations/inv_nope", { _ = try await $0.issuer(iss).organization(org).invitations.get("inv_nope") }),
            ("PATCH", "\(o)/invitations/inv_nope", { _ = try await $0.issuer(iss).organization(org).invitations.update("inv_nope", ["message": "hi"]) }),
            ("POST", "\(o)/invitations/inv_nope/resend", { _ = try await $0.issuer(iss).organization(org).invitations.resend("inv_nope") }),
            ("POST", "\(o)/invitations/inv_nope/revoke", { _ = try await $0.issuer(iss).organization(org).invitations.revoke("inv_nope") }),
            ("GET", "\(i)/sessions/\(ses)", { _ = try await $0.issuer(iss).sessions.get(ses) }),
            ("POST", "\(i)/sessions/ses_nope/reactivate", { _ = try await $0.issuer(iss).sessions.reactivate("ses_nope") }),
            ("POST", "\(i)/sessions/ses_nope/revoke", { _ = try await $0.issuer(iss).sessions.revoke("ses_nope") }),
            ("POST", "\(i)/sessions/ses_nope/suspend", { _ = try await $0.issuer(iss).sessions.suspend("ses_nope") }),
            ("POST", "\(i)/tokens/introspect", { _ = try await $0.issuer(iss).tokens.introspect(["token": "tok_x"]) }),
            ("GET", "\(a)/issuers", { _ = try await $0.issuers.list(status: "active") }),
            ("POST", "\(a)/issuers", { _ = try await $0.issuers.create(CreateIssuerInput(name: "Coverage")) }),
            ("GET", "\(a)/issuers/\(iss)", { _ = try await $0.issuers.get(iss) }),
            ("PATCH", "\(a)/issuers/\(iss)", { _ = try await $0.issuers.update(iss, ["description": "d"]) }),
            ("DELETE", "\(a)/issuers/iss_nope", { try await $0.issuers.delete("iss_nope") }),
            ("GET", "\(o)/members", { _ = try await $0.issuer(iss).organization(org).members.list() }),
            ("POST", "\(o)/members", { _ = try await $0.issuer(iss).organization(org).members.create(["member_id": .string(usr)]) }),
            ("PATCH", "\(o)/members/usr_nope", { _ = try await $0.issuer(iss).organization(org).members.update("usr_nope", ["user_title": "x"]) }),
            ("DELETE", "\(o)/members/usr_nope", { try await $0.issuer(iss).organization(org).members.delete("usr_nope") }),
            ("GET", "\(a)/notes", { _ = try await $0.notes.list(pinned: true) }),
            ("POST", "\(a)/notes", { _ = try await $0.notes.create(["subject_type": "user", "subject_id": .string(usr), "body": "hi"]) }),
            ("GET", "\(a)/notes/backlinks", { _ = try await $0.notes.backlinks(refType: "user", refID: usr) }),
            ("GET", "\(a)/notes/count", { _ = try await $0.notes.count(subjectType: "user", subjectID: usr) }),
            ("GET", "\(a)/notes/note_nope", { _ = try await $0.notes.get("note_nope") }),
            ("PATCH", "\(a)/notes/note_nope", { _ = try await $0.notes.update("note_nope", ["body": "x"]) }),
            ("DELETE", "\(a)/notes/note_nope", { try await $0.notes.delete("note_nope") }),
            ("GET", "\(o)/api-keys", { _ = try await $0.issuer(iss).organization(org).apiKeys.list() }),
            ("POST", "\(o)/api-keys", { _ = try await $0.issuer(iss).organization(org).apiKeys.create(["name": "org key"]) }),
            ("GET", "\(i)/organizations", { _ = try await $0.issuer(iss).organizations.list(ssoEnabled: false) }),
            ("POST", "\(i)/organizations", { _ = try await $0.issuer(iss).organizations.create(["name": "Org", "org_type": "business"]) }),
            ("GET", "\(i)/organizations/\(org)", { _ = try await $0.issuer(iss).organizations.get(org) }),
            ("PATCH", "\(i)/organizations/\(org)", { _ = try await $0.issuer(iss).organizations.update(org, ["description": "d"]) }),
            ("DELETE", "\(i)/organizations/org_nope", { try await $0.issuer(iss).organizations.delete("org_nope") }),
            ("POST", "\(w)/redeliver", { _ = try await $0.webhook(wh).redeliver(["event_ids": ["evt_nope"]]) }),
            ("POST", "\(o)/sso/domains", { _ = try await $0.issuer(iss).organization(org).sso.addDomain(["domain": "sso.example.com"]) }),
            ("DELETE", "\(o)/sso/domains/nope.example.com", { _ = try await $0.issuer(iss).organization(org).sso.removeDomain("nope.example.com") }),
            ("POST", "\(o)/sso/domains/nope.example.com/verify", { _ = try await $0.issuer(iss).organization(org).sso.verifyDomain("nope.example.com") }),
            ("POST", "\(o)/sso/rotate-secret", { _ = try await $0.issuer(iss).organization(org).sso.rotateSecret() }),
            ("GET", "\(u)/trusted-devices", { _ = try await $0.issuer(iss).user(usr).trustedDevices.list() }),
            ("POST", "\(u)/trusted-devices", { _ = try await $0.issuer(iss).user(usr).trustedDevices.create(["fingerprint": "fp_1", "name": "Laptop"]) }),
            ("POST", "\(u)/trusted-devices/revoke-all", { _ = try await $0.issuer(iss).user(usr).trustedDevices.revokeAll() }),
            ("DELETE", "\(u)/trusted-devices/td_nope", { try await $0.issuer(iss).user(usr).trustedDevices.delete("td_nope") }),
            ("GET", "\(u)/sessions", { _ = try await $0.issuer(iss).user(usr).sessions.list(status: "active") }),
            ("GET", "\(u)/tokens", { _ = try await $0.issuer(iss).user(usr).tokens.list() }),
            ("POST", "\(u)/tokens", { _ = try await $0.issuer(iss).user(usr).tokens.create(["name": "ci"]) }),
            ("GET", "\(u)/verifiers", { _ = try await $0.issuer(iss).user(usr).verifiers.list() }),
            ("POST", "\(u)/verifiers", { _ = try await $0.issuer(iss).user(usr).verifiers.create(["type": "totp"]) }),
            ("POST", "\(u)/verifiers/complete-enrollment", { _ = try await $0.issuer(iss).user(usr).verifiers.completeEnrollment(["code": "123456"]) }),
            ("GET", "\(u)/verifiers/ver_nope", { _ = try await $0.issuer(iss).user(usr).verifiers.get("ver_nope") }),
            ("DELETE", "\(u)/verifiers/ver_nope", { try await $0.issuer(iss).user(usr).verifiers.delete("ver_nope") }),
            ("PATCH", "\(u)/verifiers/ver_nope", { _ = try await $0.issuer(iss).user(usr).verifiers.update("ver_nope", ["name": "x"]) }),
            ("POST", "\(u)/verifiers/ver_nope/regenerate", { _ = try await $0.issuer(iss).user(usr).verifiers.regenerate("ver_nope") }),
            ("POST", "\(u)/verifiers/ver_nope/verify", { _ = try await $0.issuer(iss).user(usr).verifiers.verify("ver_nope", ["code": "123456"]) }),
            ("GET", "\(i)/users", { _ = try await $0.issuer(iss).users.list(limit: 5) }),
            ("POST", "\(i)/users", { _ = try await $0.issuer(iss).users.create(["username_type": "email", "username": "cover@example.com", "profile": [:]]) }),
            ("GET", "\(i)/users/\(usr)", { _ = try await $0.issuer(iss).users.get(usr) }),
            ("PATCH", "\(i)/users/\(usr)", { _ = try await $0.issuer(iss).users.update(usr, ["metadata": ["k": "v"]]) }),
            ("DELETE", "\(i)/users/usr_nope", { try await $0.issuer(iss).users.delete("usr_nope") }),
            ("GET", "\(a)/webhooks", { _ = try await $0.webhooks.list() }),
            ("POST", "\(a)/webhooks", { _ = try await $0.webhooks.create(CreateWebhookInput(name: "w", url: "https://hooks.example.com/x", events: ["user.created"])) }),
            ("GET", "\(a)/webhooks/\(wh)", { _ = try await $0.webhooks.get(wh) }),
            ("PATCH", "\(a)/webhooks/\(wh)", { _ = try await $0.webhooks.update(wh, ["description": "d"]) }),
            ("DELETE", "\(a)/webhooks/wh_nope", { try await $0.webhooks.delete("wh_nope") }),
            ("GET", i, { _ = try await $0.issuer(iss).get() }),
            ("PATCH", i, { _ = try await $0.issuer(iss).update(["description": "e"]) }),
            ("DELETE", "\(a)/issuers/iss_nope", { try await $0.issuer("iss_nope").delete() }),
            ("GET", o, { _ = try await $0.issuer(iss).organization(org).get() }),
            ("PATCH", o, { _ = try await $0.issuer(iss).organization(org).update(["description": "e"]) }),
            ("DELETE", "\(i)/organizations/org_nope", { try await $0.issuer(iss).organization("org_nope").delete() }),
            ("GET", u, { _ = try await $0.issuer(iss).user(usr).get() }),
            ("PATCH", u, { _ = try await $0.issuer(iss).user(usr).update(UpdateUserInput(metadata: ["k": "w"])) }),
            ("DELETE", "\(i)/users/usr_nope", { try await $0.issuer(iss).user("usr_nope").delete() }),
            ("GET", w, { _ = try await $0.webhook(wh).get() }),
            ("PATCH", w, { _ = try await $0.webhook(wh).update(["description": "e"]) }),
            ("DELETE", "\(a)/webhooks/wh_nope", { try await $0.webhook("wh_nope").delete() }),
            ("GET", "me", { _ = try await $0.whoami() }),
        ]
    }()

    @Test func everyAccessorSendsItsMethodAndPathAndTheRouteExists() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client(Configuration(retries: .disabled))
            var unknownRoutes: [String] = []
            for (method, path, call) in Self.endpoints {
                var outcome = "ok"
                do {
                    try await call(client)
                } catch let error as AuthPIError {
                    outcome = error.description
                    #expect(![AuthPIError.Code.transport, .malformedResponse, .invalidArgument, .authentication].contains(error.code), "\(method) /v1/\(path): \(error)")
                    if error.statusCode == 404 && error.errorDescription.hasPrefix("No route") || error.statusCode == 405 {
                        unknownRoutes.append("\(method) /v1/\(path)")
                    }
                }
                let last = try #require(try await emulator.lastRequest())
                #expect(last["method"]?.stringValue == method, "\(method) /v1/\(path) -> \(outcome)")
                #expect(last["path"]?.stringValue == "/v1/\(path)", "\(method) /v1/\(path) -> \(outcome)")
            }
            #expect(unknownRoutes.isEmpty, "routes the emulator does not know: \(unknownRoutes)")
            try await client.close()
        }
    }
}
