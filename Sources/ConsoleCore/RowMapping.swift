public import AuthPIAdmin
import Foundation

/// Text helpers shared by the panes' row mappings (each pane maps its typed model in `Panes/`).
public enum RowMapping {
    /// A JSON value as one line of text.
    static func text(_ value: JSONValue?) -> String {
        guard let value else { return "" }
        switch value {
        case .null: return ""
        case .string(let text): return text
        case .bool(let flag): return flag ? "yes" : "no"
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .array(let items): return items.map { text($0) }.joined(separator: ",")
        case .object(let object):
            return object.keys.sorted().map { "\($0)=\(text(object[$0]))" }.joined(separator: " ")
        }
    }

    /// A free-form object (a session's device, location) as "a · b · c" of the given keys, else all of it.
    static func summary(_ object: JSONObject?, keys: [String]) -> String {
        guard let object else { return "" }
        let parts = keys.compactMap { object[$0].map { text($0) } }.filter { !$0.isEmpty }
        return parts.isEmpty ? text(.object(object)) : parts.joined(separator: " · ")
    }

    /// Keys whose values never reach the screen.
    static let secretKeys = ["secret", "token_plain", "password", "client_secret", "key_secret", "access_token", "refresh_token", "private_key"]

    /// Pretty, key-sorted JSON with secrets masked, for describe.
    public static func prettyJSON(_ json: JSONObject) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(JSONValue.object(redacted(json))) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func redacted(_ json: JSONObject) -> JSONObject {
        var result: JSONObject = [:]
        for (key, value) in json {
            let lower = key.lowercased()
            if secretKeys.contains(where: { lower.contains($0) }), value.stringValue != nil {
                result[key] = .string("••••••")
            } else if let object = value.objectValue {
                result[key] = .object(redacted(object))
            } else {
                result[key] = value
            }
        }
        return result
    }
}
