/// `GET /v1/me`: who the API considers this credential to be.
public struct CallerIdentity: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }

    public struct AccountAccess: Sendable, Hashable {
        public var accountID: String
        public var orgID: String?
        public var scopes: [String]
    }

    /// `api_key` or `user`.
    public var type: String? { string("type") }
    public var keyID: String? { string("key_id") }
    public var userID: String? { string("user_id") }
    public var issuerID: String? { string("issuer_id") }
    public var accounts: [AccountAccess] {
        (json["accounts"]?.arrayValue ?? []).compactMap { item in
            guard let id = item["account_id"]?.stringValue else { return nil }
            return AccountAccess(
                accountID: id, orgID: item["org_id"]?.stringValue,
                scopes: item["scopes"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        }
    }
}
