import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing
@testable import ConsoleCore

/// The pane descriptors: rows read from the typed models, one cell per declared column, actions reachable
/// from their pane.
@Suite struct PaneDescriptorTests {
    @Test func aSessionsRowIsReadFromTheTypedSession() throws {
        let session = Session(json: [
            "id": "ses_1", "status": "suspended", "last_activity_at": 1_795_000_100, "expires_at": 1_795_090_000,
            "device": ["name": "Pixel", "os": "Android"], "location": ["city": "Berlin", "country": "DE"],
        ])
        let row = try #require(SessionsPane.rows.row(session))
        #expect(row.id == session.id)
        #expect(row.status == session.status)
        #expect(row.cells == [
            session.id, "suspended", "Pixel · Android", "Berlin · DE",
            DisplayFormat.dateTime(session.lastActivityAt), DisplayFormat.dateTime(session.expiresAt),
        ])
        #expect(row.sortKeys == [4: 1_795_000_100, 5: 1_795_090_000])
        // Nothing but the session itself is described.
        #expect(row.detailJSON == RowMapping.prettyJSON(session.json))
        #expect(row.cells.count == PaneKind.sessions.columns.count)
    }

    @Test func aUsersRowIsReadFromTheTypedUser() throws {
        let user = User(json: [
            "id": "usr_1", "username": "alice@acme.test", "status": "active", "created_at": 1_795_000_000,
            "profile": ["display_name": "Alice A."], "custom_fields": ["plan": "pro", "seats": 3],
        ])
        let record = UserRecord(user, issuerID: "iss_1", etag: "\"v1\"")
        #expect(record.customFields == ["plan": "pro", "seats": "3"])
        let row = record.usersRow
        #expect(row.cells == ["usr_1", "alice@acme.test", "Alice A.", "active", DisplayFormat.date(user.createdAt)])
        #expect(row.title == "alice@acme.test")
        #expect(row.etag == "\"v1\"")
        // A light list item (API 1.4.0) waits for its names.
        let light = try #require(UsersPane.row(UserListItem(json: ["user_id": "usr_2", "status": "blocked"])))
        #expect(light.cells == ["usr_2", "…", "", "blocked", ""])
        #expect(light.needsHydration)
        #expect(light.title == "usr_2")
    }

    /// An API key's secret, its hint and any hash reach neither a cell nor describe; an agent verifier's
    /// credential neither.
    @Test func credentialsAreLeftOutOfRowsAndDescribe() throws {
        let key = APIKey(json: [
            "id": "key_1", "name": "CI", "status": "active", "scopes": ["users:read"], "created_at": 1_795_000_000,
            "secret": ["hint": "…ab12", "created_at": 1_795_000_000], "secret_hint": "…ab12",
            "secret_plain": "sk_plain_value", "key_hash": "hash_value",
        ])
        let row = try #require(APIKeysPane.rows.row(key))
        #expect(row.cells.count == PaneKind.apiKeys.columns.count)
        #expect(row.cells.prefix(4) == ["key_1", "CI", "active", "users:read"])
        for leaked in ["ab12", "sk_plain_value", "hash_value", "secret"] {
            #expect(!row.detailJSON.contains(leaked), "\(leaked)")
            #expect(!row.cells.joined().contains(leaked), "\(leaked)")
        }
        #expect(row.detailJSON.contains("key_1"))
        let verifier = AgentVerifier(json: [
            "id": "avf_1", "type": "api_key", "status": "active", "credential": ["hint": "zz99"], "usage_count": 3,
        ])
        let verifierRow = try #require(AgentVerifiersPane.rows.row(verifier))
        #expect(verifierRow.cells.count == PaneKind.agentVerifiers.columns.count)
        #expect(!verifierRow.detailJSON.contains("zz99") && !verifierRow.detailJSON.contains("credential"))
    }

    @Test func aRowWithoutAnIdIsDropped() {
        #expect(SessionsPane.rows.row(Session(json: ["status": "active"])) == nil)
    }

    @Test(arguments: PaneKind.allCases)
    func everyActionIsReachableFromItsPaneByItsKey(kind: PaneKind) {
        let actions = kind.descriptor.actions
        #expect(Set(actions.map(\.glyph)).count == actions.count, "two actions of \(kind) share a key")
        #expect(Set(actions.map(\.key)).count == actions.count, "two actions of \(kind) answer the same key")
        for action in actions {
            #expect(action.paneKind == kind)
            #expect(action.key.action(in: kind) == action)
            #expect(!action.help.isEmpty && !action.verb.isEmpty)
        }
        #expect(kind.descriptor.kind == kind)
        #expect(kind.statusColumn.map { kind.columns[$0] } ?? "STATUS" == "STATUS")
    }

    @Test func actionNamesAreUnique() {
        let names = RowActionKind.allCases.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(RowActionKind.allCases.count == 25)
    }

    /// Every server list pane, fetched over real HTTP: its rows have one cell per column, and the cells are the
    /// typed model's values.
    @MainActor
    @Test func everyServerPaneFetchesRowsThatFitItsColumns() async throws {
        try await withHarness { h in
            let source = AuthPIDataSource(client: h.client)
            let user = PaneContext(issuerID: EmulatorDemo.issuerID, userID: EmulatorDemo.userWithSessionsID)
            let organization = PaneContext(issuerID: EmulatorDemo.issuerID, organizationID: EmulatorDemo.organizationID)
            let contexts: [PaneKind: PaneContext] = [
                .users: user, .clients: user, .agents: user, .organizations: user, .sessions: user, .tokens: user,
                .trustedDevices: user, .verifiers: user,
                .deliveries: PaneContext(webhookID: EmulatorDemo.webhookWithDeliveriesID),
                .members: organization, .groups: organization, .invitations: organization,
                .organizationAPIKeys: organization,
                .agentVerifiers: PaneContext(issuerID: EmulatorDemo.issuerID, agentID: EmulatorDemo.agentID),
            ]
            for kind in PaneKind.allCases where kind.isServerList {
                let page = try await source.fetchPage(
                    PageRequest(kind: kind, context: contexts[kind] ?? PaneContext(), cursor: nil, limit: 5))
                #expect(!page.rows.isEmpty, "\(kind) fetched no rows")
                for row in page.rows {
                    #expect(row.cells.count == kind.columns.count, "\(kind) row \(row.id)")
                }
            }
            let sessions = try await h.client.issuer(EmulatorDemo.issuerID).user(EmulatorDemo.userWithSessionsID)
                .sessions.list(limit: 5)
            let rows = try await source.fetchPage(PageRequest(kind: .sessions, context: user, cursor: nil, limit: 5)).rows
            #expect(rows.map(\.id) == sessions.data.map(\.id))
            #expect(rows.map { $0.cells[1] } == sessions.data.map { $0.status ?? "" })
            #expect(rows.map { $0.cells[4] } == sessions.data.map { DisplayFormat.dateTime($0.lastActivityAt) })
        }
    }

    /// ⏎ and Tab / Shift-Tab open what the descriptors say (help is written from the same data).
    @MainActor
    @Test func theStoreOpensWhatTheDescriptorsSay() async throws {
        func opens(_ kind: PaneKind) throws -> (panes: [PaneKind], first: PaneKind) {
            guard case .opens(let panes, let first, _)? = kind.descriptor.tab?.move else {
                throw HarnessError("\(kind) opens nothing on Tab")
            }
            return (panes, first)
        }
        try await withHarness { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            #expect(h.select(EmulatorDemo.issuerID))
            h.store.send(.open)
            #expect(h.store.state.current?.kind == PaneKind.issuers.descriptor.drillDown?.targets.first)
            h.store.send(.back)
            h.store.send(.nextSibling)
            #expect(h.store.state.current?.kind == (try opens(.issuers).first))
            #expect(h.store.state.current?.kind.siblings == (try opens(.issuers).panes))
            h.store.send(.back)
            h.store.send(.previousSibling)
            #expect(h.store.state.current?.kind == (try opens(.issuers).panes.last))
            h.store.send(.back)

            try await h.openUser(EmulatorDemo.userWithSessionsID)
            #expect(PaneKind.users.descriptor.drillDown?.targets == [.userDetail])
            h.store.send(.nextSibling)
            #expect(h.store.state.current?.kind == (try opens(.userDetail).first))
            h.store.send(.nextSibling)
            let cycle = try #require(PaneKind.sessions.siblings)
            #expect(h.store.state.current?.kind == cycle[1])
            h.store.send(.back)
            h.store.send(.previousSibling)
            #expect(h.store.state.current?.kind == (try opens(.userDetail).panes.last))

            h.store.send(.jump(.webhooks))
            #expect(await h.waitForRows(.webhooks))
            #expect(h.select(EmulatorDemo.webhookWithDeliveriesID))
            h.store.send(.open)
            #expect(h.store.state.current?.kind == PaneKind.webhooks.descriptor.drillDown?.targets.first)
        }
    }

    /// A pane that needs a resource its context lacks fails clearly, without a request.
    @Test func aMissingScopeIsAConfigurationFailure() async throws {
        let client = try AuthPIClient(
            credentials: .apiKey(id: "key_unused", secret: "unused"),
            configuration: Configuration(baseURL: "http://127.0.0.1:9", accountID: "acc_unused", retries: .disabled))
        let source = AuthPIDataSource(client: client)
        do {
            _ = try await source.fetchPage(
                PageRequest(kind: .sessions, context: PaneContext(issuerID: "iss_1"), cursor: nil, limit: 5))
            Issue.record("a sessions page without a user must fail")
        } catch let failure as ConsoleFailure {
            #expect(failure.kind == .configuration)
            #expect(failure.code == "missing_scope")
        }
        try await client.close()
    }
}

/// One error vocabulary: the console's failures are the client core's codes.
@Suite struct FailureVocabularyTests {
    /// Every code the client can throw becomes a banner of its own kind with words, with no switch to extend.
    @Test(arguments: AuthPIError.Code.allCases)
    func everyClientCodeMapsToABannerKind(code: AuthPIError.Code) {
        let failure = ConsoleFailure(kind: code, statusCode: 418, code: "teapot", message: "short and stout")
        let banner = Banner.failure(failure, subject: "loading Users")
        #expect(banner.kind == .failure(failure.kind))
        #expect(!banner.kindLabel.isEmpty)
        #expect(banner.title.hasSuffix(" while loading Users"))
        #expect(banner.severity == .error || banner.severity == .warning)
    }

    @Test func theServerCodesAreOneKind() {
        for code in [AuthPIError.Code.internalServerError, .badGateway, .serviceUnavailable, .gatewayTimeout, .serverError] {
            let failure = ConsoleFailure(kind: code, statusCode: 503, code: "unavailable", message: "later", wasRetried: true)
            #expect(failure.kind == .serverError)
            let banner = Banner.failure(failure, subject: "loading Users")
            #expect(banner.kind == .server)
            #expect(banner.kindLabel == "server error")
            #expect(banner.kind.offersRetry)
            #expect(banner.title == "503 Server error while loading Users")
            #expect(banner.detail == "later — retried, still failing")
        }
        // A code the console has no words for reads as unexpected, or as a server error on a 5xx.
        #expect(AuthPIError.Code.requestTimeout.grouped(statusCode: 408) == .requestTimeout)
        #expect(Banner.Kind.failure(.requestTimeout).label == "unexpected")
        #expect(AuthPIError.Code.unexpected.grouped(statusCode: 599) == .serverError)
    }

    /// The words of today's kinds stay as they were.
    @Test func kindsKeepTheirWords() {
        let labels: [(AuthPIError.Code, String, Bool)] = [
            (.rateLimited, "rate limited", true), (.notFound, "not found", false),
            (.authentication, "authentication", false), (.forbidden, "forbidden", false),
            (.validation, "invalid input", false), (.invalidArgument, "invalid input", false),
            (.conflict, "conflict", false), (.preconditionFailed, "changed meanwhile", false),
            (.transport, "network", true), (.configuration, "configuration", false),
            (.malformedResponse, "bad response", true), (.responseTooLarge, "bad response", true),
            (.closedClient, "client closed", false), (.unexpected, "unexpected", true),
        ]
        for (code, label, offersRetry) in labels {
            let kind = Banner.Kind.failure(code.grouped(statusCode: 400))
            #expect(kind.label == label, "\(code)")
            #expect(kind.offersRetry == offersRetry, "\(code)")
        }
        let transport = Banner.failure(
            ConsoleFailure(kind: .transport, code: "connect", message: "refused", host: "api.test"), subject: "saving x")
        #expect(transport.title == "Cannot reach api.test while saving x")
        #expect(Banner.Kind.readOnly.label == "read-only" && !Banner.Kind.readOnly.offersRetry)
    }
}
