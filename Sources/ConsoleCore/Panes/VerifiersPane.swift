import AuthPIAdmin

/// A user's verifiers (password, totp, webauthn, …): delete one, regenerate backup codes (both conditional on the
/// version shown).
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

    /// `R`: new backup codes, shown once in the secret dialog (the old ones stop working). Conditional on the
    /// version shown.
    static let regenerate = RowActionKind(
        "regenerateVerifier", key: .rotate, glyph: "R", on: .verifiers, verb: "Regenerate", gerund: "regenerating",
        pastTense: "regenerated", noun: "backup codes",
        help: "regenerate the backup codes (asks to confirm; the new ones are shown once)",
        reach: .rows(bulk: false), sendsIfMatch: true,
        reveal: { client, rowID, context, ifMatch in try await regenerateCodes(client, rowID, context, ifMatch) }
    ) { client, rowID, context, ifMatch in
        try await regenerateCodes(client, rowID, context, ifMatch).row
    }

    /// The answer carries only the codes: the verifier is read again for its row and ETag. The codes go to the
    /// one-time secret, never to the row.
    static func regenerateCodes(_ client: AuthPIClient, _ rowID: String, _ context: PaneContext, _ ifMatch: String?)
        async throws -> FormResult
    {
        let verifiers = try context.user(client).verifiers
        let answer = try await verifiers.regenerate(rowID, ifMatch: ifMatch)
        let codes = answer.value.json["codes"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let current = try await verifiers.get(rowID)
        return FormResult(
            row: rows.row(current), secret: codes.isEmpty ? nil : OneTimeSecret(codes.joined(separator: " ")),
            secretLabel: codes.isEmpty ? nil : "codes")
    }

    static let descriptor = PaneDescriptor(
        kind: .verifiers, title: "Verifiers", columns: rows.paneColumns,
        tab: TabNavigation(.cycles(PaneKind.userScope), help: "sessions / tokens / trusted devices / verifiers"),
        actions: [delete, regenerate],
        source: .list({ client, request in
            try await request.context.user(client).verifiers.list(limit: request.limit, cursor: request.cursor)
        }, row: { rows.row($0) }, readOne: { client, rowID, context in
            rows.row(try await context.user(client).verifiers.get(rowID))
        }))
}

extension RowActionKind {
    public static let deleteVerifier = VerifiersPane.delete
    public static let regenerateVerifier = VerifiersPane.regenerate
}
