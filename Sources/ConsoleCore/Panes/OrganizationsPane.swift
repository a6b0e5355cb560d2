import AuthPIAdmin

/// Organizations of an issuer; ⏎ opens an organization's members (Tab: its groups, invitations, API keys).
enum OrganizationsPane {
    static let rows = TypedRows<Organization>(
        id: { $0.id }, title: { $0.name }, status: { $0.status },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("NAME", .name)) { $0.name ?? "" },
            TypedColumn(PaneColumn("TYPE", .word(priority: 3))) { $0.orgType ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("CREATED", .date), sortKey: { $0.createdAt?.timeIntervalSince1970 }) {
                DisplayFormat.date($0.createdAt)
            },
        ])

    static let descriptor = PaneDescriptor(
        kind: .organizations, title: "Organizations", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"],
        drillDown: DrillDown(
            [.members], context: .rowIsOrganization,
            help: "the organization's members (then Tab: groups, invitations, API keys)"),
        tab: TabNavigation(.cycles(PaneKind.issuerScope), help: "users / clients / agents / organizations"),
        creates: create,
        source: .list({ client, request in
            try await request.context.issuer(client).organizations.list(
                limit: request.limit, cursor: request.cursor, status: request.query["status"])
        }, row: { rows.row($0) }))
}
