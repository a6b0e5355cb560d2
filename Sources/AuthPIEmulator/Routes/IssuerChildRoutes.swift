/// Issuer-level families: agents (+ verifiers), auth methods, clients, organizations (+ groups,
/// invitations, members, api keys, SSO) with the 0.3.0 issuer-mounted paths, and token introspection.
enum IssuerChildRoutes {
    static func issuerKey(_ request: APIRequest) -> String { EmulatorState.issuerKey(request.param("acct"), request.param("iss")) }
    static func orgKey(_ request: APIRequest) -> String { issuerKey(request) + "/organizations/" + request.param("org") }

    static let agents = CRUD(
        noun: "Agent", idPrefix: "agt", event: "agent",
        createRules: [
            FieldRule("name", .nonEmptyString, required: true), FieldRule("description", .string), FieldRule("model", .string),
            FieldRule("provider", .string), FieldRule("version", .string), FieldRule("status", .oneOf(["active", "disabled"])),
            FieldRule("scopes", .stringArray), FieldRule("metadata", .object),
        ],
        updateRules: [
            FieldRule("name", .nonEmptyString), FieldRule("description", .string), FieldRule("model", .string), FieldRule("provider", .string),
            FieldRule("version", .string), FieldRule("status", .oneOf(["active", "disabled"])), FieldRule("status_reason", .string),
            FieldRule("scopes", .stringArray), FieldRule("metadata", .object),
        ],
        filters: [.equals(query: "status", field: "status"), .equals(query: "model", field: "model"), .equals(query: "provider", field: "provider")],
        idParam: "agent", key: { issuerKey($0) + "/agents" },
        build: { id, body, request, _ in Models.agent(id: id, issuer: request.param("iss"), body: body, now: request.now) }
    )

    static let agentVerifiers = CRUD(
        noun: "Agent verifier", idPrefix: "avf", event: nil,
        createRules: [FieldRule("type", .oneOf(["api_key", "mtls", "jwt", "oauth_client"]), required: true), FieldRule("name", .string),
                      FieldRule("description", .string), FieldRule("credential", .object)],
        updateRules: [], idParam: "verifier", key: { issuerKey($0) + "/agents/\($0.param("agent"))/verifiers" },
        build: { id, body, request, _ in Models.agentVerifier(id: id, agent: request.param("agent"), body: body, now: request.now) },
        createResponse: { object, _ in
            if object["type"]?.stringValue == "api_key" {
                var generator = SystemRandomNumberGenerator()
                object["secret"] = .string("agk_" + Deterministic.hex(generator.next(), width: 16))
            }
        }
    )

    static let authMethodTypes = ["password", "magic_link", "email_otp", "sms_otp", "totp", "webauthn", "passkey", "oauth_google", "oauth_github", "oauth_microsoft", "saml", "oidc"]
    static let authMethods = CRUD(
        noun: "Auth method", idPrefix: "am", event: "issuer.auth-method",
        createRules: [FieldRule("type", .oneOf(authMethodTypes), required: true), FieldRule("name", .string), FieldRule("enabled", .bool),
                      FieldRule("login_enabled", .bool), FieldRule("signup_enabled", .bool), FieldRule("settings", .object)],
        updateRules: [FieldRule("name", .string), FieldRule("enabled", .bool), FieldRule("login_enabled", .bool), FieldRule("signup_enabled", .bool),
                      FieldRule("settings", .object)],
        idParam: "method", key: { issuerKey($0) + "/auth-methods" },
        build: { id, body, request, _ in Models.authMethod(id: id, issuer: request.param("iss"), body: body, now: request.now) }
    )

    static let clientTypes = ["web", "spa", "native", "machine", "device"]
    static let clients = CRUD(
        noun: "Client", idPrefix: "cli", event: "client",
        createRules: [
            FieldRule("name", .nonEmptyString, required: true), FieldRule("type", .oneOf(clientTypes)), FieldRule("confidential", .bool),
            FieldRule("description", .string), FieldRule("logo_url", .string), FieldRule("scopes", .stringArray), FieldRule("grant_types", .stringArray),
            FieldRule("settings", .object), FieldRule("status", .oneOf(["active", "disabled"])), FieldRule("metadata", .object), FieldRule("protocol", .oneOf(["oidc", "oauth2", "saml"])),
        ],
        updateRules: [
            FieldRule("name", .nonEmptyString), FieldRule("description", .string), FieldRule("logo_url", .string), FieldRule("scopes", .stringArray),
            FieldRule("grant_types", .stringArray), FieldRule("settings", .object), FieldRule("status", .oneOf(["active", "disabled"])), FieldRule("metadata", .object),
        ],
        filters: [.equals(query: "status", field: "status"), .equals(query: "application_type", field: "application_type")],
        idParam: "client", key: { issuerKey($0) + "/clients" },
        build: { id, body, request, _ in Models.client(id: id, issuer: request.param("iss"), body: body, now: request.now) },
        createResponse: { object, _ in
            if object["confidential"]?.boolValue == true {
                var generator = SystemRandomNumberGenerator()
                object["secret"] = .string("cs_" + Deterministic.hex(generator.next(), width: 16) + Deterministic.hex(generator.next(), width: 16))
            }
        }
    )

    static let organizations = CRUD(
        noun: "Organization", idPrefix: "org", event: "organization",
        createRules: [
            FieldRule("name", .nonEmptyString, required: true), FieldRule("description", .string), FieldRule("logo_url", .string),
            FieldRule("org_type", .oneOf(["business", "team", "personal", "education", "nonprofit"])), FieldRule("max_members", .int),
            FieldRule("default_member_scopes", .stringArray), FieldRule("invitation_enabled", .bool), FieldRule("invitation_message", .string),
            FieldRule("address", .object), FieldRule("business_details", .object), FieldRule("contact", .object), FieldRule("social_links", .array),
            FieldRule("scopes", .stringArray), FieldRule("security", .object), FieldRule("sso", .object), FieldRule("custom_fields", .object),
            FieldRule("metadata", .object), FieldRule("status", .oneOf(["active", "suspended"])),
        ],
        updateRules: [
            FieldRule("name", .nonEmptyString), FieldRule("description", .string), FieldRule("logo_url", .string), FieldRule("max_members", .int),
            FieldRule("default_member_scopes", .stringArray), FieldRule("invitation_enabled", .bool), FieldRule("invitation_message", .string),
            FieldRule("address", .object), FieldRule("business_details", .object), FieldRule("contact", .object), FieldRule("social_links", .array),
            FieldRule("scopes", .stringArray), FieldRule("security", .object), FieldRule("sso", .object), FieldRule("custom_fields", .object),
            FieldRule("metadata", .object), FieldRule("status", .oneOf(["active", "suspended"])), FieldRule("status_reason", .string),
        ],
        filters: [
            .equals(query: "status", field: "status"), .bool(query: "sso_enabled", field: "sso.enabled"), .bool(query: "sso_only", field: "sso.only"),
            .bool(query: "mfa_required", field: "security.mfa_required"), .bool(query: "invitation_enabled", field: "invitation_enabled"),
        ],
        idParam: "org", key: { issuerKey($0) + "/organizations" },
        build: { id, body, request, _ in Models.organization(id: id, issuer: request.param("iss"), body: body, now: request.now) },
        validate: { body, _, _, _ in
            if let address = body["address"]?.objectValue, address["country"]?.stringValue == nil {
                throw APIError.invalidField("address.country", "required", "address.country is required")
            }
        }
    )

    /// Organization children addressed either as 1.4.0 `{org}/groups` or 0.3.0 `{iss}/groups/{org}/…`.
    static func groups(orgFromBody: Bool) -> CRUD {
        CRUD(
            noun: "Group", idPrefix: "grp", event: "organization.group",
            createRules: [FieldRule("name", .nonEmptyString, required: true), FieldRule("description", .string), FieldRule("scopes", .stringArray),
                          FieldRule("metadata", .object), FieldRule("org_id", .nonEmptyString, required: orgFromBody)],
            updateRules: [FieldRule("name", .nonEmptyString), FieldRule("description", .string), FieldRule("scopes", .stringArray), FieldRule("metadata", .object)],
            idParam: "group", key: { request in orgChildKey(request, "groups") },
            build: { id, body, request, _ in Models.group(id: id, org: request.param("org"), issuer: request.param("iss"), body: body, now: request.now) }
        )
    }

    static func orgChildKey(_ request: APIRequest, _ child: String) -> String { orgKey(request) + "/" + child }

    static func invitations() -> CRUD {
        CRUD(
            noun: "Invitation", idPrefix: "inv", event: "organization.invitation",
            createRules: [FieldRule("email", .email, required: true), FieldRule("user_title", .string), FieldRule("message", .string),
                          FieldRule("scopes", .stringArray), FieldRule("metadata", .object), FieldRule("user_id", .string)],
            updateRules: [FieldRule("user_title", .string), FieldRule("message", .string), FieldRule("scopes", .stringArray), FieldRule("metadata", .object),
                          FieldRule("status", .oneOf(["pending", "accepted", "declined", "revoked"]))],
            filters: [.equals(query: "status", field: "status")], idParam: "invitation", key: { orgChildKey($0, "invitations") },
            build: { id, body, request, _ in Models.invitation(id: id, org: request.param("org"), issuer: request.param("iss"), body: body, now: request.now) }
        )
    }

    static func members() -> CRUD {
        CRUD(
            noun: "Member", idPrefix: "mbr", event: "organization.membership",
            createRules: [FieldRule("user_id", .nonEmptyString), FieldRule("member_id", .nonEmptyString), FieldRule("member_type", .oneOf(["user", "agent"])),
                          FieldRule("scopes", .stringArray), FieldRule("groups", .stringArray), FieldRule("user_title", .string), FieldRule("metadata", .object)],
            updateRules: [FieldRule("scopes", .stringArray), FieldRule("groups", .stringArray), FieldRule("user_title", .string), FieldRule("metadata", .object),
                          FieldRule("status", .oneOf(["active", "suspended"]))],
            filters: [.equals(query: "status", field: "status")], idParam: "member", key: { orgChildKey($0, "members") },
            build: { _, _, _, _ in [:] }
        )
    }

    /// 0.3.0 creates under the issuer: the family's body plus `org_id`.
    static func legacyCreateDoc(_ family: String) -> RouteDoc {
        let organization = FieldRule("org_id", .nonEmptyString, required: true)
        switch family {
        case "groups": return .create(groups(orgFromBody: true).createRules)
        case "invitations": return .create(invitations().createRules + [organization])
        default:
            return RouteDoc(body: .object(members().createRules + [organization], required: true), oneOfRequired: ["user_id", "member_id"],
                            success: .single(status: 201, etag: true))
        }
    }

    /// `user_id` or its alias `member_id`.
    static var memberCreateDoc: RouteDoc {
        var doc = RouteDoc.create(members().createRules)
        doc.oneOfRequired = ["user_id", "member_id"]
        return doc
    }

    static func createMember(_ state: inout EmulatorState, _ request: APIRequest) throws -> APIResponse {
        let resource = members()
        let body = try request.objectBody()
        try Validator.check(body, resource.createRules, creating: true)
        guard let member = body["user_id"]?.stringValue ?? body["member_id"]?.stringValue else {
            throw APIError.invalidField("user_id", "required", "user_id is required")
        }
        let type = body["member_type"]?.stringValue ?? "user"
        let exists = type == "agent"
            ? state.record(in: issuerKey(request) + "/agents", id: member) != nil
            : state.record(in: issuerKey(request) + "/users", id: member) != nil
        guard exists else { throw APIError.invalidField("user_id", "not_found", "No \(type) \(member) in this issuer") }
        let key = orgChildKey(request, "members")
        guard state.record(in: key, id: member) == nil else { throw APIError.conflict("\(member) is already a member", code: "already_member") }
        let object = Models.member(org: request.param("org"), issuer: request.param("iss"), member: member, body: body, now: request.now)
        let record = state.insert(object, into: key)
        state.emit("organization.membership.created", account: request.param("acct"), now: request.now, issuer: request.param("iss"), user: member,
                   subject: ["type": "membership", "id": .string(member)], caller: request.caller)
        return .single(.object(object), etag: record.etag(for: member), status: 201)
    }

    static func register(_ table: inout RouteTable) {
        let iss = APIRoutes.iss
        table.crud("\(iss)/agents", agents)
        table.crud("\(iss)/agents/:agent/verifiers", agentVerifiers, [.list, .create, .delete])
        table.crud("\(iss)/auth-methods", authMethods)
        table.crud("\(iss)/clients", clients)
        table.add("POST", "\(iss)/clients/:client/secret/rotate", doc: .action(etag: true)) { state, request in
            let id = request.param("client")
            let key = issuerKey(request) + "/clients"
            guard let current = state.record(in: key, id: id) else { throw APIError.notFound("Client \(id)") }
            try state.checkIfMatch(request, current, id: id)
            guard current.object["confidential"]?.boolValue == true else {
                throw APIError.conflict("Public clients have no secret", code: "not_confidential")
            }
            let record = try state.update(in: key, id: id, now: request.now) { $0["secret_rotated_at"] = .int(request.now) }
            state.emit("client.secret.rotated", account: request.param("acct"), now: request.now, issuer: request.param("iss"), client: id,
                       subject: ["type": "client", "id": .string(id)], caller: request.caller)
            var generator = SystemRandomNumberGenerator()
            return APIResponse(status: 200, body: ["data": ["secret": .string("cs_" + Deterministic.hex(generator.next(), width: 16) + Deterministic.hex(generator.next(), width: 16))]],
                               etag: record?.etag(for: id))
        }
        table.crud("\(iss)/organizations", organizations)

        let org = "\(iss)/organizations/:org"
        table.crud("\(org)/groups", groups(orgFromBody: false))
        registerInvitations(&table, base: "\(org)/invitations")
        let memberResource = members()
        table.add("POST", "\(org)/members", doc: memberCreateDoc) { try createMember(&$0, $1) }
        table.crud("\(org)/members", memberResource, [.list, .update, .delete])
        ApiKeyRoutes.register(&table, base: "\(org)/api-keys", key: { orgChildKey($0, "api-keys") }, operations: [.list, .create])
        registerSSO(&table, base: "\(org)/sso")

        // 0.3.0: the same families mounted under the issuer.
        table.registeringLegacy = true
        ApiKeyRoutes.register(&table, base: "\(iss)/api-keys", key: { issuerKey($0) + "/api-keys" }, operations: [.list, .create, .get, .update, .delete])
        registerLegacyOrgChildren(&table, iss: iss)
        table.registeringLegacy = false

        table.add("POST", "\(iss)/tokens/introspect", doc: .action([FieldRule("token", .nonEmptyString, required: true)], bodyRequired: true)) { state, request in
            let body = try request.objectBody()
            try Validator.check(body, [FieldRule("token", .nonEmptyString, required: true)], creating: true)
            let token = body["token"]?.stringValue ?? ""
            guard let id = state.plainTokens[token], let key = state.locations[id], let record = state.record(in: key, id: id),
                record.object["issuer_id"]?.stringValue == request.param("iss"), record.object["status"]?.stringValue == "active"
            else { return APIResponse(status: 200, body: ["data": ["active": false]]) }
            return APIResponse(status: 200, body: ["data": [
                "active": true, "sub": record.object["user_id"] ?? .null, "token_id": .string(id), "scope": .string((record.object["scopes"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " ")),
                "iss": .string(request.param("iss")), "exp": record.object["expires_at"] ?? .null, "iat": record.object["created_at"] ?? .null,
            ]])
        }
    }

    static func registerInvitations(_ table: inout RouteTable, base: String) {
        table.crud(base, invitations(), [.list, .create, .get, .update])
        table.add("POST", "\(base)/:invitation/resend") { try invitationAction(&$0, $1, revoke: false) }
        table.add("POST", "\(base)/:invitation/revoke") { try invitationAction(&$0, $1, revoke: true) }
    }

    static func invitationAction(_ state: inout EmulatorState, _ request: APIRequest, revoke: Bool) throws -> APIResponse {
        let id = request.param("invitation")
        var key = request.params["org"].map { _ in orgChildKey(request, "invitations") } ?? ""
        if key.isEmpty {
            // 0.3.0 paths carry no organization: find it.
            guard let found = state.locations[id], found.hasPrefix(issuerKey(request) + "/") else { throw APIError.notFound("Invitation \(id)") }
            key = found
        }
        guard let current = state.record(in: key, id: id) else { throw APIError.notFound("Invitation \(id)") }
        try state.checkIfMatch(request, current, id: id)
        guard current.object["status"]?.stringValue == "pending" else {
            throw APIError.conflict("Only a pending invitation can be \(revoke ? "revoked" : "resent")", code: "invalid_invitation_state")
        }
        let record = try state.update(in: key, id: id, now: request.now) { object in
            if revoke {
                object["status"] = "revoked"
                object["revoked_at"] = .int(request.now)
            } else {
                object["last_email_sent_at"] = .int(request.now)
                object["expires_at"] = .int(request.now + 7 * 86_400)
            }
        }
        if revoke {
            state.emit("organization.invitation.deleted", account: request.param("acct"), now: request.now, issuer: request.param("iss"),
                       subject: ["type": "invitation", "id": .string(id)], caller: request.caller)
        }
        return .single(.object(record?.object ?? current.object), etag: record?.etag(for: id))
    }

    static func registerSSO(_ table: inout RouteTable, base: String) {
        table.add("POST", "\(base)/domains", doc: .create([FieldRule("domain", .nonEmptyString, required: true)], etag: false)) { state, request in
            let body = try request.objectBody()
            try Validator.check(body, [FieldRule("domain", .nonEmptyString, required: true)], creating: true)
            let domain = (body["domain"]?.stringValue ?? "").lowercased()
            guard AccountRoutes.isHostname(domain) else { throw APIError.invalidField("domain", "invalid_hostname", "domain must be a domain name") }
            let current = try requireOrg(state, request)
            let domains = current.object["sso"]?["domains"]?.arrayValue ?? []
            if domains.contains(where: { $0["domain"]?.stringValue == domain }) { throw APIError.conflict("Domain \(domain) is already added", code: "domain_exists") }
            try state.update(in: issuerKey(request) + "/organizations", id: current.id, now: request.now) { object in
                object["sso"] = Validator.mergePatch(object["sso"], ["domains": .array(domains + [["domain": .string(domain), "verified": false]])])
            }
            state.emit("organization.sso.domain-created", account: request.param("acct"), now: request.now, issuer: request.param("iss"),
                       subject: ["type": "organization", "id": .string(current.id)], data: ["domain": .string(domain)], caller: request.caller)
            return APIResponse(status: 201, body: ["data": [
                "domain": .string(domain), "txt_record_name": .string("_authpi-challenge.\(domain)"),
                "txt_record_value": .string("authpi-verify=\(Deterministic.hex(Deterministic.fnv(domain + current.id), width: 16))"),
            ]])
        }
        table.add("DELETE", "\(base)/domains/:domain", doc: .action()) { state, request in
            let domain = request.param("domain").lowercased()
            let current = try requireOrg(state, request)
            try state.checkIfMatch(request, current, id: current.id)
            let domains = current.object["sso"]?["domains"]?.arrayValue ?? []
            guard domains.contains(where: { $0["domain"]?.stringValue == domain }) else { throw APIError.notFound("SSO domain \(domain)") }
            try state.update(in: issuerKey(request) + "/organizations", id: current.id, now: request.now) { object in
                object["sso"] = Validator.mergePatch(object["sso"], ["domains": .array(domains.filter { $0["domain"]?.stringValue != domain })])
            }
            state.emit("organization.sso.domain-deleted", account: request.param("acct"), now: request.now, issuer: request.param("iss"),
                       subject: ["type": "organization", "id": .string(current.id)], data: ["domain": .string(domain)], caller: request.caller)
            return APIResponse(status: 200, body: ["data": ["deleted": true, "domain": .string(domain)]])
        }
        table.add("POST", "\(base)/domains/:domain/verify") { state, request in
            let domain = request.param("domain").lowercased()
            let current = try requireOrg(state, request)
            try state.checkIfMatch(request, current, id: current.id)
            var domains = current.object["sso"]?["domains"]?.arrayValue ?? []
            guard let index = domains.firstIndex(where: { $0["domain"]?.stringValue == domain }) else { throw APIError.notFound("SSO domain \(domain)") }
            domains[index]["verified"] = true
            try state.update(in: issuerKey(request) + "/organizations", id: current.id, now: request.now) { object in
                object["sso"] = Validator.mergePatch(object["sso"], ["domains": .array(domains)])
            }
            state.emit("organization.sso.domain-verified", account: request.param("acct"), now: request.now, issuer: request.param("iss"),
                       subject: ["type": "organization", "id": .string(current.id)], data: ["domain": .string(domain)], caller: request.caller)
            return APIResponse(status: 200, body: ["data": ["verified": true, "error": .null]])
        }
        table.add("POST", "\(base)/rotate-secret") { state, request in
            let current = try requireOrg(state, request)
            try state.checkIfMatch(request, current, id: current.id)
            try state.update(in: issuerKey(request) + "/organizations", id: current.id, now: request.now) { object in
                object["sso"] = Validator.mergePatch(object["sso"], ["secret_rotated_at": .int(request.now)])
            }
            var generator = SystemRandomNumberGenerator()
            return APIResponse(status: 200, body: ["data": ["secret": .string("sso_" + Deterministic.hex(generator.next(), width: 16) + Deterministic.hex(generator.next(), width: 16))]])
        }
    }

    static func requireOrg(_ state: EmulatorState, _ request: APIRequest) throws -> Record {
        let id = request.param("org")
        guard let record = state.record(in: issuerKey(request) + "/organizations", id: id) else { throw APIError.notFound("Organization \(id)") }
        return record
    }

    /// 0.3.0: `{iss}/groups`, `{iss}/invitations`, `{iss}/members` list across organizations; create
    /// takes `org_id` in the body; items are addressed as `{iss}/<family>/{org_id}/{id}`.
    static func registerLegacyOrgChildren(_ table: inout RouteTable, iss: String) {
        for family in ["groups", "invitations", "members"] {
            table.add("GET", "\(iss)/\(family)", doc: .list([RouteDoc.Query("status")])) { state, request in
                let limit = try ListQuery.limit(request)
                let after = try ListQuery.after(request)
                let status = request.query["status"]
                let orgs = state.collections[issuerKey(request) + "/organizations"]?.all() ?? []
                var records: [Record] = []
                for org in orgs {
                    records += state.collections[issuerKey(request) + "/organizations/\(org.id)/\(family)"]?.all { record in
                        record.seq > after && (status == nil || record.object["status"]?.stringValue == status)
                    } ?? []
                }
                records.sort { $0.seq < $1.seq }
                let page = Array(records.prefix(limit))
                let more = records.count > limit
                return .list(page.map { .object($0.object) }, hasMore: more, nextCursor: more ? page.last.map { Cursor.encode($0.seq) } : nil)
            }
            table.add("POST", "\(iss)/\(family)", doc: legacyCreateDoc(family)) { state, request in
                let body = try request.objectBody()
                guard let org = body["org_id"]?.stringValue, !org.isEmpty else {
                    // Name every problem at once: org_id and the family's own required fields.
                    var problems = [APIError.FieldError(field: "org_id", code: "required", message: "org_id is required")]
                    if case .object(let rules, _) = legacyCreateDoc(family).body {
                        do throws(APIError) { try Validator.check(body, rules.filter { $0.name != "org_id" }, creating: true) } catch { problems += error.fields }
                    }
                    throw APIError.validation(problems)
                }
                guard state.record(in: issuerKey(request) + "/organizations", id: org) != nil else {
                    throw APIError.invalidField("org_id", "not_found", "Organization \(org) does not exist")
                }
                var scoped = request
                scoped.params["org"] = org
                var stripped = body
                stripped["org_id"] = nil
                scoped.body = .object(stripped)
                switch family {
                case "groups": return try groups(orgFromBody: false).create(&state, scoped)
                case "invitations": return try invitations().create(&state, scoped)
                default: return try createMember(&state, scoped)
                }
            }
        }
        table.crud("\(iss)/groups/:org", groups(orgFromBody: false), [.get, .update, .delete])
        table.crud("\(iss)/invitations/:org", invitations(), [.get, .update])
        table.crud("\(iss)/members/:org", members(), [.update, .delete])
        table.add("POST", "\(iss)/invitations/:invitation/resend") { try invitationAction(&$0, $1, revoke: false) }
        table.add("POST", "\(iss)/invitations/:invitation/revoke") { try invitationAction(&$0, $1, revoke: true) }
    }
}

import Foundation
