import AuthPIAdmin
import Foundation

/// The console's own HTTP requests, newest first: built by the store from the data source's request log (no
/// header, no body: never a secret).
enum RequestsPane {
    static let rows = TypedRows<RequestLogEntry>(
        id: { "request:\($0.sequence)" }, title: { "\($0.method) \($0.path)" },
        status: { $0.status.map(String.init) ?? "no answer" }, detail: { RowDetail(describedJSON($0)) },
        columns: [
            // The time of day (UTC): a session's requests are today's; describe has the date.
            TypedColumn(PaneColumn("TIME", ColumnWidth(min: 8, max: 8, priority: 10)), sortKey: { $0.time.timeIntervalSince1970 }) {
                String(DisplayFormat.dateTime($0.time).suffix(8))
            },
            TypedColumn(PaneColumn("METHOD", ColumnWidth(min: 6, max: 7, priority: 9))) { $0.method },
            // The end of a path names the resource: a narrow column cuts its middle.
            TypedColumn(PaneColumn("PATH", ColumnWidth(min: 30, max: 80, priority: 9, truncatesInMiddle: true))) { $0.path },
            TypedColumn(PaneColumn("STATUS", ColumnWidth(min: 6, max: 10, priority: 8), showsStatus: true), sortKey: { Double($0.status ?? 0) }) {
                $0.status.map(String.init) ?? ($0.failure ?? "no answer")
            },
            TypedColumn(PaneColumn("LATENCY", .count), sortKey: { Double($0.latency.components.seconds) + Double($0.latency.components.attoseconds) / 1e18 }) {
                $0.latencyText
            },
            TypedColumn(PaneColumn("ATTEMPT", ColumnWidth(min: 7, max: 7, priority: 4, alignsTrailing: true)), sortKey: { Double($0.attempt) }) {
                String($0.attempt)
            },
            TypedColumn(PaneColumn("REFERENCE", ColumnWidth(min: 12, max: 24, priority: 5, truncatesInMiddle: true))) { $0.reference ?? "" },
        ])

    /// Describe: the entry as JSON (what the row holds, nothing more).
    static func describedJSON(_ entry: RequestLogEntry) -> String {
        var object: JSONObject = [
            "time": .string(DisplayFormat.dateTime(entry.time) + " UTC"), "method": .string(entry.method),
            "path": .string(entry.path), "latency": .string(entry.latencyText), "attempt": JSONValue(entry.attempt),
            "status": entry.status.map { JSONValue($0) } ?? .null,
            "reference": entry.reference.map { .string($0) } ?? .null,
        ]
        if let failure = entry.failure { object["failure"] = .string(failure) }
        return RowMapping.prettyJSON(object)
    }

    static let descriptor = PaneDescriptor(kind: .requests, title: "Requests", columns: rows.paneColumns, sortsRows: false)
}

extension RequestLogEntry {
    /// The entry as a row of the Requests pane.
    public var requestsRow: ConsoleRow? { RequestsPane.rows.row(self) }
}
