/// Builders for stored resources. Each stored object carries the union of the fields of the 1.4.0
/// models that read it (single and list item), so the official SDK validates every response.
enum Models {
    static func account(id: String, name: String, now: Int) -> [String: JSON] {
        [
            "id": .string(id),
            "organization": [
                "id": .string("org_\(id)"), "issuer_id": .string(Seed.platformIssuerID), "status": "active", "name": .string(name),
                "description": .string("\(name) workspace"), "logo_url": .string("https://assets.example.com/\(id).png"),
                "org_type": "account", "created_at": .int(now), "updated_at": .int(now),
            ],
            "owner_user_id": "usr_console_admin",
            "features": ["organizations": true, "agents": true, "notes": true],
            "limits": ["issuers": 25, "users_per_issuer": 1_000_000],
            "billing_mode": "prepaid", "credits_run_out": false,
            "metadata": ["tier": "demo"],
            "created_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func apiKey(id: String, account: String, body: [String: JSON], now: Int, hint: String, org: String? = nil, issuer: String? = nil) -> [String: JSON] {
        let restrictions = body["restrictions"]?.objectValue ?? ["scopes": ["*"]]
        let status = body["status"]?.stringValue ?? "active"
        return [
            "id": .string(id), "org_id": .string(org ?? "org_\(account)"), "issuer_id": .string(issuer ?? Seed.platformIssuerID),
            "type": .string(org == nil ? "account" : "organization"),
            "name": body["name"] ?? .string(id), "description": body["description"] ?? .null,
            "tags": body["tags"] ?? [], "restrictions": .object(restrictions),
            "scopes": restrictions["scopes"] ?? ["*"], "ip_allowlist": restrictions["ip_allowlist"] ?? [],
            "status": .string(status), "status_at": .int(now), "status_reason": .null, "status_by": .null,
            "expires_at": body["expires_at"] ?? .null, "metadata": body["metadata"] ?? [:],
            "secret": ["hint": .string(hint), "created_at": .int(now)], "secret_hint": .string(hint),
            "last_rotated_at": .null, "created_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func issuer(id: String, account: String, body: [String: JSON], now: Int) -> [String: JSON] {
        var settings = body["settings"]?.objectValue ?? [:]
        if settings["access"] == nil { settings["access"] = ["mode": "public"] }
        return [
            "id": .string(id), "account_id": .string(account), "name": body["name"] ?? .null,
            "description": body["description"] ?? .null, "links": body["links"] ?? [:],
            "available_scopes": body["available_scopes"] ?? ["openid", "profile", "email"],
            "status": body["status"] ?? "active", "status_at": .int(now), "settings": .object(settings),
            "metadata": body["metadata"] ?? [:], "created_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func userToken(id: String, user: String, issuer: String, body: [String: JSON], now: Int) -> [String: JSON] {
        [
            "id": .string(id), "user_id": .string(user), "issuer_id": .string(issuer), "type": "personal",
            "name": body["name"] ?? "token", "description": body["description"] ?? .null, "tags": body["tags"] ?? [],
            "scopes": body["scopes"] ?? ["users:read"], "audience": body["audience"] ?? .null,
            "restrictions": ["scopes": body["scopes"] ?? ["users:read"]],
            "status": body["status"] ?? "active", "status_at": .int(now), "status_reason": .null, "status_by": .null,
            "expires_at": body["expires_at"] ?? .null, "metadata": body["metadata"] ?? [:],
            "jti": .string("jti_\(Deterministic.hex(Deterministic.fnv(id), width: 12))"),
            "created_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func trustedDevice(id: String, body: [String: JSON], now: Int) -> [String: JSON] {
        [
            "id": .string(id), "fingerprint": body["fingerprint"] ?? .string("fp_\(Deterministic.hex(Deterministic.fnv(id), width: 16))"),
            "name": body["name"] ?? .null, "user_agent": body["user_agent"] ?? .null,
            "trusted_at": .int(now), "expires_at": .int(now + (body["ttl_seconds"]?.intValue ?? 2_592_000)), "last_used_at": .int(now),
            "status": "active",
        ]
    }

    static func verifier(id: String, type: String, status: String, now: Int, name: String? = nil) -> [String: JSON] {
        var object: [String: JSON] = [
            "id": .string(id), "type": .string(type), "status": .string(status), "name": .str(name ?? type),
            "created_at": .int(now), "updated_at": .int(now), "last_used_at": .int(now),
        ]
        switch type {
        case "totp": object["algorithm"] = "SHA1"; object["digits"] = 6; object["period"] = 30
        case "webauthn": object["credential_id"] = .string("cred_\(Deterministic.hex(Deterministic.fnv(id), width: 16))"); object["device_name"] = .str(name ?? "Passkey")
        case "backup_codes": object["remaining"] = 8
        case "password": object["last_changed_at"] = .int(now)
        default: break
        }
        return object
    }

    static func webhook(id: String, account: String, body: [String: JSON], now: Int) -> [String: JSON] {
        let auth = body["auth"]?.objectValue ?? ["type": "signature"]
        return [
            "id": .string(id), "account_id": .string(account), "name": body["name"] ?? .string(id),
            "description": body["description"] ?? "", "url": body["url"] ?? "https://hooks.example.com/authpi",
            "status": body["status"] ?? "active", "status_at": .int(now), "status_reason": body["status_reason"] ?? .null,
            "status_by": .null, "auth": .object(auth), "auth_type": auth["type"] ?? "signature",
            "events": body["events"] ?? [], "subjects": body["subjects"] ?? [],
            "retry": body["retry"] ?? ["max_attempts": 8, "backoff": "exponential"],
            "circuit_breaker": body["circuit_breaker"] ?? ["enabled": true, "failure_threshold": 20],
            "metadata": body["metadata"] ?? [:], "created_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func client(id: String, issuer: String, body: [String: JSON], now: Int) -> [String: JSON] {
        let type = body["type"]?.stringValue ?? "web"
        let confidential = body["confidential"]?.boolValue ?? (type == "web" || type == "machine")
        var settings = body["settings"]?.objectValue ?? [:]
        if settings["redirect_uris"] == nil { settings["redirect_uris"] = type == "machine" ? [] : ["https://app.example.com/callback"] }
        let redirects = settings["redirect_uris"]?.arrayValue?.count ?? 0
        return [
            "id": .string(id), "issuer_id": .string(issuer), "status": body["status"] ?? "active", "type": .string(type),
            "confidential": .bool(confidential), "name": body["name"] ?? .string(id), "description": body["description"] ?? "",
            "logo_url": body["logo_url"] ?? "", "scopes": body["scopes"] ?? ["openid", "profile"], "protocol": body["protocol"] ?? "oidc",
            "application_type": .string(type), "grant_types": body["grant_types"] ?? (type == "machine" ? ["client_credentials"] : ["authorization_code", "refresh_token"]),
            "redirect_uri_count": .int(redirects), "configuration_indexed": true,
            "secret_rotated_at": confidential ? .int(now) : .null, "status_at": .int(now), "settings": .object(settings),
            "metadata": body["metadata"] ?? [:], "created_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func agent(id: String, issuer: String, body: [String: JSON], now: Int) -> [String: JSON] {
        [
            "id": .string(id), "issuer_id": .string(issuer), "name": body["name"] ?? .string(id), "description": body["description"] ?? .null,
            "model": body["model"] ?? .null, "provider": body["provider"] ?? .null, "version": body["version"] ?? .null,
            "status": body["status"] ?? "active", "status_at": .int(now), "status_reason": .null, "scopes": body["scopes"] ?? [],
            "metadata": body["metadata"] ?? [:], "created_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func agentVerifier(id: String, agent: String, body: [String: JSON], now: Int) -> [String: JSON] {
        [
            "id": .string(id), "agent_id": .string(agent), "type": body["type"] ?? "api_key", "status": "active",
            "name": body["name"] ?? .null, "description": body["description"] ?? .null,
            "credential": body["credential"] ?? ["hint": .string(String(id.suffix(4)))], "usage_count": 0, "last_used_at": .null,
            "created_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func authMethod(id: String, issuer: String, body: [String: JSON], now: Int) -> [String: JSON] {
        [
            "id": .string(id), "issuer_id": .string(issuer), "type": body["type"] ?? "password", "name": body["name"] ?? body["type"] ?? "password",
            "enabled": body["enabled"] ?? true, "login_enabled": body["login_enabled"] ?? true, "signup_enabled": body["signup_enabled"] ?? false,
            "settings": body["settings"] ?? [:], "created_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func organization(id: String, issuer: String, body: [String: JSON], now: Int) -> [String: JSON] {
        [
            "id": .string(id), "issuer_id": .string(issuer), "status": body["status"] ?? "active", "status_at": .int(now),
            "status_reason": .null, "status_by": .null, "name": body["name"] ?? .null, "description": body["description"] ?? .null,
            "logo_url": body["logo_url"] ?? .null, "org_type": body["org_type"] ?? "business", "max_members": body["max_members"] ?? 100,
            "default_member_scopes": body["default_member_scopes"] ?? ["org:read"], "invitation_enabled": body["invitation_enabled"] ?? true,
            "invitation_message": body["invitation_message"] ?? .null, "address": body["address"] ?? .null,
            "business_details": body["business_details"] ?? [:], "contact": body["contact"] ?? [:], "social_links": body["social_links"] ?? [],
            "scopes": body["scopes"] ?? ["org:read", "org:write"], "security": body["security"] ?? ["mfa_required": false],
            "sso": body["sso"] ?? ["enabled": false, "only": false, "domains": []], "custom_fields": body["custom_fields"] ?? [:],
            "stats": ["member_count": 0], "metadata": body["metadata"] ?? [:], "created_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func group(id: String, org: String, issuer: String, body: [String: JSON], now: Int) -> [String: JSON] {
        [
            "id": .string(id), "org_id": .string(org), "issuer_id": .string(issuer), "name": body["name"] ?? .string(id),
            "description": body["description"] ?? .null, "scopes": body["scopes"] ?? [], "metadata": body["metadata"] ?? [:],
            "created_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func member(org: String, issuer: String, member: String, body: [String: JSON], now: Int) -> [String: JSON] {
        [
            "id": .string(member), "org_id": .string(org), "member_id": .string(member), "member_type": body["member_type"] ?? "user",
            "issuer_id": .string(issuer), "status": body["status"] ?? "active", "scopes": body["scopes"] ?? ["org:read"],
            "groups": body["groups"] ?? [], "user_title": body["user_title"] ?? .null, "metadata": body["metadata"] ?? [:],
            "joined_at": .int(now), "updated_at": .int(now),
        ]
    }

    static func invitation(id: String, org: String, issuer: String, body: [String: JSON], now: Int) -> [String: JSON] {
        [
            "id": .string(id), "org_id": .string(org), "issuer_id": .string(issuer), "status": body["status"] ?? "pending",
            "email_invited": body["email"] ?? body["email_invited"] ?? "", "user_id_invited": body["user_id"] ?? .null,
            "user_title": body["user_title"] ?? .null, "message": body["message"] ?? .null, "scopes": body["scopes"] ?? ["org:read"],
            "inviter": ["id": "usr_console_admin", "name": "Console Admin"], "created_at": .int(now), "expires_at": .int(now + 7 * 86_400),
            "accepted_at": .null, "declined_at": .null, "revoked_at": .null, "last_email_sent_at": .int(now),
            "metadata": body["metadata"] ?? [:], "updated_at": .int(now),
        ]
    }

    static func note(id: String, account: String, body: [String: JSON], createdBy: String, now: Int) -> [String: JSON] {
        let content = body["content"]?.stringValue ?? ""
        // `@usr_xxx` in the text becomes a mention.
        let mentions: [JSON] = content.split(whereSeparator: { $0.isWhitespace }).compactMap { word in
            guard word.hasPrefix("@usr_") else { return nil }
            return ["mentioned_user_id": .string(String(word.dropFirst()).trimmingCharacters(in: .punctuationCharacters)), "created_at": .double(Double(now))]
        }
        return [
            "id": .string(id), "account_id": .string(account), "issuer_id": body["issuer_id"] ?? .null,
            "subject_type": body["subject_type"] ?? "user", "subject_id": body["subject_id"] ?? "", "content": .string(content),
            "pinned": body["pinned"] ?? false, "created_by": .string(createdBy), "updated_by": .string(createdBy),
            "created_at": .double(Double(now)), "updated_at": .double(Double(now)), "mentions": .array(mentions), "references": body["references"] ?? [],
        ]
    }

    static func domain(host: String, now: Int, verified: Bool = false, primary: Bool = false, issuer: String? = nil) -> [String: JSON] {
        [
            "id": .string(host), "host": .string(host), "verified": .bool(verified), "primary": .bool(primary), "added_at": .int(now),
            "assigned_issuer_id": .str(issuer), "assigned_at": issuer == nil ? .null : .int(now),
            "cf_custom_hostname_id": .null, "cf_status": .string(verified ? "active" : "pending_validation"),
        ]
    }
}

import Foundation
