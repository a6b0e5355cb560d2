import AuthPIAdmin
import Foundation

/// Event counts over time per type (`events.aggregate`), one row per type: its total and a sparkline of its
/// buckets. Built by the store from the server's answer; `1` `2` `3` pick the window.
enum EventsChartPane {
    /// One event type's counts in the chart's window.
    struct TypeCounts: Sendable {
        var type: String
        var counts: EventCounts
    }

    static let rows = TypedRows<TypeCounts>(
        id: { "type:\($0.type)" }, title: { $0.type }, detail: { RowDetail(describedJSON($0)) },
        columns: [
            TypedColumn(PaneColumn("TYPE", .word(priority: 9))) { $0.type },
            TypedColumn(PaneColumn("TOTAL", .count), sortKey: { Double($0.counts.total(of: $0.type)) }) {
                DisplayFormat.count($0.counts.total(of: $0.type))
            },
            TypedColumn(PaneColumn("OVER TIME (oldest → newest)", ColumnWidth(min: 24, max: 40, priority: 10))) {
                $0.counts.sparkline(of: $0.type)
            },
        ])

    /// Describe: the exact count of each bucket, as the server returned it.
    static func describedJSON(_ item: TypeCounts) -> String {
        let counts = item.counts
        let buckets: [JSONValue] = counts.bucketCounts(of: item.type).enumerated().map { index, count in
            let start = Date(timeIntervalSince1970: TimeInterval(counts.start + index * counts.window.bucketSeconds))
            return .object(["start": .string(DisplayFormat.dateTime(start) + " UTC"), "count": JSONValue(count)])
        }
        return RowMapping.prettyJSON([
            "type": .string(item.type), "window": .string(counts.window.label),
            "bucket": .string(counts.window.bucketLabel), "total": JSONValue(counts.total(of: item.type)),
            "buckets": .array(buckets),
        ])
    }

    /// The rows of a chart: one per type, most events first.
    static func rows(for counts: EventCounts) -> [ConsoleRow] {
        counts.types.compactMap { rows.row(TypeCounts(type: $0, counts: counts)) }
    }

    static let windowKeys: [PaneKey] = [
        PaneKey("1", .chartWindow(.hour), help: "window: the last hour, 5-minute buckets", hint: "1 h"),
        PaneKey("2", .chartWindow(.day), help: "window: the last 24 hours, hourly buckets", hint: "24 h"),
        PaneKey("3", .chartWindow(.week), help: "window: the last 7 days, daily buckets", hint: "7 d"),
    ]

    static let descriptor = PaneDescriptor(
        kind: .eventsChart, title: "Events chart", columns: rows.paneColumns, sortsRows: false,
        paneKeys: windowKeys)
}
