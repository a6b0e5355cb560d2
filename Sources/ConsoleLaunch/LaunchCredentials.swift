/// The credential the console starts with, and where it came from (banners name the form and the source when
/// authentication fails). Secrets never appear in `description`.
public struct LaunchCredentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// HTTP Basic with a key id (`key_…`) and its secret: the only form AuthPI takes API keys in.
        case apiKeyPair(id: String, secret: String)
        /// An access token (`Authorization: Bearer …`).
        case accessToken(String)
    }

    public let kind: Kind
    /// Account to act on; nil means none was named: the console asks `GET /v1/me` and, when the credential acts
    /// on several accounts, opens on a picker.
    public let accountID: String?
    /// Human wording of where the credential came from, e.g. "environment variable AUTHPI_API_KEY".
    public let source: String

    public init(kind: Kind, accountID: String?, source: String) {
        self.kind = kind
        self.accountID = accountID
        self.source = source
    }

    /// The form sent on the wire, without the secret: "Basic key pair key_abc", "access token".
    public var form: String {
        switch kind {
        case .apiKeyPair(let id, _): "Basic key pair \(id)"
        case .accessToken: "access token"
        }
    }

    /// What a 401 banner names: the form that was sent and where it came from.
    public var sentDescription: String { "\(form) from \(source)" }

    public var description: String {
        sentDescription + (accountID.map { " for \($0)" } ?? "")
    }

    public var debugDescription: String { "LaunchCredentials(\(description))" }
}
