public import AuthPIAdmin
import Foundation

/// Rows as export lines. Secrets never reach a file: JSON lines drop every secret-looking field (not masked:
/// an export is data, and a mask would be taken for a value), CSV writes only the pane's columns.
public enum ExportEncoding {
    /// The CSV header line of the columns.
    public static func csvHeader(_ columns: [String]) -> String {
        columns.map(csvField).joined(separator: ",") + "\r\n"
    }

    /// One CSV record, CRLF-terminated (RFC 4180). A placeholder "…" (a value not fetched) is written empty.
    public static func csvRecord(_ row: ConsoleRow) -> String {
        row.cells.map { $0 == "…" ? "" : csvField($0) }.joined(separator: ",") + "\r\n"
    }

    /// A field quoted when it holds a comma, a quote, CR or LF (quotes doubled), as RFC 4180 says.
    public static func csvField(_ text: String) -> String {
        // Bytes, not Characters: no grapheme breaking for the common field that needs no quotes.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One JSON line of the row's resource with its secret fields removed; `{"id": …}` when the row has no JSON.
    public static func jsonLine(_ row: ConsoleRow) -> String {
        let object = row.detail.object ?? parsed(row.detail.text) ?? ["id": .string(row.id)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(JSONValue.object(withoutSecrets(object))) else {
            return "{\"id\":\(jsonString(row.id))}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The object without any field that holds or derives from a secret (at any depth).
    public static func withoutSecrets(_ object: JSONObject) -> JSONObject {
        var result: JSONObject = [:]
        for (key, value) in object where !isSecret(key) {
            switch value {
            case .object(let inner): result[key] = .object(withoutSecrets(inner))
            case .array(let items):
                result[key] = .array(items.map { item in item.objectValue.map { .object(withoutSecrets($0)) } ?? item })
            default: result[key] = value
            }
        }
        return result
    }

    /// Secret-looking keys: the masked ones of describe, plus plain secrets and hashes.
    public static func isSecret(_ key: String) -> Bool {
        let lower = key.lowercased()
        if lower.hasSuffix("_hash") || lower == "hash" || lower.hasSuffix("_plain") { return true }
        return RowMapping.secretKeys.contains { lower.contains($0) }
    }

    private static func parsed(_ text: String) -> JSONObject? {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))?.objectValue
    }

    private static func jsonString(_ text: String) -> String {
        (try? JSONEncoder().encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    /// A page's lines, filtered by the free text: what is written at once.
    static func lines(of rows: [ConsoleRow], format: ExportFormat, clientText: String) -> (text: String, count: Int) {
        var text = ""
        text.reserveCapacity(rows.count * 96)
        var count = 0
        for row in rows where clientText.isEmpty || row.matches(clientText) {
            text += format == .csv ? csvRecord(row) : jsonLine(row)
            count += 1
        }
        return (text, count)
    }
}
