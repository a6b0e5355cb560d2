import AuthPIAdmin

/// A user's sessions: revoke, suspend, reactivate, one at a time or every marked one.
enum SessionsPane {
    static let rows = TypedRows<Session>(
        id: { $0.id }, status: { $0.status },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("DEVICE", .list)) { RowMapping.summary($0.device, keys: ["name", "type", "os", "browser"]) },
            TypedColumn(PaneColumn("LOCATION", .list)) { RowMapping.summary($0.location, keys: ["city", "country", "ip"]) },
            TypedColumn(PaneColumn("LAST ACTIVE", .date), sortKey: { SortKey.seconds($0.lastActivityAt) }) {
                DisplayFormat.dateTime($0.lastActivityAt)
            },
            TypedColumn(PaneColumn("EXPIRES", .date), sortKey: { SortKey.seconds($0.expiresAt) }) {
                DisplayFormat.dateTime($0.expiresAt)
            },
        ])

    static let revoke = RowActionKind(
        "revokeSession", key: .revoke, glyph: "x", on: .sessions, verb: "Revoke", gerund: "revoking",
        pastTense: "revoked", noun: "session", help: "revoke the session, or every marked one (asks to confirm)",
        reach: .rows(bulk: true), sendsIfMatch: true
    ) { client, rowID, context, ifMatch in
        rows.row(try await context.issuer(client).sessions.revoke(rowID, ifMatch: ifMatch))
    }

    static let suspend = RowActionKind(
        "suspendSession", key: .suspend, glyph: "s", on: .sessions, verb: "Suspend", gerund: "suspending",
        pastTense: "suspended", noun: "session", help: "suspend the session (marks: bulk)",
        reach: .rows(bulk: true), sendsIfMatch: true
    ) { client, rowID, context, ifMatch in
        rows.row(try await context.issuer(client).sessions.suspend(rowID, ifMatch: ifMatch))
    }

    static let reactivate = RowActionKind(
        "reactivateSession", key: .reactivate, glyph: "a", on: .sessions, verb: "Reactivate", gerund: "reactivating",
        pastTense: "reactivated", noun: "session", help: "reactivate the session (marks: bulk)",
        reach: .rows(bulk: true), sendsIfMatch: true
    ) { client, rowID, context, ifMatch in
        rows.row(try await context.issuer(client).sessions.reactivate(rowID, ifMatch: ifMatch))
    }

    static let descriptor = PaneDescriptor(
        kind: .sessions, title: "Sessions", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"],
        tab: TabNavigation(.cycles(PaneKind.userScope), help: "sessions / tokens / trusted devices / verifiers"),
        actions: [revoke, suspend, reactivate],
        source: .list({ client, request in
            try await request.context.user(client).sessions.list(
                status: request.query["status"], limit: request.limit, cursor: request.cursor)
        }, row: { rows.row($0) }, readOne: { client, rowID, context in
            rows.row(try await context.issuer(client).sessions.get(rowID))
        }))
}

extension RowActionKind {
    public static let revokeSession = SessionsPane.revoke
    public static let suspendSession = SessionsPane.suspend
    public static let reactivateSession = SessionsPane.reactivate
}
