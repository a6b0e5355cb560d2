public import Foundation

/// One entry of the account's credit ledger (`GET {acct}/credits/ledger`). Amounts are micro-dollars.
public struct CreditLedgerEntry: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var type: String? { string("type") }
    /// `amount_μusd`.
    public var amountMicroUSD: Int? { int("amount_μusd") }
    /// `balance_after_μusd`.
    public var balanceAfterMicroUSD: Int? { int("balance_after_μusd") }
    public var operation: String? { string("operation") }
    public var reference: String? { string("reference") }
    public var createdAt: Date? { date("created_at") }
    public var expiresAt: Date? { date("expires_at") }
}

/// The answer of a credit top-up (`POST {acct}/credits/topups`).
public struct CreditTopup: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }

    /// `balance_μusd` after the top-up.
    public var balanceMicroUSD: Int? { int("balance_μusd") }
    public var entryID: String? { string("entry_id") }
    /// True when the same top-up (same payment reference or idempotency key) was already applied.
    public var duplicate: Bool? { bool("duplicate") }
    public var paymentReference: String? { string("payment_reference") }
}

/// An account domain (`GET {acct}/domains` items).
public struct AccountDomain: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }

    public var host: String? { string("host") }
    public var verified: Bool? { bool("verified") }
    public var primary: Bool? { bool("primary") }
    public var assignedIssuerID: String? { string("assigned_issuer_id") }
}
