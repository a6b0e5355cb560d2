public import Foundation

/// An OAuth client of an issuer (list items and full clients share this type).
public struct Client: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `issuer_id` field; `nil` when absent or of another type.
    public var issuerID: String? { string("issuer_id") }
    /// The `status` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    /// The `type` field; `nil` when absent or of another type.
    public var type: String? { string("type") }
    /// The `confidential` field; `nil` when absent or of another type.
    public var confidential: Bool? { bool("confidential") }
    /// The `name` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    /// The `description` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var descriptionText: String? { get { string("description") } set { set("description", newValue) } }
    /// The `scopes` field; `nil` when absent or of another type.
    public var scopes: [String]? { strings("scopes") }
    /// The `application_type` field; `nil` when absent or of another type.
    public var applicationType: String? { string("application_type") }
    /// The `settings` field; `nil` when absent or of another type.
    public var settings: JSONObject? { object("settings") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
    /// The `updated_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var updatedAt: Date? { date("updated_at") }
}

/// An AI agent registered with an issuer.
public struct Agent: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `issuer_id` field; `nil` when absent or of another type.
    public var issuerID: String? { string("issuer_id") }
    /// The `name` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    /// The `model` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var model: String? { get { string("model") } set { set("model", newValue) } }
    /// The `provider` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var provider: String? { get { string("provider") } set { set("provider", newValue) } }
    /// The `status` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    /// The `scopes` field; `nil` when absent or of another type.
    public var scopes: [String]? { strings("scopes") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
}

/// An organization of an issuer (list items and full organizations share this type).
public struct Organization: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `issuer_id` field; `nil` when absent or of another type.
    public var issuerID: String? { string("issuer_id") }
    /// The `status` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    /// The `name` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    /// The `org_type` field; `nil` when absent or of another type.
    public var orgType: String? { string("org_type") }
    /// The `max_members` field; `nil` when absent or of another type.
    public var maxMembers: Int? { int("max_members") }
    /// The `invitation_enabled` field; `nil` when absent or of another type.
    public var invitationEnabled: Bool? { bool("invitation_enabled") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
}

/// An API key (account or organization level). Creation and rotation answer with the secret once.
public struct APIKey: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }

    /// The `id` field (or `key_id`); `nil` when absent or of another type.
    public var id: String? { string("id") ?? string("key_id") }
    /// The `name` field; `nil` when absent or of another type.
    public var name: String? { string("name") }
    /// The `status` field; `nil` when absent or of another type.
    public var status: String? { string("status") }
    /// Present only on the answer to create / rotate.
    public var secret: String? { string("secret") ?? string("key_secret") }
    /// The `type` field (`account`, `organization`); `nil` when absent or of another type.
    public var type: String? { string("type") }
    /// The `org_id` field; `nil` when absent or of another type.
    public var orgID: String? { string("org_id") }
    /// The `expires_at` field, a date (the API sends Unix seconds); `nil` when absent, null or of another type.
    public var expiresAt: Date? { date("expires_at") }
    /// The `scopes` field; `nil` when absent or of another type.
    public var scopes: [String]? { strings("scopes") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
}

/// An account.
public struct Account: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }

    /// The `id` field (or `account_id`); `nil` when absent or of another type.
    public var id: String? { string("id") ?? string("account_id") }
    /// The `name` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    /// The `status` field; `nil` when absent or of another type.
    public var status: String? { string("status") }
}

/// A note attached to a subject (user, issuer, …).
public struct Note: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `subject_type` field; `nil` when absent or of another type.
    public var subjectType: String? { string("subject_type") }
    /// The `subject_id` field; `nil` when absent or of another type.
    public var subjectID: String? { string("subject_id") }
    /// The `body` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var body: String? { get { string("body") } set { set("body", newValue) } }
    /// The `pinned` field; `nil` when absent or of another type.
    public var pinned: Bool? { bool("pinned") }
    /// The `created_by` field; `nil` when absent or of another type.
    public var createdBy: String? { string("created_by") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
}

/// A group of an organization.
public struct Group: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `org_id` field; `nil` when absent or of another type.
    public var orgID: String? { string("org_id") }
    /// The `name` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    /// The `scopes` field; `nil` when absent or of another type.
    public var scopes: [String]? { strings("scopes") }
    /// The `description` field; `nil` when absent, null or of another type.
    public var descriptionText: String? { string("description") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
}

/// An invitation to an organization.
public struct Invitation: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `org_id` field; `nil` when absent or of another type.
    public var orgID: String? { string("org_id") }
    /// The `status` field; `nil` when absent or of another type.
    public var status: String? { string("status") }
    /// The `email_invited` field; `nil` when absent or of another type.
    public var emailInvited: String? { string("email_invited") }
    /// The `expires_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var expiresAt: Date? { date("expires_at") }
    /// The `scopes` field; `nil` when absent or of another type.
    public var scopes: [String]? { strings("scopes") }
    /// The `user_title` field; `nil` when absent, null or of another type.
    public var userTitle: String? { string("user_title") }
    /// The `last_email_sent_at` field, a date (the API sends Unix seconds); `nil` when absent or null.
    public var lastEmailSentAt: Date? { date("last_email_sent_at") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
}

/// A member of an organization.
public struct Membership: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }

    /// The `member_id` field; `nil` when absent or of another type.
    public var memberID: String? { string("member_id") }
    /// The `org_id` field; `nil` when absent or of another type.
    public var orgID: String? { string("org_id") }
    /// The `member_type` field; `nil` when absent or of another type.
    public var memberType: String? { string("member_type") }
    /// The `status` field; `nil` when absent or of another type.
    public var status: String? { string("status") }
    /// The `scopes` field; `nil` when absent or of another type.
    public var scopes: [String]? { strings("scopes") }
    /// The `joined_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var joinedAt: Date? { date("joined_at") }
    /// The `user_title` field; `nil` when absent, null or of another type.
    public var userTitle: String? { string("user_title") }
    /// The `groups` field (group ids); `nil` when absent or of another type.
    public var groups: [String]? { strings("groups") }
}

/// A verifier of an agent (`AgentVerifiersListItem`): how the agent proves who it is. Its `credential` is never
/// read here: the console shows none of it.
public struct AgentVerifier: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `agent_id` field; `nil` when absent or of another type.
    public var agentID: String? { string("agent_id") }
    /// The `type` field (`api_key`, `mtls`, `jwt`, `oauth_client`); `nil` when absent or of another type.
    public var type: String? { string("type") }
    /// The `status` field; `nil` when absent or of another type.
    public var status: String? { string("status") }
    /// The `name` field; `nil` when absent, null or of another type.
    public var name: String? { string("name") }
    /// The `usage_count` field; `nil` when absent or of another type.
    public var usageCount: Int? { int("usage_count") }
    /// The `last_used_at` field, a date (the API sends Unix seconds); `nil` when absent or null.
    public var lastUsedAt: Date? { date("last_used_at") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
}
