import Foundation

/// What descriptions hide: credential headers, and fields of API answers that hold secrets.
enum Redaction {
    static let placeholder = "<redacted>"

    /// Header names whose values are credentials.
    static func isSecretHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower == "authorization" || lower == "proxy-authorization" || lower == "cookie" || lower == "set-cookie"
            || isSecretKey(lower)
    }

    /// JSON keys (and header names) that name a secret: `secret`, `client_secret`, `secret_plain`,
    /// `access_token`, `password`, `api_key`, …
    static func isSecretKey(_ name: String) -> Bool {
        let lower = name.lowercased()
        return ["secret", "password", "token", "api_key", "api-key", "apikey", "private_key", "private-key", "credential"].contains {
            lower.contains($0)
        } && !["token_type", "tokens_count", "secret_hint"].contains(lower)
    }

    /// The value with every string under a secret-looking key replaced.
    static func redacting(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result = JSONObject(minimumCapacity: object.count)
            for (key, member) in object {
                if isSecretKey(key), case .string = member {
                    result[key] = .string(placeholder)
                } else {
                    result[key] = redacting(member)
                }
            }
            return .object(result)
        case .array(let values): return .array(values.map(redacting))
        default: return value
        }
    }

    static func headers(_ headers: [(name: String, value: String)]) -> String {
        headers.map { "\($0.name): \(isSecretHeader($0.name) ? placeholder : $0.value)" }.joined(separator: ", ")
    }

    /// `text` with every occurrence of `secrets` replaced (secrets shorter than 6 characters are left alone:
    /// they would hide ordinary words).
    static func scrub(_ text: String, _ secrets: [String]) -> String {
        var result = text
        for secret in secrets where secret.count >= 6 && result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: placeholder)
        }
        return result
    }

    /// Every string (keys and values) of `object` scrubbed of `secrets`.
    static func scrub(_ object: JSONObject, _ secrets: [String]) -> JSONObject {
        func walk(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text): .string(scrub(text, secrets))
            case .array(let values): .array(values.map(walk))
            case .object(let members): .object(scrub(members, secrets))
            default: value
            }
        }
        var result = JSONObject(minimumCapacity: object.count)
        for (key, member) in object { result[scrub(key, secrets)] = walk(member) }
        return result
    }
}
