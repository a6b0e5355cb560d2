import AuthPIAdmin

/// Issuers: where the console starts. ⏎ opens the issuer's users, Tab its clients.
enum IssuersPane {
    static let rows = TypedRows<IssuerListItem>(
        id: { $0.id }, title: { $0.name }, status: { $0.status },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("NAME", .name)) { $0.name ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("READINESS", .word(priority: 2))) { $0.readiness ?? "" },
            TypedColumn(PaneColumn("CREATED", .date), sortKey: { $0.createdAt?.timeIntervalSince1970 }) {
                DisplayFormat.date($0.createdAt)
            },
        ])

    static let descriptor = PaneDescriptor(
        kind: .issuers, title: "Issuers", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"], sendsFreeTextAsQuery: true,
        filterHelp: "filter, on the server (Esc clears)",
        drillDown: DrillDown([.users], context: .rowIsIssuer, help: "the issuer's users"),
        tab: TabNavigation(.opens(PaneKind.issuerScope, first: .clients, context: .rowIsIssuer), help: "the issuer's clients / agents / organizations"),
        source: .list({ client, request in
            try await client.issuers.list(
                limit: request.limit, cursor: request.cursor, q: request.query["q"], status: request.query["status"])
        }, row: { rows.row($0) }))
}
