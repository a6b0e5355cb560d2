import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing

/// The resources the console shows, read and acted on through the scoped accessors.
@Suite("Resources through the scoped accessors", .timeLimit(.minutes(2)))
struct ResourceTests {
    let issuerID = EmulatorDemo.issuerID
    let userID = EmulatorDemo.userWithSessionsID

    @Test func userScopeListsSessionsTokensDevicesAndVerifiers() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let user = client.issuer(issuerID).user(userID)
            let sessions = try await user.sessions.list()
            #expect(!sessions.data.isEmpty)
            #expect(sessions.data.allSatisfy { $0.userID == userID })
            #expect(sessions.data.contains { $0.id == EmulatorDemo.activeSessionID })
            #expect(try await user.tokens.list().data.isEmpty == false)
            let devices = try await user.trustedDevices.list()
            #expect(!devices.data.isEmpty)
            #expect(try await user.verifiers.list().data.isEmpty == false)

            let revoked = try await user.trustedDevices.revokeAll()
            #expect(revoked.revokedCount == devices.data.count)
            try await client.close()
        }
    }

    @Test func sessionActionsTakeIfMatchAndReturnTheSessionWithItsETag() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let sessions = client.issuer(issuerID).sessions
            let session = try await sessions.get(EmulatorDemo.activeSessionID)
            #expect(session.status == "active")
            let suspended = try await sessions.suspend(session.id, ifMatch: session.etag)
            #expect(suspended.status == "suspended")
            #expect(suspended.etag != nil && suspended.etag != session.etag)
            await #expect(throws: AuthPIError.preconditionFailed) {
                _ = try await sessions.reactivate(session.id, ifMatch: session.etag)
            }
            let reactivated = try await sessions.reactivate(session.id, ifMatch: suspended.etag)
            #expect(reactivated.status == "active")
            let revoked = try await sessions.revoke(session.id, ["reason": "test"], ifMatch: reactivated.etag)
            #expect(revoked.status == "revoked")
            try await client.close()
        }
    }

    @Test func webhookDeliveriesPageAndRedeliver() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let webhook = client.webhook(EmulatorDemo.webhookWithDeliveriesID)
            let hook = try await webhook.get()
            #expect(hook.id == EmulatorDemo.webhookWithDeliveriesID)
            #expect(!hook.events.isEmpty)
            var deliveries: [Delivery] = []
            for try await delivery in webhook.deliveries.listAll(limit: 5) {
                deliveries.append(delivery)
                if deliveries.count > 1000 { break }
            }
            #expect(!deliveries.isEmpty)
            #expect(deliveries.allSatisfy { $0.webhookID == EmulatorDemo.webhookWithDeliveriesID })
            let again = try await webhook.deliveries.redeliver(deliveries[0].id)
            #expect(again.id == deliveries[0].id)
            #expect(again.success != nil)
            try await client.close()
        }
    }

    @Test func eventsClientsAgentsAndOrganizationsDecode() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let events = try await client.events.list(limit: 10)
            #expect(events.data.allSatisfy { !$0.id.isEmpty && $0.type != nil })
            let issuer = client.issuer(issuerID)
            #expect(try await issuer.clients.list().data.contains { $0.id == EmulatorDemo.clientID })
            #expect(try await issuer.agents.list().data.contains { $0.id == EmulatorDemo.agentID })
            let organizations = try await issuer.organizations.list()
            #expect(organizations.data.contains { $0.id == EmulatorDemo.organizationID })
            let organization = try await issuer.organization(EmulatorDemo.organizationID).get()
            #expect(organization.etag != nil)
            #expect(try await issuer.organization(EmulatorDemo.organizationID).members.list().data.isEmpty == false)
            try await client.close()
        }
    }

    @Test func aRateLimitWithoutRetriesCarriesRetryAfter() async throws {
        try await withTestEmulator { emulator in
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 429, count: 1, retryAfter: 7)
            let client = try emulator.client(Configuration(retries: .disabled))
            do {
                _ = try await client.issuers.list()
                Issue.record("expected a rate-limit error")
            } catch let error as AuthPIError where error.code == .rateLimited {
                #expect(error.retryAfter == 7)
                #expect(error.retryable)
                #expect(error.statusCode == 429)
            }
            try await client.close()
        }
    }

    @Test func aValidationErrorCarriesItsFields() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            do {
                _ = try await client.webhooks.create(["name": "bad", "url": "not a url", "events": ["user.created"], "auth": ["type": "signature"]])
                Issue.record("expected a validation error")
            } catch let error as AuthPIError where error.code == .validation {
                #expect([400, 422].contains(error.statusCode))
                #expect(!error.fields.isEmpty)
                #expect(error.errorCode != "unknown")
                // Each item as the server sent it stays reachable.
                #expect(error.fields.allSatisfy { $0.raw["field"]?.stringValue == $0.field && $0.raw["code"]?.stringValue == $0.code })
            }
            try await client.close()
        }
    }

    /// 1.4.0 test_resolution_errors_when_multiple_accounts (the emulator's multi-account demo key) and
    /// test_resolution_errors_when_no_accounts (a `GET /v1/me` answer without accounts).
    @Test func accountResolutionRefusesZeroOrSeveralAccountsNamingThem() async throws {
        try await withTestEmulator { emulator in
            let multi = try emulator.client(
                credentials: .apiKey(id: EmulatorDemo.multiAccountKeyID, secret: EmulatorDemo.multiAccountKeySecret), resolvingAccount: true)
            do {
                _ = try await multi.issuers.list()
                Issue.record("expected a configuration error")
            } catch let error as AuthPIError where error.code == .configuration {
                #expect(error.errorDescription.contains(EmulatorDemo.multiAccountKeyAccountIDs.joined(separator: ", ")), "\(error.errorDescription)")
                #expect(error.errorDescription.contains("pass accountID"))
            }
            try await multi.close()

            try await emulator.faultBody(path: "/v1/me", bytes: Array(#"{"data":{"type":"api_key","key_id":"key_demo","accounts":[]}}"#.utf8))
            let none = try emulator.client(resolvingAccount: true)
            do {
                _ = try await none.issuers.list()
                Issue.record("expected a configuration error")
            } catch let error as AuthPIError where error.code == .configuration {
                #expect(error.errorDescription.contains("no account"), "\(error.errorDescription)")
            }
            try await none.close()
            // Only the two GET /v1/me were sent: no account path without an account.
            #expect(try await emulator.requests().map { $0["path"]?.stringValue } == ["/v1/me", "/v1/me"])
        }
    }

    @Test func anotherAccountIsForbiddenAndAMissingUserNotFound() async throws {
        try await withTestEmulator { emulator in
            let other = try emulator.client(Configuration(accountID: EmulatorDemo.otherAccountID))
            await #expect(throws: AuthPIError.forbidden) { _ = try await other.issuers.list() }
            try await other.close()
            let client = try emulator.client()
            do {
                _ = try await client.issuer(issuerID).user("usr_missing").get()
                Issue.record("expected not found")
            } catch let error as AuthPIError where error.code == .notFound {
                #expect(error.statusCode == 404)
                #expect(!error.retryable)
                #expect(error.operation == "GET /v1/accounts/\(EmulatorDemo.accountID)/issuers/\(issuerID)/users/usr_missing")
            }
            try await client.close()
        }
    }

    @Test func creatingTheSameUsernameTwiceIsAConflict() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            _ = try await client.issuer(issuerID).users.create(["username_type": "email", "username": "twice@example.com", "profile": [:]])
            await #expect(throws: AuthPIError.conflict) {
                _ = try await client.issuer(issuerID).users.create(["username_type": "email", "username": "twice@example.com", "profile": [:]])
            }
            try await client.close()
        }
    }

    @Test func bareSingleResourcesAreAcceptedLikeEnvelopes() async throws {
        try await withTestEmulator { emulator in
            // The emulator answers bare objects to 0.x clients; a middleware makes our requests look like one.
            var legacy = Configuration()
            legacy.middlewares = [PretendLegacyClient()]
            let bare = try emulator.client(legacy)
            let enveloped = try emulator.client()
            let fromBare = try await bare.issuer(issuerID).user(userID).get()
            let fromEnvelope = try await enveloped.issuer(issuerID).user(userID).get()
            #expect(fromBare.value == fromEnvelope.value)
            #expect(fromBare.etag == fromEnvelope.etag)
            #expect(fromBare.id == userID)
            try await bare.close()
            try await enveloped.close()
        }
    }

    @Test func underscoreKeysNeverReachTheServer() async throws {
        try await withTestEmulator { emulator in
            let client = try emulator.client()
            let updated = try await client.issuer(issuerID).users.update(
                userID, ["_etag": "\"local\"", "metadata": ["team": "red", "_draft": true, "nested": ["_x": 1, "y": 2]]])
            #expect(updated.metadata?["team"] == "red")
            #expect(updated.metadata?["_draft"] == nil)
            #expect(updated.metadata?["nested"] == ["y": 2])
            #expect(updated.value["_etag"] == nil)
            try await client.close()
        }
    }

    @Test func accessTokensAuthenticateAsBearer() async throws {
        try await withTestEmulator { emulator in
            let token = try await emulator.accessToken()
            let client = try AuthPIClient(accessToken: token, accountID: EmulatorDemo.accountID, configuration: Configuration(baseURL: emulator.baseURL))
            #expect(try await client.issuers.list().data.isEmpty == false)
            let identity = try await client.whoami()
            #expect(identity.type == "user")
            try await client.close()
        }
    }

    /// The seed's single-string key is refused before any request; `key_id:secret` is the one-string form.
    @Test func theSeedFormAPIKeyIsRefusedAndTheJoinedFormAuthenticatesAsBasic() async throws {
        try await withTestEmulator { emulator in
            #expect(throws: AuthPIError.configuration) {
                _ = try AuthPIClient(apiKey: EmulatorDemo.apiKeyID, configuration: Configuration(baseURL: emulator.baseURL))
            }
            #expect(throws: AuthPIError.configuration) {
                _ = try AuthPIClient(accessToken: EmulatorDemo.apiKeyID, configuration: Configuration(baseURL: emulator.baseURL))
            }
            #expect(try await emulator.requests().isEmpty)
            let client = try AuthPIClient(
                apiKey: "\(EmulatorDemo.apiKeyID):\(EmulatorDemo.apiKeySecret)", configuration: Configuration(baseURL: emulator.baseURL))
            #expect(try await client.whoami().type == "api_key")
            let authorization = try await emulator.requests().last?["headers"]?.objectValue?.first { $0.key.lowercased() == "authorization" }?.value.stringValue
            #expect(authorization?.hasPrefix("Basic ") == true, "\(authorization ?? "none")")
            try await client.close()
        }
    }
}

/// Sends the User-Agent of the Python SDK 0.3.0, to which the emulator answers single resources bare.
struct PretendLegacyClient: ClientMiddleware {
    func intercept(_ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse) async throws -> TransportResponse {
        var request = request
        request.headers.removeAll { $0.name.lowercased() == "user-agent" }
        request.headers.append((name: "User-Agent", value: "authpi-admin-py/0.3.0"))
        return try await next(request)
    }
}
