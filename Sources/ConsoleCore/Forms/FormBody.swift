public import AuthPIAdmin

/// A form's values as a JSON request body: dotted names become nested objects (`profile.display_name`),
/// each value takes its field's wire type (lists, booleans, numbers, `key=value` objects).
public enum FormBody {
    public static func json(_ values: [String: String], fields: [FormFieldSpec]) -> JSONObject {
        var body: JSONObject = [:]
        for field in fields {
            guard let text = values[field.name] else { continue }
            let path = field.name.split(separator: ".").map(String.init)
            set(&body, path: path[...], value: value(text, as: field.wire))
        }
        return body
    }

    static func value(_ text: String, as wire: FormFieldSpec.Wire) -> JSONValue {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch wire {
        case .string: return trimmed.isEmpty ? .null : .string(trimmed)
        case .bool: return .bool(trimmed == "yes" || trimmed == "true")
        case .int: return Int64(trimmed).map(JSONValue.int) ?? .null
        case .stringList: return .array(FormFieldSpec.list(text).map(JSONValue.string))
        case .object:
            var object: JSONObject = [:]
            for pair in FormFieldSpec.pairs(text) { object[pair.key] = .string(pair.value) }
            return .object(object)
        }
    }

    private static func set(_ object: inout JSONObject, path: ArraySlice<String>, value: JSONValue) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = value
            return
        }
        var nested = object[first]?.objectValue ?? [:]
        set(&nested, path: path.dropFirst(), value: value)
        object[first] = .object(nested)
    }

    /// A resource's JSON as form values: each field's value read at its dotted path, in its text form.
    public static func values(_ json: JSONObject, fields: [FormFieldSpec]) -> [String: String] {
        var values: [String: String] = [:]
        for field in fields {
            var current: JSONValue? = .object(json)
            for part in field.name.split(separator: ".") { current = current?[String(part)] }
            values[field.name] = text(current, wire: field.wire)
        }
        return values
    }

    static func text(_ value: JSONValue?, wire: FormFieldSpec.Wire) -> String {
        guard let value else { return "" }
        switch value {
        case .string(let text): return text
        case .bool(let flag): return wire == .bool ? (flag ? "yes" : "no") : String(flag)
        case .int(let number): return String(number)
        case .double(let number): return String(number)
        case .array(let items): return items.compactMap(\.stringValue).joined(separator: ",")
        case .object(let object):
            return object.keys.sorted().map { "\($0)=\(object[$0]?.stringValue ?? "")" }.joined(separator: ", ")
        case .null: return ""
        }
    }
}

import Foundation
