import AuthPIAdmin

/// A user's verifiers (password, totp, webauthn, …): read-only.
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

    static let descriptor = PaneDescriptor(
        kind: .verifiers, title: "Verifiers", columns: rows.paneColumns,
        tab: TabNavigation(.cycles(PaneKind.userScope), help: "sessions / tokens / trusted devices / verifiers"),
        source: .list({ client, request in
            try await request.context.user(client).verifiers.list(limit: request.limit, cursor: request.cursor)
        }, row: { rows.row($0) }))
}
