/// One account a credential can act on, as `GET /v1/me` lists it.
public struct AccountOption: Sendable, Hashable {
    public var id: String
    public var organizationID: String?
    public var scopes: [String]

    public init(id: String, organizationID: String? = nil, scopes: [String] = []) {
        self.id = id
        self.organizationID = organizationID
        self.scopes = scopes
    }
}

/// Where the console learns which accounts the credential acts on (`GET /v1/me`).
public protocol AccountDirectory: Sendable {
    /// The accounts of the credential; throws `ConsoleFailure` like a data source.
    func accounts() async throws -> [AccountOption]
}

/// The first screen when no account was named (no `--account-id`, no profile `account_id`) and the credential
/// can act on several accounts: choose one, and the console connects to it.
public struct AccountPicker: Sendable, Hashable {
    public enum Phase: Sendable, Hashable {
        case loading
        case choosing
        /// Listing failed, or listed none: the message says why; `r` asks again.
        case failed(String)
    }

    public var phase: Phase = .loading
    public var accounts: [AccountOption] = []
    public var selection = 0

    public var selected: AccountOption? { accounts.indices.contains(selection) ? accounts[selection] : nil }
}
