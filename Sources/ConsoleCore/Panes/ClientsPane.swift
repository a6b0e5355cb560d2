import AuthPIAdmin

/// OAuth clients of an issuer (Tab from the issuer): delete one (conditional on the version shown).
enum ClientsPane {
    static let rows = TypedRows<Client>(
        id: { $0.id }, title: { $0.name }, status: { $0.status },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("NAME", .name)) { $0.name ?? "" },
            TypedColumn(PaneColumn("TYPE", .word(priority: 3))) { $0.type ?? $0.applicationType ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("CREATED", .date), sortKey: { $0.createdAt?.timeIntervalSince1970 }) {
                DisplayFormat.date($0.createdAt)
            },
        ])

    static let delete = RowActionKind(
        "deleteClient", key: .delete, glyph: "D", on: .clients, verb: "Delete", gerund: "deleting",
        pastTense: "deleted", noun: "client", help: "delete the client (asks to confirm)", reach: .rows(bulk: false),
        sendsIfMatch: true, removesRow: true
    ) { client, rowID, context, ifMatch in
        try await context.issuer(client).clients.delete(rowID, ifMatch: ifMatch)
        return nil
    }

    static let descriptor = PaneDescriptor(
        kind: .clients, title: "Clients", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"], sendsFreeTextAsQuery: true,
        filterHelp: "filter, on the server (Esc clears)",
        tab: TabNavigation(.cycles(PaneKind.issuerScope), help: "users / clients / agents / organizations"),
        actions: [rotate, delete], creates: create, editForm: edit,
        source: .list({ client, request in
            try await request.context.issuer(client).clients.list(
                limit: request.limit, cursor: request.cursor, q: request.query["q"], status: request.query["status"])
        }, row: { rows.row($0) }, readOne: { try await readOne($0, $1, $2) }))
}

extension RowActionKind {
    public static let deleteClient = ClientsPane.delete
}
