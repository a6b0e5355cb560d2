import AuthPIAdmin
import Foundation

extension UsersPane {
    /// The statuses a user is created with.
    static let createStatuses = ["active", "pending", "blocked"]

    /// The create form's fields.
    static let createFields = [
        FormFieldSpec("username_type", "Username type", kind: .choice(["email", "phone", "username"]), required: true),
        FormFieldSpec("username", "Username", required: true),
        FormFieldSpec("profile.display_name", "Display name"),
        FormFieldSpec("profile.first_name", "First name"),
        FormFieldSpec("profile.last_name", "Last name"),
        FormFieldSpec("status", "Status", kind: .choice(createStatuses), required: true),
        FormFieldSpec("custom_fields", "Custom fields", kind: .keyValues, note: "key=value, …"),
    ]

    /// `n`: a user (username type and username, profile names, status, custom fields).
    static let create = FormAction(
        "createUser", purpose: .create, noun: "user", on: .users,
        fields: createFields,
        help: "new user (form: username type, username, names, status, custom fields)",
        check: { values in
            let username = (values["username"] ?? "").trimmingCharacters(in: .whitespaces)
            guard values["username_type"] == "email", !username.isEmpty, !FormFieldSpec.looksLikeEmail(username)
            else { return [:] }
            return ["username": "must be an email address (username type is email)"]
        }
    ) { client, submission in
        let issuerID = try submission.context.required(submission.context.issuerID)
        var body = FormBody.json(submission.values, fields: createFields)
        if body["custom_fields"]?.objectValue?.isEmpty == true { body["custom_fields"] = nil }
        let user = try await client.issuer(issuerID).users.create(body, idempotencyKey: submission.idempotencyKey)
        return FormResult(row: UserRecord(user.value, issuerID: issuerID, etag: user.etag).usersRow)
    }
}
