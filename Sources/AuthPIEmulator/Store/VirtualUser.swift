/// One generated user as a typed record: every field computed once from the index, then either written straight
/// to JSON bytes (reads: no dictionary, no key sort) or turned into a dictionary (the first write to the user
/// materializes it). Both give the same bytes; `VirtualUserEncodingTests` holds them to that.
struct VirtualUser: Sendable {
    let id: String
    let issuerID: String
    let status: String
    let statusAt: Int
    let usernameType: String
    let username: String
    let firstName: String
    let lastName: String
    let displayName: String
    let locale: String
    let timezone: String
    let avatarURL: String?
    let profileEmail: String?
    let isAdmin: Bool
    let mfaEnabled: Bool
    let lastLoginAt: Int
    let marketingEmails: Bool
    let department: String
    let plan: String
    let createdAt: Int
    let updatedAt: Int

    init(_ users: VirtualUsers, index: Int) {
        let culture = Deterministic.pick(NameBank.cultures, index, salt: 0xC017)
        let given = Deterministic.pick(culture.given, index, salt: 0x6177)
        let family = Deterministic.pick(culture.family, index, salt: 0xFA31)
        id = users.id(at: index)
        issuerID = users.issuerID
        status = users.status(index)
        (usernameType, username) = users.login(index, culture)
        firstName = given.display
        lastName = family.display
        displayName = culture.familyFirst
            ? family.display + culture.separator + given.display
            : given.display + culture.separator + family.display
        locale = culture.locale
        timezone = culture.timezone
        avatarURL = Deterministic.number(index, salt: 0xA7A, below: 3) == 0 ? "https://avatars.example.com/\(id).png" : nil
        profileEmail = usernameType != "email" ? "\(given.ascii).\(family.ascii)\(index)@example.com" : nil
        isAdmin = Deterministic.number(index, salt: 0x5C0, below: 10) == 0
        mfaEnabled = Deterministic.number(index, salt: 0x3FA, below: 3) == 0
        marketingEmails = index % 4 == 0
        department = Deterministic.pick(NameBank.departments, index, salt: 0xDE9)
        plan = Deterministic.pick(NameBank.plans, index, salt: 0x91A)
        createdAt = users.createdAt(index)
        statusAt = createdAt + 3_600
        lastLoginAt = createdAt + Deterministic.number(index, salt: 0x1A57, below: 5_000_000)
        updatedAt = users.updatedAt(index, createdAt: createdAt)
    }

    var statusReason: String? { status == "blocked" ? "Too many failed sign-in attempts" : nil }
    var statusBy: String? { status == "blocked" ? "system" : nil }
    var scopes: [String] { isAdmin ? ["users:read", "users:write", "admin"] : ["users:read"] }
    var passwordSet: Bool { usernameType != "phone" }
    var failedLoginCount: Int { status == "blocked" ? 5 : 0 }

    /// The stored form, for the first write to this user.
    var object: [String: JSON] {
        var profile: [String: JSON] = [
            "first_name": .string(firstName), "last_name": .string(lastName), "display_name": .string(displayName),
            "locale": .string(locale), "timezone": .string(timezone),
        ]
        if let avatarURL { profile["avatar_url"] = .string(avatarURL) }
        if let profileEmail { profile["email"] = .string(profileEmail) }
        return [
            "id": .string(id),
            "issuer_id": .string(issuerID),
            "status": .string(status),
            "status_at": .int(statusAt),
            "status_reason": .str(statusReason),
            "status_by": .str(statusBy),
            "username_type": .string(usernameType),
            "username": .string(username),
            "profile": .object(profile),
            "scopes": JSON.strings(scopes),
            "security": [
                "mfa_enabled": .bool(mfaEnabled), "password_set": .bool(passwordSet),
                "last_login_at": .int(lastLoginAt), "failed_login_count": .int(failedLoginCount),
            ],
            "compliance": ["terms_accepted_at": .int(createdAt)],
            "preferences": ["language": .string(locale), "marketing_emails": .bool(marketingEmails)],
            "approval": status == "pending" ? ["status": "pending", "requested_at": .int(createdAt)] : .null,
            "custom_fields": ["department": .string(department), "plan": .string(plan)],
            "metadata": ["source": "seed"],
            "created_at": .int(createdAt),
            "updated_at": .int(updatedAt),
        ]
    }

    /// The object's JSON with its keys in sorted order (the order `JSON.serialized()` writes), in one pass.
    func write(to json: inout JSONWriter) {
        json.raw("{\"approval\":")
        if status == "pending" {
            json.raw("{\"requested_at\":"); json.int(createdAt); json.raw(",\"status\":\"pending\"}")
        } else {
            json.raw("null")
        }
        json.raw(",\"compliance\":{\"terms_accepted_at\":"); json.int(createdAt)
        json.raw("},\"created_at\":"); json.int(createdAt)
        json.raw(",\"custom_fields\":{\"department\":"); json.string(department)
        json.raw(",\"plan\":"); json.string(plan)
        json.raw("},\"id\":"); json.string(id)
        json.raw(",\"issuer_id\":"); json.string(issuerID)
        json.raw(",\"metadata\":{\"source\":\"seed\"},\"preferences\":{\"language\":"); json.string(locale)
        json.raw(",\"marketing_emails\":"); json.bool(marketingEmails)
        json.raw("},\"profile\":{")
        if let avatarURL { json.raw("\"avatar_url\":"); json.string(avatarURL); json.raw(",") }
        json.raw("\"display_name\":"); json.string(displayName)
        if let profileEmail { json.raw(",\"email\":"); json.string(profileEmail) }
        json.raw(",\"first_name\":"); json.string(firstName)
        json.raw(",\"last_name\":"); json.string(lastName)
        json.raw(",\"locale\":"); json.string(locale)
        json.raw(",\"timezone\":"); json.string(timezone)
        json.raw("},\"scopes\":")
        json.raw(isAdmin ? "[\"users:read\",\"users:write\",\"admin\"]" : "[\"users:read\"]")
        json.raw(",\"security\":{\"failed_login_count\":"); json.int(failedLoginCount)
        json.raw(",\"last_login_at\":"); json.int(lastLoginAt)
        json.raw(",\"mfa_enabled\":"); json.bool(mfaEnabled)
        json.raw(",\"password_set\":"); json.bool(passwordSet)
        json.raw("},\"status\":"); json.string(status)
        json.raw(",\"status_at\":"); json.int(statusAt)
        json.raw(",\"status_by\":"); json.optionalString(statusBy)
        json.raw(",\"status_reason\":"); json.optionalString(statusReason)
        json.raw(",\"updated_at\":"); json.int(updatedAt)
        json.raw(",\"username\":"); json.string(username)
        json.raw(",\"username_type\":"); json.string(usernameType)
        json.raw("}")
    }
}

/// A users-list item (`IssuerUsersListItem`: no username or profile, as the real API) of a generated user,
/// computed from the index without the full user.
struct VirtualUserListItem: Sendable {
    let userID: String
    let status: String
    let usernameType: String
    /// FNV-1a of the lowercased login: `username_hash` is written from it (`Deterministic.digest`'s 64 digits).
    let usernameHashSeed: UInt64
    let region: String
    let createdAt: Int
    let updatedAt: Int

    init(_ users: VirtualUsers, index: Int) {
        let culture = Deterministic.pick(NameBank.cultures, index, salt: 0xC017)
        let login = users.loginHash(index, culture)
        userID = users.id(at: index)
        status = users.status(index)
        usernameType = login.kind
        usernameHashSeed = login.fnv
        region = UserRoutes.listRegion(timezone: culture.timezone)
        createdAt = users.createdAt(index)
        updatedAt = users.updatedAt(index, createdAt: createdAt)
    }

    /// Keys in sorted order, as `UserRoutes.listItem(_:)` serialized them; times are doubles there (`1795000000.0`).
    func write(to json: inout JSONWriter, issuerID: String, storeID: String) {
        json.raw("{\"created_at\":"); json.double(Double(createdAt))
        json.raw(",\"issuer_id\":"); json.string(issuerID)
        json.raw(",\"region\":"); json.string(region)
        json.raw(",\"status\":"); json.string(status)
        json.raw(",\"store_id\":"); json.string(storeID)
        json.raw(",\"updated_at\":"); json.double(Double(updatedAt))
        json.raw(",\"user_id\":"); json.string(userID)
        json.raw(",\"username_hash\":\""); Deterministic.appendDigest(ofFNV: usernameHashSeed, to: &json.out); json.raw("\"")
        json.raw(",\"username_type\":"); json.string(usernameType)
        json.raw("}")
    }
}
