import AuthPIAdmin

extension ClientsPane {
    static let types = ["web", "spa", "native", "machine", "device"]
    static let statuses = ["active", "disabled"]

    static let editFields = [
        FormFieldSpec("name", "Name", required: true),
        FormFieldSpec("description", "Description"),
        FormFieldSpec("status", "Status", kind: .choice(statuses), required: true),
    ]

    /// The create form's fields.
    static let createFields = [
        FormFieldSpec("name", "Name", required: true),
        FormFieldSpec("type", "Type", kind: .choice(types), required: true),
        FormFieldSpec.yesNo("confidential", "Confidential", initial: true),
        FormFieldSpec("description", "Description"),
        FormFieldSpec("status", "Status", kind: .choice(statuses), required: true),
    ]

    /// `n`: a client; a confidential client's secret comes back once.
    static let create = FormAction(
        "createClient", purpose: .create, noun: "client", on: .clients,
        fields: createFields,
        help: "new client (form; a confidential client's secret is shown once)"
    ) { client, submission in
        let issuer = try submission.context.issuer(client)
        let body = FormBody.json(submission.values, fields: createFields)
        let answer = try await issuer.clients.create(body, idempotencyKey: submission.idempotencyKey)
        return FormResult.revealing(answer) { rows.row($0) }
    }

    /// `e`: name, description, status.
    static let edit = FormAction(
        "editClient", purpose: .edit, noun: "client", on: .clients, fields: editFields,
        help: "edit the client (form: name, description, status), with If-Match",
        load: { client, rowID, context in
            let answer = try await context.issuer(client).clients.get(rowID)
            return FormRecord(
                id: rowID, title: answer.value.name ?? rowID, values: FormBody.values(answer.value.json, fields: editFields),
                etag: answer.etag, row: rows.row(answer))
        }
    ) { client, submission in
        let body = FormBody.json(submission.values, fields: editFields)
        let answer = try await submission.context.issuer(client).clients.update(
            try submission.context.required(submission.rowID), body, ifMatch: submission.ifMatch)
        return FormResult.revealing(answer) { rows.row($0) }
    }

    /// `R`: a new client secret, shown once; the old one stops working. Conditional on the version shown.
    static let rotate = RowActionKind(
        "rotateClientSecret", key: .rotate, glyph: "R", on: .clients, verb: "Rotate", gerund: "rotating",
        pastTense: "rotated", noun: "client secret", help: "rotate the client secret (asks to confirm; the new one is shown once)",
        reach: .rows(bulk: false), sendsIfMatch: true,
        reveal: { client, rowID, context, ifMatch in try await rotateSecret(client, rowID, context, ifMatch) }
    ) { client, rowID, context, ifMatch in
        try await rotateSecret(client, rowID, context, ifMatch).row
    }

    /// The rotation answers with the secret alone: the client is read again for its row and ETag.
    static func rotateSecret(_ client: AuthPIClient, _ rowID: String, _ context: PaneContext, _ ifMatch: String?)
        async throws -> FormResult
    {
        let clients = try context.issuer(client).clients
        let answer = try await clients.rotateSecret(rowID, ifMatch: ifMatch)
        let found = SecretFields.find(in: answer.value.json)
        let current = try await clients.get(rowID)
        return FormResult(
            row: rows.row(current), secret: found.map { OneTimeSecret($0.value) }, secretLabel: found?.label)
    }

    static func readOne(_ client: AuthPIClient, _ rowID: String, _ context: PaneContext) async throws -> ConsoleRow? {
        rows.row(try await context.issuer(client).clients.get(rowID))
    }
}

extension RowActionKind {
    public static let rotateClientSecret = ClientsPane.rotate
}
