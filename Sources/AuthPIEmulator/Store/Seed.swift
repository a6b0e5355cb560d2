import Foundation

/// The deterministic seeds. Every run with the same options produces the same ids and data.
enum Seed {
    static let t0 = EmulatorDemo.seedTime
    /// Per issuer: the user-id tag and the slug that names its seeded children (`am_acme_prod_password`).
    static let issuerTags: [String: String] = [
        EmulatorDemo.issuerID: "a", EmulatorDemo.secondIssuerID: "s", EmulatorDemo.thirdIssuerID: "g", EmulatorDemo.legacyIssuerID: "i",
    ]
    static let issuerSlugs: [String: String] = [
        EmulatorDemo.issuerID: "acme_prod", EmulatorDemo.secondIssuerID: "acme_staging", EmulatorDemo.thirdIssuerID: "globex",
        EmulatorDemo.legacyIssuerID: "initech_legacy",
    ]
    static func slug(_ issuer: String) -> String { issuerSlugs[issuer] ?? issuer }
    /// The AuthPI platform's own issuer (accounts' organizations, console users, account-level keys), real-shaped too.
    static let platformIssuerID = Deterministic.issuerID(seedName: "iss_authpi_platform")
    /// Users of the first issuer that get sessions, tokens, trusted devices and verifiers.
    static let richUsers = 60

    static func virtualUsers(issuer: String, count: Int) -> VirtualUsers {
        VirtualUsers(issuerID: issuer, tag: issuerTags[issuer] ?? "x", count: count, firstCreatedAt: t0 - 60_000_000, lastCreatedAt: t0 - 86_400)
    }

    /// The first active user of the demo issuer: the one tests and docs use.
    static let richUserIndex: Int = {
        let users = virtualUsers(issuer: EmulatorDemo.issuerID, count: EmulatorDemo.demoUserCount)
        return (0..<richUsers).first { users.status($0) == "active" } ?? 0
    }()
    static var richUserID: String { virtualUsers(issuer: EmulatorDemo.issuerID, count: EmulatorOptions.maximumUsers).id(at: richUserIndex) }

    static func sessionID(userIndex: Int, number: Int, tag: String = "a") -> String {
        "ses_\(tag)\(Deterministic.hex(Deterministic.mix(UInt64(userIndex * 16 + number) ^ 0x5E55), width: 14))"
    }

    static func build(seed: EmulatorSeed, users requestedUsers: Int?) -> EmulatorState {
        var state = EmulatorState()
        let account = EmulatorDemo.accountID
        state.insert(Models.account(id: account, name: "Acme Demo", now: t0 - 70_000_000), into: "/v1/accounts")
        state.insert(Models.account(id: EmulatorDemo.otherAccountID, name: "Other Corp", now: t0 - 50_000_000), into: "/v1/accounts")
        state.apiKeySecrets[EmulatorDemo.apiKeyID] = EmulatorDemo.apiKeySecret
        state.apiKeyAccounts[EmulatorDemo.apiKeyID] = [account]
        state.apiKeySecrets["key_other"] = "other_secret"
        state.apiKeyAccounts["key_other"] = [EmulatorDemo.otherAccountID]
        state.apiKeySecrets[EmulatorDemo.multiAccountKeyID] = EmulatorDemo.multiAccountKeySecret
        state.apiKeyAccounts[EmulatorDemo.multiAccountKeyID] = EmulatorDemo.multiAccountKeyAccountIDs
        let keysKey = EmulatorState.key(account, "api-keys")
        state.insert(
            Models.apiKey(id: EmulatorDemo.apiKeyID, account: account, body: ["name": "Demo key", "description": "The emulator's demo credential"], now: t0 - 60_000_000, hint: "…cret"),
            into: keysKey
        )
        let issuersKey = EmulatorState.key(account, "issuers")

        guard seed == .demo else {
            if let count = requestedUsers {
                state.insert(Models.issuer(id: EmulatorDemo.issuerID, account: account, body: ["name": "Acme Production"], now: t0 - 60_000_000), into: issuersKey)
                state.collections[EmulatorState.issuerKey(account, EmulatorDemo.issuerID) + "/users"] = RecordCollection(virtual: virtualUsers(issuer: EmulatorDemo.issuerID, count: count))
            }
            return state
        }

        for (index, key) in [("CI deploy key", "blocked"), ("Analytics export", "active"), ("Old integration", "revoked")].enumerated() {
            var body: [String: JSON] = ["name": .string(key.0), "description": .string("Seeded key \(index + 1)"), "tags": ["seed"]]
            body["status"] = .string(key.1)
            state.insert(Models.apiKey(id: "key_seed_\(index + 1)", account: account, body: body, now: t0 - 5_000_000 * (index + 1), hint: "…\(1000 + index)"), into: keysKey)
        }
        // Domains of the account.
        let domainsKey = EmulatorState.key(account, "domains")
        state.insert(Models.domain(host: "login.acme.test", now: t0 - 40_000_000, verified: true, primary: true, issuer: EmulatorDemo.issuerID), into: domainsKey)
        state.insert(Models.domain(host: "auth.globex.test", now: t0 - 20_000_000, verified: true, issuer: EmulatorDemo.thirdIssuerID), into: domainsKey)
        state.insert(Models.domain(host: "sso.initech.test", now: t0 - 1_000_000), into: domainsKey)

        let issuers: [(String, String, String, String, Int)] = [
            (EmulatorDemo.issuerID, "Acme Production", "Customer sign-in for acme.test", "active", requestedUsers ?? EmulatorDemo.demoUserCount),
            (EmulatorDemo.secondIssuerID, "Acme Staging", "Pre-production tenant", "active", 40),
            (EmulatorDemo.thirdIssuerID, "Globex Workforce", "Employee SSO for Globex — 従業員", "active", 12),
            (EmulatorDemo.legacyIssuerID, "Initech (legacy)", "Read-only archive", "disabled", 0),
        ]
        for (position, issuer) in issuers.enumerated() {
            let created = t0 - 60_000_000 + position * 3_000_000
            var body: [String: JSON] = ["name": .string(issuer.1), "description": .string(issuer.2), "status": .string(issuer.3)]
            body["settings"] = [
                "access": ["mode": position == 2 ? "invite_only" : "public"],
                "branding": position == 0 ? ["primary_color": "#4F46E5", "logo_url": "https://assets.acme.test/logo.svg"] : [:],
            ]
            body["available_scopes"] = ["openid", "profile", "email", "users:read", "users:write", "admin"]
            state.insert(Models.issuer(id: issuer.0, account: account, body: body, now: created), into: issuersKey)
            let issuerKey = EmulatorState.issuerKey(account, issuer.0)
            state.collections[issuerKey + "/users"] = RecordCollection(virtual: virtualUsers(issuer: issuer.0, count: issuer.4))
            seedIssuerChildren(&state, account: account, issuer: issuer.0, position: position, created: created)
        }
        seedUserChildren(&state, account: account, issuer: EmulatorDemo.issuerID, count: min(richUsers, requestedUsers ?? EmulatorDemo.demoUserCount), tag: "a")
        seedUserChildren(&state, account: account, issuer: EmulatorDemo.secondIssuerID, count: 8, tag: "s")
        seedWebhooksAndEvents(&state, account: account)
        seedNotes(&state, account: account)
        return state
    }

    private static func seedIssuerChildren(_ state: inout EmulatorState, account: String, issuer: String, position: Int, created: Int) {
        let issuerKey = EmulatorState.issuerKey(account, issuer)
        if position == 0 {
            // 0.3.0 mounted API keys under the issuer.
            state.insert(Models.apiKey(id: "key_acme_prod_legacy", account: account, body: ["name": "Legacy issuer key"], now: created + 300, hint: "…lgcy", issuer: issuer), into: issuerKey + "/api-keys")
        }
        let methods = ["password", "magic_link", "totp", "webauthn", "oauth_google"]
        for (index, method) in methods.enumerated() where position < 3 || index == 0 {
            let body: [String: JSON] = ["type": .string(method), "name": .string(method.replacingOccurrences(of: "_", with: " ").capitalized), "signup_enabled": .bool(index < 2)]
            state.insert(Models.authMethod(id: "am_\(slug(issuer))_\(method)", issuer: issuer, body: body, now: created + 600), into: issuerKey + "/auth-methods")
        }
        let clients: [(String, String, String, String)] = [
            ("web", "Acme Web", "active", "The customer portal"), ("spa", "Acme Dashboard", "active", "Single-page admin app"),
            ("native", "Acme iOS", "active", "iPhone and iPad app"), ("machine", "Billing Worker", "active", "Backend job runner"),
            ("web", "Legacy Portal", "disabled", "Retired in 2025"),
        ]
        for (index, client) in clients.enumerated() where position < 3 {
            let id = position == 0 && index == 0 ? EmulatorDemo.clientID : "cli_\(slug(issuer))_\(index)"
            let body: [String: JSON] = ["type": .string(client.0), "name": .string(client.1), "status": .string(client.2), "description": .string(client.3), "logo_url": .string("https://assets.example.com/clients/\(index).png")]
            state.insert(Models.client(id: id, issuer: issuer, body: body, now: created + 1_000 * (index + 1)), into: issuerKey + "/clients")
        }
        let agents: [(String, String, String)] = [("Support Assistant", "claude-sonnet", "anthropic"), ("Fraud Triage", "gpt-5", "openai"), ("Docs Bot", "llama-4", "meta")]
        for (index, agent) in agents.enumerated() where position < 2 {
            let id = position == 0 && index == 0 ? EmulatorDemo.agentID : "agt_\(slug(issuer))_\(index)"
            let body: [String: JSON] = ["name": .string(agent.0), "model": .string(agent.1), "provider": .string(agent.2), "description": .string("Seeded agent"), "scopes": ["users:read"], "status": index == 2 ? "disabled" : "active"]
            state.insert(Models.agent(id: id, issuer: issuer, body: body, now: created + 5_000 * (index + 1)), into: issuerKey + "/agents")
            state.insert(Models.agentVerifier(id: "avf_\(id.dropFirst(4))_key", agent: id, body: ["type": "api_key", "name": "Primary key"], now: created + 6_000), into: issuerKey + "/agents/\(id)/verifiers")
        }
        let orgs: [(String, String, String)] = [("Engineering", "team", "active"), ("Umbrella GmbH — Zürich", "business", "active"), ("Dormant LLC", "business", "suspended")]
        let users = virtualUsers(issuer: issuer, count: 40)
        for (index, org) in orgs.enumerated() where position < 2 {
            let id = position == 0 && index == 0 ? EmulatorDemo.organizationID : "org_\(slug(issuer))_\(index)"
            var body: [String: JSON] = ["name": .string(org.0), "org_type": .string(org.1), "status": .string(org.2), "description": .string("Seeded organization")]
            body["sso"] = index == 1 ? ["enabled": true, "only": false, "domains": [["domain": "umbrella.test", "verified": true]]] : ["enabled": false, "only": false, "domains": []]
            body["security"] = ["mfa_required": .bool(index == 1)]
            var object = Models.organization(id: id, issuer: issuer, body: body, now: created + 9_000 * (index + 1))
            object["stats"] = ["member_count": 4]
            state.insert(object, into: issuerKey + "/organizations")
            let orgKey = issuerKey + "/organizations/\(id)"
            state.insert(Models.group(id: "grp_\(id.dropFirst(4))_admins", org: id, issuer: issuer, body: ["name": "Admins", "description": "Full access", "scopes": ["org:admin"]], now: created + 10_000), into: orgKey + "/groups")
            state.insert(Models.group(id: "grp_\(id.dropFirst(4))_readers", org: id, issuer: issuer, body: ["name": "Readers", "description": .null, "scopes": ["org:read"]], now: created + 10_100), into: orgKey + "/groups")
            for member in 0..<4 {
                let userID = users.id(at: member + index * 4)
                state.insert(Models.member(org: id, issuer: issuer, member: userID, body: ["user_title": member == 0 ? "Owner" : "Engineer", "scopes": member == 0 ? ["org:admin"] : ["org:read"]], now: created + 11_000 + member), into: orgKey + "/members")
            }
            for (number, email) in ["new.hire@acme.test", "contractor@example.org", "søren@example.dk"].enumerated() {
                var invitation = Models.invitation(id: "inv_\(id.dropFirst(4))_\(number)", org: id, issuer: issuer, body: ["email": .string(email), "message": "Welcome aboard"], now: created + 12_000 + number)
                if number == 1 { invitation["status"] = "accepted"; invitation["accepted_at"] = .int(created + 20_000) }
                state.insert(invitation, into: orgKey + "/invitations")
            }
            let orgKeys = orgKey + "/api-keys"
            state.insert(Models.apiKey(id: "key_\(id.dropFirst(4))_ci", account: account, body: ["name": "Org CI key"], now: created + 13_000, hint: "…org1", org: id, issuer: issuer), into: orgKeys)
        }
    }

    private static func seedUserChildren(_ state: inout EmulatorState, account: String, issuer: String, count: Int, tag: String) {
        let users = virtualUsers(issuer: issuer, count: max(count, 1))
        let issuerKey = EmulatorState.issuerKey(account, issuer)
        for index in 0..<count {
            let userID = users.id(at: index)
            let userKey = issuerKey + "/users/\(userID)"
            let sessions = index == richUserIndex ? 5 : 1 + Deterministic.number(index, salt: 0x5E, below: 4)
            for number in 0..<sessions {
                let id = sessionID(userIndex: index, number: number, tag: tag)
                state.insertSession(SessionRecord(seededID: id, user: userID, issuer: issuer, index: index, number: number, base: t0), into: userKey + "/sessions")
            }
            let tokens = index == richUserIndex ? 3 : Deterministic.number(index, salt: 0x70, below: 3)
            for number in 0..<tokens {
                var body: [String: JSON] = ["name": .string(["CLI", "CI pipeline", "Zapier"][number]), "description": "Seeded token", "tags": ["seed"], "scopes": ["users:read"]]
                if number == 2 { body["status"] = "revoked" }
                state.insert(Models.userToken(id: "ptk_\(tag)\(Deterministic.hex(UInt64(index * 8 + number), width: 6))", user: userID, issuer: issuer, body: body, now: t0 - 500_000 * (number + 1)), into: userKey + "/tokens")
            }
            let devices = index == richUserIndex ? 3 : Deterministic.number(index, salt: 0x7D, below: 3)
            for number in 0..<devices {
                let body: [String: JSON] = ["name": .string(["MacBook Pro", "Pixel 10", "iPad Air"][number]), "user_agent": .string(["Safari/19", "Chrome/141", "Safari/19 iPad"][number])]
                state.insert(Models.trustedDevice(id: "tdv_\(tag)\(Deterministic.hex(UInt64(index * 8 + number), width: 6))", body: body, now: t0 - 300_000 * (number + 1)), into: userKey + "/trusted-devices")
            }
            state.insert(Models.verifier(id: "vrf_\(tag)\(Deterministic.hex(UInt64(index * 8), width: 6))", type: "password", status: "active", now: t0 - 9_000_000), into: userKey + "/verifiers")
            if index % 3 == 0 || index == richUserIndex {
                state.insert(Models.verifier(id: "vrf_\(tag)\(Deterministic.hex(UInt64(index * 8 + 1), width: 6))", type: "totp", status: "active", now: t0 - 8_000_000, name: "Authenticator app"), into: userKey + "/verifiers")
            }
            if index % 5 == 0 || index == richUserIndex {
                state.insert(Models.verifier(id: "vrf_\(tag)\(Deterministic.hex(UInt64(index * 8 + 2), width: 6))", type: "webauthn", status: "active", now: t0 - 7_000_000, name: "YubiKey 5C"), into: userKey + "/verifiers")
            }
        }
    }

    private static func seedWebhooksAndEvents(_ state: inout EmulatorState, account: String) {
        let hooks: [(String, String, String, [String])] = [
            (EmulatorDemo.webhookWithDeliveriesID, "Primary", "active", ["user.created", "user.updated", "user.deleted", "session.terminated", "session.created"]),
            ("wh_demo_audit", "Audit log sink", "active", ["user.blocked", "client.created", "client.updated", "api-key.created"]),
            ("wh_demo_paused", "Paused integration", "paused", ["user.created"]),
        ]
        for (index, hook) in hooks.enumerated() {
            let body: [String: JSON] = [
                "name": .string(hook.1), "description": .string("Seeded webhook \(index + 1)"), "url": .string("https://hooks.acme.test/authpi/\(index + 1)"),
                "status": .string(hook.2), "events": JSON.strings(hook.3), "auth": ["type": "signature", "secret_hint": "…9f3a"],
            ]
            state.insert(Models.webhook(id: hook.0, account: account, body: body, now: t0 - 30_000_000 + index * 1_000), into: EmulatorState.key(account, "webhooks"))
        }
        let users = virtualUsers(issuer: EmulatorDemo.issuerID, count: EmulatorDemo.demoUserCount)
        let types = ["user.created", "user.updated", "session.created", "session.terminated", "user.blocked", "client.updated", "user.deleted"]
        for index in 0..<240 {
            let type = Deterministic.pick(types, index, salt: 0xE7)
            let userIndex = Deterministic.number(index, salt: 0xE8, below: 60)
            let userID = users.id(at: userIndex)
            let now = t0 - 2_400_000 + index * 10_000
            let subject: [String: JSON] = type.hasPrefix("client")
                ? ["type": "client", "id": .string(EmulatorDemo.clientID)]
                : (type.hasPrefix("session") ? ["type": "session", "id": .string(sessionID(userIndex: userIndex, number: 0))] : ["type": "user", "id": .string(userID)])
            state.emit(type, account: account, now: now, issuer: EmulatorDemo.issuerID, user: type.hasPrefix("client") ? nil : userID,
                       client: type.hasPrefix("client") ? EmulatorDemo.clientID : nil, subject: subject)
        }
        // Give the seeded deliveries mixed outcomes.
        for hook in hooks {
            let key = EmulatorState.key(account, "webhooks", hook.0, "deliveries")
            for (index, record) in (state.collections[key]?.all() ?? []).enumerated() {
                let created = record.object["created_at"]?.intValue ?? t0
                _ = try? state.update(in: key, id: record.id, now: created, touch: false) { object in
                    switch index % 7 {
                    case 0, 1, 2, 3:
                        object["status"] = "succeeded"; object["attempt_count"] = 1; object["last_response_status"] = 200
                        object["first_attempted_at"] = .int(created + 1); object["last_attempted_at"] = .int(created + 1); object["next_attempt_at"] = .null
                    case 4:
                        object["status"] = "failed"; object["attempt_count"] = 8; object["last_response_status"] = 500
                        object["last_error"] = "HTTP 500 from receiver"; object["first_attempted_at"] = .int(created + 1)
                        object["last_attempted_at"] = .int(created + 7_200); object["next_attempt_at"] = .null
                    case 5:
                        object["status"] = "retrying"; object["attempt_count"] = 3; object["last_response_status"] = 503
                        object["last_error"] = "HTTP 503 Service Unavailable"; object["first_attempted_at"] = .int(created + 1)
                        object["last_attempted_at"] = .int(created + 600); object["next_attempt_at"] = .int(created + 3_600)
                    default:
                        object["status"] = "pending"
                    }
                    object["updated_at"] = object["last_attempted_at"] ?? .int(created)
                    if object["updated_at"]?.isNull ?? true { object["updated_at"] = .int(created) }
                }
            }
        }
    }

    private static func seedNotes(_ state: inout EmulatorState, account: String) {
        let richUser = richUserID
        let notes: [(String, String, Bool)] = [
            ("VIP customer — handle with care. @\(richUser)", "user", true),
            ("Asked for GDPR export on 2026-10-02.", "user", false),
            ("Migrating to passkeys next quarter.", "issuer", true),
            ("Secret rotation scheduled; 日本語のメモ。", "client", false),
            ("SSO rollout for Umbrella in progress.", "org", false),
        ]
        for (index, note) in notes.enumerated() {
            let subjectID: String
            switch note.1 {
            case "user": subjectID = richUser
            case "issuer": subjectID = EmulatorDemo.issuerID
            case "client": subjectID = EmulatorDemo.clientID
            default: subjectID = EmulatorDemo.organizationID
            }
            var body: [String: JSON] = ["subject_type": .string(note.1), "subject_id": .string(subjectID), "content": .string(note.0), "pinned": .bool(note.2)]
            body["issuer_id"] = .string(EmulatorDemo.issuerID)
            if index == 0 { body["references"] = [["ref_type": "user", "ref_id": .string(richUser), "ref_issuer_id": .string(EmulatorDemo.issuerID), "created_at": .double(Double(t0 - 100_000))]] }
            state.insert(Models.note(id: "note_seed_\(index + 1)", account: account, body: body, createdBy: "usr_console_admin", now: t0 - 100_000 * (5 - index)), into: EmulatorState.key(account, "notes"))
        }
    }
}
