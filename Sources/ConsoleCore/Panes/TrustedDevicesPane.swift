import AuthPIAdmin

/// Devices a user trusts: delete one (or every marked one), or revoke them all.
enum TrustedDevicesPane {
    static let rows = TypedRows<TrustedDevice>(
        id: { $0.id }, title: { $0.name },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("NAME", .name)) { $0.name ?? "" },
            TypedColumn(PaneColumn("USER AGENT", .list)) { $0.userAgent ?? "" },
            TypedColumn(PaneColumn("TRUSTED", .date), sortKey: { SortKey.seconds($0.trustedAt) }) {
                DisplayFormat.dateTime($0.trustedAt)
            },
            TypedColumn(PaneColumn("EXPIRES", .date), sortKey: { SortKey.seconds($0.expiresAt) }) {
                DisplayFormat.dateTime($0.expiresAt)
            },
        ])

    /// Unconditional: the API has no read of one device, so the list's version is all there is.
    static let delete = RowActionKind(
        "deleteTrustedDevice", key: .delete, glyph: "D", on: .trustedDevices, verb: "Delete", gerund: "deleting",
        pastTense: "deleted", noun: "trusted device", help: "delete the trusted device (asks to confirm)",
        reach: .rows(bulk: true), sendsIfMatch: false, removesRow: true
    ) { client, rowID, context, ifMatch in
        try await context.user(client).trustedDevices.delete(rowID, ifMatch: ifMatch)
        return nil
    }

    /// Acts on a set, not on a version: unconditional.
    static let revokeAll = RowActionKind(
        "revokeAllTrustedDevices", key: .revokeAll, glyph: "X", on: .trustedDevices, verb: "Revoke all",
        gerund: "revoking", pastTense: "revoked", noun: "trusted device", help: "revoke all trusted devices of the user",
        reach: .pane, sendsIfMatch: false
    ) { client, _, context, ifMatch in
        _ = try await context.user(client).trustedDevices.revokeAll(ifMatch: ifMatch)
        return nil
    }

    static let descriptor = PaneDescriptor(
        kind: .trustedDevices, title: "Trusted devices", columns: rows.paneColumns,
        tab: TabNavigation(.cycles(PaneKind.userScope), help: "sessions / tokens / trusted devices / verifiers"),
        actions: [delete, revokeAll], creates: create,
        source: .list({ client, request in
            try await request.context.user(client).trustedDevices.list(limit: request.limit, cursor: request.cursor)
        }, row: { rows.row($0) }))
}

extension RowActionKind {
    public static let deleteTrustedDevice = TrustedDevicesPane.delete
    public static let revokeAllTrustedDevices = TrustedDevicesPane.revokeAll
}
