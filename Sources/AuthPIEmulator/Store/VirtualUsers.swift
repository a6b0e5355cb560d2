/// Users generated from their index on demand, so an issuer can hold a million users without a
/// million dictionaries. Only changed or deleted users are stored (as overrides in the collection).
struct VirtualUsers: Sendable {
    let issuerID: String
    /// Distinguishes issuers inside user ids.
    let tag: String
    let count: Int
    /// Creation times spread evenly between these two instants.
    let firstCreatedAt: Int
    let lastCreatedAt: Int

    func id(at index: Int) -> String {
        "usr_\(tag)\(Deterministic.hex(UInt64(Deterministic.scramble(index)), width: 8))"
    }

    func index(of id: String) -> Int? {
        let prefix = "usr_\(tag)"
        guard id.hasPrefix(prefix) else { return nil }
        let rest = id.dropFirst(prefix.count)
        guard rest.count == 8, let value = UInt32(rest, radix: 16) else { return nil }
        let index = Deterministic.unscramble(value)
        return index < count ? index : nil
    }

    func createdAt(_ index: Int) -> Int {
        guard count > 1 else { return firstCreatedAt }
        return firstCreatedAt + Int(Double(lastCreatedAt - firstCreatedAt) * Double(index) / Double(count - 1))
    }

    /// Cheap status, so status filters over a million users do not build whole objects.
    func status(_ index: Int) -> String {
        switch Deterministic.number(index, salt: 0x57A7, below: 100) {
        case 0..<78: return "active"
        case 78..<90: return "pending"
        default: return "blocked"
        }
    }

    /// Just what a users list item needs: much cheaper than `user(at:)` for list pages.
    func summary(at index: Int) -> [String: JSON] {
        let culture = Deterministic.pick(NameBank.cultures, index, salt: 0xC017)
        let (usernameType, username) = login(index, culture)
        let created = createdAt(index)
        return [
            "id": .string(id(at: index)), "issuer_id": .string(issuerID), "status": .string(status(index)),
            "username_type": .string(usernameType), "username": .string(username), "profile": ["timezone": .string(culture.timezone)],
            "created_at": .int(created), "updated_at": .int(created + Deterministic.number(index, salt: 0x0DA, below: 86_400 * 30)),
        ]
    }

    private func login(_ index: Int, _ culture: NameBank.Culture) -> (String, String) {
        let given = Deterministic.pick(culture.given, index, salt: 0x6177)
        let family = Deterministic.pick(culture.family, index, salt: 0xFA31)
        switch Deterministic.number(index, salt: 0x7E1E, below: 20) {
        case 0: return ("phone", "+1555\(1_000_000 + Deterministic.number(index, salt: 0x9407, below: 8_999_999))")
        case 1: return ("username", "\(given.ascii)_\(family.ascii)\(index)")
        default: return ("email", "\(given.ascii).\(family.ascii)\(index)@\(Deterministic.pick(NameBank.emailDomains, index, salt: 0xD0))")
        }
    }

    func user(at index: Int) -> [String: JSON] {
        let culture = Deterministic.pick(NameBank.cultures, index, salt: 0xC017)
        let given = Deterministic.pick(culture.given, index, salt: 0x6177)
        let family = Deterministic.pick(culture.family, index, salt: 0xFA31)
        let display = culture.familyFirst
            ? family.display + culture.separator + given.display
            : given.display + culture.separator + family.display
        let (usernameType, username) = login(index, culture)
        let status = status(index)
        let created = createdAt(index)
        let lastLogin = created + Deterministic.number(index, salt: 0x1A57, below: 5_000_000)
        var profile: [String: JSON] = [
            "first_name": .string(given.display), "last_name": .string(family.display), "display_name": .string(display),
            "locale": .string(culture.locale), "timezone": .string(culture.timezone),
        ]
        if Deterministic.number(index, salt: 0xA7A, below: 3) == 0 {
            profile["avatar_url"] = .string("https://avatars.example.com/\(id(at: index)).png")
        }
        if usernameType != "email" {
            profile["email"] = .string("\(given.ascii).\(family.ascii)\(index)@example.com")
        }
        return [
            "id": .string(id(at: index)),
            "issuer_id": .string(issuerID),
            "status": .string(status),
            "status_at": .int(created + 3_600),
            "status_reason": status == "blocked" ? "Too many failed sign-in attempts" : .null,
            "status_by": status == "blocked" ? "system" : .null,
            "username_type": .string(usernameType),
            "username": .string(username),
            "profile": .object(profile),
            "scopes": Deterministic.number(index, salt: 0x5C0, below: 10) == 0 ? ["users:read", "users:write", "admin"] : ["users:read"],
            "security": [
                "mfa_enabled": .bool(Deterministic.number(index, salt: 0x3FA, below: 3) == 0),
                "password_set": .bool(usernameType != "phone"),
                "last_login_at": .int(lastLogin),
                "failed_login_count": .int(status == "blocked" ? 5 : 0),
            ],
            "compliance": ["terms_accepted_at": .int(created)],
            "preferences": ["language": .string(culture.locale), "marketing_emails": .bool(index % 4 == 0)],
            "approval": status == "pending" ? ["status": "pending", "requested_at": .int(created)] : .null,
            "custom_fields": [
                "department": .string(Deterministic.pick(NameBank.departments, index, salt: 0xDE9)),
                "plan": .string(Deterministic.pick(NameBank.plans, index, salt: 0x91A)),
            ],
            "metadata": ["source": "seed"],
            "created_at": .int(created),
            "updated_at": .int(created + Deterministic.number(index, salt: 0x0DA, below: 86_400 * 30)),
        ]
    }
}
