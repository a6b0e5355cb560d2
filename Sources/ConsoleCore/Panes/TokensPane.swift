import AuthPIAdmin

/// A user's tokens: revoke one or every marked one.
enum TokensPane {
    static let rows = TypedRows<UserToken>(
        id: { $0.id }, title: { $0.name }, status: { $0.status },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("NAME", .name)) { $0.name ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("SCOPES", .list)) { $0.scopes.joined(separator: ",") },
            TypedColumn(PaneColumn("EXPIRES", .date), sortKey: { SortKey.seconds($0.expiresAt) }) {
                DisplayFormat.dateTime($0.expiresAt)
            },
        ])

    /// The token endpoints answer with a generic resource: read as a user token.
    static func row(_ answer: Versioned<Resource>) -> ConsoleRow? {
        rows.row(Versioned(UserToken(json: answer.value.json), etag: answer.etag))
    }

    static let revoke = RowActionKind(
        "revokeToken", key: .revoke, glyph: "x", on: .tokens, verb: "Revoke", gerund: "revoking",
        pastTense: "revoked", noun: "token", help: "revoke the token, or every marked one (asks to confirm)",
        reach: .rows(bulk: true), sendsIfMatch: true
    ) { client, rowID, _, ifMatch in
        row(try await client.tokens.revoke(rowID, ifMatch: ifMatch))
    }

    static let descriptor = PaneDescriptor(
        kind: .tokens, title: "Tokens", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"],
        tab: TabNavigation(.cycles(PaneKind.userScope), help: "sessions / tokens / trusted devices / verifiers"),
        actions: [revoke], creates: create,
        source: .list({ client, request in
            try await request.context.user(client).tokens.list(
                limit: request.limit, cursor: request.cursor, status: request.query["status"])
        }, row: { rows.row($0) }, readOne: { client, rowID, _ in
            row(try await client.tokens.get(rowID))
        }))
}

extension RowActionKind {
    public static let revokeToken = TokensPane.revoke
}
