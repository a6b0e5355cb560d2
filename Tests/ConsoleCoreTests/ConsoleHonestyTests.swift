import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing
@testable import ConsoleCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What the console says is true and current: the account it acts on, the whole text of an error, the current
/// version in describe, counts after a change, banners only while they apply, waits it is in. Against the
/// emulator over real HTTP (issue 11 items 7, 8, 11, 12, 16; issue 16's account picker).
@MainActor
@Suite("Console honesty against the emulator", .serialized)
struct ConsoleHonestyTests {
    // MARK: Account picker (issue 16)

    @Test func severalAccountsOpenOnAPickerAndTheChoiceIsUsed() async throws {
        try await withPickerStore(keyID: EmulatorDemo.multiAccountKeyID, secret: EmulatorDemo.multiAccountKeySecret) { env in
            let store = env.store
            #expect(await store.waitUntil { if case .choosing = $0.accountPicker?.phase { true } else { false } })
            #expect(store.state.accountPicker?.accounts.map(\.id) == EmulatorDemo.multiAccountKeyAccountIDs)
            #expect(store.state.stack.isEmpty, "nothing is listed before an account is chosen")
            store.send(.move(by: 1))
            store.send(.open)
            #expect(store.state.accountPicker == nil)
            #expect(store.state.header.account == EmulatorDemo.otherAccountID)
            #expect(await store.waitUntil { $0.current?.kind == .issuers && $0.current?.list.hasFirstPage == true })
            let paths = try await env.requestPaths()
            #expect(paths.contains("/v1/me"))
            #expect(paths.contains("/v1/accounts/\(EmulatorDemo.otherAccountID)/issuers"))
            #expect(!paths.contains { $0.contains("/accounts/me/") })
        }
    }

    @Test func oneAccountSkipsThePicker() async throws {
        try await withPickerStore(keyID: EmulatorDemo.apiKeyID, secret: EmulatorDemo.apiKeySecret) { env in
            #expect(await env.store.waitUntil { $0.current?.kind == .issuers && $0.current?.list.hasFirstPage == true })
            #expect(env.store.state.accountPicker == nil)
            #expect(env.store.state.header.account == EmulatorDemo.accountID)
        }
    }

    @Test func refusedCredentialNamesItsFormAndSourceNeverTheSecret() async throws {
        let secret = "wrong-secret-value"
        try await withPickerStore(keyID: EmulatorDemo.apiKeyID, secret: secret) { env in
            let store = env.store
            #expect(await store.waitUntil { if case .failed = $0.accountPicker?.phase { true } else { false } })
            let banner = try #require(store.state.banner)
            #expect(banner.kind == .authentication)
            #expect(banner.text(now: Date()).contains("Basic key pair \(EmulatorDemo.apiKeyID) from environment variable AUTHPI_API_KEY"))
            #expect(!banner.text(now: Date()).contains(secret))
            #expect(!banner.describedJSON.contains(secret))
            #expect(store.state.stack.isEmpty)
        }
    }

    // MARK: Errors pane describe (item 7)

    @Test func describeOnErrorsShowsTheWholeError() async throws {
        try await withHarness() { h in
            try await h.openUsers()
            // A validation failure from the server: fields, code, reference.
            h.store.send(.editUser)
            #expect(await h.store.waitUntil { if case .edit = $0.dialog { true } else { false } })
            try await h.addFault(method: "PATCH", path: "/v1/accounts/*/issuers/*/users/*", status: 500, count: 1)
            h.store.send(.setField(.lastName, "Other"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.banner?.kind == .server })
            h.store.send(.cancelDialog)
            h.store.send(.confirm)
            h.store.send(.jump(.errors))
            #expect(await h.store.waitUntil { $0.current?.kind == .errors && ($0.current?.rowCount ?? 0) > 0 })
            let row = try #require(h.store.state.current?.row(at: 0))
            #expect(row.cells[1] == "server error", "the TYPE column is words, not an internal name")
            h.store.send(.describe)
            guard case .describe(let description) = h.store.state.dialog else {
                Issue.record("describe did not open")
                return
            }
            #expect(description.json != "{}")
            for key in ["\"status\" : 500", "\"type\" : \"server error\"", "\"request\"", "\"reference\"", "\"time\"",
                        "\"message\"", "\"code\""] {
                #expect(description.json.contains(key), "describe lacks \(key): \(description.json)")
            }
        }
    }

    @Test func validationFieldsReachTheErrorsDescribe() {
        let failure = ConsoleFailure(
            kind: .validation, statusCode: 422, code: "validation_error", message: "invalid", reference: "ref_1",
            fields: [FieldMessage(field: "username", code: "taken", message: "already used")])
        let banner = Banner.failure(failure, subject: "saving alice")
        #expect(banner.describedJSON.contains("\"field\" : \"username\""))
        #expect(banner.describedJSON.contains("\"request\" : \"saving alice\""))
        #expect(banner.kindLabel == "invalid input")
        #expect(Banner(severity: .warning, kind: .preconditionFailed, title: "x").kindLabel == "changed meanwhile")
    }

    // MARK: Describe reads the current version (item 8)

    @Test func describeAfterAnotherWriterShowsTheCurrentVersion() async throws {
        try await withHarness() { h in
            let userID = EmulatorDemo.userWithSessionsID
            try await h.openUser(userID)
            let other = try h.otherClient()
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(["profile": ["last_name": "Newer"]])
            h.store.send(.describe)
            #expect(await h.store.waitUntil {
                if case .describe(let description) = $0.dialog { description.note == nil && description.json.contains("Newer") }
                else { false }
            })
        }
    }

    // MARK: Stale state (item 12)

    @Test func userDetailCountsAreReadAgainAfterADelete() async throws {
        try await withHarness() { h in
            let userID = EmulatorDemo.userWithSessionsID
            try await h.openUser(userID)
            #expect(await h.store.waitUntil { state in
                state.current?.list.row(atID: "count:trustedDevices")?.cells.last.map { $0 != "…" } ?? false
            })
            let before = try #require(h.store.state.current?.list.row(atID: "count:trustedDevices")?.cells.last)
            h.store.send(.select(index: h.store.state.current?.displayIndex(ofID: "count:trustedDevices") ?? 0))
            h.store.send(.open)
            #expect(await h.waitForRows(.trustedDevices))
            let count = h.store.state.current?.rowCount ?? 0
            try #require(count > 0 && String(count) == before)
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.current?.rowCount == count - 1 })
            h.store.send(.back)
            #expect(await h.store.waitUntil { state in
                state.current?.list.row(atID: "count:trustedDevices")?.cells.last == String(count - 1)
            })
        }
    }

    @Test func aNavigationHintDoesNotFollowToTheNextPane() async throws {
        try await withHarness() { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            h.store.send(.jump(.errors))
            h.store.send(.jump(.users))
            #expect(h.store.state.banner?.title == "Choose an issuer first")
            #expect(await h.waitForRows(.issuers))
            h.store.send(.select(index: 0))
            h.store.send(.nextSibling)
            #expect(h.store.state.current?.kind != .issuers)
            #expect(h.store.state.banner == nil)
        }
    }

    @Test func aPreconditionBannerGoesWithTheDiscardedEdit() async throws {
        try await withHarness() { h in
            let userID = EmulatorDemo.userWithSessionsID
            try await h.openUser(userID)
            h.store.send(.editUser)
            #expect(await h.store.waitUntil { if case .edit = $0.dialog { true } else { false } })
            _ = try await h.otherClient().issuer(EmulatorDemo.issuerID).user(userID).update(["profile": ["last_name": "Z"]])
            h.store.send(.setField(.firstName, "Mine"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .conflict = $0.dialog { true } else { false } })
            #expect(h.store.state.banner?.kind == .preconditionFailed)
            h.store.send(.resolveConflict(.cancel))
            h.store.send(.cancelDialog)  // Esc on the dirty form: discard?
            h.store.send(.confirm)  // yes
            #expect(h.store.state.dialog == nil)
            #expect(h.store.state.banner == nil)
        }
    }

    // MARK: Smaller (item 16)

    @Test func aFailedFirstPageSaysSoInTheCount() async throws {
        try await withHarness() { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            try await h.addFault(method: "GET", path: "/v1/accounts/*/issuers/*/users", status: 403, count: 1)
            h.select(EmulatorDemo.issuerID)
            h.store.send(.open)
            #expect(await h.store.waitUntil { $0.banner?.kind == .forbidden })
            #expect(h.store.state.current?.rowCountText == "failed")
            #expect(h.store.state.breadcrumbText.hasSuffix("Users (failed)"))
        }
    }

    // MARK: A silent client-side Retry-After wait is shown (item 11)

    @Test func theClientsOwnRetryAfterWaitIsShownThenCleared() async throws {
        let emulator = try await Emulator.start(EmulatorOptions())
        let relay = WaitRelay()
        let observer = RateLimitWaitObserver { seconds in Task { @MainActor in relay.store?.send(.clientWaitsForRateLimit(seconds: seconds)) } }
        let client = try AuthPIClient(
            credentials: .apiKey(id: EmulatorDemo.apiKeyID, secret: EmulatorDemo.apiKeySecret),
            configuration: Configuration(
                baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID,
                retries: RetryPolicy(limit: 2, delay: .milliseconds(10)), middlewares: [observer]))
        let store = ConsoleStore(
            source: AuthPIDataSource(client: client), header: HeaderInfo(account: EmulatorDemo.accountID, baseURL: emulator.baseURL))
        relay.store = store
        do {
            try await emulatorControl(emulator, "POST", "/_emulator/faults",
                              body: ["method": "GET", "path": "/v1/accounts/*/issuers", "status": 429, "count": 1, "retry_after": 1])
            store.start()
            // Read from the history: on a busy machine the wait (1 s) may be over before this test looks again.
            #expect(await store.waitUntil(timeout: .seconds(10)) { state in
                state.bannerHistory.contains { $0.kind == .rateLimited && $0.retriesAutomatically }
            })
            #expect(store.state.bannerHistory.last { $0.kind == .rateLimited }?.title.contains("waiting") == true)
            #expect(await store.waitUntil(timeout: .seconds(5)) { $0.current?.list.hasFirstPage == true })
            #expect(await store.waitUntil(timeout: .seconds(2)) { $0.banner == nil })
        } catch {
            Issue.record("\(error)")
        }
        store.shutdown()
        await store.settle(timeout: .seconds(5))
        try? await client.close()
        await emulator.shutdown()
    }

    /// Only a wait and its end are reported: an answer while no wait is shown says nothing (reporting every
    /// answer made the console publish, and draw, once per page of a walk).
    @Test func theWaitObserverReportsAWaitAndItsEndAndNothingElse() async throws {
        let emulator = try await Emulator.start(EmulatorOptions())
        let reports = WaitReports()
        let client = try AuthPIClient(
            credentials: .apiKey(id: EmulatorDemo.apiKeyID, secret: EmulatorDemo.apiKeySecret),
            configuration: Configuration(
                baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID,
                retries: RetryPolicy(limit: 2, delay: .milliseconds(10)),
                middlewares: [RateLimitWaitObserver { reports.append($0) }]))
        do {
            for _ in 0..<5 { _ = try await client.issuers.list(limit: 3) }
            #expect(reports.values.isEmpty, "answers with no wait shown: \(reports.values)")
            try await emulatorControl(emulator, "POST", "/_emulator/faults",
                                      body: ["method": "GET", "path": "/v1/accounts/*/issuers", "status": 429, "count": 1, "retry_after": 0])
            _ = try await client.issuers.list(limit: 3)
            #expect(reports.values == [0, nil], "the wait (Retry-After: 0), then its end")
            for _ in 0..<3 { _ = try await client.issuers.list(limit: 3) }
            #expect(reports.values == [0, nil], "nothing more once the wait is over")
        } catch {
            Issue.record("\(error)")
        }
        try? await client.close()
        await emulator.shutdown()
    }

    // MARK: Helpers

    final class WaitReports: @unchecked Sendable {
        private let lock = NSLock()
        private var reported: [Int?] = []
        func append(_ value: Int?) { lock.withLock { reported.append(value) } }
        var values: [Int?] { lock.withLock { reported } }
    }

    struct PickerEnvironment {
        let store: ConsoleStore
        let emulator: RunningEmulator

        func requestPaths() async throws -> [String] {
            let data = try await emulatorControl(emulator, "GET", "/_emulator/requests?limit=500")
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            return (object?["data"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        }
    }

    /// A store started on the account picker with a key pair and no account, as `authpi-console` starts without
    /// `--account-id`; every client and the emulator are closed before returning.
    private func withPickerStore(
        keyID: String, secret: String, _ body: (PickerEnvironment) async throws -> Void
    ) async throws {
        let emulator = try await Emulator.start(EmulatorOptions())
        let clients = ClientList()
        let credential = "Basic key pair \(keyID) from environment variable AUTHPI_API_KEY"
        let baseURL = emulator.baseURL
        let directoryClient = try AuthPIClient(
            keyID: keyID, keySecret: secret, configuration: Configuration(baseURL: baseURL, retries: .disabled))
        clients.all.append(directoryClient)
        let directory = AuthPIDataSource(client: directoryClient, credentialSource: credential, readsAreRetried: false)
        let store = ConsoleStore(source: directory, header: HeaderInfo(account: "no account chosen", baseURL: baseURL))
        store.send(.setViewport(rows: 10))
        store.startPickingAccount(from: directory) { accountID in
            guard let client = try? AuthPIClient(
                keyID: keyID, keySecret: secret,
                configuration: Configuration(baseURL: baseURL, accountID: accountID, retries: .disabled))
            else { return directory }
            clients.all.append(client)
            return AuthPIDataSource(client: client, credentialSource: credential, readsAreRetried: false)
        }
        var failure: (any Error)?
        do { try await body(PickerEnvironment(store: store, emulator: emulator)) } catch { failure = error }
        store.shutdown()
        await store.settle(timeout: .seconds(5))
        for client in clients.all { try? await client.close() }
        await emulator.shutdown()
        if let failure { throw failure }
    }
}

@MainActor
private final class ClientList {
    var all: [AuthPIClient] = []
}

@MainActor
private final class WaitRelay {
    weak var store: ConsoleStore?
}
