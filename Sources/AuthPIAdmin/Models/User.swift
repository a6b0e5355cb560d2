public import Foundation

/// A user (`GET {iss}/users/{id}`).
public struct User: AuthPIModel {
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
    /// e.g. `active`, `blocked`, `pending`.
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    /// The `status_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var statusAt: Date? { date("status_at") }
    /// The `status_reason` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var statusReason: String? { get { string("status_reason") } set { set("status_reason", newValue) } }
    /// `email`, `phone` or `username`.
    public var usernameType: String? { string("username_type") }
    /// The `username` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var username: String? { get { string("username") } set { set("username", newValue) } }
    /// The `profile` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var profile: JSONObject? { get { object("profile") } set { set("profile", newValue) } }
    /// `profile.display_name`, else the first and last names, when any.
    public var displayName: String? {
        if let name = profile?["display_name"]?.stringValue, !name.isEmpty { return name }
        let parts = [profile?["first_name"]?.stringValue, profile?["last_name"]?.stringValue].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
    /// The `scopes` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var scopes: [String]? { get { strings("scopes") } set { set("scopes", newValue) } }
    /// The `security` field; `nil` when absent or of another type.
    public var security: JSONObject? { object("security") }
    /// The `custom_fields` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var customFields: JSONObject? { get { object("custom_fields") } set { set("custom_fields", newValue) } }
    /// The `metadata` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var metadata: JSONObject? { get { object("metadata") } set { set("metadata", newValue) } }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
    /// The `updated_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var updatedAt: Date? { date("updated_at") }
}

/// A user as listed: a light item without username or profile (1.4.0 `IssuerUsersListItem`).
/// Fetch the user (`issuer(i).user(id).get()`) for names.
public struct UserListItem: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// 1.4.0 lists carry `user_id`; older servers sent `id`.
    public init(validating value: JSONValue) throws {
        guard case .object(let object) = value else {
            throw AuthPIError.malformedResponse("expected a JSON object for UserListItem, got \(value.kindName)")
        }
        guard (object["user_id"] ?? object["id"])?.stringValue != nil else {
            throw AuthPIError.malformedResponse("UserListItem lacks the string field \"user_id\"")
        }
        self.init(json: object)
    }

    /// The `user_id` field (or `id`).
    public var id: String { string("user_id") ?? string("id") ?? "" }
    /// The `issuer_id` field; `nil` when absent or of another type.
    public var issuerID: String? { string("issuer_id") }
    /// The `username_hash` field; `nil` when absent or of another type.
    public var usernameHash: String? { string("username_hash") }
    /// The `username_type` field; `nil` when absent or of another type.
    public var usernameType: String? { string("username_type") }
    /// The `status` field; `nil` when absent or of another type.
    public var status: String? { string("status") }
    /// The `store_id` field; `nil` when absent or of another type.
    public var storeID: String? { string("store_id") }
    /// The `region` field; `nil` when absent or of another type.
    public var region: String? { string("region") }
    /// Present only on servers that send full users in lists.
    public var username: String? { string("username") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
    /// The `updated_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var updatedAt: Date? { date("updated_at") }
}
