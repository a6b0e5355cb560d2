import AuthPIAdmin

/// AI agents of an issuer; ⏎ opens an agent's verifiers.
enum AgentsPane {
    static let rows = TypedRows<Agent>(
        id: { $0.id }, title: { $0.name }, status: { $0.status },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("NAME", .name)) { $0.name ?? "" },
            TypedColumn(PaneColumn("MODEL", .word(priority: 3))) { $0.model ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("CREATED", .date), sortKey: { $0.createdAt?.timeIntervalSince1970 }) {
                DisplayFormat.date($0.createdAt)
            },
        ])

    static let descriptor = PaneDescriptor(
        kind: .agents, title: "Agents", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"],
        drillDown: DrillDown([.agentVerifiers], context: .rowIsAgent, help: "the agent's verifiers"),
        tab: TabNavigation(.cycles(PaneKind.issuerScope), help: "users / clients / agents / organizations"),
        creates: create,
        source: .list({ client, request in
            try await request.context.issuer(client).agents.list(
                limit: request.limit, cursor: request.cursor, status: request.query["status"])
        }, row: { rows.row($0) }))
}
