import Foundation
import HTTPTypes
import Testing
@testable import AuthPIEmulator

/// By default the emulator refuses what the real AuthPI API refuses (the 1.4.0 contract); the seed SDK's
/// forms pass only under `--compat 0.3`.
@Suite("Real-API fidelity")
struct RealAPIFidelityTests {
    static let issuers = "/v1/accounts/\(EmulatorDemo.accountID)/issuers"
    static let users = "/v1/accounts/\(EmulatorDemo.accountID)/issuers/\(EmulatorDemo.issuerID)/users"
    static let webhooks = "/v1/accounts/\(EmulatorDemo.accountID)/webhooks"
    static let legacyAgent = "authpi-admin-py/0.3.0 Python/3.11.7 (linux; x86_64)"

    // MARK: Default mode: the real API's refusals

    @Test(arguments: ["/v1/me", issuers, "/v1/accounts/me/issuers"])
    func anAPIKeySentAsBearerIsA401SayingToUseBasic(path: String) async throws {
        try await withTestEmulator { demo in
            var client = demo
            client.authorization = "Bearer \(EmulatorDemo.apiKeyID)"
            let answer = try await client.get(path)
            #expect(answer.status == 401)
            #expect(answer.errorCode == "invalid_credentials")
            let message = answer.json?["error_description"]?.stringValue ?? ""
            #expect(message.contains("API keys are sent as HTTP Basic key_id:secret"))
            #expect(message.contains("Bearer is only for access tokens"))
            #expect(answer.headers[.wwwAuthenticate]?.contains("Basic") == true)
        }
    }

    @Test(arguments: ["/v1/accounts/me", "/v1/accounts/me/issuers", "/v1/accounts/me/issuers/\(EmulatorDemo.issuerID)/users", "/v1/accounts/me/webhooks"])
    func theMeAliasIsA404NamingGetMe(path: String) async throws {
        try await withTestEmulator { client in
            let answer = try await client.get(path)
            #expect(answer.status == 404)
            #expect(answer.errorCode == "not_found")
            let message = answer.json?["error_description"]?.stringValue ?? ""
            #expect(message.contains("There is no 'me' account alias"))
            #expect(message.contains("GET /v1/me"))
        }
    }

    @Test func theMeAliasIsRefusedForWritesAndAccessTokensToo() async throws {
        try await withTestEmulator { demo in
            let created = try await demo.send(.post, "/_emulator/access-tokens", body: ["account_id": .string(EmulatorDemo.accountID), "ttl_seconds": 60])
            let token = try #require(created.json?["access_token"]?.stringValue)
            var client = demo
            client.authorization = "Bearer \(token)"
            let read = try await client.get("/v1/accounts/me/issuers")
            #expect(read.status == 404)
            #expect(read.json?["error_description"]?.stringValue?.contains("GET /v1/me") == true)
            let write = try await demo.send(.post, "/v1/accounts/me/issuers", body: ["name": "Nowhere"])
            #expect(write.status == 404)
            // Nothing was created behind the refusal.
            let names = try await demo.get(Self.issuers).data?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
            #expect(!names.contains("Nowhere"))
            // The real path works for the same token.
            #expect(try await client.get(Self.issuers).status == 200)
        }
    }

    @Test func credentialsAreCheckedBeforeTheMeAlias() async throws {
        try await withTestEmulator { demo in
            var anonymous = demo
            anonymous.authorization = nil
            let answer = try await anonymous.get("/v1/accounts/me/issuers")
            #expect(answer.status == 401)
            #expect(answer.errorCode == "missing_credentials")
        }
    }

    @Test func everyClientGetsTheDataEnvelopeByDefault() async throws {
        try await withTestEmulator { client in
            let path = "\(Self.issuers)/\(EmulatorDemo.issuerID)"
            for agent in [Self.legacyAgent, "authpi-admin-py/1.4.0 Python/3.12.1 (linux; x86_64)", "curl/8.5.0"] {
                let answer = try await client.get(path, headers: ["User-Agent": agent])
                #expect(answer.status == 200, "\(agent)")
                #expect(answer.data?["id"]?.stringValue == EmulatorDemo.issuerID, "\(agent)")
                #expect(answer.json?["id"] == nil, "\(agent) was served a bare resource")
            }
        }
    }

    @Test func userCreateRefusesTheSeedBodyNamingEachField() async throws {
        try await withTestEmulator { client in
            let legacy = try await client.send(.post, Self.users, body: ["email": "legacy@example.com", "display_name": "Légacy"])
            #expect(legacy.status == 422)
            #expect(legacy.errorCode == "validation_error")
            #expect(legacy.json?["error_description"]?.stringValue?.contains("0.3.0 form") == true)
            let fields = legacy.json?["fields"]?.arrayValue ?? []
            #expect(Set(fields.compactMap { $0["field"]?.stringValue }) == ["email", "display_name"])
            #expect(fields.allSatisfy { $0["code"]?.stringValue == "unknown_field" })
            let email = fields.first { $0["field"]?.stringValue == "email" }?["message"]?.stringValue ?? ""
            #expect(email.contains("username_type \"email\" and username"))
            let display = fields.first { $0["field"]?.stringValue == "display_name" }?["message"]?.stringValue ?? ""
            #expect(display.contains("inside profile"))
            // Nothing was created: the real body for the same user succeeds.
            let real = try await client.send(.post, Self.users, body: [
                "username_type": "email", "username": "legacy@example.com", "profile": ["first_name": "Alice", "last_name": "Smith"],
            ])
            #expect(real.status == 201)
            #expect(real.data?["username_type"]?.stringValue == "email")
            #expect(real.data?["profile"]?["first_name"]?.stringValue == "Alice")
        }
    }

    @Test func userUpdateRefusesTopLevelSeedFields() async throws {
        try await withTestEmulator { client in
            let path = "\(Self.users)/\(EmulatorDemo.userWithSessionsID)"
            let answer = try await client.send(.patch, path, body: ["display_name": "Renamed"])
            #expect(answer.status == 422)
            #expect(answer.json?["fields"]?.arrayValue?.first?["field"]?.stringValue == "display_name")
            #expect(answer.json?["fields"]?.arrayValue?.first?["message"]?.stringValue?.contains("profile.display_name") == true)
            #expect(try await client.get(path).data?["profile"]?["display_name"]?.stringValue != "Renamed")
        }
    }

    // MARK: Webhooks: 1.4.0's body

    @Test func webhookCreateTakesTheSignatureAuthOf140() async throws {
        try await withTestEmulator { client in
            let created = try await client.send(.post, Self.webhooks, body: [
                "name": "Lifecycle events", "url": "https://example.com/webhooks/authpi", "auth": ["type": "signature"],
                "events": ["organization.created", "user.created"],
            ])
            #expect(created.status == 201)
            #expect(created.data?["auth"]?["type"]?.stringValue == "signature")
            let secret = try #require(created.data?["auth"]?["secret"]?.stringValue)
            #expect(secret.hasPrefix("whsec_"))
            let id = try #require(created.data?["id"]?.stringValue)
            let fetched = try await client.get("\(Self.webhooks)/\(id)")
            #expect(fetched.data?["auth"]?["type"]?.stringValue == "signature")
            #expect(!fetched.rawBody.contains(secret), "the signing secret is shown once, at creation")
        }
    }

    @Test(arguments: ["hmac", "basic", "bearer", "none"])
    func inventedWebhookAuthTypesAreRefused(type: String) async throws {
        try await withTestEmulator { client in
            let answer = try await client.send(.post, Self.webhooks, body: [
                "name": "h", "url": "https://example.com/h", "auth": ["type": .string(type)], "events": ["user.created"],
            ])
            #expect(answer.status == 422)
            let field = answer.json?["fields"]?.arrayValue?.first
            #expect(field?["field"]?.stringValue == "auth.type")
            #expect(field?["code"]?.stringValue == "invalid_enum")
            #expect(field?["message"]?.stringValue?.contains("'\(type)'") == true)
            #expect(field?["message"]?.stringValue?.contains("signature") == true)
        }
    }

    @Test func webhookCreateNeedsAnAuthWithAType() async throws {
        try await withTestEmulator { client in
            let missing = try await client.send(.post, Self.webhooks, body: ["name": "h", "url": "https://example.com/h", "events": ["user.created"]])
            #expect(missing.status == 422)
            #expect(missing.json?["fields"]?.arrayValue?.first?["field"]?.stringValue == "auth")
            #expect(missing.json?["fields"]?.arrayValue?.first?["code"]?.stringValue == "required")
            let noType = try await client.send(.post, Self.webhooks, body: ["name": "h", "url": "https://example.com/h", "auth": [:], "events": ["user.created"]])
            #expect(noType.status == 422)
            #expect(noType.json?["fields"]?.arrayValue?.first?["field"]?.stringValue == "auth.type")
            // An auth object sent in an update must be whole too.
            let patched = try await client.send(.patch, "\(Self.webhooks)/\(EmulatorDemo.webhookWithDeliveriesID)", body: ["auth": [:]])
            #expect(patched.status == 422)
            #expect(patched.json?["fields"]?.arrayValue?.first?["field"]?.stringValue == "auth.type")
            let renamed = try await client.send(.patch, "\(Self.webhooks)/\(EmulatorDemo.webhookWithDeliveriesID)", body: ["auth": ["type": "signature"]])
            #expect(renamed.status == 200)
        }
    }

    @Test func theOpenAPIDocumentDescribesOnlyTheRealForms() async throws {
        try await withTestEmulator { client in
            let document = try #require(try await client.get("/openapi.json").json)
            let webhookBody = document["paths"]?["/v1/accounts/{acct}/webhooks"]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"]
            #expect(webhookBody?["required"]?.arrayValue?.compactMap(\.stringValue).contains("auth") == true)
            #expect(webhookBody?["properties"]?["auth"]?["properties"]?["type"]?["enum"] == ["signature"])
            #expect(webhookBody?["properties"]?["auth"]?["required"] == ["type"])
            let userBody = document["paths"]?["/v1/accounts/{acct}/issuers/{iss}/users"]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"]
            let userFields = Set(userBody?["properties"]?.objectValue?.keys.map { $0 } ?? [])
            #expect(userFields.isSuperset(of: ["username_type", "username", "profile"]))
            #expect(userFields.isDisjoint(with: UserRoutes.seedCreateFields))
            let accountParameter = document["paths"]?["/v1/accounts/{acct}/issuers"]?["get"]?["parameters"]?.arrayValue?.first { $0["name"]?.stringValue == "acct" }
            #expect(accountParameter?["example"]?.stringValue == EmulatorDemo.accountID)
        }
    }

    @Test(arguments: ["user.*", "*", "user.exploded", "User.Created"])
    func unknownWebhookEventTypesAreA422NamingThem(event: String) async throws {
        try await withTestEmulator { client in
            let answer = try await client.send(.post, Self.webhooks, body: [
                "name": "h", "url": "https://example.com/h", "auth": ["type": "signature"], "events": ["user.created", .string(event)],
            ])
            #expect(answer.status == 422)
            let field = answer.json?["fields"]?.arrayValue?.first
            #expect(field?["field"]?.stringValue == "events")
            #expect(field?["code"]?.stringValue == "invalid_enum")
            #expect(field?["message"]?.stringValue?.contains("'\(event)'") == true)
            let patched = try await client.send(.patch, "\(Self.webhooks)/\(EmulatorDemo.webhookWithDeliveriesID)", body: ["events": [.string(event)]])
            #expect(patched.status == 422)
        }
    }

    @Test func theSeedsWebhooksUseTheRealAuthAndEventNames() async throws {
        try await withTestEmulator { client in
            let hooks = try await client.get(Self.webhooks).data?.arrayValue ?? []
            #expect(hooks.count == 3)
            for hook in hooks {
                #expect(hook["auth"]?["type"]?.stringValue == "signature")
                for event in hook["events"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                    #expect(AccountRoutes.webhookEventTypes.contains(event), "\(event)")
                }
            }
        }
    }

    @Test func theEventTypesAreExactly140s() {
        // authpi_admin/generated/models.py (1.4.0): WebhookEventType has 106 members, none with a wildcard.
        #expect(AccountRoutes.webhookEventTypes.count == 106)
        #expect(Set(AccountRoutes.webhookEventTypes).count == 106)
        #expect(!AccountRoutes.webhookEventTypes.contains { $0.contains("*") })
    }

    // MARK: Demo ids

    @Test func demoIssuerIDsHaveTheRealShape() async throws {
        let shape = /i_[a-z0-9]{14}/
        for id in EmulatorDemo.issuerIDs { #expect(id.wholeMatch(of: shape) != nil, "\(id)") }
        #expect(Set(EmulatorDemo.issuerIDs).count == 4)
        let derived = ["iss_acme_prod", "iss_acme_staging", "iss_globex", "iss_initech_legacy"].map { Deterministic.issuerID(seedName: $0) }
        #expect(derived == EmulatorDemo.issuerIDs)
        try await withTestEmulator { client in
            let listed = try await client.get(Self.issuers).data?.arrayValue?.compactMap { $0["id"]?.stringValue }
            #expect(listed == EmulatorDemo.issuerIDs)
        }
    }

    // MARK: --compat 0.3

    @Test func compatAcceptsTheSeedForms() async throws {
        try await withTestEmulator(.init(compatibility: .v0_3)) { demo in
            var client = demo
            client.authorization = "Bearer \(EmulatorDemo.apiKeyID)"
            let viaMe = try await client.get("/v1/accounts/me/issuers")
            #expect(viaMe.status == 200)
            #expect(viaMe.data?.arrayValue?.count == EmulatorDemo.issuerIDs.count)
            #expect(try await client.get("/v1/accounts/me").data?["id"]?.stringValue == EmulatorDemo.accountID)
            // Basic and explicit ids keep working there too.
            #expect(try await demo.get(Self.issuers).status == 200)
            // `me` never reaches another account: the single-account key stays on its own.
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.otherAccountID)/issuers").status == 403)
            var unknown = demo
            unknown.authorization = "Bearer key_nobody"
            #expect(try await unknown.get("/v1/me").status == 401)
        }
    }

    @Test func compatServesSingleResourcesBareOnlyTo03Clients() async throws {
        try await withTestEmulator(.init(compatibility: .v0_3)) { client in
            let path = "\(Self.issuers)/\(EmulatorDemo.issuerID)"
            let bare = try await client.get(path, headers: ["User-Agent": Self.legacyAgent])
            #expect(bare.json?["id"]?.stringValue == EmulatorDemo.issuerID)
            #expect(bare.json?["data"] == nil)
            #expect(bare.etag != nil)
            let wrapped = try await client.get(path, headers: ["User-Agent": "authpi-admin-py/1.4.0 Python/3.11.7 (linux; x86_64)"])
            #expect(wrapped.data?["id"]?.stringValue == EmulatorDemo.issuerID)
            // Lists keep their envelope for every client.
            let list = try await client.get(Self.issuers, headers: ["User-Agent": Self.legacyAgent])
            #expect(list.data?.arrayValue?.isEmpty == false)
            #expect(list.json?["has_more"]?.boolValue == false)
        }
    }

    @Test func compatAcceptsThe03UserBodies() async throws {
        try await withTestEmulator(.init(compatibility: .v0_3)) { client in
            let legacy = try await client.send(.post, Self.users, body: ["email": "legacy@example.com", "display_name": "Légacy"])
            #expect(legacy.status == 201)
            #expect(legacy.data?["username"]?.stringValue == "legacy@example.com")
            #expect(legacy.data?["profile"]?["display_name"]?.stringValue == "Légacy")
            let id = try #require(legacy.data?["id"]?.stringValue)
            let renamed = try await client.send(.patch, "\(Self.users)/\(id)", body: ["display_name": "Renamed"])
            #expect(renamed.data?["profile"]?["display_name"]?.stringValue == "Renamed")
            #expect(try await client.send(.post, Self.users, body: ["email": "legacy@example.com"]).status == 409)
        }
    }

    @Test func compatStillRefusesInventedWebhookAuth() async throws {
        try await withTestEmulator(.init(compatibility: .v0_3)) { client in
            let answer = try await client.send(.post, Self.webhooks, body: [
                "name": "h", "url": "https://example.com/h", "auth": ["type": "hmac"], "events": ["user.created"],
            ])
            #expect(answer.status == 422)
        }
    }
}
