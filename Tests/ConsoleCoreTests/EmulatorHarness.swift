import AuthPIAdmin
import AuthPIEmulator
import ConsoleCore
import Foundation
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One emulator on a free loopback port, a client on it, and a store over the client.
@MainActor
final class Harness {
    let emulator: RunningEmulator
    let client: AuthPIClient
    let store: ConsoleStore
    /// The client's requests as the console records them (`:requests`).
    let requestLog: RequestLog

    private init(emulator: RunningEmulator, client: AuthPIClient, store: ConsoleStore, requestLog: RequestLog) {
        self.emulator = emulator
        self.client = client
        self.store = store
        self.requestLog = requestLog
    }

    static func start(
        users: Int? = nil, pageSize: Int = 50, readOnly: Bool = false, retries: Bool = false,
        credentials: Credentials = .apiKey(id: EmulatorDemo.apiKeyID, secret: EmulatorDemo.apiKeySecret),
        accountID: String = EmulatorDemo.accountID, credentialSource: String = "test credentials",
        viewport: Int = 10, retained: Int = 2, clock: ManualClock? = nil,
        source wrap: (AuthPIDataSource) -> any ConsoleDataSource = { $0 }
    ) async throws -> Harness {
        let emulator = try await Emulator.start(EmulatorOptions(users: users))
        let requestLog = RequestLog()
        let client = try AuthPIClient(
            credentials: credentials,
            configuration: Configuration(
                baseURL: emulator.baseURL, accountID: accountID,
                retries: retries ? RetryPolicy(limit: 2, delay: .milliseconds(10)) : .disabled,
                middlewares: [requestLog.recorder]))
        let store = ConsoleStore(
            source: wrap(AuthPIDataSource(
                client: client, credentialSource: credentialSource, readsAreRetried: retries, requestLog: requestLog)),
            header: HeaderInfo(account: accountID, baseURL: emulator.baseURL),
            configuration: ConsoleConfiguration(
                pageSize: pageSize, prefetchDistance: 10, retainedPagesAround: retained, isReadOnly: readOnly),
            clock: clock.map { ConsoleClock($0) } ?? ConsoleClock())
        store.send(.setViewport(rows: viewport))
        return Harness(emulator: emulator, client: client, store: store, requestLog: requestLog)
    }

    private var otherClients: [AuthPIClient] = []

    /// Stops the store, lets cancelled requests end, closes every client, then the emulator: no connection is
    /// left open when the server goes down.
    func stop() async {
        store.shutdown()
        await store.settle(timeout: .seconds(5))
        try? await client.close()
        for other in otherClients { try? await other.close() }
        otherClients = []
        await emulator.shutdown()
    }

    /// A second client, as another administrator would use (closed by `stop()`).
    func otherClient() throws -> AuthPIClient {
        let other = try AuthPIClient(
            credentials: .apiKey(id: EmulatorDemo.apiKeyID, secret: EmulatorDemo.apiKeySecret),
            configuration: Configuration(baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID, retries: .disabled))
        otherClients.append(other)
        return other
    }

    // MARK: - Navigation helpers

    /// Waits for the current pane's first page.
    func waitForRows(_ kind: PaneKind) async -> Bool {
        await store.waitUntil { $0.current?.kind == kind && ($0.current?.list.hasFirstPage ?? false) && !($0.current?.list.isLoading ?? true) }
    }

    /// Selects the loaded row with this id; false when it is not loaded.
    @discardableResult
    func select(_ id: String) -> Bool {
        guard let pane = store.state.current else { return false }
        for index in 0..<pane.rowCount where pane.row(at: index)?.id == id {
            store.send(.select(index: index))
            return true
        }
        return false
    }

    /// Issuers → the demo issuer's Users.
    func openUsers(of issuerID: String = EmulatorDemo.issuerID) async throws {
        store.start()
        guard await waitForRows(.issuers), select(issuerID) else { throw HarnessError("issuer \(issuerID) not listed") }
        store.send(.open)
        guard await waitForRows(.users) else { throw HarnessError("users did not load") }
    }

    /// Users → the user's detail, finding the user by loading the list and filtering on its id.
    func openUser(_ userID: String) async throws {
        try await openUsers()
        store.send(.setFilter(userID))
        if store.state.current?.rowCount == 0 {
            store.send(.moveToEnd)
            guard await store.waitUntil(timeout: .seconds(30), { $0.loadToEnd == nil && ($0.current?.rowCount ?? 0) > 0 })
            else { throw HarnessError("user \(userID) not found") }
        }
        guard select(userID) else { throw HarnessError("user \(userID) not selectable") }
        store.send(.open)
        guard await store.waitUntil({ $0.current?.kind == .userDetail && $0.current?.userRecord != nil })
        else { throw HarnessError("detail of \(userID) did not load") }
    }

    /// User detail → one of the user's lists.
    func openUserList(_ kind: PaneKind, of userID: String) async throws {
        try await openUser(userID)
        while store.state.current?.kind != kind {
            store.send(.nextSibling)
            if store.state.stack.count > 8 { throw HarnessError("cannot reach \(kind)") }
        }
        guard await waitForRows(kind) else { throw HarnessError("\(kind) did not load") }
    }

    // MARK: - Emulator control API

    func addFault(
        method: String? = nil, path: String, status: Int? = nil, count: Int? = 1, retryAfter: Int? = nil,
        delayMilliseconds: Int? = nil
    ) async throws {
        var body: [String: Any] = ["path": path]
        if let method { body["method"] = method }
        if let status { body["status"] = status }
        if let count { body["count"] = count }
        if let retryAfter { body["retry_after"] = retryAfter }
        if let delayMilliseconds { body["delay_ms"] = delayMilliseconds }
        _ = try await control("POST", "/_emulator/faults", body: body)
    }

    func clearFaults() async throws { _ = try await control("DELETE", "/_emulator/faults") }

    /// Records events through the control API, each `(type, seconds ago)`; returns their ids.
    @discardableResult
    func appendEvents(_ events: [(type: String, ago: Int)], userID: String? = nil) async throws -> [String] {
        let items: [[String: Any]] = events.map { event in
            var item: [String: Any] = ["type": event.type, "ago_seconds": event.ago]
            if let userID {
                item["user_id"] = userID
                item["issuer_id"] = EmulatorDemo.issuerID
            }
            return item
        }
        let data = try await control("POST", "/_emulator/events", body: ["events": items])
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["data"] as? [String] ?? []
    }

    /// Recent requests: (method, path, query).
    func requests() async throws -> [(method: String, path: String, query: [String: String])] {
        let data = try await control("GET", "/_emulator/requests?limit=500")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let entries = object?["data"] as? [[String: Any]] ?? []
        return entries.map {
            (($0["method"] as? String) ?? "", ($0["path"] as? String) ?? "", ($0["query"] as? [String: String]) ?? [:])
        }
    }

    private func control(_ method: String, _ path: String, body: [String: Any]? = nil) async throws -> Data {
        try await emulatorControl(emulator, method, path, body: body)
    }
}

/// A call to the emulator's control API (`/_emulator/…`); a non-2xx answer throws with its body.
@discardableResult
nonisolated(nonsending) func emulatorControl(_ emulator: RunningEmulator, _ method: String, _ path: String, body: [String: Any]? = nil) async throws -> Data {
    try await EmulatorControl.call(baseURL: emulator.baseURL, method, path, body: body)
}

/// Starts a harness, runs `body`, and always stops the harness (emulator, client, store) before returning.
@MainActor
func withHarness(
    users: Int? = nil, pageSize: Int = 50, readOnly: Bool = false, retries: Bool = false,
    viewport: Int = 10, retained: Int = 2, clock: ManualClock? = nil,
    source wrap: (AuthPIDataSource) -> any ConsoleDataSource = { $0 }, _ body: (Harness) async throws -> Void
) async throws {
    let harness = try await Harness.start(
        users: users, pageSize: pageSize, readOnly: readOnly, retries: retries, viewport: viewport, retained: retained,
        clock: clock, source: wrap)
    do {
        try await body(harness)
    } catch {
        await harness.stop()
        throw error
    }
    await harness.stop()
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
