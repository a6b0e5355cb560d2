import AuthPIAdmin

/// The account's audit events, newest first, filtered by issuer, user or type on the server. `f` follows new
/// events live, ⏎ opens the event's subject, `c` charts the counts over time.
enum EventsPane {
    static let rows = TypedRows<Event>(
        id: { $0.id }, title: { $0.type }, links: { subjectLinks($0) },
        columns: [
            TypedColumn(PaneColumn("TIME", .time), sortKey: { SortKey.seconds($0.timestamp) }) {
                DisplayFormat.dateTime($0.timestamp)
            },
            TypedColumn(PaneColumn("TYPE", .word(priority: 4))) { $0.type ?? "" },
            TypedColumn(PaneColumn("SUBJECT", .sentence)) { subject($0) },
            TypedColumn(PaneColumn("SOURCE", .reference)) { $0.source ?? "" },
        ])

    /// The TIME column: its sort key is the event's timestamp (Unix seconds), which following polls after.
    static let timeColumn = 0

    /// "user usr_123": the subject's type and id.
    static func subject(_ event: Event) -> String {
        let subject = event.subject
        return [subject?["type"].map(RowMapping.text), subject?["id"].map(RowMapping.text)].compactMap { $0 }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// What ⏎ opens for the event: a user (or the user of a session, token, device, verifier) → the user's
    /// detail in its issuer; a webhook → its deliveries; a client → the issuer's clients. Nothing otherwise.
    static func subjectLinks(_ event: Event) -> [String: String] {
        let type = event.subject?["type"].map(RowMapping.text) ?? ""
        let id = event.subject?["id"].map(RowMapping.text) ?? ""
        let data = event.data ?? [:]
        let issuer = data["issuer_id"].map(RowMapping.text) ?? ""
        let user = data["user_id"].map(RowMapping.text) ?? ""
        var links: [String: String] = [:]
        switch type {
        case "user" where !issuer.isEmpty && !id.isEmpty:
            links = ["opens": PaneKind.userDetail.rawValue, "issuer_id": issuer, "user_id": id]
        case "session", "token", "trusted_device", "verifier":
            // A `where` here would bind to the last pattern only.
            if !issuer.isEmpty, !user.isEmpty {
                links = ["opens": PaneKind.userDetail.rawValue, "issuer_id": issuer, "user_id": user]
            }
        case "webhook" where !id.isEmpty:
            links = ["opens": PaneKind.deliveries.rawValue, "webhook_id": id]
        case "client" where !issuer.isEmpty:
            links = ["opens": PaneKind.clients.rawValue, "issuer_id": issuer]
        default:
            if let webhook = data["webhook_id"].map(RowMapping.text), !webhook.isEmpty {
                links = ["opens": PaneKind.deliveries.rawValue, "webhook_id": webhook]
            }
        }
        return links
    }

    static let toggleFollow = PaneKey(
        "f", .toggleFollow, help: "follow new events live, or stop (new rows come in at the top; the selection stays)",
        hint: "follow")
    static let openChart = PaneKey("c", .openChart, help: "chart: event counts over time per type", hint: "chart")

    static let descriptor = PaneDescriptor(
        kind: .events, title: "Events", columns: rows.paneColumns,
        serverFilterKeys: ["issuer": "issuer_id", "user": "user_id", "type": "event_types"],
        filterHelp: "filter by issuer, user or type (Esc clears)",
        drillDown: DrillDown(
            [.userDetail, .deliveries, .clients], context: .rowLinks,
            help: "the event's subject (a user or a session's user: the user; a webhook: its deliveries; a client: the issuer's clients)"),
        source: .list({ client, request in
            try await client.events.list(
                limit: request.limit, cursor: request.cursor, issuerID: request.query["issuer_id"],
                userID: request.query["user_id"], eventTypes: request.query["event_types"].map { [$0] },
                after: request.query["after"].flatMap(Double.init))
        }, row: { rows.row($0) }),
        paneKeys: [toggleFollow, openChart])
}
