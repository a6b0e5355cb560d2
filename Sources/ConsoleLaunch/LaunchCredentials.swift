/// The credential the console starts with, and where it came from (banners name the source when
/// authentication fails). Secrets never appear in `description`.
public struct LaunchCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Seed form: `Authorization: Bearer key_xxx`.
        case apiKey(String)
        /// HTTP Basic with a key id (`key_…`) and its secret.
        case apiKeyPair(id: String, secret: String)
        /// An access token for one account.
        case accessToken(String)
    }

    public let kind: Kind
    /// Account to act on; nil means the API's `me` alias.
    public let accountID: String?
    /// Human wording of where the credential came from, e.g. "environment variable AUTHPI_API_KEY".
    public let source: String

    public init(kind: Kind, accountID: String?, source: String) {
        self.kind = kind
        self.accountID = accountID
        self.source = source
    }

    public var description: String {
        let what: String
        switch kind {
        case .apiKey: what = "API key"
        case .apiKeyPair(let id, _): what = "API key \(id)"
        case .accessToken: what = "access token"
        }
        return "\(what) from \(source)" + (accountID.map { " for \($0)" } ?? "")
    }

    public var debugDescription: String { "LaunchCredentials(\(description))" }
}
