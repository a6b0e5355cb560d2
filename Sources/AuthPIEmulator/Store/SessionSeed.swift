/// The demo seed's sessions: every field derived from the user's index and the session's number, so every run
/// produces the same sessions, the values the dictionary store seeded (its builder lives on, frozen, as the tests'
/// `LegacySessionModel`).
extension SessionRecord {
    private static let devices: [(type: String, os: String, browser: String)] = [
        ("desktop", "macOS 15", "Safari 19"), ("mobile", "iOS 19", "Mobile Safari"), ("desktop", "Windows 11", "Edge 140"),
        ("mobile", "Android 16", "Chrome 141"), ("tablet", "iPadOS 19", "Safari 19"), ("desktop", "Ubuntu 24.04", "Firefox 144"),
    ]
    private static let places: [(city: String, country: String, timezone: String)] = [
        ("Berlin", "DE", "Europe/Berlin"), ("San Francisco", "US", "America/Los_Angeles"), ("Tōkyō", "JP", "Asia/Tokyo"),
        ("São Paulo", "BR", "America/Sao_Paulo"), ("Zürich", "CH", "Europe/Zurich"), ("Bengaluru", "IN", "Asia/Kolkata"),
        ("Kraków", "PL", "Europe/Warsaw"), ("서울", "KR", "Asia/Seoul"),
    ]
    /// Half the sessions active; the first of every user always is.
    private static let seededStatuses = ["active", "active", "active", "suspended", "revoked", "expired"]

    /// Session `number` of the user at `index`, created before `base`.
    init(seededID id: String, user: String, issuer: String, index: Int, number: Int, base: Int) {
        let seedValue = index * 16 + number
        let device = Deterministic.pick(Self.devices, seedValue, salt: 0xDE5)
        let place = Deterministic.pick(Self.places, seedValue, salt: 0x91C)
        let status = number == 0 ? "active" : Deterministic.pick(Self.seededStatuses, seedValue, salt: 0x5E5)
        let created = base - Deterministic.number(seedValue, salt: 0xC7D, below: 86_400 * 20) - 3_600
        let lastActivity = created + Deterministic.number(seedValue, salt: 0x1A5, below: 86_400 * 3)
        let octets = [
            Deterministic.number(seedValue, salt: 1, below: 200) + 20, Deterministic.number(seedValue, salt: 2, below: 255),
            Deterministic.number(seedValue, salt: 3, below: 255), Deterministic.number(seedValue, salt: 4, below: 254) + 1,
        ]
        self.id = id
        userID = user
        issuerID = issuer
        type = number % 4 == 3 ? "api" : "web"
        self.status = status
        statusAt = lastActivity
        statusReason = status == "suspended" ? "Unusual sign-in location" : (status == "revoked" ? "Signed out by an administrator" : nil)
        statusBy = status == "revoked" ? "usr_console_admin" : nil
        authenticationMethods = number % 2 == 0 ? ["password", "totp"] : ["passkey"]
        authenticatedAt = created
        opSessionID = "ops_\(Deterministic.hex(Deterministic.mix(UInt64(seedValue)), width: 12))"
        self.device = Device(
            type: device.type, os: device.os, browser: device.browser, ip: octets.map(String.init).joined(separator: "."),
            userAgent: "Mozilla/5.0 (\(device.os)) \(device.browser)"
        )
        location = Location(city: place.city, country: place.country, timezone: place.timezone)
        origin = "https://app.acme.test"
        ttl = 2_592_000
        idleTimeout = 86_400
        lastActivityAt = lastActivity
        accessTokenIssuedAt = lastActivity
        refreshTokenIssuedAt = created
        refreshCount = Deterministic.number(seedValue, salt: 0x2EF, below: 40)
        compromised = status == "revoked" && number % 3 == 0
        compromisedAt = nil
        compromisedReason = nil
        revokedReason = status == "revoked" ? "admin" : nil
        metadata = [:]
        createdAt = created
        updatedAt = lastActivity
        expiresAt = status == "expired" ? lastActivity + 60 : created + 2_592_000 * 3
        revokedAt = status == "revoked" ? lastActivity + 120 : nil
        clientID = EmulatorDemo.clientID
        clientName = "Acme Web"
    }
}
