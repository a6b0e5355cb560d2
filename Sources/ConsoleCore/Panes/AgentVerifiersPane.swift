import AuthPIAdmin

/// An agent's verifiers (⏎ on an agent): delete one or every marked one. The credential is never shown.
enum AgentVerifiersPane {
    static let rows = TypedRows<AgentVerifier>(
        id: { $0.id }, title: { $0.name ?? $0.id }, status: { $0.status },
        detail: { Concealed.detail($0.json, dropping: ["credential", "secret"]) },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("NAME", .name)) { $0.name ?? "" },
            TypedColumn(PaneColumn("TYPE", .word(priority: 4))) { $0.type ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("USES", .count), sortKey: { Double($0.usageCount ?? 0) }) {
                $0.usageCount.map(DisplayFormat.count) ?? ""
            },
            TypedColumn(PaneColumn("LAST USED", .date), sortKey: { SortKey.seconds($0.lastUsedAt) }) {
                DisplayFormat.dateTime($0.lastUsedAt)
            },
            TypedColumn(PaneColumn("CREATED", .date), sortKey: { SortKey.seconds($0.createdAt) }) {
                DisplayFormat.date($0.createdAt)
            },
        ])

    /// Conditional only once the row carries an ETag from an earlier answer: the API has no read of one verifier.
    static let delete = RowActionKind(
        "deleteAgentVerifier", key: .delete, glyph: "D", on: .agentVerifiers, verb: "Delete", gerund: "deleting",
        pastTense: "deleted", noun: "agent verifier", help: "delete the verifier, or every marked one (asks to confirm)",
        reach: .rows(bulk: true), sendsIfMatch: false, removesRow: true
    ) { client, rowID, context, ifMatch in
        try await context.agent(client).verifiers.delete(rowID, ifMatch: ifMatch)
        return nil
    }

    static let descriptor = PaneDescriptor(
        kind: .agentVerifiers, title: "Agent verifiers", columns: rows.paneColumns,
        actions: [delete],
        source: .list({ client, request in
            try await request.context.agent(client).verifiers.list(cursor: request.cursor)
        }, row: { rows.row(AgentVerifier(json: $0.json)) }))
}

extension RowActionKind {
    public static let deleteAgentVerifier = AgentVerifiersPane.delete
}
