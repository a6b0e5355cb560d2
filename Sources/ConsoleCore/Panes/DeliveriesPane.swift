import AuthPIAdmin

/// The deliveries of one webhook: redeliver one (or every marked one).
enum DeliveriesPane {
    static let rows = TypedRows<Delivery>(
        id: { $0.id }, status: { $0.status },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("EVENT TYPE", .word(priority: 4))) { $0.eventType ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("ATTEMPTS", .count), sortKey: { Double($0.attemptCount ?? 0) }) {
                $0.attemptCount.map(String.init) ?? ""
            },
            TypedColumn(PaneColumn("LAST RESPONSE", .word(priority: 1))) { $0.lastResponseStatus.map(String.init) ?? "" },
            TypedColumn(PaneColumn("LAST ATTEMPT", .date), sortKey: { SortKey.seconds($0.lastAttemptedAt) }) {
                DisplayFormat.dateTime($0.lastAttemptedAt)
            },
        ])

    /// Re-sends a past delivery: there is no version to be conditional on.
    static let redeliver = RowActionKind(
        "redeliver", key: .redeliver, glyph: "R", on: .deliveries, verb: "Redeliver", gerund: "redelivering",
        pastTense: "redelivered", noun: "delivery", plural: "deliveries", help: "redeliver the delivery",
        reach: .rows(bulk: false), sendsIfMatch: false
    ) { client, rowID, context, ifMatch in
        rows.row(try await context.webhook(client).deliveries.redeliver(rowID, ifMatch: ifMatch))
    }

    static let descriptor = PaneDescriptor(
        kind: .deliveries, title: "Deliveries", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status", "type": "event_type"],
        actions: [redeliver],
        source: .list({ client, request in
            try await request.context.webhook(client).deliveries.list(
                limit: request.limit, cursor: request.cursor, eventType: request.query["event_type"],
                status: request.query["status"])
        }, row: { rows.row($0) }))
}

extension RowActionKind {
    public static let redeliver = DeliveriesPane.redeliver
}
