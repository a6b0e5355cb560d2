import AuthPIAdmin

/// API keys: the account's (`:apikeys`: block, unblock, revoke, delete) and an organization's (listed only: the API
/// has no read of, or action on, one organization key). No secret reaches a row or describe: the secret, its hint
/// and any hash are left out.
enum APIKeysPane {
    static let hiddenFields: Set<String> = ["secret", "secret_hint", "secret_plain", "key_secret"]

    static let rows = TypedRows<APIKey>(
        id: { $0.id ?? "" }, title: { $0.name }, status: { $0.status },
        detail: { Concealed.detail($0.json, dropping: hiddenFields) },
        columns: [
            TypedColumn(.id) { $0.id ?? "" },
            TypedColumn(PaneColumn("NAME", .name)) { $0.name ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("SCOPES", .list)) { ($0.scopes ?? []).joined(separator: ",") },
            TypedColumn(PaneColumn("EXPIRES", .date), sortKey: { SortKey.seconds($0.expiresAt) }) {
                DisplayFormat.date($0.expiresAt)
            },
            TypedColumn(PaneColumn("CREATED", .date), sortKey: { SortKey.seconds($0.createdAt) }) {
                DisplayFormat.date($0.createdAt)
            },
        ])

    static let block = RowActionKind(
        "blockAPIKey", key: .block, glyph: "b", on: .apiKeys, verb: "Block", gerund: "blocking", pastTense: "blocked",
        noun: "API key", help: "block the API key, or every marked one (asks to confirm)", reach: .rows(bulk: true),
        sendsIfMatch: true
    ) { client, rowID, _, ifMatch in
        rows.row(try await client.apiKeys.block(rowID, ifMatch: ifMatch))
    }

    static let unblock = RowActionKind(
        "unblockAPIKey", key: .unblock, glyph: "U", on: .apiKeys, verb: "Unblock", gerund: "unblocking",
        pastTense: "unblocked", noun: "API key", help: "unblock the API key, or every marked one (asks to confirm)",
        reach: .rows(bulk: true), sendsIfMatch: true
    ) { client, rowID, _, ifMatch in
        rows.row(try await client.apiKeys.unblock(rowID, ifMatch: ifMatch))
    }

    static let revoke = RowActionKind(
        "revokeAPIKey", key: .revoke, glyph: "x", on: .apiKeys, verb: "Revoke", gerund: "revoking",
        pastTense: "revoked", noun: "API key",
        help: "revoke the API key for good, or every marked one (asks to confirm)", reach: .rows(bulk: true),
        sendsIfMatch: true
    ) { client, rowID, _, ifMatch in
        rows.row(try await client.apiKeys.revoke(rowID, ifMatch: ifMatch))
    }

    static let delete = RowActionKind(
        "deleteAPIKey", key: .delete, glyph: "D", on: .apiKeys, verb: "Delete", gerund: "deleting",
        pastTense: "deleted", noun: "API key", help: "delete the API key (asks to confirm)", reach: .rows(bulk: false),
        sendsIfMatch: true, removesRow: true
    ) { client, rowID, _, ifMatch in
        try await client.apiKeys.delete(rowID, ifMatch: ifMatch)
        return nil
    }

    /// `R`: a new secret, shown once (APIKeyForms).
    static let rotate = APIKeyForms.rotate(on: .apiKeys, row: { rows.row($0) })

    static let accountDescriptor = PaneDescriptor(
        kind: .apiKeys, title: "API keys", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"],
        actions: [block, unblock, revoke, rotate, delete],
        creates: APIKeyForms.create(on: .apiKeys, row: { rows.row($0) }),
        source: .list({ client, request in
            try await client.apiKeys.list(limit: request.limit, cursor: request.cursor, status: request.query["status"])
        }, row: { rows.row($0) }, readOne: { client, rowID, _ in
            rows.row(try await client.apiKeys.get(rowID))
        }))

    static let organizationDescriptor = PaneDescriptor(
        kind: .organizationAPIKeys, title: "Organization API keys", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"],
        tab: OrganizationPanes.tab,
        creates: APIKeyForms.create(on: .organizationAPIKeys, organizationID: { $0.organizationID }, row: { rows.row($0) }),
        source: .list({ client, request in
            try await request.context.organization(client).apiKeys.list(
                limit: request.limit, cursor: request.cursor, status: request.query["status"])
        }, row: { rows.row($0) }))
}

extension RowActionKind {
    public static let blockAPIKey = APIKeysPane.block
    public static let unblockAPIKey = APIKeysPane.unblock
    public static let revokeAPIKey = APIKeysPane.revoke
    public static let deleteAPIKey = APIKeysPane.delete
    public static let rotateAPIKey = APIKeysPane.rotate
}
