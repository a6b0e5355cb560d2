import AuthPIAdmin

/// An organization's groups: delete one (conditional on the version shown).
enum GroupsPane {
    static let rows = TypedRows<Group>(
        id: { $0.id }, title: { $0.name },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("NAME", .name)) { $0.name ?? "" },
            TypedColumn(PaneColumn("DESCRIPTION", .sentence)) { $0.descriptionText ?? "" },
            TypedColumn(PaneColumn("SCOPES", .list)) { ($0.scopes ?? []).joined(separator: ",") },
            TypedColumn(PaneColumn("CREATED", .date), sortKey: { SortKey.seconds($0.createdAt) }) {
                DisplayFormat.date($0.createdAt)
            },
        ])

    static let delete = RowActionKind(
        "deleteGroup", key: .delete, glyph: "D", on: .groups, verb: "Delete", gerund: "deleting", pastTense: "deleted",
        noun: "group", help: "delete the group (asks to confirm)", reach: .rows(bulk: false), sendsIfMatch: true,
        removesRow: true
    ) { client, rowID, context, ifMatch in
        try await context.organization(client).groups.delete(rowID, ifMatch: ifMatch)
        return nil
    }

    static let descriptor = PaneDescriptor(
        kind: .groups, title: "Groups", columns: rows.paneColumns,
        tab: OrganizationPanes.tab,
        actions: [delete],
        source: .list({ client, request in
            try await request.context.organization(client).groups.list(limit: request.limit, cursor: request.cursor)
        }, row: { rows.row($0) }, readOne: { client, rowID, context in
            rows.row(try await context.organization(client).groups.get(rowID))
        }))
}

extension RowActionKind {
    public static let deleteGroup = GroupsPane.delete
}
