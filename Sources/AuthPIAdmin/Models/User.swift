public import Foundation

/// A user (`GET {iss}/users/{id}`).
public struct User: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var issuerID: String? { string("issuer_id") }
    /// e.g. `active`, `blocked`, `pending`.
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    public var statusAt: Date? { date("status_at") }
    public var statusReason: String? { get { string("status_reason") } set { set("status_reason", newValue) } }
    /// `email`, `phone` or `username`.
    public var usernameType: String? { string("username_type") }
    public var username: String? { get { string("username") } set { set("username", newValue) } }
    public var profile: JSONObject? { get { object("profile") } set { set("profile", newValue) } }
    /// `profile.display_name`, else the first and last names, when any.
    public var displayName: String? {
        if let name = profile?["display_name"]?.stringValue, !name.isEmpty { return name }
        let parts = [profile?["first_name"]?.stringValue, profile?["last_name"]?.stringValue].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
    public var scopes: [String]? { get { strings("scopes") } set { set("scopes", newValue) } }
    public var security: JSONObject? { object("security") }
    public var customFields: JSONObject? { get { object("custom_fields") } set { set("custom_fields", newValue) } }
    public var metadata: JSONObject? { get { object("metadata") } set { set("metadata", newValue) } }
    public var createdAt: Date? { date("created_at") }
    public var updatedAt: Date? { date("updated_at") }
}

/// A user as listed: a light item without username or profile (1.4.0 `IssuerUsersListItem`).
/// Fetch the user (`issuer(i).user(id).get()`) for names.
public struct UserListItem: AuthPIModel {
    public var json: JSONObject
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

    public var id: String { string("user_id") ?? string("id") ?? "" }
    public var issuerID: String? { string("issuer_id") }
    public var usernameHash: String? { string("username_hash") }
    public var usernameType: String? { string("username_type") }
    public var status: String? { string("status") }
    public var storeID: String? { string("store_id") }
    public var region: String? { string("region") }
    /// Present only on servers that send full users in lists.
    public var username: String? { string("username") }
    public var createdAt: Date? { date("created_at") }
    public var updatedAt: Date? { date("updated_at") }
}
