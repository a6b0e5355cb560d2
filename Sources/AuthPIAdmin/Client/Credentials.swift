import Foundation

/// How the client authenticates. Its description never shows the secret.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Returns a new access token; called on a 401 when an access token is used.
    public typealias Refresh = @Sendable () async throws -> String

    enum Kind: Sendable {
        case apiKey(String)
        case keyPair(id: String, secret: String)
        case accessToken(String, refresh: Refresh?)
    }

    let kind: Kind

    /// An API key as one string, sent as `Authorization: Bearer key_xxx` (the seed form).
    public static func apiKey(_ key: String) -> Credentials { Credentials(kind: .apiKey(key)) }

    /// An API key id and its secret, sent as HTTP Basic. The id must start with `key_`.
    public static func apiKey(id: String, secret: String) -> Credentials {
        Credentials(kind: .keyPair(id: id, secret: secret))
    }

    /// An access token, with an optional closure that returns a fresh one on a 401.
    public static func accessToken(_ token: String, refresh: Refresh? = nil) -> Credentials {
        Credentials(kind: .accessToken(token, refresh: refresh))
    }

    var isAccessToken: Bool { if case .accessToken = kind { true } else { false } }

    var refresh: Refresh? { if case .accessToken(_, let refresh) = kind { refresh } else { nil } }

    /// Checks the credential and returns its `Authorization` header value.
    func authorization() throws -> String {
        switch kind {
        case .apiKey(let key):
            guard !key.isEmpty else { throw AuthPIError.configuration("the API key is empty") }
            try Self.checkHeaderSafe(key, what: "the API key")
            return "Bearer \(key)"
        case .keyPair(let id, let secret):
            guard !id.isEmpty, !secret.isEmpty else {
                throw AuthPIError.configuration("an API key pair needs both the key id and the key secret")
            }
            guard id.hasPrefix("key_") else {
                throw AuthPIError.configuration("the API key id must start with \"key_\"")
            }
            guard !id.contains(":") else { throw AuthPIError.configuration("the API key id must not contain \":\"") }
            try Self.checkHeaderSafe(id, what: "the API key id")
            return "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString()
        case .accessToken(let token, _):
            guard !token.isEmpty else { throw AuthPIError.configuration("the access token is empty") }
            try Self.checkHeaderSafe(token, what: "the access token")
            return "Bearer \(token)"
        }
    }

    /// The secret strings of this credential, and their encoded form, to scrub from what servers echo back.
    var secretValues: [String] {
        switch kind {
        case .apiKey(let key): [key]
        case .keyPair(let id, let secret): [secret, Data("\(id):\(secret)".utf8).base64EncodedString()]
        case .accessToken(let token, _): [token]
        }
    }

    static func checkHeaderSafe(_ value: String, what: String) throws {
        if value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
            throw AuthPIError.configuration("\(what) contains a line break or control character")
        }
    }

    public var description: String {
        switch kind {
        case .apiKey: "Credentials.apiKey(<redacted>)"
        case .keyPair(let id, _): "Credentials.apiKey(id: \(id), secret: <redacted>)"
        case .accessToken(_, let refresh): "Credentials.accessToken(<redacted>, refresh: \(refresh == nil ? "nil" : "set"))"
        }
    }

    public var debugDescription: String { description }

    public var customMirror: Mirror { Mirror(self, children: ["credentials": description]) }
}
