/// `GET /v1/me`: who the API considers this credential to be.
public struct CallerIdentity: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }

    /// One account the credential can act on, an item of `accounts`.
    public struct AccountAccess: Sendable, Hashable {
        /// The `account_id` of the item.
        public var accountID: String
        /// The `org_id` of the item, when the access goes through an organization.
        public var orgID: String?
        /// The `scopes` of the item; empty when absent.
        public var scopes: [String]
    }

    /// `api_key` or `user`.
    public var type: String? { string("type") }
    /// The `key_id` field; `nil` when absent or of another type.
    public var keyID: String? { string("key_id") }
    /// The `user_id` field; `nil` when absent or of another type.
    public var userID: String? { string("user_id") }
    /// The `issuer_id` field; `nil` when absent or of another type.
    public var issuerID: String? { string("issuer_id") }
    /// The accounts this credential can act on; items without an `account_id` are skipped.
    public var accounts: [AccountAccess] {
        (json["accounts"]?.arrayValue ?? []).compactMap { item in
            guard let id = item["account_id"]?.stringValue else { return nil }
            return AccountAccess(
                accountID: id, orgID: item["org_id"]?.stringValue,
                scopes: item["scopes"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
    }
}
