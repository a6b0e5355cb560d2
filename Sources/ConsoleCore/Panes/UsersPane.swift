public import AuthPIAdmin

/// Users of an issuer. The list gives light items (API 1.4.0): names come from each user's details, fetched for
/// the visible rows (hydration).
enum UsersPane {
    static let rows = TypedRows<UserRecord>(
        id: { $0.id }, title: { $0.username.isEmpty ? nil : $0.username }, status: { $0.status }, detail: { $0.detail },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("USERNAME", .username)) { $0.username },
            TypedColumn(PaneColumn("NAME", .name)) { $0.fullName },
            TypedColumn(.status) { $0.status },
            TypedColumn(PaneColumn("CREATED", .date), sortKey: { $0.createdAt?.timeIntervalSince1970 }) {
                DisplayFormat.date($0.createdAt)
            },
        ])

    /// The row of a listed user: complete when the server sent names, else a light row still to hydrate.
    static func row(_ item: UserListItem) -> ConsoleRow? {
        if item.username != nil {
            return UserRecord(User(json: item.json), id: item.id, issuerID: item.issuerID ?? "", etag: nil).usersRow
        }
        let light = UserRecord(
            id: item.id, issuerID: item.issuerID ?? "", username: "", status: item.status ?? "",
            createdAt: item.createdAt, detail: RowDetail(json: item.json))
        guard var row = rows.row(light) else { return nil }
        row.cells[1] = "…"
        row.status = item.status
        row.needsHydration = true
        return row
    }

    static let delete = RowActionKind(
        "deleteUser", key: .delete, glyph: "D", on: .users, verb: "Delete", gerund: "deleting", pastTense: "deleted",
        noun: "user", help: "delete the user (asks to confirm with y)", reach: .rows(bulk: false), sendsIfMatch: true,
        removesRow: true
    ) { client, rowID, context, ifMatch in
        try await context.issuer(client).user(rowID).delete(ifMatch: ifMatch)
        return nil
    }

    static let descriptor = PaneDescriptor(
        kind: .users, title: "Users", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"],
        filterHelp: "filter: status:… on the server; text scans all users",
        drillDown: DrillDown([.userDetail], context: .rowIsUser, help: "the user's detail"),
        tab: TabNavigation(.cycles(PaneKind.issuerScope), help: "users / clients / agents / organizations"),
        editsUser: true, actions: [delete], creates: create,
        source: .list({ client, request in
            try await request.context.issuer(client).users.list(
                limit: request.limit, cursor: request.cursor, status: request.query["status"])
        }, row: { UsersPane.row($0) }, readOne: { try await UsersPane.readOne($0, $1, $2) }))

    /// The user read now, with its ETag, as its row.
    static func readOne(_ client: AuthPIClient, _ userID: String, _ context: PaneContext) async throws
        -> ConsoleRow?
    {
        let issuerID = try context.required(context.issuerID)
        let user = try await client.issuer(issuerID).user(userID).get()
        return UserRecord(user.value, issuerID: issuerID, etag: user.etag).usersRow
    }
}

extension RowActionKind {
    public static let deleteUser = UsersPane.delete
}

extension UserRecord {
    /// The record of a user read from the API; `issuerID` stands in when the user does not say.
    public init(_ user: User, id: String? = nil, issuerID: String, etag: String?) {
        let profile = user.profile ?? [:]
        self.init(
            id: id ?? user.id, issuerID: user.issuerID ?? issuerID, username: user.username ?? "",
            usernameType: user.usernameType,
            displayName: profile["display_name"]?.stringValue ?? "",
            firstName: profile["first_name"]?.stringValue ?? "",
            lastName: profile["last_name"]?.stringValue ?? "",
            status: user.status ?? "",
            customFields: (user.customFields ?? [:]).mapValues { RowMapping.text($0) },
            createdAt: user.createdAt, updatedAt: user.updatedAt, etag: etag,
            detail: RowDetail(json: user.json))
    }
}
