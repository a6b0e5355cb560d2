public import Foundation

/// A user session (1.4.0 `PublicSession`). Actions: revoke, suspend, reactivate.
public struct Session: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `user_id` field; `nil` when absent or of another type.
    public var userID: String? { string("user_id") }
    /// The `issuer_id` field; `nil` when absent or of another type.
    public var issuerID: String? { string("issuer_id") }
    /// The `type` field; `nil` when absent or of another type.
    public var type: String? { string("type") }
    /// `active`, `suspended`, `revoked` or `expired`.
    public var status: String? { string("status") }
    /// The `status_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var statusAt: Date? { date("status_at") }
    /// The `status_reason` field; `nil` when absent or of another type.
    public var statusReason: String? { string("status_reason") }
    /// The `device` field; `nil` when absent or of another type.
    public var device: JSONObject? { object("device") }
    /// The `location` field; `nil` when absent or of another type.
    public var location: JSONObject? { object("location") }
    /// The `origin` field; `nil` when absent or of another type.
    public var origin: String? { string("origin") }
    /// The `ttl` field; `nil` when absent or of another type.
    public var ttl: Int? { int("ttl") }
    /// The `idle_timeout` field; `nil` when absent or of another type.
    public var idleTimeout: Int? { int("idle_timeout") }
    /// The `last_activity_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var lastActivityAt: Date? { date("last_activity_at") }
    /// The `refresh_count` field; `nil` when absent or of another type.
    public var refreshCount: Int? { int("refresh_count") }
    /// The `compromised` field; `nil` when absent or of another type.
    public var compromised: Bool? { bool("compromised") }
    /// The `revoked_reason` field; `nil` when absent or of another type.
    public var revokedReason: String? { string("revoked_reason") }
    /// The `client` field; `nil` when absent or of another type.
    public var client: JSONObject? { object("client") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
    /// The `expires_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var expiresAt: Date? { date("expires_at") }
    /// The `revoked_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var revokedAt: Date? { date("revoked_at") }
}

/// A user's token (1.4.0 `UserTokensListItem`).
public struct UserToken: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `user_id` field; `nil` when absent or of another type.
    public var userID: String? { string("user_id") }
    /// The `issuer_id` field; `nil` when absent or of another type.
    public var issuerID: String? { string("issuer_id") }
    /// The `status` field; `nil` when absent or of another type.
    public var status: String? { string("status") }
    /// The `name` field; `nil` when absent or of another type.
    public var name: String? { string("name") }
    /// The `description` field; `nil` when absent or of another type.
    public var descriptionText: String? { string("description") }
    /// The `tags` field.
    public var tags: [String] { strings("tags") ?? [] }
    /// The `scopes` field.
    public var scopes: [String] { strings("scopes") ?? [] }
    /// The `audience` field; `nil` when absent or of another type.
    public var audience: String? { string("audience") }
    /// The `expires_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var expiresAt: Date? { date("expires_at") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
    /// The `updated_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var updatedAt: Date? { date("updated_at") }
}

/// The answer to creating a user token: the plain token, shown once.
public struct CreatedUserToken: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The token itself; store it now, the API never shows it again.
    public var tokenPlain: String? { string("token_plain") }
}

/// A device the user trusts (skips MFA).
public struct TrustedDevice: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `fingerprint` field; `nil` when absent or of another type.
    public var fingerprint: String? { string("fingerprint") }
    /// The `name` field; `nil` when absent or of another type.
    public var name: String? { string("name") }
    /// The `user_agent` field; `nil` when absent or of another type.
    public var userAgent: String? { string("user_agent") }
    /// The `trusted_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var trustedAt: Date? { date("trusted_at") }
    /// The `expires_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var expiresAt: Date? { date("expires_at") }
    /// The `last_used_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var lastUsedAt: Date? { date("last_used_at") }
}

/// The answer to trusting a device.
public struct TrustedDeviceCreated: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The `device_id` field; `nil` when absent or of another type.
    public var deviceID: String? { string("device_id") }
    /// The `expires_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var expiresAt: Date? { date("expires_at") }
}

/// The answer to revoking all trusted devices.
public struct RevokeAllResult: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The `revoked_count` field; `nil` when absent or of another type.
    public var revokedCount: Int? { int("revoked_count") }
}

/// A verifier: a union by kind (`password`, `totp`, `webauthn`, …); kind-specific fields are in ``json``.
public struct Verifier: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `type` field; `nil` when absent or of another type.
    public var type: String? { string("type") }
    /// The `status` field; `nil` when absent or of another type.
    public var status: String? { string("status") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
}
