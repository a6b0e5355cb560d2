import Foundation

/// How the client authenticates. Its description never shows the secret.
///
/// AuthPI API keys are a pair: an id (`key_…`) and a secret, both shown once when the key is created. They
/// are sent as HTTP Basic (`key_id:secret`). `Bearer` is reserved for access tokens: an API key is never
/// sent as a bearer token.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Returns a new access token; called on a 401 when an access token is used.
    public typealias Refresh = @Sendable () async throws -> String

    enum Kind: Sendable {
        /// One string that must be `key_id:secret`; checked when the client is built.
        case joinedKey(String)
        case keyPair(id: String, secret: String)
        case accessToken(String, refresh: Refresh?)
    }

    let kind: Kind

    /// An API key given as one string `key_id:secret` (split at the first colon), sent as HTTP Basic.
    /// A bare key id without its secret is refused, before any request, with a configuration error.
    public static func apiKey(_ joined: String) -> Credentials { Credentials(kind: .joinedKey(joined)) }

    /// An API key id (`key_…`) and its secret, sent as HTTP Basic.
    public static func apiKey(id: String, secret: String) -> Credentials {
        Credentials(kind: .keyPair(id: id, secret: secret))
    }

    /// An access token, with an optional closure that returns a fresh one on a 401.
    public static func accessToken(_ token: String, refresh: Refresh? = nil) -> Credentials {
        Credentials(kind: .accessToken(token, refresh: refresh))
    }

    var isAccessToken: Bool { if case .accessToken = kind { true } else { false } }

    var refresh: Refresh? { if case .accessToken(_, let refresh) = kind { refresh } else { nil } }

    /// What an AuthPI API key is and how to pass one: the text of every key-shape error.
    static let keyHelp =
        "AuthPI API keys are an id (key_…) and a secret, both shown once when the key is created; they are sent as "
        + "HTTP Basic. Pass both: AuthPIClient(keyID:keySecret:), Credentials.apiKey(id:secret:), or one string \"key_id:secret\""

    /// Checks the credential and returns its `Authorization` header value.
    func authorization() throws -> String {
        switch kind {
        case .joinedKey(let joined):
            let (id, secret) = try Self.split(joined)
            return try Self.basic(id: id, secret: secret)
        case .keyPair(let id, let secret):
            return try Self.basic(id: id, secret: secret)
        case .accessToken(let token, _):
            return try Self.bearer(token, what: "the access token")
        }
    }

    /// `key_id:secret` → its two parts. A string without a colon (a bare key id, or a secret alone) is refused.
    static func split(_ joined: String) throws -> (id: String, secret: String) {
        guard !joined.isEmpty else { throw AuthPIError.configuration("the API key is empty. " + keyHelp) }
        guard let colon = joined.firstIndex(of: ":") else {
            throw AuthPIError.configuration("an API key needs its secret, and one string was given without \":\". " + keyHelp)
        }
        return (String(joined[..<colon]), String(joined[joined.index(after: colon)...]))
    }

    static func basic(id: String, secret: String) throws -> String {
        guard !id.isEmpty, !secret.isEmpty else {
            throw AuthPIError.configuration("an API key needs both the key id and the key secret. " + keyHelp)
        }
        guard id.hasPrefix("key_") else {
            throw AuthPIError.configuration("the API key id must start with \"key_\". " + keyHelp)
        }
        guard !id.contains(":") else { throw AuthPIError.configuration("the API key id must not contain \":\"") }
        try checkHeaderSafe(id, what: "the API key id")
        try checkHeaderSafe(secret, what: "the API key secret")
        return "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
    }

    /// A bearer value for an access token. A `key_…` value is an API key id given as a token: refused, so
    /// that nothing ever sends `Bearer key_…` (the form the real API never accepted).
    static func bearer(_ token: String, what: String) throws -> String {
        guard !token.isEmpty else { throw AuthPIError.configuration("\(what) is empty") }
        guard !token.hasPrefix("key_") else {
            throw AuthPIError.configuration("\(what) looks like an API key id (key_…), not an access token. " + keyHelp)
        }
        try checkHeaderSafe(token, what: what)
        return "Bearer \(token)"
    }

    /// The secret strings of this credential, and their encoded form, to scrub from what servers echo back.
    var secretValues: [String] {
        switch kind {
        case .joinedKey(let joined):
            guard let (id, secret) = try? Self.split(joined), !secret.isEmpty else { return [joined] }
            return [joined, secret, Data("\(id):\(secret)".utf8).base64EncodedString()]
        case .keyPair(let id, let secret):
            return secret.isEmpty ? [] : [secret, Data("\(id):\(secret)".utf8).base64EncodedString()]
        case .accessToken(let token, _): return [token]
        }
    }

    static func checkHeaderSafe(_ value: String, what: String) throws {
        if value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
            throw AuthPIError.configuration("\(what) contains a line break or control character")
        }
    }

    /// Which form of credential this is, for messages (never the secret).
    public var form: String {
        switch kind {
        case .joinedKey, .keyPair: "API key pair (HTTP Basic)"
        case .accessToken: "access token (Bearer)"
        }
    }

    /// A description safe to log: it shows no credential or secret.
    public var description: String {
        switch kind {
        case .joinedKey: "Credentials.apiKey(<redacted>)"
        case .keyPair(let id, _): "Credentials.apiKey(id: \(id), secret: <redacted>)"
        case .accessToken(_, let refresh): "Credentials.accessToken(<redacted>, refresh: \(refresh == nil ? "nil" : "set"))"
        }
    }

    /// The same as `description`: safe to log.
    public var debugDescription: String { description }

    /// A mirror that shows only `description`, so `dump` reveals no secret.
    public var customMirror: Mirror { Mirror(self, children: ["credentials": description]) }
}
