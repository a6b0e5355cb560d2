import AuthPIAdmin

extension AgentsPane {
    /// The create form's fields.
    static let createFields = [
        FormFieldSpec("name", "Name", required: true),
        FormFieldSpec("description", "Description"),
        FormFieldSpec("model", "Model"),
        FormFieldSpec("provider", "Provider"),
        FormFieldSpec("status", "Status", kind: .choice(["active", "disabled"]), required: true),
    ]

    /// `n`: an agent.
    static let create = FormAction(
        "createAgent", purpose: .create, noun: "agent", on: .agents,
        fields: createFields,
        help: "new agent (form)"
    ) { client, submission in
        let body = FormBody.json(submission.values, fields: createFields)
        let answer = try await submission.context.issuer(client).agents.create(body, idempotencyKey: submission.idempotencyKey)
        return FormResult.revealing(answer) { rows.row($0) }
    }
}
