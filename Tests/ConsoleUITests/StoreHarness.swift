import AuthPIAdmin
import AuthPIEmulator
import ConsoleCore
import Foundation
import Testing
@testable import ConsoleUI
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real thing in one process: the emulator with the demo seed on a free loopback port, a client, the store,
/// the store driver and the run loop, drawing into an in-memory terminal.
@MainActor
final class StoreHarness {
    let emulator: RunningEmulator
    let client: AuthPIClient
    let store: ConsoleStore
    let driver: StoreDriver
    let terminal: MemoryTerminal
    let app: ConsoleApp

    init(size: TerminalSize, theme: Theme = .colored, users: Int? = nil) async throws {
        emulator = try await Emulator.start(EmulatorOptions(users: users))
        client = try AuthPIClient(
            credentials: .apiKey(id: EmulatorDemo.apiKeyID, secret: EmulatorDemo.apiKeySecret),
            configuration: Configuration(baseURL: emulator.baseURL, accountID: EmulatorDemo.accountID, retries: .disabled))
        store = ConsoleStore(
            source: AuthPIDataSource(client: client, credentialSource: "AUTHPI_API_KEY", readsAreRetried: false),
            // A fixed base URL in the header keeps snapshots independent of the port.
            header: HeaderInfo(account: EmulatorDemo.accountID, baseURL: "http://127.0.0.1:4010", profile: "demo"),
            configuration: ConsoleConfiguration(pageSize: 50))
        driver = StoreDriver(store: store, profiles: ["demo", "staging"])
        terminal = MemoryTerminal(size: size)
        app = ConsoleApp(terminal: terminal, driver: driver, theme: theme)
        app.step()
        store.start()
    }

    private var otherClients: [AuthPIClient] = []

    /// Runs `body` with a harness and always stops it before returning (never in a detached task).
    static func with(
        size: TerminalSize, theme: Theme = .colored, users: Int? = nil, _ body: (StoreHarness) async throws -> Void
    ) async throws {
        let harness = try await StoreHarness(size: size, theme: theme, users: users)
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
        _ = await store.waitUntil(timeout: .seconds(5)) { $0.header.requestsInFlight == 0 }
        try? await client.close()
        for other in otherClients { try? await other.close() }
        otherClients = []
        try? await Task.sleep(for: .milliseconds(150))
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
    @discardableResult
    func settle(timeout: Duration = .seconds(10), _ predicate: (ConsoleState) -> Bool) async -> Bool {
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
        guard let url = URL(string: emulator.baseURL + "/_emulator/faults") else { return }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = try JSONSerialization.data(withJSONObject: ["path": path, "status": status, "count": count])
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        // No keep-alive connection may outlive the emulator.
        request.setValue("close", forHTTPHeaderField: "Connection")
        let (_, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse, (200..<300).contains(http.statusCode) else {
            throw HarnessFailure("could not arm the fault")
        }
    }

    /// The screen without its header line, whose latency varies from run to run.
    /// `maskingDigits`: for panes showing the time of this run (Errors), digits become `#`.
    func assertSnapshot(_ name: String, maskingDigits: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        Snapshot.assertMatches(terminal, named: "store-\(name)-\(terminal.size.columns)x\(terminal.size.rows)",
                               skippingHeader: true, maskingDigits: maskingDigits, sourceLocation: sourceLocation)
    }
}

struct HarnessFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
