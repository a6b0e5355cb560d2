import AuthPIAdmin

/// An organization's invitations: resend or revoke one or every marked one (a pending one: the API refuses others).
enum InvitationsPane {
    static let rows = TypedRows<Invitation>(
        id: { $0.id }, title: { $0.emailInvited }, status: { $0.status },
        columns: [
            TypedColumn(.id) { $0.id },
            TypedColumn(PaneColumn("EMAIL", .username)) { $0.emailInvited ?? "" },
            TypedColumn(.status) { $0.status ?? "" },
            TypedColumn(PaneColumn("LAST SENT", .date), sortKey: { SortKey.seconds($0.lastEmailSentAt) }) {
                DisplayFormat.dateTime($0.lastEmailSentAt)
            },
            TypedColumn(PaneColumn("EXPIRES", .date), sortKey: { SortKey.seconds($0.expiresAt) }) {
                DisplayFormat.dateTime($0.expiresAt)
            },
        ])

    /// The answer of resend / revoke is a free-form object (1.4.0: `dict[str, Any]`): read as the invitation when it
    /// is one, else the invitation is read again — a row must never vanish because the answer was terse.
    static func row(_ answer: Versioned<Resource>, rowID: String, context: PaneContext, client: AuthPIClient)
        async throws -> ConsoleRow?
    {
        if let row = rows.row(Versioned(Invitation(json: answer.value.json), etag: answer.etag)) { return row }
        return rows.row(try await context.organization(client).invitations.get(rowID))
    }

    static let resend = RowActionKind(
        "resendInvitation", key: .resend, glyph: "S", on: .invitations, verb: "Resend", gerund: "resending",
        pastTense: "resent", noun: "invitation", help: "resend the invitation, or every marked one (asks to confirm)",
        reach: .rows(bulk: true), sendsIfMatch: true
    ) { client, rowID, context, ifMatch in
        try await row(
            try await context.organization(client).invitations.resend(rowID, ifMatch: ifMatch), rowID: rowID,
            context: context, client: client)
    }

    static let revoke = RowActionKind(
        "revokeInvitation", key: .revoke, glyph: "x", on: .invitations, verb: "Revoke", gerund: "revoking",
        pastTense: "revoked", noun: "invitation", help: "revoke the invitation, or every marked one (asks to confirm)",
        reach: .rows(bulk: true), sendsIfMatch: true
    ) { client, rowID, context, ifMatch in
        try await row(
            try await context.organization(client).invitations.revoke(rowID, ifMatch: ifMatch), rowID: rowID,
            context: context, client: client)
    }

    static let descriptor = PaneDescriptor(
        kind: .invitations, title: "Invitations", columns: rows.paneColumns,
        serverFilterKeys: ["status": "status"],
        tab: OrganizationPanes.tab,
        actions: [resend, revoke],
        source: .list({ client, request in
            try await request.context.organization(client).invitations.list(
                limit: request.limit, cursor: request.cursor, status: request.query["status"])
        }, row: { rows.row($0) }, readOne: { client, rowID, context in
            rows.row(try await context.organization(client).invitations.get(rowID))
        }))
}

extension RowActionKind {
    public static let resendInvitation = InvitationsPane.resend
    public static let revokeInvitation = InvitationsPane.revoke
}
