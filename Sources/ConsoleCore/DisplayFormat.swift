public import Foundation

/// Formatting shared by every pane, so that the same value looks the same everywhere.
public enum DisplayFormat {
    /// "12 ms": a duration in whole milliseconds.
    public static func latency(_ duration: Duration) -> String {
        let milliseconds = Int(
            (Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15).rounded())
        return "\(milliseconds) ms"
    }

    /// "2026-03-02" (UTC), or "" for no date.
    public static func date(_ date: Date?) -> String {
        guard let date else { return "" }
        return String(dateTime(date).prefix(10))
    }

    /// "2026-03-02 14:05:09" (UTC), or "" for no date.
    public static func dateTime(_ date: Date?) -> String {
        guard let date else { return "" }
        let interval = date.timeIntervalSince1970.rounded(.down)
        // Calendar arithmetic by hand: a Calendar and its time zone per row cost more than fetching the row did
        // (every row of a page is formatted, and G formats a million). Dates before 1600 (Foundation switches to the
        // Julian calendar before 1582) or far ahead go through Calendar.
        guard interval.isFinite, interval >= -11_676_096_000, interval < 1e13 else { return calendarDateTime(date) }
        let seconds = Int(interval)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return "\(year)-\(two(month))-\(two(day)) "
            + "\(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60))"
    }

    /// Year, month, day of the proleptic Gregorian calendar for days since 1970-01-01 (H. Hinnant's algorithm).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func calendarDateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(parts.year ?? 0)-\(two(parts.month ?? 0))-\(two(parts.day ?? 0)) "
            + "\(two(parts.hour ?? 0)):\(two(parts.minute ?? 0)):\(two(parts.second ?? 0))"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// "1,000,000" — grouping by thousands, independent of the locale.
    public static func count(_ value: Int) -> String {
        let digits = String(abs(value))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }
}
