/// Why the console cannot start. Its description is shown to the user before the screen opens,
/// so it names the problem and the fix, and never contains a secret.
public struct LaunchError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case missingCredentials
        case conflictingCredentials
        case bareAPIKey
        case configUnreadable
        case configTooOpen
        case configInvalid
        case unknownProfile
        case profileInvalid
        case badBaseURL
        case insecureHTTP
        case notATerminal
        case logFileUnwritable
    }

    private let code: Code
    /// The message for the user: what is wrong and what to do.
    public let description: String

    private init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }

    /// Exit code the executable uses: 2 for usage and configuration problems (fix the invocation), as
    /// ArgumentParser does for bad flags.
    public var exitCode: Int32 { 2 }

    public static func missingCredentials(configPath: String) -> LaunchError {
        LaunchError(.missingCredentials, """
            no credentials: set AUTHPI_API_KEY_ID and AUTHPI_API_KEY_SECRET (or AUTHPI_API_KEY=key_id:secret), \
            or AUTHPI_ACCESS_TOKEN, or pass --profile NAME (profiles live in \(configPath)); \
            or try the demo: authpi-console --demo
            """)
    }

    /// An API key given without its secret (the seed's single-string form).
    public static func bareAPIKey(name: String) -> LaunchError {
        LaunchError(.bareAPIKey, bareKeyAdvice(name: name, pairNames: "AUTHPI_API_KEY_ID and AUTHPI_API_KEY_SECRET"))
    }

    /// Says what AuthPI API keys are and how to pass them; never repeats the value given.
    static func bareKeyAdvice(name: String, pairNames: String) -> String {
        """
        \(name) holds an API key without its secret: AuthPI API keys are a key id (key_…) and a secret, sent \
        together as HTTP Basic. Pass both: \(name)=key_id:secret, or \(pairNames). \
        (A bare key, sent as Bearer by authpi-admin 0.3.0, never authenticated.)
        """
    }

    public static func conflictingCredentials(_ detail: String) -> LaunchError {
        LaunchError(.conflictingCredentials, "conflicting credentials: \(detail)")
    }

    public static func configUnreadable(path: String, reason: String) -> LaunchError {
        LaunchError(.configUnreadable, "cannot read \(path): \(reason)")
    }

    public static func configTooOpen(path: String, mode: UInt16) -> LaunchError {
        let octal = String(mode & 0o777, radix: 8)
        return LaunchError(.configTooOpen, """
            refusing \(path): it holds credentials and other users can access it (mode \(octal)); \
            run: chmod 600 \(path)
            """)
    }

    public static func configInvalid(path: String, reason: String) -> LaunchError {
        LaunchError(.configInvalid, "\(path) is not valid TOML: \(reason)")
    }

    public static func unknownProfile(_ name: String, path: String, known: [String]) -> LaunchError {
        let list = known.isEmpty ? "it defines no profiles" : "known profiles: \(known.sorted().joined(separator: ", "))"
        return LaunchError(.unknownProfile, "no profile '\(name)' in \(path) (\(list))")
    }

    public static func profileInvalid(_ name: String, reason: String) -> LaunchError {
        LaunchError(.profileInvalid, "profile '\(name)': \(reason)")
    }

    public static func badBaseURL(_ url: String, reason: String) -> LaunchError {
        LaunchError(.badBaseURL, "bad base URL '\(url)': \(reason)")
    }

    public static func insecureHTTP(host: String) -> LaunchError {
        LaunchError(.insecureHTTP, """
            refusing plain http:// to \(host): credentials would cross the network unencrypted; \
            use https://, or pass --allow-insecure-http if you really mean it
            """)
    }

    public static func notATerminal(_ stream: String) -> LaunchError {
        LaunchError(.notATerminal, "\(stream) is not a terminal: authpi-console is interactive; run it in a terminal")
    }

    public static func logFileUnwritable(path: String, reason: String) -> LaunchError {
        LaunchError(.logFileUnwritable, "cannot write the log file \(path): \(reason)")
    }

    public static func == (lhs: LaunchError, rhs: LaunchError) -> Bool { lhs.code == rhs.code }

    /// Matches by kind, ignoring the message: `catch let e as LaunchError where e ~= .unknownProfile`.
    public var isMissingCredentials: Bool { code == .missingCredentials }
    public var isConfigTooOpen: Bool { code == .configTooOpen }
    public var isConfigInvalid: Bool { code == .configInvalid }
    public var isUnknownProfile: Bool { code == .unknownProfile }
    public var isInsecureHTTP: Bool { code == .insecureHTTP }
    public var isBadBaseURL: Bool { code == .badBaseURL }
    public var isConflictingCredentials: Bool { code == .conflictingCredentials }
    public var isProfileInvalid: Bool { code == .profileInvalid }
    public var isBareAPIKey: Bool { code == .bareAPIKey }
}
