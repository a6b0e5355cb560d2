// Hand-written Decodable structs for the raw AsyncHTTPClient reference: every field the emulator sends
// for a user and for a user list item, as someone writing straight on AsyncHTTPClient would declare them.

struct RawUserEnvelope: Decodable {
    let data: RawUser
}

struct RawUser: Decodable {
    struct Compliance: Decodable {
        let termsAcceptedAt: Double?
        enum CodingKeys: String, CodingKey { case termsAcceptedAt = "terms_accepted_at" }
    }

    struct Preferences: Decodable {
        let language: String?
        let marketingEmails: Bool?
        enum CodingKeys: String, CodingKey { case language, marketingEmails = "marketing_emails" }
    }

    struct Security: Decodable {
        let failedLoginCount: Int?
        let lastLoginAt: Double?
        let mfaEnabled: Bool?
        let passwordSet: Bool?
        enum CodingKeys: String, CodingKey {
            case failedLoginCount = "failed_login_count", lastLoginAt = "last_login_at"
            case mfaEnabled = "mfa_enabled", passwordSet = "password_set"
        }
    }

    let id: String
    let issuerID: String?
    let status: String?
    let statusAt: Double?
    let statusBy: String?
    let statusReason: String?
    let username: String?
    let usernameType: String?
    let profile: [String: String]?
    let scopes: [String]?
    let security: Security?
    let customFields: [String: String]?
    let metadata: [String: String]?
    let preferences: Preferences?
    let compliance: Compliance?
    let createdAt: Double?
    let updatedAt: Double?

    enum CodingKeys: String, CodingKey {
        case id, status, username, profile, scopes, security, metadata, preferences, compliance
        case issuerID = "issuer_id", statusAt = "status_at", statusBy = "status_by", statusReason = "status_reason"
        case usernameType = "username_type", customFields = "custom_fields"
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}

struct RawUserPage: Decodable {
    let data: [RawUserListItem]
    let hasMore: Bool
    let nextCursor: String?
    enum CodingKeys: String, CodingKey { case data, hasMore = "has_more", nextCursor = "next_cursor" }
}

struct RawUserListItem: Decodable {
    let userID: String
    let issuerID: String?
    let usernameHash: String?
    let usernameType: String?
    let status: String?
    let storeID: String?
    let region: String?
    let createdAt: Double?
    let updatedAt: Double?

    enum CodingKeys: String, CodingKey {
        case status, region
        case userID = "user_id", issuerID = "issuer_id", usernameHash = "username_hash"
        case usernameType = "username_type", storeID = "store_id"
        case createdAt = "created_at", updatedAt = "updated_at"
    }
}
