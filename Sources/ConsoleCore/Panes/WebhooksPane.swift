import AuthPIAdmin

/// The account's webhooks; ⏎ opens a webhook's deliveries. Enable, disable (PATCH status) and delete, each
/// conditional on the version shown.
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

    /// PATCH `status` with If-Match: the row as the server now has it.
    static func setStatus(_ status: String, _ client: AuthPIClient, _ rowID: String, _ ifMatch: String?) async throws
        -> ConsoleRow?
    {
        let body: JSONObject = ["status": .string(status)]
        return rows.row(try await client.webhooks.update(rowID, body, ifMatch: ifMatch))
    }

    static let enable = RowActionKind(
        "enableWebhook", key: .enable, glyph: "a", on: .webhooks, verb: "Enable", gerund: "enabling",
        pastTense: "enabled", noun: "webhook", help: "enable the webhook, or every marked one (asks to confirm)",
        reach: .rows(bulk: true), sendsIfMatch: true
    ) { client, rowID, _, ifMatch in
        try await setStatus("active", client, rowID, ifMatch)
    }

    static let disable = RowActionKind(
        "disableWebhook", key: .disable, glyph: "s", on: .webhooks, verb: "Disable", gerund: "disabling",
        pastTense: "disabled", noun: "webhook", help: "disable the webhook, or every marked one (asks to confirm)",
        reach: .rows(bulk: true), sendsIfMatch: true
    ) { client, rowID, _, ifMatch in
        try await setStatus("disabled", client, rowID, ifMatch)
    }

    static let delete = RowActionKind(
        "deleteWebhook", key: .delete, glyph: "D", on: .webhooks, verb: "Delete", gerund: "deleting",
        pastTense: "deleted", noun: "webhook", help: "delete the webhook (asks to confirm)", reach: .rows(bulk: false),
        sendsIfMatch: true, removesRow: true
    ) { client, rowID, _, ifMatch in
        try await client.webhooks.delete(rowID, ifMatch: ifMatch)
        return nil
    }

    static let descriptor = PaneDescriptor(
        kind: .webhooks, title: "Webhooks", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"],
        drillDown: DrillDown([.deliveries], context: .rowIsWebhook, help: "the webhook's deliveries"),
        actions: [enable, disable, delete], creates: create, editForm: edit,
        source: .list({ client, request in
            try await client.webhooks.list(limit: request.limit, cursor: request.cursor, status: request.query["status"])
        }, row: { rows.row($0) }, readOne: { client, rowID, _ in
            rows.row(try await client.webhooks.get(rowID))
        }))
}

extension RowActionKind {
    public static let enableWebhook = WebhooksPane.enable
    public static let disableWebhook = WebhooksPane.disable
    public static let deleteWebhook = WebhooksPane.delete
}
