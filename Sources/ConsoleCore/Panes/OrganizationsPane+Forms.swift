import AuthPIAdmin

extension OrganizationsPane {
    /// The create form's fields.
    static let createFields = [
        FormFieldSpec("name", "Name", required: true),
        FormFieldSpec("description", "Description"),
        FormFieldSpec("org_type", "Type", kind: .choice(["business", "team", "personal", "education", "nonprofit"])),
        FormFieldSpec("status", "Status", kind: .choice(["active", "suspended"]), required: true),
    ]

    /// `n`: an organization.
    static let create = FormAction(
        "createOrganization", purpose: .create, noun: "organization", on: .organizations,
        fields: createFields,
        help: "new organization (form)"
    ) { client, submission in
        let body = FormBody.json(submission.values, fields: createFields)
        let answer = try await submission.context.issuer(client).organizations.create(
            body, idempotencyKey: submission.idempotencyKey)
        return FormResult.revealing(answer) { rows.row($0) }
    }
}
