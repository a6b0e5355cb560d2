public import AuthPIAdmin

/// The API key create form and rotate action (both return a secret once), ready for the API keys panes'
/// descriptors: `APIKeyForms.create(on: kind)` in `creates`, `APIKeyForms.rotate(on: kind)` in `actions`.
/// Account keys, or an organization's keys when `organizationID` finds one in the pane's context.
public enum APIKeyForms {
    static let fields = [
        FormFieldSpec("name", "Name", required: true),
        FormFieldSpec("description", "Description"),
        FormFieldSpec("tags", "Tags", format: .list, note: "comma-separated"),
    ]

    /// `n`: an API key; its secret (`secret_plain`) comes back once.
    public static func create(
        on kind: PaneKind, organizationID: @escaping @Sendable (PaneContext) -> String? = { _ in nil },
        row: @escaping @Sendable (Versioned<APIKey>) -> ConsoleRow? = APIKeyForms.row
    ) -> FormAction {
        FormAction(
            "createAPIKey.\(kind.rawValue)", purpose: .create, noun: "API key", on: kind, fields: fields,
            help: "new API key (form; its secret is shown once)"
        ) { client, submission in
            var body = FormBody.json(submission.values, fields: fields)
            if body["tags"]?.arrayValue?.isEmpty == true { body["tags"] = nil }
            let answer: Versioned<APIKey>
            if let organizationID = organizationID(submission.context) {
                answer = try await submission.context.issuer(client).organization(organizationID).apiKeys.create(
                    body, idempotencyKey: submission.idempotencyKey)
            } else {
                answer = try await client.apiKeys.create(body, idempotencyKey: submission.idempotencyKey)
            }
            return FormResult.revealing(answer, row: row)
        }
    }

    /// `R`: a new secret for an account API key, shown once; the old one stops working. Conditional on the version
    /// shown (If-Match).
    public static func rotate(on kind: PaneKind, row: @escaping @Sendable (Versioned<APIKey>) -> ConsoleRow? = APIKeyForms.row)
        -> RowActionKind
    {
        let reveal: @Sendable (AuthPIClient, String, PaneContext, String?) async throws -> FormResult = { client, rowID, _, ifMatch in
            let answer = try await client.apiKeys.rotate(rowID, ifMatch: ifMatch)
            let found = SecretFields.find(in: answer.value.json)
            // The rotation answers with the secret alone: the key is read again for its row and ETag.
            let current = try await client.apiKeys.get(rowID)
            return FormResult(row: row(current), secret: found.map { OneTimeSecret($0.value) }, secretLabel: found?.label)
        }
        return RowActionKind(
            "rotateAPIKey.\(kind.rawValue)", key: .rotate, glyph: "R", on: kind, verb: "Rotate",
            gerund: "rotating", pastTense: "rotated", noun: "API key secret",
            help: "rotate the key's secret (asks to confirm; the new one is shown once)", reach: .rows(bulk: false),
            sendsIfMatch: true, reveal: reveal
        ) { client, rowID, context, ifMatch in
            try await reveal(client, rowID, context, ifMatch).row
        }
    }

    /// A plain row of a key (id, name, status), for panes that have no row mapping of their own.
    @Sendable public static func row(_ key: Versioned<APIKey>) -> ConsoleRow? {
        let json = SecretFields.stripped(key.value.json)
        guard let id = json["id"]?.stringValue else { return nil }
        var row = ConsoleRow(
            id: id, cells: [id, json["name"]?.stringValue ?? "", json["status"]?.stringValue ?? ""],
            title: json["name"]?.stringValue, status: json["status"]?.stringValue, detail: RowDetail(json: json))
        row.etag = key.etag
        return row
    }
}
