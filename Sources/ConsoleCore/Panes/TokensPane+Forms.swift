import AuthPIAdmin

extension TokensPane {
    /// The create form's fields.
    static let createFields = [
        FormFieldSpec("name", "Name", required: true),
        FormFieldSpec("description", "Description"),
        FormFieldSpec("scopes", "Scopes", format: .list, note: "comma-separated"),
    ]

    /// `n`: a personal token of the user; its value (`token_plain`) comes back once.
    static let create = FormAction(
        "createToken", purpose: .create, noun: "token", on: .tokens,
        fields: createFields,
        help: "new token of the user (form; its value is shown once)"
    ) { client, submission in
        var body = FormBody.json(submission.values, fields: createFields)
        if body["scopes"]?.arrayValue?.isEmpty == true { body["scopes"] = nil }
        let answer = try await submission.context.user(client).tokens.create(body, idempotencyKey: submission.idempotencyKey)
        let found = SecretFields.find(in: answer.value.json)
        var json = SecretFields.stripped(answer.value.json)
        if json["name"] == nil { json["name"] = body["name"] }
        return FormResult(
            row: rows.row(Versioned(UserToken(json: json), etag: answer.etag)),
            secret: found.map { OneTimeSecret($0.value) }, secretLabel: found?.label)
    }
}
