import AuthPIAdmin

extension WebhooksPane {
    static let statuses = ["active", "paused", "disabled"]
    static let eventTypes = WebhookEventType.allCases.map(\.rawValue)

    static let editFields = [
        FormFieldSpec("name", "Name", required: true),
        FormFieldSpec("url", "URL", required: true, format: .url),
        FormFieldSpec("events", "Events", kind: .choices(eventTypes), required: true),
        FormFieldSpec("status", "Status", kind: .choice(statuses), required: true),
        FormFieldSpec("description", "Description"),
    ]

    /// The create form's fields.
    static let createFields = [
        FormFieldSpec("name", "Name", required: true),
        FormFieldSpec("url", "URL", required: true, format: .url),
        FormFieldSpec("events", "Events", kind: .choices(eventTypes), required: true),
        FormFieldSpec("auth.type", "Auth type", kind: .choice(["signature"]), required: true),
        FormFieldSpec("description", "Description"),
    ]

    /// `n`: a webhook (name, URL, events picked from the list, auth type). The signing secret comes back once.
    static let create = FormAction(
        "createWebhook", purpose: .create, noun: "webhook", on: .webhooks,
        fields: createFields,
        help: "new webhook (form: name, URL, events, auth type; the signing secret is shown once)"
    ) { client, submission in
        let body = FormBody.json(submission.values, fields: createFields)
        let answer = try await client.webhooks.create(body, idempotencyKey: submission.idempotencyKey)
        return FormResult.revealing(answer) { rows.row($0) }
    }

    /// `e`: name, URL, events, status (enable / disable / pause is an edit of status), description.
    static let edit = FormAction(
        "editWebhook", purpose: .edit, noun: "webhook", on: .webhooks, fields: editFields,
        help: "edit the webhook (form: name, URL, events, status — enable / disable here), with If-Match",
        load: { client, rowID, _ in
            let webhook = try await client.webhooks.get(rowID)
            return FormRecord(
                id: rowID, title: webhook.value.name ?? rowID, values: FormBody.values(webhook.value.json, fields: editFields),
                etag: webhook.etag, row: rows.row(webhook))
        }
    ) { client, submission in
        let body = FormBody.json(submission.values, fields: editFields)
        let answer = try await client.webhooks.update(
            try submission.context.required(submission.rowID), body, ifMatch: submission.ifMatch)
        return FormResult.revealing(answer) { rows.row($0) }
    }
}
