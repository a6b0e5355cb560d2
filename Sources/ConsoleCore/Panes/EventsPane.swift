import AuthPIAdmin

/// The account's audit events, newest first, filtered by issuer, user or type on the server.
enum EventsPane {
    static let rows = TypedRows<Event>(
        id: { $0.id }, title: { $0.type },
        columns: [
            TypedColumn(PaneColumn("TIME", .time), sortKey: { SortKey.seconds($0.timestamp) }) {
                DisplayFormat.dateTime($0.timestamp)
            },
            TypedColumn(PaneColumn("TYPE", .word(priority: 4))) { $0.type ?? "" },
            TypedColumn(PaneColumn("SUBJECT", .sentence)) { subject($0) },
            TypedColumn(PaneColumn("SOURCE", .reference)) { $0.source ?? "" },
        ])

    /// "user usr_123": the subject's type and id.
    static func subject(_ event: Event) -> String {
        let subject = event.subject
        return [subject?["type"].map(RowMapping.text), subject?["id"].map(RowMapping.text)].compactMap { $0 }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    static let descriptor = PaneDescriptor(
        kind: .events, title: "Events", columns: rows.paneColumns,
        serverFilterKeys: ["issuer": "issuer_id", "user": "user_id", "type": "event_types"],
        filterHelp: "filter by issuer, user or type (Esc clears)",
        source: .list({ client, request in
            try await client.events.list(
                limit: request.limit, cursor: request.cursor, issuerID: request.query["issuer_id"],
                userID: request.query["user_id"], eventTypes: request.query["event_types"].map { [$0] })
        }, row: { rows.row($0) }))
}
