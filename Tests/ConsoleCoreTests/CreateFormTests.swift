import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing
@testable import ConsoleCore

/// `n` create forms, the client / webhook edit forms and secret rotations, against the emulator over real HTTP:
/// Idempotency-Key kept across retries, field errors next to fields, If-Match and the 412 dialog, read-only
/// refusal before any request, and one-time secrets shown once and nowhere else.
@MainActor
@Suite("Create and edit forms against the emulator", .serialized)
struct CreateFormTests {
    // MARK: Helpers

    /// Issuers → the demo issuer's pane of `kind` (users, clients, agents, organizations).
    private func openIssuerPane(_ h: Harness, _ kind: PaneKind) async throws {
        try await h.openUsers()
        while h.store.state.current?.kind != kind {
            h.store.send(.nextSibling)
            if h.store.state.stack.count > 4 { throw HarnessError("cannot reach \(kind)") }
        }
        guard await h.waitForRows(kind) else { throw HarnessError("\(kind) did not load") }
    }

    private func openWebhooks(_ h: Harness) async throws {
        h.store.start()
        guard await h.waitForRows(.issuers) else { throw HarnessError("issuers did not load") }
        h.store.send(.jump(.webhooks))
        guard await h.waitForRows(.webhooks) else { throw HarnessError("webhooks did not load") }
    }

    private func form(_ h: Harness) -> ResourceForm? { form(h.store.state) }

    private func form(_ state: ConsoleState) -> ResourceForm? {
        if case .form(let form) = state.dialog { return form }
        return nil
    }

    private func focus(_ h: Harness, _ name: String) throws {
        let fields = try #require(form(h)).fields
        for _ in fields where form(h)?.focusedField?.name != name { h.store.send(.focusNextField) }
        #expect(form(h)?.focusedField?.name == name)
    }

    /// Requests the emulator logged for `method` `path` (newest last), with their headers.
    private func logged(_ h: Harness, _ method: String, pathSuffix: String) async throws -> [[String: String]] {
        let data = try await emulatorControl(h.emulator, "GET", "/_emulator/requests?limit=500")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let entries = object?["data"] as? [[String: Any]] ?? []
        return entries.filter { ($0["method"] as? String) == method && (($0["path"] as? String) ?? "").hasSuffix(pathSuffix) }
            .map { ($0["headers"] as? [String: String]) ?? [:] }
    }

    private func header(_ headers: [String: String], _ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    /// Every place a secret could leak to in the state: rows' describe JSON, banners, the Errors pane's source,
    /// and the state's own printed form.
    private func stateText(_ h: Harness) -> String {
        let state = h.store.state
        var text = String(describing: state)
        for pane in state.stack {
            for index in 0..<pane.rowCount { if let row = pane.row(at: index) { text += row.detail.text } }
        }
        text += state.bannerHistory.map { "\($0.title) \($0.detail)" }.joined()
        text += state.banner.map { "\($0.title) \($0.detail)" } ?? ""
        return text
    }

    // MARK: Users

    @Test func createUserSendsTheFormWithAnIdempotencyKeyAndListsIt() async throws {
        try await withHarness { h in
            try await h.openUsers()
            h.store.send(.newResource)
            let opened = try #require(form(h))
            #expect(opened.title == "New user" && opened["username_type"] == "email" && opened["status"] == "active")
            try focus(h, "username_type")
            h.store.send(.stepOption(2))  // email → phone → username
            #expect(form(h)?["username_type"] == "username")
            h.store.send(.setFormValue("username", "created-by-form"))
            h.store.send(.setFormValue("profile.display_name", "Form User"))
            h.store.send(.setFormValue("custom_fields", "team=blue, tier=gold"))
            try focus(h, "status")
            h.store.send(.stepOption(1))
            #expect(form(h)?["status"] == "pending")
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })
            let posts = try await logged(h, "POST", pathSuffix: "/users")
            #expect(posts.count == 1)
            #expect(header(try #require(posts.last), "Idempotency-Key")?.isEmpty == false)
            let id = try #require(h.store.state.lastCreatedID)
            let server = try await h.client.issuer(EmulatorDemo.issuerID).user(id).get().value
            #expect(server.json["username"]?.stringValue == "created-by-form")
            #expect(server.json["username_type"]?.stringValue == "username")
            #expect(server.json["status"]?.stringValue == "pending")
            #expect(server.json["profile"]?["display_name"]?.stringValue == "Form User")
            #expect(server.json["custom_fields"]?["tier"]?.stringValue == "gold")
        }
    }

    @Test func fieldErrorsShowNextToFieldsAndKeepTheInput() async throws {
        try await withHarness { h in
            try await h.openUsers()
            h.store.send(.newResource)
            h.store.send(.setFormValue("username", "not-an-email"))
            h.store.send(.setFormValue("custom_fields", "broken"))
            h.store.send(.save)
            // The form's own checks: nothing is sent.
            #expect(form(h)?.fieldErrors["username"]?.contains("email") == true)
            #expect(form(h)?.fieldErrors["custom_fields"] != nil)
            #expect(form(h)?["username"] == "not-an-email")
            #expect(try await logged(h, "POST", pathSuffix: "/users").isEmpty)
            #expect(h.store.state.banner?.kind == .validation)
        }
        try await withHarness { h in
            try await openWebhooks(h)
            h.store.send(.newResource)
            h.store.send(.setFormValue("name", "bad url"))
            h.store.send(.setFormValue("url", "https://"))  // passes the form's check, refused by the server (422)
            try focus(h, "events")
            h.store.send(.toggleOption)
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.banner?.kind == .validation && form($0)?.isSaving == false })
            #expect(form(h)?.fieldErrors["url"]?.isEmpty == false)
            #expect(form(h)?["name"] == "bad url" && form(h)?["url"] == "https://")
        }
    }

    @Test func aRetryOfTheSameSubmitSendsTheSameIdempotencyKey() async throws {
        try await withHarness { h in
            try await openIssuerPane(h, .organizations)
            h.store.send(.newResource)
            h.store.send(.setFormValue("name", "Retry Org"))
            try await h.addFault(method: "POST", path: "/v1/accounts/*/issuers/*/organizations", status: 503)
            h.store.send(.save)
            #expect(await h.store.waitUntil { form($0)?.isSaving == false && $0.banner?.kind == .server })
            #expect(form(h)?["name"] == "Retry Org")
            let firstKey = try #require(form(h)?.idempotencyKey)
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })
            let keys = try await logged(h, "POST", pathSuffix: "/organizations").compactMap { header($0, "Idempotency-Key") }
            #expect(keys.suffix(2) == [firstKey, firstKey])
        }
        // New input is a new request: the key is dropped.
        var fresh = ResourceForm(create: OrganizationsPane.create, paneID: 1, context: PaneContext())
        fresh.idempotencyKey = "k1"
        fresh.set("name", "Other")
        #expect(fresh.idempotencyKey == nil)
    }

    // MARK: One-time secrets

    @Test func aCreatedWebhookSecretIsShownOnceAndNowhereElse() async throws {
        try await withHarness { h in
            try await openWebhooks(h)
            h.store.send(.newResource)
            h.store.send(.setFormValue("name", "Secret hook"))
            h.store.send(.setFormValue("url", "https://hooks.example.test/in"))
            try focus(h, "events")
            h.store.send(.stepOption(1))
            h.store.send(.toggleOption)
            h.store.send(.toggleOption)
            h.store.send(.toggleOption)  // picked, unpicked, picked
            #expect(form(h)?["events"] == WebhooksPane.eventTypes[1])
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .secret = $0.dialog { true } else { false } })
            guard case .secret(let reveal) = h.store.state.dialog else { return }
            let secret = reveal.secret.reveal()
            #expect(secret.hasPrefix("whsec_"))
            #expect(reveal.label == "auth.secret")
            #expect(!String(describing: reveal).contains(secret) && !String(reflecting: reveal.secret).contains(secret))
            let encoded = String(decoding: try JSONEncoder().encode(reveal.secret), as: UTF8.self)
            #expect(!encoded.contains(secret))
            // The created row and its describe JSON carry no secret.
            h.store.send(.cancelDialog)
            #expect(h.store.state.dialog == nil)
            #expect(reveal.secret.isWiped && reveal.secret.reveal().isEmpty)
            #expect(await h.waitForRows(.webhooks))
            #expect(!stateText(h).contains(secret))
            let id = try #require(h.store.state.lastCreatedID)
            if h.select(id) {
                h.store.send(.describe)
                #expect(await h.store.waitUntil { if case .describe(let d) = $0.dialog { d.note == nil } else { false } })
                if case .describe(let description) = h.store.state.dialog { #expect(!description.json.contains(secret)) }
            }
        }
    }

    @Test func aCreatedConfidentialClientShowsItsSecretAndRotateShowsTheNewOne() async throws {
        try await withHarness { h in
            try await openIssuerPane(h, .clients)
            h.store.send(.newResource)
            h.store.send(.setFormValue("name", "Form client"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .secret = $0.dialog { true } else { false } })
            guard case .secret(let created) = h.store.state.dialog else { return }
            let first = created.secret.reveal()
            #expect(first.hasPrefix("cs_"))
            h.store.send(.cancelDialog)
            #expect(await h.waitForRows(.clients))
            let id = try #require(h.store.state.lastCreatedID)
            #expect(h.select(id))
            h.store.send(.action(.rotate))
            guard case .confirm = h.store.state.dialog else { Issue.record("rotate did not ask"); return }
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { if case .secret = $0.dialog { true } else { false } })
            guard case .secret(let rotated) = h.store.state.dialog else { return }
            let second = rotated.secret.reveal()
            #expect(second.hasPrefix("cs_") && second != first)
            // Conditional on the version shown.
            let rotation = try await logged(h, "POST", pathSuffix: "/secret/rotate")
            #expect(header(try #require(rotation.last), "If-Match")?.isEmpty == false)
            h.store.send(.cancelDialog)
            #expect(!stateText(h).contains(first) && !stateText(h).contains(second))
        }
    }

    @Test func rotatingAClientChangedSinceShownAsksAgainAndRotatesOnlyOnYes() async throws {
        try await withHarness { h in
            try await openIssuerPane(h, .clients)
            #expect(h.select(EmulatorDemo.clientID))
            _ = try await h.otherClient().issuer(EmulatorDemo.issuerID).clients.update(
                EmulatorDemo.clientID, ["name": "Renamed elsewhere"])
            h.store.send(.action(.rotate))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { if case .actionConflict = $0.dialog { true } else { false } })
            #expect(try await logged(h, "POST", pathSuffix: "/secret/rotate").isEmpty, "nothing rotated yet")
            h.store.send(.confirm)  // rotate anyway, conditional on the version the dialog showed
            #expect(await h.store.waitUntil { if case .secret = $0.dialog { true } else { false } })
            let rotation = try await logged(h, "POST", pathSuffix: "/secret/rotate")
            #expect(rotation.count == 1 && header(rotation[0], "If-Match")?.isEmpty == false)
            h.store.send(.cancelDialog)
        }
    }

    @Test func regeneratedBackupCodesAreShownOnceAndConditionally() async throws {
        try await withHarness { h in
            h.store.start()
            try await h.openUserList(.verifiers, of: EmulatorDemo.userWithSessionsID)
            let verifierID = try #require(h.store.state.current?.selectedRow?.id)
            h.store.send(.action(.rotate))
            guard case .confirm = h.store.state.dialog else { Issue.record("regenerate did not ask"); return }
            #expect(try await logged(h, "POST", pathSuffix: "/regenerate").isEmpty, "nothing before yes")
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { if case .secret = $0.dialog { true } else { false } })
            guard case .secret(let shown) = h.store.state.dialog else { return }
            let codes = shown.secret.reveal().split(separator: " ").map(String.init)
            #expect(codes.count == 8 && codes.allSatisfy { $0.count == 10 })
            let regenerate = try await logged(h, "POST", pathSuffix: "/verifiers/\(verifierID)/regenerate")
            #expect(regenerate.count == 1 && header(regenerate[0], "If-Match")?.isEmpty == false)
            h.store.send(.cancelDialog)
            let after = stateText(h)
            #expect(codes.allSatisfy { !after.contains($0) }, "the codes must be gone once the dialog closes")
        }
    }

    @Test func regeneratingAVerifierChangedSinceShownAsksAgainAndSendsNothingUntilYes() async throws {
        try await withHarness { h in
            h.store.start()
            try await h.openUserList(.verifiers, of: EmulatorDemo.userWithSessionsID)
            let verifierID = try #require(h.store.state.current?.selectedRow?.id)
            // A second writer disables the verifier after the console showed it active (a change the row shows;
            // the console asks again when the row no longer looks as shown).
            _ = try await h.otherClient().issuer(EmulatorDemo.issuerID).user(EmulatorDemo.userWithSessionsID)
                .verifiers.update(verifierID, ["status": "disabled"])
            h.store.send(.action(.rotate))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { if case .actionConflict = $0.dialog { true } else { false } })
            #expect(try await logged(h, "POST", pathSuffix: "/regenerate").isEmpty, "nothing regenerated yet")
            h.store.send(.cancelDialog)
            #expect(await h.store.settle())
            #expect(try await logged(h, "POST", pathSuffix: "/regenerate").isEmpty, "no means no")
            let verifier = try await h.otherClient().issuer(EmulatorDemo.issuerID).user(EmulatorDemo.userWithSessionsID)
                .verifiers.get(verifierID)
            #expect(verifier.value.json["status"]?.stringValue == "disabled", "their change stays")
        }
    }

    @Test func aCreatedTokenShowsItsValueOnce() async throws {
        try await withHarness { h in
            try await h.openUserList(.tokens, of: EmulatorDemo.userWithSessionsID)
            h.store.send(.newResource)
            h.store.send(.setFormValue("name", "ci token"))
            h.store.send(.setFormValue("scopes", "read, write"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .secret = $0.dialog { true } else { false } })
            guard case .secret(let reveal) = h.store.state.dialog else { return }
            let token = reveal.secret.reveal()
            #expect(token.hasPrefix("pat_") && reveal.label == "token_plain")
            h.store.send(.cancelDialog)
            #expect(await h.waitForRows(.tokens))
            #expect(!stateText(h).contains(token))
        }
    }

    @Test func agentsOrganizationsAndTrustedDevicesAreCreated() async throws {
        try await withHarness { h in
            try await openIssuerPane(h, .agents)
            h.store.send(.newResource)
            h.store.send(.setFormValue("name", "Form agent"))
            h.store.send(.setFormValue("model", "gpt-test"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.title == "Created agent Form agent" })
            let agentID = try #require(h.store.state.lastCreatedID)
            let agent = try await h.client.issuer(EmulatorDemo.issuerID).agents.get(agentID)
            #expect(agent.value.json["model"]?.stringValue == "gpt-test")
        }
        try await withHarness { h in
            try await h.openUserList(.trustedDevices, of: EmulatorDemo.userWithSessionsID)
            let before = h.store.state.current?.rowCount ?? 0
            h.store.send(.newResource)
            h.store.send(.setFormValue("fingerprint", "fp-form-1"))
            h.store.send(.setFormValue("ttl_seconds", "5"))
            h.store.send(.save)
            #expect(form(h)?.fieldErrors["ttl_seconds"] != nil)
            h.store.send(.setFormValue("ttl_seconds", "3600"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })
            #expect(await h.store.waitUntil { ($0.current?.rowCount ?? 0) == before + 1 })
        }
    }

    // MARK: Edit forms

    @Test func editAClientWithIfMatchAndResolveA412() async throws {
        try await withHarness { h in
            try await openIssuerPane(h, .clients)
            #expect(h.select(EmulatorDemo.clientID))
            h.store.send(.edit)
            #expect(await h.store.waitUntil { form($0) != nil })
            let opened = try #require(form(h))
            #expect(opened.etag != nil && opened.title.hasPrefix("Edit client"))
            // Someone else renames it meanwhile.
            _ = try await h.otherClient().issuer(EmulatorDemo.issuerID).clients.update(
                EmulatorDemo.clientID, ["description": "theirs"])
            h.store.send(.setFormValue("name", "Mine"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .formConflict = $0.dialog { true } else { false } })
            guard case .formConflict(let conflict) = h.store.state.dialog else { return }
            #expect(conflict.theirs.values["description"] == "theirs" && conflict.conflictingFields.isEmpty)
            h.store.send(.resolveConflict(.overwrite))
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })
            let server = try await h.client.issuer(EmulatorDemo.issuerID).clients.get(EmulatorDemo.clientID).value
            #expect(server.json["name"]?.stringValue == "Mine" && server.json["description"]?.stringValue == "theirs")
            let patches = try await logged(h, "PATCH", pathSuffix: "/clients/\(EmulatorDemo.clientID)")
            // Theirs (no If-Match), then mine and the overwrite, each conditional.
            #expect(patches.count == 3 && patches.suffix(2).allSatisfy { header($0, "If-Match")?.isEmpty == false })
        }
    }

    @Test func disableAWebhookAsAnEditOfItsStatus() async throws {
        try await withHarness { h in
            try await openWebhooks(h)
            #expect(h.select(EmulatorDemo.webhookWithDeliveriesID))
            h.store.send(.edit)
            #expect(await h.store.waitUntil { form($0) != nil })
            try focus(h, "status")
            h.store.send(.setFormValue("status", "typed"))  // a picker takes its options only
            h.store.send(.stepOption(2))
            let status = try #require(form(h)?["status"])
            #expect(WebhooksPane.statuses.contains(status) && status != "active")
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })
            let server = try await h.client.webhooks.get(EmulatorDemo.webhookWithDeliveriesID).value
            #expect(server.status == status)
            #expect(h.store.state.current?.selectedRow?.status == status)
        }
    }

    // MARK: Read-only

    @Test func readOnlyRefusesEveryCreateEditAndRotateBeforeAnyRequest() async throws {
        try await withHarness(readOnly: true) { h in
            try await openIssuerPane(h, .clients)
            let before = try await h.requests().filter { !$0.path.hasPrefix("/_emulator") }.count
            h.store.send(.newResource)
            #expect(h.store.state.dialog == nil && h.store.state.banner?.kind == .readOnly)
            #expect(h.select(EmulatorDemo.clientID))
            h.store.send(.edit)
            #expect(h.store.state.dialog == nil && h.store.state.banner?.kind == .readOnly)
            h.store.send(.action(.rotate))
            #expect(h.store.state.dialog == nil && h.store.state.banner?.kind == .readOnly)
            await h.store.settle()
            // Not even the read an edit starts with: no request at all.
            #expect(try await h.requests().filter { !$0.path.hasPrefix("/_emulator") }.count == before)
        }
    }

    // MARK: API keys (the forms the API keys panes plug in)

    @Test func theAPIKeysPaneCreatesAKeyAndRotatesItsSecretShownOnce() async throws {
        try await withHarness { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            h.store.send(.jump(.apiKeys))
            #expect(await h.waitForRows(.apiKeys))
            h.store.send(.newResource)
            h.store.send(.setFormValue("name", "store key"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .secret = $0.dialog { true } else { false } })
            guard case .secret(let created) = h.store.state.dialog else { return }
            let first = created.secret.reveal()
            #expect(created.label == "secret_plain" && !first.isEmpty)
            h.store.send(.cancelDialog)
            #expect(await h.waitForRows(.apiKeys))
            let id = try #require(h.store.state.lastCreatedID)
            #expect(h.select(id))
            h.store.send(.action(.rotate))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { if case .secret = $0.dialog { true } else { false } })
            guard case .secret(let rotated) = h.store.state.dialog else { return }
            let second = rotated.secret.reveal()
            #expect(!second.isEmpty && second != first)
            h.store.send(.cancelDialog)
            #expect(!stateText(h).contains(first) && !stateText(h).contains(second))
            // The new secret authenticates; the old one no longer does.
            let fresh = try AuthPIClient(
                credentials: .apiKey(id: id, secret: second),
                configuration: Configuration(baseURL: h.emulator.baseURL, accountID: EmulatorDemo.accountID, retries: .disabled))
            _ = try await fresh.apiKeys.get(id)
            try await fresh.close()
        }
    }

    @Test func apiKeyCreateAndRotateReturnTheSecretOnceAndStripItFromTheRow() async throws {
        try await withHarness { h in
            let source = AuthPIDataSource(client: h.client)
            let create = APIKeyForms.create(on: .apiKeys)
            let created = try await source.submitForm(
                create, FormSubmission(values: ["name": "form key", "tags": "ci"], context: PaneContext(), idempotencyKey: "k-1"))
            let secret = try #require(created.secret).reveal()
            let row = try #require(created.row)
            #expect(created.secretLabel == "secret_plain" && !secret.isEmpty)
            #expect(!row.detail.text.contains(secret))
            // The same key answers the same creation: no second key.
            let again = try await source.submitForm(
                create, FormSubmission(values: ["name": "form key", "tags": "ci"], context: PaneContext(), idempotencyKey: "k-1"))
            #expect(again.row?.id == row.id)
            let rotate = APIKeyForms.rotate(on: .apiKeys)
            let rotated = try await source.performRevealing(rotate, rowID: row.id, context: PaneContext(), ifMatch: row.etag)
            let newSecret = try #require(rotated.secret).reveal()
            #expect(newSecret != secret && rotated.row?.id == row.id && rotated.row?.etag != nil)
            #expect(!(rotated.row?.detail.text.contains(newSecret) ?? true))
        }
    }
}
