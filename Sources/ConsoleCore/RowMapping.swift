public import AuthPIAdmin
import Foundation

/// Resources (as the API's JSON) to display rows, per pane, following the spec's columns table.
public enum RowMapping {
    /// The row for one resource; nil when it has no id.
    public static func row(_ json: JSONObject, kind: PaneKind) -> ConsoleRow? {
        let id = string(json, "id") ?? string(json, "user_id") ?? string(json, "event_id")
        guard let id, !id.isEmpty else { return nil }
        let detail = prettyJSON(json)
        let status = string(json, "status")
        let created = date(json["created_at"])
        let createdKey: [Int: Double] = created.map { [4: $0.timeIntervalSince1970] } ?? [:]
        switch kind {
        case .issuers:
            return ConsoleRow(
                id: id,
                cells: [id, string(json, "name") ?? "", status ?? "", text(json["readiness"]), DisplayFormat.date(created)],
                title: string(json, "name") ?? id, status: status, detailJSON: detail, sortKeys: createdKey)
        case .users:
            guard string(json, "username") != nil || string(json, "email") != nil else {
                // A light list item (1.4.0): names come from the user's details.
                return ConsoleRow(
                    id: id, cells: [id, "…", "", status ?? "", DisplayFormat.date(created)], title: id, status: status,
                    detailJSON: detail, needsHydration: true, sortKeys: createdKey)
            }
            return AuthPIDataSource.record(json, issuerID: string(json, "issuer_id") ?? "", etag: nil).usersRow
        case .clients:
            return ConsoleRow(
                id: id,
                cells: [id, string(json, "name") ?? "", string(json, "type") ?? string(json, "application_type") ?? "",
                    status ?? "", DisplayFormat.date(created)],
                title: string(json, "name") ?? id, status: status, detailJSON: detail, sortKeys: createdKey)
        case .agents:
            return ConsoleRow(
                id: id,
                cells: [id, string(json, "name") ?? "", string(json, "model") ?? "", status ?? "", DisplayFormat.date(created)],
                title: string(json, "name") ?? id, status: status, detailJSON: detail, sortKeys: createdKey)
        case .organizations:
            return ConsoleRow(
                id: id,
                cells: [id, string(json, "name") ?? "", string(json, "org_type") ?? "", status ?? "", DisplayFormat.date(created)],
                title: string(json, "name") ?? id, status: status, detailJSON: detail, sortKeys: createdKey)
        case .sessions:
            let lastActive = date(json["last_activity_at"])
            let expires = date(json["expires_at"])
            return ConsoleRow(
                id: id,
                cells: [id, status ?? "", summary(json["device"], keys: ["name", "type", "os", "browser"]),
                    summary(json["location"], keys: ["city", "country", "ip"]), DisplayFormat.dateTime(lastActive),
                    DisplayFormat.dateTime(expires)],
                status: status, detailJSON: detail,
                sortKeys: [4: lastActive?.timeIntervalSince1970 ?? 0, 5: expires?.timeIntervalSince1970 ?? 0])
        case .tokens:
            let expires = date(json["expires_at"])
            return ConsoleRow(
                id: id,
                cells: [id, string(json, "name") ?? "", status ?? "", text(json["scopes"]), DisplayFormat.dateTime(expires)],
                title: string(json, "name") ?? id, status: status, detailJSON: detail,
                sortKeys: [4: expires?.timeIntervalSince1970 ?? 0])
        case .trustedDevices:
            let trusted = date(json["trusted_at"])
            let expires = date(json["expires_at"])
            return ConsoleRow(
                id: id,
                cells: [id, string(json, "name") ?? "", string(json, "user_agent") ?? "", DisplayFormat.dateTime(trusted),
                    DisplayFormat.dateTime(expires)],
                title: string(json, "name") ?? id, detailJSON: detail,
                sortKeys: [3: trusted?.timeIntervalSince1970 ?? 0, 4: expires?.timeIntervalSince1970 ?? 0])
        case .verifiers:
            return ConsoleRow(
                id: id, cells: [id, string(json, "type") ?? "", status ?? "", DisplayFormat.date(created)],
                status: status, detailJSON: detail, sortKeys: created.map { [3: $0.timeIntervalSince1970] } ?? [:])
        case .webhooks:
            return ConsoleRow(
                id: id,
                cells: [id, string(json, "name") ?? "", string(json, "url") ?? "", status ?? "", text(json["events"])],
                title: string(json, "name") ?? id, status: status, detailJSON: detail)
        case .deliveries:
            let last = date(json["last_attempted_at"])
            return ConsoleRow(
                id: id,
                cells: [id, string(json, "event_type") ?? "", status ?? "", text(json["attempt_count"]),
                    text(json["last_response_status"]), DisplayFormat.dateTime(last)],
                status: status, detailJSON: detail,
                sortKeys: [3: Double(json["attempt_count"]?.intValue ?? 0), 5: last?.timeIntervalSince1970 ?? 0])
        case .events:
            let time = date(json["timestamp"]) ?? created
            let subject = json["subject"]?.objectValue
            let subjectText = [subject?["type"].map(text), subject?["id"].map(text)].compactMap { $0 }
                .filter { !$0.isEmpty }.joined(separator: " ")
            return ConsoleRow(
                id: id,
                cells: [DisplayFormat.dateTime(time), string(json, "type") ?? "", subjectText, text(json["source"])],
                title: string(json, "type") ?? id, detailJSON: detail, sortKeys: [0: time?.timeIntervalSince1970 ?? 0])
        case .userDetail, .errors:
            return nil
        }
    }

    static func string(_ json: JSONObject, _ key: String) -> String? { json[key]?.stringValue }

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

    /// Unix seconds (or an ISO 8601 string) as a date.
    static func date(_ value: JSONValue?) -> Date? {
        if let seconds = value?.doubleValue { return Date(timeIntervalSince1970: seconds) }
        if let text = value?.stringValue { return ISO8601DateFormatter().date(from: text) }
        return nil
    }

    private static func summary(_ value: JSONValue?, keys: [String]) -> String {
        guard let object = value?.objectValue else { return text(value) }
        let parts = keys.compactMap { object[$0].map { text($0) } }.filter { !$0.isEmpty }
        return parts.isEmpty ? text(value) : parts.joined(separator: " · ")
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
