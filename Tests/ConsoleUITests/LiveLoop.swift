import AuthPIEmulator
import ConsoleCore
import Foundation
import Testing
@testable import ConsoleUI

/// The reliability suites (faults, monkey, edge input) run one after another: the monkey and a huge paste hold
/// the main actor hard, and the fault tests measure how long keys wait for it — side by side they would measure
/// each other.
@Suite(.serialized) struct ConsoleReliability {}

/// The console's real run loop (`ConsoleApp.run`) going in a task over a `StoreHarness`, with keys fed the way a
/// terminal delivers them. `press` measures the gap between a key and the end of the loop step that read it and
/// drew its frame: a loop blocked by a request would show here as a long gap.
@MainActor
final class LiveLoop {
    let h: StoreHarness
    private var task: Task<Void, Never>?
    private(set) var gaps: [Duration] = []
    /// Keys pressed while at least one request was in flight.
    private(set) var keysDuringRequests = 0
    private let clock = ContinuousClock()

    init(_ harness: StoreHarness) {
        h = harness
        task = Task { await harness.app.run() }
    }

    /// Runs `body` with a loop over a fresh harness; stops the loop and the harness whatever happens.
    static func with(
        size: TerminalSize = TerminalSize(columns: 100, rows: 30), users: Int? = 300,
        login: StoreHarness.Login = .demoKeyPair, clock: ManualClock? = nil, _ body: (LiveLoop) async throws -> Void
    ) async throws {
        try await StoreHarness.with(size: size, users: users, login: login, clock: clock) { h in
            let loop = LiveLoop(h)
            do {
                try await body(loop)
            } catch {
                await loop.stop()
                throw error
            }
            await loop.stop()
        }
    }

    func stop() async {
        task?.cancel()
        await task?.value
        task = nil
    }

    /// Feeds a key and waits until the loop has read it; the step that reads a key also draws its frame before
    /// anything else runs on the main actor. The gap is measured on the real clock.
    @discardableResult
    func press(_ key: KeyEvent) async throws -> Duration {
        if h.store.state.header.requestsInFlight > 0 { keysDuringRequests += 1 }
        let start = clock.now
        h.terminal.feed(key)
        await h.terminal.keysRead()
        guard h.terminal.pendingKeyCount == 0 else { throw HarnessFailure("key \(key) not read: the loop stopped") }
        let gap = clock.now - start
        gaps.append(gap)
        return gap
    }

    func press(_ key: KeyEvent, times: Int) async throws {
        for _ in 0..<times { try await press(key) }
    }

    func type(_ text: String) async throws {
        for scalar in text.unicodeScalars { try await press(KeyEvent.fromCharacter(scalar)) }
    }

    /// Waits (bounded) for the store, looking after each change; the loop keeps drawing meanwhile.
    @discardableResult
    func until(timeout: Duration = .seconds(30), _ predicate: (ConsoleState) -> Bool) async -> Bool {
        let held = await h.store.waitUntil(timeout: timeout, predicate)
        // The change woke the loop too; drawing here (the loop's turn then finds nothing new) means the screen
        // read next shows this state whichever of the two runs first.
        h.app.renderIfNeeded()
        return held
    }

    /// Waits (bounded) until every request has answered and every timer the clock made due has run, then
    /// draws the state it left.
    @discardableResult
    func settle() async -> Bool {
        let settled = await h.store.settle()
        h.app.renderIfNeeded()
        return settled
    }

    var screen: String { h.terminal.text() }
    var state: ConsoleState { h.store.state }
    var longestGap: Duration { gaps.max() ?? .zero }

    /// One line for the test log: how long the longest key waited for its frame.
    func report(_ fault: String) {
        let sorted = gaps.sorted()
        let median = sorted.isEmpty ? Duration.zero : sorted[sorted.count / 2]
        print("""
            key-to-frame under \(fault): \(gaps.count) keys (\(keysDuringRequests) while a request was in flight), \
            longest gap \(Self.milliseconds(longestGap)) ms, median \(Self.milliseconds(median)) ms
            """)
    }

    static func milliseconds(_ duration: Duration) -> String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.1f", ms)
    }

    // MARK: Navigation

    /// Issuers → the demo issuer's Users, first page loaded and hydrated.
    func openUsers() async throws {
        guard await until({ $0.current?.kind == .issuers && $0.current?.list.hasFirstPage == true }) else {
            throw HarnessFailure("issuers did not load:\n\(screen)")
        }
        guard let pane = state.current,
              let index = (0..<pane.rowCount).first(where: { pane.row(at: $0)?.id == EmulatorDemo.issuerID })
        else { throw HarnessFailure("\(EmulatorDemo.issuerID) not listed") }
        try await press(.character("j"), times: index - pane.selection)
        try await press(.enter)
        guard await usersSettled() else { throw HarnessFailure("users did not load:\n\(screen)") }
    }

    /// The Users pane has its rows and nothing is loading or being hydrated.
    func usersSettled(timeout: Duration = .seconds(30)) async -> Bool {
        await until(timeout: timeout) { state in
            guard let pane = state.current, pane.kind == .users else { return false }
            return pane.list.hasFirstPage && !pane.list.isLoading && pane.hydratingIDs.isEmpty
                && state.header.requestsInFlight == 0
        }
    }

    /// Opens the edit form of the selected user and appends `suffix` to the display name.
    func editDisplayName(appending suffix: String) async throws {
        try await press(.character("e"))
        guard await until({ if case .edit = $0.dialog { true } else { false } }) else {
            throw HarnessFailure("edit form did not open:\n\(screen)")
        }
        try await press(.tab)
        guard case .edit(let form) = state.dialog, form.focus == .displayName else {
            throw HarnessFailure("display name not focused")
        }
        try await type(suffix)
    }

    /// The edit form on screen, if any.
    var form: UserEditForm? {
        switch state.dialog {
        case .edit(let form): form
        default: nil
        }
    }
}
