import AuthPIAdmin

extension TrustedDevicesPane {
    /// The create form's fields.
    static let createFields = [
        FormFieldSpec("fingerprint", "Fingerprint", required: true),
        FormFieldSpec("name", "Name"),
        FormFieldSpec("user_agent", "User agent"),
        FormFieldSpec("ttl_seconds", "Trusted for", format: .integer(60...31_536_000), note: "seconds"),
    ]

    /// `n`: trust a device for the user (no secret comes back).
    static let create = FormAction(
        "createTrustedDevice", purpose: .create, noun: "trusted device", on: .trustedDevices,
        fields: createFields,
        help: "trust a new device for the user (form)"
    ) { client, submission in
        let body = FormBody.json(submission.values, fields: createFields)
        let answer = try await submission.context.user(client).trustedDevices.create(
            body, idempotencyKey: submission.idempotencyKey)
        var json = SecretFields.stripped(answer.value.json)
        if json["id"] == nil { json["id"] = json["device_id"] }
        for key in ["name", "user_agent"] where json[key] == nil { json[key] = body[key] }
        return FormResult(row: rows.row(TrustedDevice(json: json)))
    }
}
