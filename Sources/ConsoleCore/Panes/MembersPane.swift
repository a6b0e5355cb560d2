import AuthPIAdmin

/// An organization's members (⏎ on an organization): remove one or every marked one.
enum MembersPane {
    static let rows = TypedRows<Membership>(
        id: { $0.memberID ?? "" }, title: { $0.memberID }, status: { $0.status },
        columns: [
            TypedColumn(.id) { $0.memberID ?? "" },
            TypedColumn(PaneColumn("TYPE", .word(priority: 3))) { $0.memberType ?? "" },
            TypedColumn(PaneColumn("TITLE", .name)) { $0.userTitle ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("SCOPES", .list)) { ($0.scopes ?? []).joined(separator: ",") },
            TypedColumn(PaneColumn("JOINED", .date), sortKey: { SortKey.seconds($0.joinedAt) }) {
                DisplayFormat.date($0.joinedAt)
            },
        ])

    /// Conditional only once the row carries an ETag from an earlier answer: the API has no read of one member.
    static let remove = RowActionKind(
        "removeMember", key: .delete, glyph: "D", on: .members, verb: "Remove", gerund: "removing",
        pastTense: "removed", noun: "member",
        help: "remove the member from the organization, or every marked one (asks to confirm)",
        reach: .rows(bulk: true), sendsIfMatch: false, removesRow: true
    ) { client, rowID, context, ifMatch in
        try await context.organization(client).members.delete(rowID, ifMatch: ifMatch)
        return nil
    }

    static let descriptor = PaneDescriptor(
        kind: .members, title: "Members", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"],
        tab: OrganizationPanes.tab,
        actions: [remove],
        source: .list({ client, request in
            try await request.context.organization(client).members.list(
                limit: request.limit, cursor: request.cursor, status: request.query["status"])
        }, row: { rows.row($0) }))
}

extension RowActionKind {
    public static let removeMember = MembersPane.remove
}
