import Foundation
import TOMLKit

/// One named profile of `~/.config/authpi/config.toml`.
public struct Profile: Sendable, Equatable {
    public var name: String
    public var baseURL: String?
    public var accountID: String?
    public var apiKey: String?
    public var apiKeyID: String?
    public var apiKeySecret: String?
    public var accessToken: String?
    public var readOnly: Bool
    /// `mouse = false` turns the mouse off (as `--no-mouse` does).
    public var mouse = true
}

/// The console's config file. Example:
/// ```toml
/// default_profile = "prod"
/// [profiles.prod]
/// base_url = "https://api.authpi.dev"
/// account_id = "acc_123"
/// api_key_id = "key_abc"
/// api_key_secret = "…"
/// read_only = true
/// mouse = false
/// ```
public struct ProfileConfig: Sendable, Equatable {
    public var defaultProfile: String?
    public var profiles: [String: Profile]

    static let profileKeys: Set<String> = [
        "base_url", "account_id", "api_key", "api_key_id", "api_key_secret", "access_token", "read_only",
        "mouse",
    ]

    /// `$XDG_CONFIG_HOME/authpi/config.toml`, else `~/.config/authpi/config.toml`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/authpi/config.toml" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/authpi/config.toml"
    }

    /// Loads and checks the file. Returns nil when it does not exist.
    public static func load(path: String) throws(LaunchError) -> ProfileConfig? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw .configUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .configUnreadable(path: path, reason: "it is not a regular file")
        }
        // Like ssh with private keys: a file holding secrets must be the owner's alone.
        if info.st_mode & 0o077 != 0 {
            throw .configTooOpen(path: path, mode: UInt16(info.st_mode & 0o7777))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .configUnreadable(path: path, reason: "permission denied")
        }
        guard data.count <= 1 << 20 else {
            throw .configUnreadable(path: path, reason: "it is larger than 1 MiB")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .configInvalid(path: path, reason: "it is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(LaunchError) -> ProfileConfig {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .configInvalid(path: path, reason: "\(error.description) at line \(error.source.begin.line), column \(error.source.begin.column)")
        } catch {
            throw .configInvalid(path: path, reason: "unreadable TOML")
        }
        var config = ProfileConfig(defaultProfile: nil, profiles: [:])
        for key in table.keys {
            switch key {
            case "default_profile":
                guard let name = table[key]?.string else {
                    throw .configInvalid(path: path, reason: "default_profile must be a string")
                }
                config.defaultProfile = name
            case "profiles":
                guard let profiles = table[key]?.table else {
                    throw .configInvalid(path: path, reason: "profiles must be a table of [profiles.NAME] sections")
                }
                for name in profiles.keys {
                    guard let section = profiles[name]?.table else {
                        throw .configInvalid(path: path, reason: "profiles.\(name) must be a table")
                    }
                    config.profiles[name] = try profile(name, from: section, text: text, path: path)
                }
            default:
                let line = lineNumber(ofKey: key, inSection: nil, text: text).map { " at line \($0)" } ?? ""
                throw .configInvalid(path: path, reason: "unknown top-level key '\(key)'\(line) (expected default_profile and [profiles.NAME])")
            }
        }
        return config
    }

    private static func profile(_ name: String, from section: TOMLTable, text: String, path: String) throws(LaunchError) -> Profile {
        var profile = Profile(name: name, readOnly: false)
        for key in section.keys {
            guard profileKeys.contains(key) else {
                let line = lineNumber(ofKey: key, inSection: "profiles.\(name)", text: text).map { " at line \($0) of \(path)" } ?? ""
                throw .profileInvalid(name, reason: "unknown key '\(key)'\(line) (known: \(profileKeys.sorted().joined(separator: ", ")))")
            }
            let value = section[key]
            if key == "mouse" {
                guard let flag = value?.bool else { throw .profileInvalid(name, reason: "mouse must be true or false") }
                profile.mouse = flag
                continue
            }
            if key == "read_only" {
                guard let flag = value?.bool else { throw .profileInvalid(name, reason: "read_only must be true or false") }
                profile.readOnly = flag
                continue
            }
            guard let text = value?.string else { throw .profileInvalid(name, reason: "\(key) must be a string") }
            switch key {
            case "base_url": profile.baseURL = text
            case "account_id": profile.accountID = text
            case "api_key": profile.apiKey = text
            case "api_key_id": profile.apiKeyID = text
            case "api_key_secret": profile.apiKeySecret = text
            case "access_token": profile.accessToken = text
            default: break
            }
        }
        return profile
    }
}

extension ProfileConfig {
    /// The line (1-based) where `key = …` is written in `[section]` (nil: top level, before any section). The TOML
    /// parser keeps no positions for valid documents, so the text is scanned: plain and quoted keys, and the
    /// `[profiles.NAME]` / `[profiles."NAME"]` header forms.
    static func lineNumber(ofKey key: String, inSection section: String?, text: String) -> Int? {
        var current: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("["), let close = line.lastIndex(of: "]") {
                current = line[line.index(after: line.startIndex)..<close]
                    .replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: " ", with: "")
                continue
            }
            guard current == section, let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if name == key { return index + 1 }
        }
        return nil
    }
}

extension Profile {
    public init(name: String, readOnly: Bool) {
        self.init(name: name, baseURL: nil, accountID: nil, apiKey: nil, apiKeyID: nil, apiKeySecret: nil,
                  accessToken: nil, readOnly: readOnly)
    }
}
