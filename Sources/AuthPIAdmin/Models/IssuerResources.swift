public import Foundation

/// An OAuth client of an issuer (list items and full clients share this type).
public struct Client: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var issuerID: String? { string("issuer_id") }
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    public var type: String? { string("type") }
    public var confidential: Bool? { bool("confidential") }
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    public var descriptionText: String? { get { string("description") } set { set("description", newValue) } }
    public var scopes: [String]? { strings("scopes") }
    public var applicationType: String? { string("application_type") }
    public var settings: JSONObject? { object("settings") }
    public var createdAt: Date? { date("created_at") }
    public var updatedAt: Date? { date("updated_at") }
}

/// An AI agent registered with an issuer.
public struct Agent: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var issuerID: String? { string("issuer_id") }
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    public var model: String? { get { string("model") } set { set("model", newValue) } }
    public var provider: String? { get { string("provider") } set { set("provider", newValue) } }
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    public var scopes: [String]? { strings("scopes") }
    public var createdAt: Date? { date("created_at") }
}

/// An organization of an issuer (list items and full organizations share this type).
public struct Organization: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var issuerID: String? { string("issuer_id") }
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    public var orgType: String? { string("org_type") }
    public var maxMembers: Int? { int("max_members") }
    public var invitationEnabled: Bool? { bool("invitation_enabled") }
    public var createdAt: Date? { date("created_at") }
}

/// An API key (account or organization level). Creation and rotation answer with the secret once.
public struct APIKey: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }

    public var id: String? { string("id") ?? string("key_id") }
    public var name: String? { string("name") }
    public var status: String? { string("status") }
    /// Present only on the answer to create / rotate.
    public var secret: String? { string("secret") ?? string("key_secret") }
    public var scopes: [String]? { strings("scopes") }
    public var createdAt: Date? { date("created_at") }
}

/// An account.
public struct Account: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }

    public var id: String? { string("id") ?? string("account_id") }
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    public var status: String? { string("status") }
}

/// A note attached to a subject (user, issuer, …).
public struct Note: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var subjectType: String? { string("subject_type") }
    public var subjectID: String? { string("subject_id") }
    public var body: String? { get { string("body") } set { set("body", newValue) } }
    public var pinned: Bool? { bool("pinned") }
    public var createdBy: String? { string("created_by") }
    public var createdAt: Date? { date("created_at") }
}

/// A group of an organization.
public struct Group: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var orgID: String? { string("org_id") }
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    public var scopes: [String]? { strings("scopes") }
}

/// An invitation to an organization.
public struct Invitation: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var orgID: String? { string("org_id") }
    public var status: String? { string("status") }
    public var emailInvited: String? { string("email_invited") }
    public var expiresAt: Date? { date("expires_at") }
}

/// A member of an organization.
public struct Membership: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }

    public var memberID: String? { string("member_id") }
    public var orgID: String? { string("org_id") }
    public var memberType: String? { string("member_type") }
    public var status: String? { string("status") }
    public var scopes: [String]? { strings("scopes") }
    public var joinedAt: Date? { date("joined_at") }
}
