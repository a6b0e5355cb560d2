@testable import AuthPIEmulator

/// The dictionary store's sessions, frozen as they were before `SessionRecord` replaced them: the seed's builder
/// (formerly `Models.session`, verbatim), the seed's loop, and the changes `SessionRoutes` made to the dictionary.
/// Tests compare the typed records' bytes with these dictionaries' `JSON.serialized()`, so a drift in a field, a
/// value kind or the key order fails here first.
enum LegacySessionModel {
    /// One seeded session as the old store held it: its dictionary and its ETag version.
    struct Stored {
        var object: [String: JSON]
        var version = 1

        var id: String { object["id"]?.stringValue ?? "" }
        var status: String { object["status"]?.stringValue ?? "" }
        var etag: String { Record.etag(id: id, version: version) }
        /// The single answer's bytes, `{"data": …}`.
        var single: [UInt8] { JSON.object(["data": .object(object)]).serialized() }
    }

    /// A seeded user's sessions in creation order (the loop of `Seed.seedUserChildren`).
    static func seededSessions(issuer: String, userIndex: Int, tag: String) -> [Stored] {
        let users = Seed.virtualUsers(issuer: issuer, count: max(userIndex + 1, 1))
        let count = userIndex == Seed.richUserIndex ? 5 : 1 + Deterministic.number(userIndex, salt: 0x5E, below: 4)
        return (0..<count).map { number in
            let id = Seed.sessionID(userIndex: userIndex, number: number, tag: tag)
            return Stored(object: session(id: id, user: users.id(at: userIndex), issuer: issuer, index: userIndex, number: number, base: Seed.t0))
        }
    }

    /// A transition the old `SessionRoutes` applied: the common fields, the action's own, then `updated_at`.
    static func apply(_ action: String, to stored: inout Stored, body: [String: JSON], now: Int, caller: String) {
        var object = stored.object
        object["status"] = .string(["revoke": "revoked", "suspend": "suspended", "reactivate": "active"][action] ?? "")
        object["status_at"] = .int(now)
        object["status_by"] = .string(caller)
        switch action {
        case "revoke":
            object["revoked_at"] = .int(now)
            object["revoked_reason"] = body["reason"] ?? "admin"
            object["status_reason"] = body["reason"] ?? "Revoked by an administrator"
            if body["compromised"]?.boolValue == true {
                object["compromised"] = true
                object["compromised_at"] = .int(now)
                object["compromised_reason"] = body["reason"] ?? "reported"
            }
        case "suspend":
            object["status_reason"] = body["reason"] ?? "Suspended by an administrator"
        default:
            object["status_reason"] = .null
        }
        let previous = object["updated_at"]?.intValue ?? 0
        object["updated_at"] = .int(max(now, previous + 1))
        stored.object = object
        stored.version += 1
    }

    /// The statuses each action may start from.
    static let validFrom: [String: Set<String>] = ["revoke": ["active", "suspended"], "suspend": ["active"], "reactivate": ["suspended"]]

    static func session(id: String, user: String, issuer: String, index: Int, number: Int, base: Int) -> [String: JSON] {
        let devices: [(String, String, String)] = [
            ("desktop", "macOS 15", "Safari 19"), ("mobile", "iOS 19", "Mobile Safari"), ("desktop", "Windows 11", "Edge 140"),
            ("mobile", "Android 16", "Chrome 141"), ("tablet", "iPadOS 19", "Safari 19"), ("desktop", "Ubuntu 24.04", "Firefox 144"),
        ]
        let places: [(String, String, String)] = [
            ("Berlin", "DE", "Europe/Berlin"), ("San Francisco", "US", "America/Los_Angeles"), ("Tōkyō", "JP", "Asia/Tokyo"),
            ("São Paulo", "BR", "America/Sao_Paulo"), ("Zürich", "CH", "Europe/Zurich"), ("Bengaluru", "IN", "Asia/Kolkata"),
            ("Kraków", "PL", "Europe/Warsaw"), ("서울", "KR", "Asia/Seoul"),
        ]
        let seedValue = index * 16 + number
        let device = Deterministic.pick(devices, seedValue, salt: 0xDE5)
        let place = Deterministic.pick(places, seedValue, salt: 0x91C)
        let statuses = ["active", "active", "active", "suspended", "revoked", "expired"]
        let status = number == 0 ? "active" : Deterministic.pick(statuses, seedValue, salt: 0x5E5)
        let created = base - Deterministic.number(seedValue, salt: 0xC7D, below: 86_400 * 20) - 3_600
        let lastActivity = created + Deterministic.number(seedValue, salt: 0x1A5, below: 86_400 * 3)
        let ip = "\(Deterministic.number(seedValue, salt: 1, below: 200) + 20).\(Deterministic.number(seedValue, salt: 2, below: 255)).\(Deterministic.number(seedValue, salt: 3, below: 255)).\(Deterministic.number(seedValue, salt: 4, below: 254) + 1)"
        return [
            "id": .string(id), "user_id": .string(user), "issuer_id": .string(issuer), "type": number % 4 == 3 ? "api" : "web",
            "status": .string(status), "status_at": .int(lastActivity),
            "status_reason": status == "suspended" ? "Unusual sign-in location" : (status == "revoked" ? "Signed out by an administrator" : .null),
            "status_by": status == "revoked" ? "usr_console_admin" : .null,
            "authentication": ["methods": number % 2 == 0 ? ["password", "totp"] : ["passkey"], "authenticated_at": .int(created)],
            "op_session_id": .string("ops_\(Deterministic.hex(Deterministic.mix(UInt64(seedValue)), width: 12))"),
            "device": [
                "type": .string(device.0), "os": .string(device.1), "browser": .string(device.2), "ip": .string(ip),
                "user_agent": .string("Mozilla/5.0 (\(device.1)) \(device.2)"),
            ],
            "location": ["city": .string(place.0), "country": .string(place.1), "timezone": .string(place.2)],
            "origin": "https://app.acme.test", "ttl": 2_592_000, "idle_timeout": 86_400,
            "last_activity_at": .int(lastActivity), "access_token_issued_at": .int(lastActivity), "refresh_token_issued_at": .int(created),
            "refresh_count": .int(Deterministic.number(seedValue, salt: 0x2EF, below: 40)),
            "compromised": .bool(status == "revoked" && number % 3 == 0),
            "compromised_at": .null, "compromised_reason": .null,
            "revoked_reason": status == "revoked" ? "admin" : .null, "metadata": [:],
            "created_at": .int(created), "updated_at": .int(lastActivity),
            "expires_at": .int(status == "expired" ? lastActivity + 60 : created + 2_592_000 * 3),
            "revoked_at": status == "revoked" ? .int(lastActivity + 120) : .null,
            "client": ["id": .string(EmulatorDemo.clientID), "name": "Acme Web"],
        ]
    }
}
