import AuthPIAdmin
import Foundation
import Testing
@testable import ConsoleCore

/// The generic form model alone: field checks, pickers, what a create or an edit sends, the request body, and the
/// one-time secret's container.
@Suite("Form model (pure)")
struct FormModelTests {
    @Test func fieldChecksSayWhatIsWrong() {
        #expect(FormFieldSpec("name", "Name", required: true).problem(with: "  ") == "required")
        #expect(FormFieldSpec("name", "Name").problem(with: "") == nil)
        #expect(FormFieldSpec("name", "Name").problem(with: "a\nb") == "must be one line")
        #expect(FormFieldSpec("e", "E", format: .email).problem(with: "x@y") != nil)
        #expect(FormFieldSpec("e", "E", format: .email).problem(with: "x@y.test") == nil)
        #expect(FormFieldSpec("u", "U", format: .url).problem(with: "ftp://x") != nil)
        let ttl = FormFieldSpec("ttl", "TTL", format: .integer(60...120))
        #expect(ttl.problem(with: "abc") == "must be a whole number")
        #expect(ttl.problem(with: "59") == "between 60 and 120")
        #expect(ttl.problem(with: "60") == nil)
        let status = FormFieldSpec("status", "Status", kind: .choice(["active", "disabled"]), required: true)
        #expect(status.initial == "active")
        #expect(status.problem(with: "typed") != nil)
        let events = FormFieldSpec("events", "Events", kind: .choices(["a", "b"]), required: true)
        #expect(events.problem(with: "") == "required")
        #expect(events.problem(with: "a,c") == "unknown: c")
        let custom = FormFieldSpec("custom_fields", "Custom", kind: .keyValues)
        #expect(custom.problem(with: "team=blue, tier=gold") == nil)
        #expect(custom.problem(with: "team=blue, broken") != nil)
        #expect(custom.problem(with: "=x") != nil)
    }

    @Test func theBodyNestsDottedNamesAndTypesEachValue() {
        let fields = [
            FormFieldSpec("name", "Name"), FormFieldSpec("profile.display_name", "Display"),
            FormFieldSpec("auth.type", "Auth", kind: .choice(["signature"])),
            FormFieldSpec("events", "Events", kind: .choices(["a", "b"])), FormFieldSpec.yesNo("confidential", "C"),
            FormFieldSpec("ttl", "TTL", format: .integer(1...10)), FormFieldSpec("tags", "Tags", format: .list),
            FormFieldSpec("custom_fields", "Custom", kind: .keyValues),
        ]
        let values = [
            "name": " Acme ", "profile.display_name": "Ann", "auth.type": "signature", "events": "a,b", "confidential": "yes",
            "ttl": "5", "tags": "x, y", "custom_fields": "team=blue",
        ]
        let body = FormBody.json(values, fields: fields)
        #expect(body["name"] == .string("Acme"))
        #expect(body["profile"]?["display_name"] == .string("Ann"))
        #expect(body["auth"]?["type"] == .string("signature"))
        #expect(body["events"] == .array([.string("a"), .string("b")]))
        #expect(body["confidential"] == .bool(true))
        #expect(body["ttl"] == .int(5))
        #expect(body["tags"] == .array([.string("x"), .string("y")]))
        #expect(body["custom_fields"] == .object(["team": .string("blue")]))
        // And back: what an edit form starts from.
        let read = FormBody.values(body, fields: fields)
        #expect(read["profile.display_name"] == "Ann" && read["events"] == "a,b" && read["confidential"] == "yes")
        #expect(read["custom_fields"] == "team=blue")
    }

    @Test func pickersTakeTheirOptionsOnlyAndListsKeepTheOptionsOrder() throws {
        var form = ResourceForm(create: WebhooksPane.create, paneID: 1, context: PaneContext())
        let events = try #require(form.fields.firstIndex { $0.name == "events" })
        form.focus = events
        form.step(2)
        form.toggleOption()
        form.step(-2)
        form.toggleOption()
        #expect(form["events"] == WebhooksPane.eventTypes[0] + "," + WebhooksPane.eventTypes[2])
        form.toggleOption()
        #expect(form["events"] == WebhooksPane.eventTypes[2])
        form.focus = try #require(form.fields.firstIndex { $0.name == "auth.type" })
        form.step(1)
        #expect(form["auth.type"] == "signature")
    }

    @Test func anEditSendsOnlyWhatChangedAndChecksOnlyThat() {
        let record = FormRecord(
            id: "cli_1", title: "CLI", values: ["name": "CLI", "description": "", "status": "legacy-value"], etag: "\"v1\"",
            row: nil)
        var form = ResourceForm(edit: ClientsPane.edit, record: record, paneID: 1, context: PaneContext())
        #expect(form.validate().isEmpty, "a value the server has is not questioned until it is changed")
        form.set("name", "CLI 2")
        #expect(form.submittedValues == ["name": "CLI 2"])
        #expect(form.etag == "\"v1\"" && form.isDirty)
        form.set("name", "")
        #expect(form.validate()["name"] == "required")
    }

    @Test func oneTimeSecretsNeverPrintAndAreWipedOnClose() throws {
        let secret = OneTimeSecret("sk_live_0123456789abcdef")
        #expect(secret.reveal() == "sk_live_0123456789abcdef")
        #expect(String(describing: secret) == "<redacted>" && String(reflecting: secret).contains("<redacted>"))
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("0123456789"))
        let encoded = String(decoding: try JSONEncoder().encode(secret), as: UTF8.self)
        #expect(!encoded.contains("0123456789"))
        let reveal = SecretReveal(title: "t", subject: "s", label: "secret_plain", secret: secret)
        #expect(!String(describing: reveal).contains("0123456789"))
        secret.wipe()
        #expect(secret.isWiped && secret.reveal().isEmpty)
    }

    @Test func secretFieldsAreFoundAndStrippedAlsoWhenNested() {
        let webhook: JSONObject = ["id": "wh_1", "auth": ["type": "signature", "secret": "whsec_abc123"]]
        #expect(SecretFields.find(in: webhook)?.label == "auth.secret")
        #expect(SecretFields.stripped(webhook)["auth"]?["secret"] == nil)
        #expect(SecretFields.stripped(webhook)["auth"]?["type"] == .string("signature"))
        let key: JSONObject = ["id": "key_1", "secret": ["hint": "…1234"], "secret_plain": "sk_x"]
        #expect(SecretFields.find(in: key)?.value == "sk_x")
        #expect(SecretFields.stripped(key).keys.sorted() == ["id"])
    }
}
