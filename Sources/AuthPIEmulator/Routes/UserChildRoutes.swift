/// Per-user families: personal tokens, trusted devices, verifiers (TOTP enrollment, backup codes).
enum UserChildRoutes {
    static func userKey(_ request: APIRequest) -> String {
        EmulatorState.userKey(request.param("acct"), request.param("iss"), request.param("usr"))
    }

    static func listAll(_ state: EmulatorState, _ request: APIRequest, _ child: String, status: String? = nil) throws -> APIResponse {
        let limit = try ListQuery.limit(request, default: ListQuery.maximumLimit)
        let after = try ListQuery.after(request)
        let page = (state.collections[userKey(request) + "/" + child] ?? RecordCollection()).page(after: after, limit: limit) { record in
            status == nil || record.object["status"]?.stringValue == status
        }
        return .list(page.records, hasMore: page.hasMore)
    }

    static func emit(_ state: inout EmulatorState, _ type: String, _ request: APIRequest, subject: String, id: String) {
        state.emit(type, account: request.param("acct"), now: request.now, issuer: request.param("iss"), user: request.param("usr"),
                   subject: ["type": .string(subject), "id": .string(id)], caller: request.caller)
    }

    static func randomHex(_ digits: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        while text.count < digits { text += Deterministic.hex(generator.next(), width: 16) }
        return String(text.prefix(digits))
    }

    static let tokenRules = [
        FieldRule("name", .nonEmptyString, required: true), FieldRule("description", .string), FieldRule("tags", .stringArray),
        FieldRule("scopes", .stringArray), FieldRule("audience", .string), FieldRule("expires_at", .int), FieldRule("metadata", .object),
    ]
    static let deviceRules = [FieldRule("fingerprint", .nonEmptyString, required: true), FieldRule("name", .string),
                              FieldRule("user_agent", .string), FieldRule("ttl_seconds", .int)]
    static let verifierRules = [FieldRule("type", .oneOf(["totp", "webauthn", "backup_codes", "password", "email_otp", "sms_otp"])), FieldRule("name", .string)]
    static let enrollmentRules = [FieldRule("enrollment_id", .nonEmptyString, required: true), FieldRule("code", .nonEmptyString, required: true)]
    static let verifierUpdateRules = [FieldRule("name", .string), FieldRule("status", .oneOf(["active", "disabled"]))]
    static let codeRules = [FieldRule("code", .nonEmptyString, required: true)]

    static func register(_ table: inout RouteTable) {
        let usr = APIRoutes.usr
        // Personal tokens.
        table.add("GET", "\(usr)/tokens", doc: .list([.init("status", .oneOf(["active", "revoked", "expired"]))])) { state, request in
            try listAll(state, request, "tokens", status: ListQuery.oneOf(request, "status", ["active", "revoked", "expired"]))
        }
        table.add("POST", "\(usr)/tokens", doc: .create(tokenRules)) { state, request in
            let body = try request.objectBody()
            try Validator.check(body, tokenRules, creating: true)
            if let expires = body["expires_at"]?.intValue, expires <= request.now {
                throw APIError.invalidField("expires_at", "in_past", "expires_at must be in the future")
            }
            let id = state.newID("ptk")
            let plain = "pat_" + randomHex(40)
            let record = state.insert(Models.userToken(id: id, user: request.param("usr"), issuer: request.param("iss"), body: body, now: request.now), into: userKey(request) + "/tokens")
            state.plainTokens[plain] = id
            emit(&state, "user.personal-token.created", request, subject: "token", id: id)
            return .single(["token_plain": .string(plain), "id": .string(id), "expires_at": body["expires_at"] ?? .null], etag: record.etag(for: id), status: 201)
        }

        // Trusted devices.
        table.add("GET", "\(usr)/trusted-devices") { state, request in try listAll(state, request, "trusted-devices") }
        table.add("POST", "\(usr)/trusted-devices", doc: .create(deviceRules)) { state, request in
            let body = try request.objectBody()
            try Validator.check(body, deviceRules, creating: true)
            if let ttl = body["ttl_seconds"]?.intValue, !(60...31_536_000).contains(ttl) {
                throw APIError.invalidField("ttl_seconds", "out_of_range", "ttl_seconds must be between 60 and 31536000")
            }
            let id = state.newID("tdv")
            let object = Models.trustedDevice(id: id, body: body, now: request.now)
            let record = state.insert(object, into: userKey(request) + "/trusted-devices")
            emit(&state, "user.device.trusted", request, subject: "trusted_device", id: id)
            return .single(["device_id": .string(id), "expires_at": object["expires_at"] ?? .null], etag: record.etag(for: id), status: 201)
        }
        table.add("POST", "\(usr)/trusted-devices/revoke-all", doc: .action()) { state, request in
            let key = userKey(request) + "/trusted-devices"
            let devices = state.collections[key]?.all() ?? []
            for device in devices {
                state.remove(from: key, id: device.id)
                emit(&state, "user.device.revoked", request, subject: "trusted_device", id: device.id)
            }
            return APIResponse(status: 200, body: ["data": ["revoked_count": .int(devices.count)]])
        }
        table.add("DELETE", "\(usr)/trusted-devices/:device") { state, request in
            let key = userKey(request) + "/trusted-devices"
            let id = request.param("device")
            guard let record = state.record(in: key, id: id) else { throw APIError.notFound("Trusted device \(id)") }
            try state.checkIfMatch(request, record, id: id)
            state.remove(from: key, id: id)
            emit(&state, "user.device.revoked", request, subject: "trusted_device", id: id)
            return .noContent
        }

        // Verifiers.
        let verifiers = "\(usr)/verifiers"
        table.add("GET", verifiers) { state, request in try listAll(state, request, "verifiers") }
        table.add("POST", verifiers, doc: .action(verifierRules, status: 201)) { state, request in
            let body = try request.objectBody(required: false)
            try Validator.check(body, verifierRules, creating: true)
            let enrollment = state.newID("enr")
            let secret = String(randomHex(32).uppercased().map { "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".contains($0) ? $0 : "Q" })
            let type = body["type"]?.stringValue ?? "totp"
            state.insert(["id": .string(enrollment), "type": .string(type), "name": body["name"] ?? .null, "expires_at": .int(request.now + 600)],
                         into: userKey(request) + "/enrollments")
            let label = request.param("usr")
            return APIResponse(status: 201, body: ["data": [
                "enrollment_id": .string(enrollment), "secret": .string(secret),
                "provisioning_uri": .string("otpauth://totp/AuthPI:\(label)?secret=\(secret)&issuer=AuthPI"), "expires_at": .int(request.now + 600),
            ]])
        }
        table.add("POST", "\(verifiers)/complete-enrollment", doc: .action(enrollmentRules, bodyRequired: true)) { state, request in
            let body = try request.objectBody()
            try Validator.check(body, enrollmentRules, creating: true)
            let enrollments = userKey(request) + "/enrollments"
            let enrollmentID = body["enrollment_id"]?.stringValue ?? ""
            guard let enrollment = state.record(in: enrollments, id: enrollmentID) else { throw APIError.notFound("Enrollment \(enrollmentID)") }
            guard isCode(body["code"]?.stringValue) else {
                return APIResponse(status: 200, body: ["data": ["success": false, "error": "invalid_code"]])
            }
            state.remove(from: enrollments, id: enrollmentID)
            let id = state.newID("vrf")
            let type = enrollment.object["type"]?.stringValue ?? "totp"
            state.insert(Models.verifier(id: id, type: type, status: "active", now: request.now, name: enrollment.object["name"]?.stringValue), into: userKey(request) + "/verifiers")
            emit(&state, "user.verifier.created", request, subject: "verifier", id: id)
            return APIResponse(status: 200, body: ["data": ["success": true, "verifier_id": .string(id), "backup_codes": JSON.strings(backupCodes())]])
        }
        table.add("GET", "\(verifiers)/:verifier") { state, request in
            let (_, record) = try verifier(state, request)
            return .single(.object(record.object), etag: record.etag(for: record.id))
        }
        table.add("PATCH", "\(verifiers)/:verifier", doc: .update(verifierUpdateRules)) { state, request in
            let (key, current) = try verifier(state, request)
            try state.checkIfMatch(request, current, id: current.id)
            let body = try request.objectBody()
            try Validator.check(body, verifierUpdateRules, creating: false)
            let record = try state.update(in: key, id: current.id, now: request.now) { object in
                if let name = body["name"] { object["name"] = name }
                if let status = body["status"] { object["status"] = status }
            }
            emit(&state, "user.verifier.updated", request, subject: "verifier", id: current.id)
            return .single(.object(record?.object ?? current.object), etag: record?.etag(for: current.id))
        }
        table.add("DELETE", "\(verifiers)/:verifier") { state, request in
            let (key, current) = try verifier(state, request)
            try state.checkIfMatch(request, current, id: current.id)
            state.remove(from: key, id: current.id)
            emit(&state, "user.verifier.deleted", request, subject: "verifier", id: current.id)
            return .noContent
        }
        table.add("POST", "\(verifiers)/:verifier/regenerate", doc: .action()) { state, request in
            let (key, current) = try verifier(state, request)
            try state.checkIfMatch(request, current, id: current.id)
            try state.update(in: key, id: current.id, now: request.now) { $0["remaining"] = 8 }
            emit(&state, "user.mfa.backup-codes.regenerated", request, subject: "verifier", id: current.id)
            return APIResponse(status: 200, body: ["data": ["codes": JSON.strings(backupCodes())]])
        }
        table.add("POST", "\(verifiers)/:verifier/verify", doc: .action(codeRules, bodyRequired: true)) { state, request in
            let (key, current) = try verifier(state, request)
            let body = try request.objectBody()
            try Validator.check(body, codeRules, creating: true)
            guard current.object["status"]?.stringValue == "active" else {
                return APIResponse(status: 200, body: ["data": ["success": false, "error": "verifier_disabled"]])
            }
            let ok = isCode(body["code"]?.stringValue)
            try state.update(in: key, id: current.id, now: request.now, touch: false) { $0["last_used_at"] = .int(request.now) }
            emit(&state, ok ? "user.mfa.verification.succeeded" : "user.mfa.verification.failed", request, subject: "verifier", id: current.id)
            var result: [String: JSON] = ["success": .bool(ok), "error": ok ? .null : "invalid_code"]
            if let remaining = current.object["remaining"]?.intValue { result["remaining"] = .int(max(remaining - (ok ? 1 : 0), 0)) }
            return APIResponse(status: 200, body: ["data": .object(result)])
        }
    }

    /// The emulator accepts any 6–8 digit code except all zeros, which always fails.
    static func isCode(_ code: String?) -> Bool {
        guard let code, (6...8).contains(code.count), code.allSatisfy(\.isNumber) else { return false }
        return code != String(repeating: "0", count: code.count)
    }

    static func backupCodes() -> [String] { (0..<8).map { _ in randomHex(10) } }

    static func verifier(_ state: EmulatorState, _ request: APIRequest) throws -> (String, Record) {
        let key = userKey(request) + "/verifiers"
        let id = request.param("verifier")
        guard let record = state.record(in: key, id: id) else { throw APIError.notFound("Verifier \(id)") }
        return (key, record)
    }
}
