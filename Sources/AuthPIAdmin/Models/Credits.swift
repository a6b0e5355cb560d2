public import Foundation

/// One entry of the account's credit ledger (`GET {acct}/credits/ledger`). Amounts are micro-dollars.
public struct CreditLedgerEntry: AuthPIModel {
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
    /// `amount_μusd`.
    public var amountMicroUSD: Int? { int("amount_μusd") }
    /// `balance_after_μusd`.
    public var balanceAfterMicroUSD: Int? { int("balance_after_μusd") }
    /// The `operation` field; `nil` when absent or of another type.
    public var operation: String? { string("operation") }
    /// The `reference` field; `nil` when absent or of another type.
    public var reference: String? { string("reference") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
    /// The `expires_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var expiresAt: Date? { date("expires_at") }
}

/// The answer of a credit top-up (`POST {acct}/credits/topups`).
public struct CreditTopup: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }

    /// `balance_μusd` after the top-up.
    public var balanceMicroUSD: Int? { int("balance_μusd") }
    /// The `entry_id` field; `nil` when absent or of another type.
    public var entryID: String? { string("entry_id") }
    /// True when the same top-up (same payment reference or idempotency key) was already applied.
    public var duplicate: Bool? { bool("duplicate") }
    /// The `payment_reference` field; `nil` when absent or of another type.
    public var paymentReference: String? { string("payment_reference") }
}

/// An account domain (`GET {acct}/domains` items).
public struct AccountDomain: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }

    /// The `host` field; `nil` when absent or of another type.
    public var host: String? { string("host") }
    /// The `verified` field; `nil` when absent or of another type.
    public var verified: Bool? { bool("verified") }
    /// The `primary` field; `nil` when absent or of another type.
    public var primary: Bool? { bool("primary") }
    /// The `assigned_issuer_id` field; `nil` when absent or of another type.
    public var assignedIssuerID: String? { string("assigned_issuer_id") }
}
