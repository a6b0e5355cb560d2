import Foundation

/// What the console connects to and how, decided from flags, environment and the config file
/// before any screen opens.
public struct LaunchPlan: Sendable, Equatable {
    public var baseURL: String
    public var credentials: LaunchCredentials
    /// Profile name shown in the header, when one was used.
    public var profileName: String?
    public var readOnly: Bool
    /// Clicks and the wheel (off with `--no-mouse` or the profile's `mouse = false`).
    public var mouse: Bool

    public init(baseURL: String, credentials: LaunchCredentials, profileName: String?, readOnly: Bool, mouse: Bool = true) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.profileName = profileName
        self.readOnly = readOnly
        self.mouse = mouse
    }
}

/// Flags of `authpi-console` that decide the connection (the demo mode does not come here).
public struct LaunchFlags: Sendable, Equatable {
    public var baseURL: String?
    public var accountID: String?
    public var profile: String?
    public var readOnly: Bool
    public var allowInsecureHTTP: Bool
    /// `--no-mouse`.
    public var noMouse: Bool

    public init(baseURL: String? = nil, accountID: String? = nil, profile: String? = nil,
                readOnly: Bool = false, allowInsecureHTTP: Bool = false, noMouse: Bool = false) {
        self.noMouse = noMouse
        self.baseURL = baseURL
        self.accountID = accountID
        self.profile = profile
        self.readOnly = readOnly
        self.allowInsecureHTTP = allowInsecureHTTP
    }
}

public enum LaunchResolver {
    public static let defaultBaseURL = "https://api.authpi.com"

    /// Precedence: an explicit `--profile` wins; otherwise credentials from the environment;
    /// otherwise the config file's `default_profile`. Flags (`--base-url`, `--account-id`,
    /// `--read-only`) override what the profile says.
    public static func resolve(flags: LaunchFlags, environment: [String: String],
                               configPath: String? = nil) throws(LaunchError) -> LaunchPlan {
        let path = configPath ?? ProfileConfig.defaultPath(environment: environment)
        var profile: Profile?
        var credentials: LaunchCredentials?

        if let name = flags.profile {
            guard let config = try ProfileConfig.load(path: path) else {
                throw .configUnreadable(path: path, reason: "it does not exist (needed for --profile \(name))")
            }
            guard let found = config.profiles[name] else {
                throw .unknownProfile(name, path: path, known: Array(config.profiles.keys))
            }
            profile = found
            credentials = try profileCredentials(found, accountFlag: flags.accountID, path: path, chosenBy: "--profile")
        } else if let fromEnvironment = try environmentCredentials(environment, accountFlag: flags.accountID) {
            credentials = fromEnvironment
        } else if let config = try ProfileConfig.load(path: path), let name = config.defaultProfile {
            guard let found = config.profiles[name] else {
                throw .unknownProfile(name, path: path, known: Array(config.profiles.keys))
            }
            profile = found
            credentials = try profileCredentials(found, accountFlag: flags.accountID, path: path, chosenBy: "default_profile")
        }
        guard let credentials else { throw .missingCredentials(configPath: path) }

        let rawURL = flags.baseURL ?? profile?.baseURL ?? environment["AUTHPI_BASE_URL"] ?? defaultBaseURL
        let baseURL = try BaseURLPolicy.validate(rawURL, allowInsecureHTTP: flags.allowInsecureHTTP)
        return LaunchPlan(baseURL: baseURL, credentials: credentials, profileName: profile?.name,
                          readOnly: flags.readOnly || (profile?.readOnly ?? false),
                          mouse: !flags.noMouse && (profile?.mouse ?? true))
    }

    static func environmentCredentials(_ env: [String: String], accountFlag: String?) throws(LaunchError) -> LaunchCredentials? {
        func value(_ key: String) -> String? {
            guard let v = env[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
            return v
        }
        let key = value("AUTHPI_API_KEY")
        let keyID = value("AUTHPI_API_KEY_ID")
        let secret = value("AUTHPI_API_KEY_SECRET")
        let token = value("AUTHPI_ACCESS_TOKEN")
        let account = accountFlag ?? value("AUTHPI_ACCOUNT_ID")

        let kinds = [key != nil, keyID != nil || secret != nil, token != nil].filter { $0 }.count
        if kinds > 1 {
            throw .conflictingCredentials("set only one of AUTHPI_API_KEY, AUTHPI_API_KEY_ID + AUTHPI_API_KEY_SECRET, AUTHPI_ACCESS_TOKEN")
        }
        if let key {
            let (id, secret) = try splitKey(key, name: "AUTHPI_API_KEY")
            return LaunchCredentials(kind: .apiKeyPair(id: id, secret: secret), accountID: account,
                                     source: "environment variable AUTHPI_API_KEY")
        }
        if keyID != nil || secret != nil {
            guard let keyID, let secret else {
                throw .conflictingCredentials("AUTHPI_API_KEY_ID and AUTHPI_API_KEY_SECRET go together; one of them is missing")
            }
            guard keyID.hasPrefix("key_") else {
                throw .conflictingCredentials("AUTHPI_API_KEY_ID must start with key_")
            }
            return LaunchCredentials(kind: .apiKeyPair(id: keyID, secret: secret), accountID: account,
                                     source: "environment variables AUTHPI_API_KEY_ID and AUTHPI_API_KEY_SECRET")
        }
        if let token {
            return LaunchCredentials(kind: .accessToken(token), accountID: account, source: "environment variable AUTHPI_ACCESS_TOKEN")
        }
        return nil
    }

    /// `key_id:secret` as one value. A bare key (no secret) is refused: AuthPI never authenticates an API key
    /// without its secret, and the seed's `Bearer key_…` form never worked. The value itself is never echoed.
    static func splitKey(_ value: String, name: String) throws(LaunchError) -> (id: String, secret: String) {
        guard let colon = value.firstIndex(of: ":") else { throw .bareAPIKey(name: name) }
        let id = String(value[..<colon])
        let secret = String(value[value.index(after: colon)...])
        guard id.hasPrefix("key_"), !secret.isEmpty else { throw .bareAPIKey(name: name) }
        return (id, secret)
    }

    static func profileCredentials(_ p: Profile, accountFlag: String?, path: String,
                                   chosenBy: String = "--profile") throws(LaunchError) -> LaunchCredentials {
        let source = "profile '\(p.name)' (\(chosenBy)) in \(path)"
        let account = accountFlag ?? p.accountID
        let kinds = [p.apiKey != nil, p.apiKeyID != nil || p.apiKeySecret != nil, p.accessToken != nil].filter { $0 }.count
        guard kinds == 1 else {
            throw .profileInvalid(p.name, reason: kinds == 0
                ? "it has no credential (api_key = \"key_id:secret\", api_key_id + api_key_secret, or access_token)"
                : "it has more than one credential; keep one of api_key, api_key_id + api_key_secret, access_token")
        }
        if let key = p.apiKey {
            guard let colon = key.firstIndex(of: ":"), key[..<colon].hasPrefix("key_"), key.index(after: colon) < key.endIndex
            else {
                throw .profileInvalid(p.name, reason: LaunchError.bareKeyAdvice(name: "api_key", pairNames: "api_key_id and api_key_secret"))
            }
            let id = String(key[..<colon])
            let secret = String(key[key.index(after: colon)...])
            return LaunchCredentials(kind: .apiKeyPair(id: id, secret: secret), accountID: account, source: source)
        }
        if let token = p.accessToken {
            return LaunchCredentials(kind: .accessToken(token), accountID: account, source: source)
        }
        guard let id = p.apiKeyID, let secret = p.apiKeySecret else {
            throw .profileInvalid(p.name, reason: "api_key_id and api_key_secret go together; one of them is missing")
        }
        guard id.hasPrefix("key_") else { throw .profileInvalid(p.name, reason: "api_key_id must start with key_") }
        return LaunchCredentials(kind: .apiKeyPair(id: id, secret: secret), accountID: account, source: source)
    }
}
