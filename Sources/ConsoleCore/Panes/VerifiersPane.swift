import AuthPIAdmin

/// A user's verifiers (password, totp, webauthn, …): delete one (conditional on the version shown).
enum VerifiersPane {
    static let rows = TypedRows<Verifier>(
        id: { $0.id }, status: { $0.status },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("TYPE", .word(priority: 4))) { $0.type ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("CREATED", .date), sortKey: { $0.createdAt?.timeIntervalSince1970 }) {
                DisplayFormat.date($0.createdAt)
            },
        ])

    static let delete = RowActionKind(
        "deleteVerifier", key: .delete, glyph: "D", on: .verifiers, verb: "Delete", gerund: "deleting",
        pastTense: "deleted", noun: "verifier", help: "delete the verifier (asks to confirm)", reach: .rows(bulk: false),
        sendsIfMatch: true, removesRow: true
    ) { client, rowID, context, ifMatch in
        try await context.user(client).verifiers.delete(rowID, ifMatch: ifMatch)
        return nil
    }

    static let descriptor = PaneDescriptor(
        kind: .verifiers, title: "Verifiers", columns: rows.paneColumns,
        tab: TabNavigation(.cycles(PaneKind.userScope), help: "sessions / tokens / trusted devices / verifiers"),
        actions: [delete],
        source: .list({ client, request in
            try await request.context.user(client).verifiers.list(limit: request.limit, cursor: request.cursor)
        }, row: { rows.row($0) }, readOne: { client, rowID, context in
            rows.row(try await context.user(client).verifiers.get(rowID))
        }))
}

extension RowActionKind {
    public static let deleteVerifier = VerifiersPane.delete
}
