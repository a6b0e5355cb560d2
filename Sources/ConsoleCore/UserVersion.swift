import Foundation

/// A user's `updated_at` as a row shows it (list items and full users both carry it): a cached user is used
/// again only while the list says it has not changed since.
enum UserVersion {
    static func of(_ row: ConsoleRow) -> Double? {
        guard let data = row.detailJSON.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let value = object["updated_at"]
        else { return nil }
        if let text = value as? String {
            return ISO8601DateFormatter().date(from: text)?.timeIntervalSince1970 ?? Double(text)
        }
        return (value as? NSNumber)?.doubleValue
    }

    /// Whether `cached` (full details) is the version `listed` (a light list item) describes.
    static func isCurrent(_ cached: ConsoleRow, listed: ConsoleRow) -> Bool {
        guard let cachedVersion = of(cached), let listedVersion = of(listed) else { return false }
        // Whole milliseconds: the same instant may come as seconds with a fraction or as an ISO string.
        return (cachedVersion * 1000).rounded() == (listedVersion * 1000).rounded()
    }
}
