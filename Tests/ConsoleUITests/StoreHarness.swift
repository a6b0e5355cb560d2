import AuthPIAdmin
import AuthPIEmulator
import ConsoleCore
import Foundation
import TestSupport
import Testing
@testable import ConsoleUI
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real thing in one process: the emulator with the demo seed on a free loopback port, a client, the store,
/// the store driver and the run loop, drawing into an in-memory terminal.
@MainActor
final class StoreHarness {
    /// How the harness' client authenticates.
    enum Login {
        case demoKeyPair
        /// An access token minted by the emulator; with `refreshable`, a closure mints a new one on a 401.
        case accessToken(refreshable: Bool)
    }

    private(set) var emulator: RunningEmulator
    let client: AuthPIClient
    let store: ConsoleStore
    let driver: StoreDriver
    let terminal: MemoryTerminal
    let app: ConsoleApp
    private let users: Int?
    /// The access token the client started with (for `.accessToken`), to check it never reaches the screen.
    private(set) var accessToken: String?
    /// How many times the client asked for a new access token.
    let refreshCount = RefreshCounter()

    init(
        size: TerminalSize, theme: Theme = .colored, users: Int? = nil, login: Login = .demoKeyPair,
        clock: ManualClock? = nil
    ) async throws {
        self.users = users
        emulator = try await Emulator.start(EmulatorOptions(users: users))
        let credentials: Credentials
        let source: String
        switch login {
        case .demoKeyPair:
            credentials = .apiKey(id: EmulatorDemo.apiKeyID, secret: EmulatorDemo.apiKeySecret)
            source = "AUTHPI_API_KEY"
        case .accessToken(let refreshable):
            let baseURL = emulator.baseURL
            let token = try await Self.mintAccessToken(baseURL: baseURL)
            accessToken = token
            let counter = refreshCount
            var refresh: Credentials.Refresh?
            if refreshable {
                refresh = { @Sendable in
                    await counter.increment()
                    return try await StoreHarness.mintAccessToken(baseURL: baseURL)
                }
            }
            credentials = .accessToken(token, refresh: refresh)
            source = "environment variable AUTHPI_ACCESS_TOKEN"
        }
        client = try AuthPIClient(
            credentials: credentials,
            configuration: Configuration(baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID, retries: .disabled))
        store = ConsoleStore(
            source: AuthPIDataSource(client: client, credentialSource: source, readsAreRetried: false),
            // A fixed base URL in the header keeps snapshots independent of the port.
            header: HeaderInfo(account: EmulatorDemo.accountID, baseURL: "http://127.0.0.1:4010", profile: "demo"),
            configuration: ConsoleConfiguration(pageSize: 50),
            clock: clock.map { ConsoleClock($0) } ?? ConsoleClock())
        driver = StoreDriver(store: store, profiles: ["demo", "staging"])
        terminal = MemoryTerminal(size: size)
        app = ConsoleApp(terminal: terminal, driver: driver, theme: theme)
        app.step()
        store.start()
    }

    private var otherClients: [AuthPIClient] = []

    /// Runs `body` with a harness and always stops it before returning (never in a detached task).
    static func with(
        size: TerminalSize, theme: Theme = .colored, users: Int? = nil, login: Login = .demoKeyPair,
        clock: ManualClock? = nil, _ body: (StoreHarness) async throws -> Void
    ) async throws {
        let harness = try await StoreHarness(size: size, theme: theme, users: users, login: login, clock: clock)
        do {
            try await body(harness)
        } catch {
            await harness.stop()
            throw error
        }
        await harness.stop()
    }

    /// Stops the store, lets cancelled requests end, closes every client, then the emulator: no connection is
    /// left open when the server goes down (its shutdown traps on a connection accepted while it cancels).
    func stop() async {
        store.shutdown()
        // Every task the store started has ended (cancelled ones too) before the clients close.
        await store.settle(timeout: .seconds(5))
        try? await client.close()
        for other in otherClients { try? await other.close() }
        otherClients = []
        await emulator.shutdown()
    }

    /// Presses keys, one step each (the way a user types, frame by frame).
    func press(_ keys: KeyEvent...) {
        for key in keys {
            terminal.feed(key)
            app.step()
        }
    }

    func type(_ text: String) {
        for scalar in text.unicodeScalars { press(KeyEvent.fromCharacter(scalar)) }
    }

    /// Waits (bounded) until the state settles as asked, then draws.
    /// The bound is generous on purpose: it only ends a failing wait; on a loaded 2-core CI machine hydrating a
    /// screenful of users took longer than 10 s (seen once in a fresh-clone run).
    @discardableResult
    func settle(timeout: Duration = .seconds(30), _ predicate: (ConsoleState) -> Bool) async -> Bool {
        let held = await store.waitUntil(timeout: timeout) { state in
            predicate(state) && state.header.requestsInFlight == 0
        }
        app.step()
        return held
    }

    /// The user detail has its record and the counts of its lists.
    func settledOnUserDetail() async -> Bool {
        await settle { state in
            guard let pane = state.current, pane.kind == .userDetail, pane.userRecord != nil else { return false }
            let counts = (0..<pane.rowCount).compactMap { pane.row(at: $0) }.filter { $0.id.hasPrefix("count:") }
            return counts.count == 4 && counts.allSatisfy { $0.cells.last != "…" }
        }
    }

    /// The current pane has its first page and nothing is loading or being hydrated.
    func settled(on kind: PaneKind) async -> Bool {
        await settle { state in
            guard let pane = state.current, pane.kind == kind else { return false }
            return pane.list.hasFirstPage && !pane.list.isLoading && pane.hydratingIDs.isEmpty
        }
    }

    /// Moves the selection with j / k to the row with this id (bounded by the loaded rows).
    func select(_ id: String) -> Bool {
        guard let pane = store.state.current else { return false }
        guard let target = (0..<pane.rowCount).first(where: { pane.row(at: $0)?.id == id }) else { return false }
        let delta = target - pane.selection
        for _ in 0..<abs(delta) { press(delta > 0 ? .character("j") : .character("k")) }
        return store.state.current?.selectedRow?.id == id
    }

    /// A second administrator, for real ETag conflicts.
    func otherClient() throws -> AuthPIClient {
        let other = try AuthPIClient(
            credentials: .apiKey(id: EmulatorDemo.apiKeyID, secret: EmulatorDemo.apiKeySecret),
            configuration: Configuration(baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID, retries: .disabled))
        otherClients.append(other)
        return other
    }

    /// Arms a fault in the emulator (control API).
    func addFault(path: String, status: Int, count: Int = 1) async throws {
        try await addFault(method: nil, path: path, status: status, count: count)
    }

    /// Arms a fault in the emulator: `status` 0 drops the connection; `delayMilliseconds` alone is latency only.
    func addFault(
        method: String?, path: String, status: Int? = nil, count: Int = 1, retryAfter: Int? = nil,
        delayMilliseconds: Int? = nil
    ) async throws {
        var body: [String: Any] = ["path": path, "count": count]
        if let method { body["method"] = method }
        if let status { body["status"] = status }
        if let retryAfter { body["retry_after"] = retryAfter }
        if let delayMilliseconds { body["delay_ms"] = delayMilliseconds }
        _ = try await Self.control(baseURL: emulator.baseURL, "POST", "/_emulator/faults", body: body)
    }

    func clearFaults() async throws {
        _ = try await Self.control(baseURL: emulator.baseURL, "DELETE", "/_emulator/faults")
    }

    /// Recent requests the emulator served: (method, path, status).
    func requests() async throws -> [(method: String, path: String, status: Int)] {
        let data = try await Self.control(baseURL: emulator.baseURL, "GET", "/_emulator/requests?limit=500")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let entries = object?["data"] as? [[String: Any]] ?? []
        return entries.map { (($0["method"] as? String) ?? "", ($0["path"] as? String) ?? "", ($0["status"] as? Int) ?? -1) }
    }

    /// Makes the current access token expire: its next use gets 401 token_expired.
    func expireAccessToken() async throws {
        guard let token = accessToken else { throw HarnessFailure("the harness has no access token") }
        _ = try await Self.control(baseURL: emulator.baseURL, "POST", "/_emulator/access-tokens/\(token)/expire")
    }

    /// Stops the server (requests in flight end first) — the console keeps running against a dead port.
    func stopServer() async {
        _ = await store.waitUntil(timeout: .seconds(5)) { $0.header.requestsInFlight == 0 }
        await emulator.shutdown()
    }

    /// Starts the server again on the same port with the same seed.
    func restartServer() async throws {
        var options = EmulatorOptions(users: users)
        options.port = emulator.port
        // The port was just closed: binding again may need a moment (bounded).
        var lastError: (any Error)?
        for _ in 0..<50 {
            do {
                emulator = try await Emulator.start(options)
                return
            } catch {
                lastError = error
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        throw HarnessFailure("could not restart the emulator on port \(emulator.port): \(String(describing: lastError))")
    }

    nonisolated static func mintAccessToken(baseURL: String) async throws -> String {
        let data = try await control(
            baseURL: baseURL, "POST", "/_emulator/access-tokens", body: ["account_id": EmulatorDemo.accountID, "ttl_seconds": 600])
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let token = object?["access_token"] as? String else { throw HarnessFailure("no access token minted") }
        return token
    }

    nonisolated static func control(baseURL: String, _ method: String, _ path: String, body: [String: Any]? = nil) async throws -> Data {
        try await EmulatorControl.call(baseURL: baseURL, method, path, body: body)
    }

    /// The screen without its header line, whose latency varies from run to run.
    /// `maskingDigits`: for panes showing the time of this run (Errors), digits become `#`.
    func assertSnapshot(_ name: String, maskingDigits: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        Snapshot.assertMatches(terminal, named: "store-\(name)-\(terminal.size.columns)x\(terminal.size.rows)",
                               skippingHeader: true, maskingDigits: maskingDigits, sourceLocation: sourceLocation)
    }
}

actor RefreshCounter {
    private(set) var value = 0
    func increment() { value += 1 }
}

struct HarnessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
