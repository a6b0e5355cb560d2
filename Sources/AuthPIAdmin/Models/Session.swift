public import Foundation

/// A user session (1.4.0 `PublicSession`). Actions: revoke, suspend, reactivate.
public struct Session: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var userID: String? { string("user_id") }
    public var issuerID: String? { string("issuer_id") }
    public var type: String? { string("type") }
    /// `active`, `suspended`, `revoked` or `expired`.
    public var status: String? { string("status") }
    public var statusAt: Date? { date("status_at") }
    public var statusReason: String? { string("status_reason") }
    public var device: JSONObject? { object("device") }
    public var location: JSONObject? { object("location") }
    public var origin: String? { string("origin") }
    public var ttl: Int? { int("ttl") }
    public var idleTimeout: Int? { int("idle_timeout") }
    public var lastActivityAt: Date? { date("last_activity_at") }
    public var refreshCount: Int? { int("refresh_count") }
    public var compromised: Bool? { bool("compromised") }
    public var revokedReason: String? { string("revoked_reason") }
    public var client: JSONObject? { object("client") }
    public var createdAt: Date? { date("created_at") }
    public var expiresAt: Date? { date("expires_at") }
    public var revokedAt: Date? { date("revoked_at") }
}

/// A user's token (1.4.0 `UserTokensListItem`).
public struct UserToken: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var userID: String? { string("user_id") }
    public var issuerID: String? { string("issuer_id") }
    public var status: String? { string("status") }
    public var name: String? { string("name") }
    public var descriptionText: String? { string("description") }
    public var tags: [String] { strings("tags") ?? [] }
    public var scopes: [String] { strings("scopes") ?? [] }
    public var audience: String? { string("audience") }
    public var expiresAt: Date? { date("expires_at") }
    public var createdAt: Date? { date("created_at") }
    public var updatedAt: Date? { date("updated_at") }
}

/// The answer to creating a user token: the plain token, shown once.
public struct CreatedUserToken: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    /// The token itself; store it now, the API never shows it again.
    public var tokenPlain: String? { string("token_plain") }
}

/// A device the user trusts (skips MFA).
public struct TrustedDevice: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var fingerprint: String? { string("fingerprint") }
    public var name: String? { string("name") }
    public var userAgent: String? { string("user_agent") }
    public var trustedAt: Date? { date("trusted_at") }
    public var expiresAt: Date? { date("expires_at") }
    public var lastUsedAt: Date? { date("last_used_at") }
}

/// The answer to trusting a device.
public struct TrustedDeviceCreated: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public var deviceID: String? { string("device_id") }
    public var expiresAt: Date? { date("expires_at") }
}

/// The answer to revoking all trusted devices.
public struct RevokeAllResult: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public var revokedCount: Int? { int("revoked_count") }
}

/// A verifier: a union by kind (`password`, `totp`, `webauthn`, …); kind-specific fields are in ``json``.
public struct Verifier: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var type: String? { string("type") }
    public var status: String? { string("status") }
    public var createdAt: Date? { date("created_at") }
}
