public import Foundation

/// An issuer (`GET {acct}/issuers/{id}`).
public struct Issuer: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var accountID: String? { string("account_id") }
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    public var descriptionText: String? { get { string("description") } set { set("description", newValue) } }
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    public var availableScopes: [String] { strings("available_scopes") ?? [] }
    public var settings: JSONObject? { get { object("settings") } set { set("settings", newValue) } }
    public var metadata: JSONObject? { get { object("metadata") } set { set("metadata", newValue) } }
    public var createdAt: Date? { date("created_at") }
    public var updatedAt: Date? { date("updated_at") }
}

/// An issuer as listed, with its readiness summary.
public struct IssuerListItem: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var accountID: String? { string("account_id") }
    public var name: String? { string("name") }
    public var descriptionText: String? { string("description") }
    public var status: String? { string("status") }
    public var availableScopes: [String] { strings("available_scopes") ?? [] }
    public var accessMode: String? { string("access_mode") }
    public var authMethodCount: Int? { int("auth_method_count") }
    public var readiness: String? { string("readiness") }
    public var brandingConfigured: Bool? { bool("branding_configured") }
    public var createdAt: Date? { date("created_at") }
    public var updatedAt: Date? { date("updated_at") }
}
