import AuthPIAdmin

/// The account's webhooks; ⏎ opens a webhook's deliveries.
enum WebhooksPane {
    static let rows = TypedRows<Webhook>(
        id: { $0.id }, title: { $0.name }, status: { $0.status },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("NAME", .name)) { $0.name ?? "" },
            TypedColumn(PaneColumn("URL", .url)) { $0.url ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("EVENTS", .list)) { $0.events.joined(separator: ",") },
        ])

    static let descriptor = PaneDescriptor(
        kind: .webhooks, title: "Webhooks", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"],
        drillDown: DrillDown([.deliveries], context: .rowIsWebhook, help: "the webhook's deliveries"),
        creates: create, editForm: edit,
        source: .list({ client, request in
            try await client.webhooks.list(limit: request.limit, cursor: request.cursor, status: request.query["status"])
        }, row: { rows.row($0) }))
}
