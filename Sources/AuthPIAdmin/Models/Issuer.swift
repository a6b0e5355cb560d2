public import Foundation

/// An issuer (`GET {acct}/issuers/{id}`).
public struct Issuer: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `account_id` field; `nil` when absent or of another type.
    public var accountID: String? { string("account_id") }
    /// The `name` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    /// The `description` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var descriptionText: String? { get { string("description") } set { set("description", newValue) } }
    /// The `status` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    /// The `available_scopes` field.
    public var availableScopes: [String] { strings("available_scopes") ?? [] }
    /// The `settings` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var settings: JSONObject? { get { object("settings") } set { set("settings", newValue) } }
    /// The `metadata` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var metadata: JSONObject? { get { object("metadata") } set { set("metadata", newValue) } }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
    /// The `updated_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var updatedAt: Date? { date("updated_at") }
}

/// An issuer as listed, with its readiness summary.
public struct IssuerListItem: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `account_id` field; `nil` when absent or of another type.
    public var accountID: String? { string("account_id") }
    /// The `name` field; `nil` when absent or of another type.
    public var name: String? { string("name") }
    /// The `description` field; `nil` when absent or of another type.
    public var descriptionText: String? { string("description") }
    /// The `status` field; `nil` when absent or of another type.
    public var status: String? { string("status") }
    /// The `available_scopes` field.
    public var availableScopes: [String] { strings("available_scopes") ?? [] }
    /// The `access_mode` field; `nil` when absent or of another type.
    public var accessMode: String? { string("access_mode") }
    /// The `auth_method_count` field; `nil` when absent or of another type.
    public var authMethodCount: Int? { int("auth_method_count") }
    /// The `readiness` field; `nil` when absent or of another type.
    public var readiness: String? { string("readiness") }
    /// The `branding_configured` field; `nil` when absent or of another type.
    public var brandingConfigured: Bool? { bool("branding_configured") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
    /// The `updated_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var updatedAt: Date? { date("updated_at") }
}
