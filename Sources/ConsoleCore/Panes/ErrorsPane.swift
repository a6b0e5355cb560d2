/// The last banners (warnings and errors), newest first; built by the store from its banner history.
enum ErrorsPane {
    static let rows = TypedRows<Banner>(
        id: { "banner:\($0.id)" }, title: { $0.title }, status: { $0.severity.rawValue }, detail: { RowDetail($0.describedJSON) },
        columns: [
            TypedColumn(PaneColumn("TIME", .time), sortKey: { $0.time.timeIntervalSince1970 }) {
                DisplayFormat.dateTime($0.time)
            },
            TypedColumn(PaneColumn("TYPE", .word(priority: 4))) { $0.kindLabel },
            TypedColumn(.status) { $0.statusCode.map(String.init) ?? "" },
            TypedColumn(PaneColumn("MESSAGE", .sentence)) { $0.detail.isEmpty ? $0.title : "\($0.title) — \($0.detail)" },
            TypedColumn(PaneColumn("REFERENCE", .reference)) { $0.reference ?? "" },
        ])

    static let descriptor = PaneDescriptor(kind: .errors, title: "Errors", columns: rows.paneColumns)
}

extension Banner {
    /// The banner as a row of the Errors pane.
    public var errorsRow: ConsoleRow? { ErrorsPane.rows.row(self) }
}
