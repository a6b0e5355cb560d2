import AuthPIEmulator
import ConsoleCore
import Foundation
import Testing
@testable import ConsoleUI

extension ConsoleReliability {
    /// A seeded random-key monkey on the in-memory screen against the in-process emulator: every key of the key map,
    /// random printable characters, Esc / Enter / arrows / Ctrl keys, `:` commands with junk, random resizes from 0×0
    /// to 300×100, and server faults armed now and then. Invariants are checked as it goes; afterwards a fixed key
    /// sequence must still reach the Issuers pane and `q` must quit.
    ///
    /// Two runs: a fixed seed (the same keys every time) and a random one it prints, so new paths are tried and a
    /// failure can be replayed: `MONKEY_SEED=1234 swift test --filter Monkey` (`MONKEY_KEYS=N` for another length).
    @MainActor
    @Suite("Monkey", .serialized)
    struct MonkeyTests {
        /// Keys the monkey never presses: they end the run (`q`, Ctrl-C) instead of exercising it.
        static let excluded: Set<KeyEvent> = [.character("q"), .control("c")]

        static var keyMapKeys: [KeyEvent] {
            let scopes = PaneKind.allCases.map(KeyScope.pane) + [.describe]
            let keys = Set(scopes.flatMap { KeyMap.bindings(for: $0).flatMap { $0.keyActions.map(\.key) } })
            return keys.subtracting(excluded).sorted { $0.description < $1.description }
        }

        static let specialKeys: [KeyEvent] = [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace, .delete, .tab,
            .backTab, .control("a"), .control("e"), .control("u"), .control("l"), .control("k"), .control("w"),
            .control("z"), .control("d"),
        ]

        static let paletteInputs = [
            "issuers", "users", "webhooks", "events", "errors", "profile", "profile staging", "profile nope",
            "zzz", "", "  ", "issuers extra", "\u{1B}[2J", "profile \u{202E}evil", "webhooks;rm -rf /", "😀😀", "ｗｅｂ",
        ]

        static let sizes: [TerminalSize] = [
            .init(columns: 0, rows: 0), .init(columns: 1, rows: 1), .init(columns: 2, rows: 1), .init(columns: 20, rows: 5),
            .init(columns: 39, rows: 7), .init(columns: 40, rows: 8), .init(columns: 60, rows: 16),
            .init(columns: 100, rows: 30), .init(columns: 300, rows: 100),
        ]

        /// The seed every run repeats.
        static let fixedSeed: UInt64 = 20_261_130
        static var keyCount: Int {
            ProcessInfo.processInfo.environment["MONKEY_KEYS"].flatMap { Int($0) }.map { min(max($0, 1), 1_000_000) } ?? 5_000
        }

        @Test func fixedSeedKeysResizesAndFaults() async throws {
            try await run(seed: Self.fixedSeed, keyCount: Self.keyCount)
        }

        @Test func randomSeedKeysResizesAndFaults() async throws {
            let seed = ProcessInfo.processInfo.environment["MONKEY_SEED"].flatMap { UInt64($0) }
                ?? UInt64.random(in: 1...UInt64(UInt32.max))
            try await run(seed: seed, keyCount: Self.keyCount)
        }

        private func run(seed: UInt64, keyCount: Int) async throws {
            print("monkey: seed \(seed), \(keyCount) keys (re-run: MONKEY_SEED=\(seed) swift test --filter Monkey)")
            var random = SeededRandom(seed: seed)
            let keyMap = Self.keyMapKeys
            let clock = ContinuousClock()
            let started = clock.now

            try await StoreHarness.with(size: TerminalSize(columns: 100, rows: 30), users: 120) { h in
                var longestStep = Duration.zero
                var pressed = 0
                var resizes = 0
                var faults = 0
                var checks = 0
                @MainActor func press(_ key: KeyEvent) {
                    var key = key
                    // The palette can quit too (`:quit`, or a completion picked with ↓); the monkey closes it instead.
                    if key == .enter, case .palette(let palette)? = h.app.localOverlay, Self.wouldQuit(palette) { key = .escape }
                    h.terminal.feed(key)
                    let stepStart = clock.now
                    h.app.step()
                    longestStep = max(longestStep, clock.now - stepStart)
                    pressed += 1
                }
                @MainActor func check(_ context: @autoclosure () -> String) {
                    checks += 1
                    let failure = Self.invariantViolation(h)
                    #expect(failure == nil, "seed \(seed), \(context()): \(failure ?? "")")
                }

                // A huge screen costs ten normal frames in a debug build: it stays only for a few keys.
                var keysAtHugeSize = 0
                while pressed < keyCount {
                    if h.terminal.size.columns * h.terminal.size.rows > 160 * 50 {
                        keysAtHugeSize += 1
                        if keysAtHugeSize > 15 {
                            keysAtHugeSize = 0
                            h.terminal.resize(to: Self.sizes[random.next(below: Self.sizes.count - 1)])
                            h.app.step()
                            resizes += 1
                        }
                    }
                    let roll = random.next(below: 1000)
                    switch roll {
                    case 0..<12:
                        // Resize: mostly the listed sizes, sometimes anything up to 300×100.
                        let size = random.next(below: 3) == 0
                            ? TerminalSize(columns: random.next(below: 301), rows: random.next(below: 101))
                            : Self.sizes[random.next(below: Self.sizes.count)]
                        h.terminal.resize(to: size)
                        h.app.step()
                        resizes += 1
                    case 12..<15:
                        // A fault on the next few requests of any kind.
                        let status = [500, 503, 429, 0, -1][random.next(below: 5)]
                        try await h.addFault(
                            method: nil, path: "/v1/**", status: status < 0 ? nil : status, count: 1 + random.next(below: 3),
                            retryAfter: status == 429 ? 1 : nil, delayMilliseconds: status < 0 ? 300 : nil)
                        faults += 1
                    case 15..<45:
                        // A palette command, valid or junk.
                        press(.character(":"))
                        let input = Self.paletteInputs[random.next(below: Self.paletteInputs.count)]
                        for scalar in input.unicodeScalars where pressed < keyCount { press(KeyEvent.fromCharacter(scalar)) }
                        if random.next(below: 4) > 0 { press(random.next(below: 5) == 0 ? .tab : .enter) }
                    case 45..<145:
                        // A printable character, anything from ASCII to CJK and emoji.
                        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x17F, 0x4E00...0x4E80, 0x1F600...0x1F64F]
                        let pool = pools[random.next(below: pools.count)]
                        let value = pool.lowerBound + UInt32(random.next(below: Int(pool.upperBound - pool.lowerBound) + 1))
                        if let scalar = Unicode.Scalar(value), !Self.excluded.contains(.character(Character(scalar))) {
                            press(.character(Character(scalar)))
                        }
                    case 145..<300:
                        press(Self.specialKeys[random.next(below: Self.specialKeys.count)])
                    default:
                        press(keyMap[random.next(below: keyMap.count)])
                    }
                    // Let answers from the server arrive now and then, as they would between a user's keys.
                    // Other main-actor work (the store's answers, other suites) runs between keys.
                    await Task.yield()
                    // Now and then every answer is in before the next key (most keys meet requests in flight).
                    if pressed % 100 == 0 { await h.store.settle(timeout: .seconds(5)) }
                    if pressed % 100 == 0 || roll < 12 { check("after \(pressed) keys") }
                    if h.driver.isFinished {
                        Issue.record("seed \(seed): the console quit after \(pressed) keys without q or Ctrl-C")
                        return
                    }
                }
                check("at the end")

                // No stuck state: back to a normal size, faults off; Esc out of whatever is open, then :issuers.
                try await h.clearFaults()
                h.terminal.resize(to: TerminalSize(columns: 100, rows: 30))
                h.app.step()
                for _ in 0..<30 {
                    let state = h.store.state
                    let screen = h.driver.screen(size: h.terminal.size)
                    if state.dialog == nil, h.app.localOverlay == nil, !screen.breadcrumb.isEditingFilter { break }
                    switch state.dialog {
                    case .discardEdit, .discardForm: h.press(.character("y"))
                    case .confirmQuit, .confirm: h.press(.character("n"))
                    case .conflict, .formConflict: h.press(.character("c"))
                    default: h.press(.escape)
                    }
                }
                #expect(h.store.state.dialog == nil, "seed \(seed): a dialog is still open:\n\(h.terminal.text())")
                h.press(.character(":"))
                h.type("issuers")
                h.press(.enter)
                // The Issuers pane comes back as the monkey left it (maybe filtered, maybe with a failed page):
                // Esc clears a filter, r loads it again now that the faults are off.
                #expect(await h.settle { $0.current?.kind == .issuers && $0.stack.count == 1 })
                // Esc clears a filter (a first Esc may stop a scan); with no filter it would go back to where the
                // jump came from, so it is pressed only while a filter is applied (bounded).
                for _ in 0..<3 where !(h.store.state.current?.filterText.isEmpty ?? true) { h.press(.escape) }
                h.press(.character("r"))
                #expect(await h.settle { $0.current?.kind == .issuers && ($0.current?.rowCount ?? 0) > 0 },
                        "seed \(seed): Issuers not reached:\n\(h.terminal.text())")
                #expect(await h.settled(on: .issuers), "seed \(seed): Issuers not reached:\n\(h.terminal.text())")
                #expect(h.terminal.text().contains("Issuers ("), "seed \(seed):\n\(h.terminal.text())")
                check("after recovery")
                h.press(.character("q"))
                #expect(h.driver.isFinished, "seed \(seed): q did not quit:\n\(h.terminal.text())")

                let elapsed = clock.now - started
                print("""
                    monkey: seed \(seed): \(pressed) keys, \(resizes) resizes, \(faults) faults, \(checks) invariant checks \
                    in \(LiveLoop.milliseconds(elapsed)) ms; longest step (key → frame) \(LiveLoop.milliseconds(longestStep)) ms
                    """)
                // Generous: a step that blocked on the network would take seconds; a debug frame takes milliseconds.
                #expect(longestStep < .seconds(2), "seed \(seed): a key took \(longestStep) to handle")
            }
        }

        /// What must hold after any key: the screen is the terminal's size, the cursor is on it, the selection is on a
        /// row, no control character or secret reached the screen. Nil when all hold.
        static func invariantViolation(_ h: StoreHarness) -> String? {
            let size = h.terminal.size
            if h.terminal.grid.size != size { return "screen buffer \(h.terminal.grid.size) for a \(size) terminal" }
            if let cursor = h.terminal.cursor, cursor.x < 0 || cursor.y < 0 || cursor.x >= size.columns || cursor.y >= size.rows {
                return "cursor at \(cursor) outside \(size)"
            }
            let state = h.store.state
            if let pane = state.current, pane.rowCount > 0, !(0..<pane.rowCount).contains(pane.selection) {
                return "selection \(pane.selection) outside \(pane.rowCount) rows"
            }
            if state.header.requestsInFlight < 0 { return "negative requests in flight" }
            let text = h.terminal.text()
            for secret in [EmulatorDemo.apiKeySecret, Self.basicCredential] where text.contains(secret) {
                return "a secret is on screen"
            }
            if let bad = text.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) {
                return "control character U+\(String(bad.value, radix: 16)) on screen"
            }
            return nil
        }

        static func wouldQuit(_ palette: PaletteModel) -> Bool {
            if case .success(.quit) = CommandPalette.parse(palette.input) { return true }
            if case .failure = CommandPalette.parse(palette.input),
               palette.selectedCompletion < palette.completions.count,
               palette.completions[palette.selectedCompletion] == "quit" { return true }
            return false
        }

        static let basicCredential = Data("\(EmulatorDemo.apiKeyID):\(EmulatorDemo.apiKeySecret)".utf8).base64EncodedString()
    }
}

/// SplitMix64: small, fast, and the same sequence for the same seed on every platform.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound (bound ≥ 1).
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
