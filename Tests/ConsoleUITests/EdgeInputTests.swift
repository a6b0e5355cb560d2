import AuthPIAdmin
import AuthPIEmulator
import ConsoleCore
import Foundation
import Testing
@testable import ConsoleUI

extension ConsoleReliability {
    /// Bad input at the console's edges, on the in-memory screen against the emulator: data from the server that
    /// carries terminal escape sequences, control characters or bidi overrides; a huge paste into the filter and
    /// into a form field; secrets with every kind of banner on screen.
    @MainActor
    @Suite("Console edge input", .serialized)
    struct EdgeInputTests {
        /// What would move the cursor, clear the screen, set the window title or reorder text if a terminal got it.
        static func dangerousScalar(in text: String) -> Unicode.Scalar? {
            text.unicodeScalars.first { scalar in
                let v = scalar.value
                return (v < 0x20 && scalar != "\n") || v == 0x7F || (0x80...0x9F).contains(v)
                    || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F
            }
        }

        static let hostileName = "\u{1B}[2J\u{1B}]0;pwned\u{07}Eve \u{202E}gnp.exe\u{202C} \u{9B}31m\u{7F}end"

        @Test func escapeSequencesAndBidiFromTheServerAreShownInert() async throws {
            try await StoreHarness.with(size: TerminalSize(columns: 120, rows: 30)) { h in
                let created = try await h.otherClient().issuer(EmulatorDemo.issuerID).users.create(
                    CreateUserInput(email: "eve.hostile@evil.test", profile: ["display_name": .string(Self.hostileName),
                                                                              "first_name": .string("\u{1B}[31mred")]))
                let userID = created.value.json["id"]?.stringValue ?? ""
                #expect(!userID.isEmpty)
                #expect(await h.settled(on: .issuers))
                #expect(h.select(EmulatorDemo.issuerID))
                h.press(.enter)
                #expect(await h.settled(on: .users))
                h.press(.character("G"))
                #expect(await h.settle { $0.loadToEnd == nil && $0.current?.list.hasMore == false && ($0.current?.hydratingIDs.isEmpty ?? false) })
                #expect(h.select(userID))
                #expect(await h.settled(on: .users))
                var screen = h.terminal.text()
                #expect(screen.contains("eve.hostile@evil.test"))
                #expect(screen.contains("Eve"))
                #expect(Self.dangerousScalar(in: screen) == nil, "\(screen)")
                // The escape shows as text, replaced, not acted on: the rest of the screen is intact.
                #expect(screen.contains("?[2J"))
                #expect(screen.contains("AuthPI ·"))
                // The detail, the edit form and describe draw the same fields.
                h.press(.enter)
                #expect(await h.settledOnUserDetail())
                screen = h.terminal.text()
                #expect(screen.contains("Eve"))
                #expect(Self.dangerousScalar(in: screen) == nil, "\(screen)")
                h.press(.character("d"))
                #expect(await h.settle { if case .describe = $0.dialog { true } else { false } })
                screen = h.terminal.text()
                #expect(screen.contains("display_name"))
                #expect(Self.dangerousScalar(in: screen) == nil, "\(screen)")
                h.press(.escape)
                h.press(.character("e"))
                #expect(await h.settle { if case .edit = $0.dialog { true } else { false } })
                screen = h.terminal.text()
                #expect(screen.contains("Edit eve.hostile@evil.test"))
                #expect(Self.dangerousScalar(in: screen) == nil, "\(screen)")
                // Every diff sent to the terminal, not only the final grid, was clean.
                for diff in h.terminal.appliedDiffs {
                    for run in diff.runs {
                        let text = run.cells.map(\.text).joined()
                        #expect(Self.dangerousScalar(in: text) == nil)
                    }
                }
            }
        }

        /// A 4,000-character paste into the filter and a 1,500-character paste into a form field: read in bounded
        /// batches, nothing lost, the screen stays the terminal's size, and saving the oversized field is refused by
        /// the form's own check (no request) while keeping the text.
        @Test func hugePasteIntoTheFilterAndAFormField() async throws {
            try await StoreHarness.with(size: TerminalSize(columns: 100, rows: 30)) { h in
                #expect(await h.settled(on: .issuers))
                h.press(.enter)
                #expect(await h.settled(on: .users))
                let clock = ContinuousClock()
                var longestStep = Duration.zero
                @MainActor func drain(_ limit: Int) async {
                    for _ in 0..<limit where h.terminal.pendingKeyCount > 0 {
                        let start = clock.now
                        h.app.step()
                        longestStep = max(longestStep, clock.now - start)
                        await Task.yield()  // the store and other suites get the main actor between steps
                    }
                }
                let paste = String(repeating: "xyzzy-", count: 4_000 / 6)
                h.press(.character("/"))
                h.terminal.type(paste)
                await drain(1_000)
                #expect(h.terminal.pendingKeyCount == 0)
                // The filter takes its first 256 characters and says the rest was not typed.
                let kept = String(paste.prefix(StoreDriver.maxFilterLength))
                #expect(h.driver.screen(size: h.terminal.size).breadcrumb.filter == kept)
                #expect(h.terminal.text().contains("Filter too long"))
                #expect(h.terminal.grid.size == h.terminal.size)
                h.press(.enter)
                // Users: free text scans the whole list (issue 11, item 1); once it has, "0" is a true count.
                #expect(await h.settle { $0.current?.filterText == kept && $0.current?.filterScan?.isRunning == false })
                #expect(h.store.state.current?.rowCount == 0)
                #expect(h.terminal.text().contains("Users (0)"))
                h.press(.escape)
                #expect(await h.settle { $0.current?.filterText.isEmpty == true })

                h.press(.character("e"))
                #expect(await h.settle { if case .edit = $0.dialog { true } else { false } })
                h.press(.tab)
                let original = (h.store.state.dialog.flatMap { if case .edit(let form) = $0 { form } else { nil } })?.values[.displayName] ?? ""
                h.terminal.type(String(repeating: "ä", count: 1_500))
                await drain(1_000)
                guard case .edit(let form) = h.store.state.dialog else {
                    Issue.record("the form closed")
                    return
                }
                // The field takes up to 1,000 characters: what was there, then the paste, cut with a notice.
                let long = original + String(repeating: "ä", count: StoreDriver.maxFieldLength - original.count)
                #expect(form.values[.displayName] == long)
                #expect(h.terminal.text().contains("Display name too long"))
                let before = try await h.requests().filter { $0.method == "PATCH" }.count
                h.press(.enter)
                #expect(await h.settle { state in
                    if case .edit(let form) = state.dialog { form.fieldErrors[.displayName] != nil } else { false }
                })
                let after = try await h.requests().filter { $0.method == "PATCH" }.count
                #expect(after == before, "an oversized field is refused before any request")
                if case .edit(let kept) = h.store.state.dialog { #expect(kept.values[.displayName] == long) }
                print("huge paste: 4,000 characters into the filter and 1,500 into a field (cut at 256 and 1,000); longest step \(LiveLoop.milliseconds(longestStep)) ms")
            }
        }

        /// Every banner kind the server can cause, the describe view and the edit form: the key secret, its Basic
        /// encoding and an access token never reach the screen.
        @Test(arguments: [false, true])
        func secretsNeverOnScreen(accessToken: Bool) async throws {
            try await StoreHarness.with(size: TerminalSize(columns: 160, rows: 40),
                                        login: accessToken ? .accessToken(refreshable: false) : .demoKeyPair) { h in
                var secrets = [EmulatorDemo.apiKeySecret, MonkeyTests.basicCredential]
                if let token = h.accessToken { secrets.append(token) }
                var captures: [String] = []
                @MainActor func capture() { captures.append(h.terminal.text()) }
                #expect(await h.settled(on: .issuers))
                h.press(.character("d"))
                capture()
                h.press(.escape)
                for status in [500, 503, 429, 404, 403, 401, 0] {
                    try await h.addFault(method: "GET", path: "/v1/accounts/*/issuers", status: status, count: 1,
                                         retryAfter: status == 429 ? 1 : nil)
                    let before = h.store.state.banner?.id
                    h.press(.character("r"))
                    #expect(await h.settle { $0.banner?.id != before && $0.banner != nil }, "status \(status)")
                    capture()
                }
                if accessToken {
                    try await h.expireAccessToken()
                    h.press(.character("r"))
                    #expect(await h.settle { $0.banner?.kind == .authentication })
                    capture()
                }
                h.press(.character(":"))
                h.type("errors")
                h.press(.enter)
                #expect(await h.settle { $0.current?.kind == .errors })
                capture()
                for (index, screen) in captures.enumerated() {
                    for secret in secrets { #expect(!screen.contains(secret), "capture \(index) shows a secret") }
                }
                for banner in h.store.state.bannerHistory {
                    for secret in secrets { #expect(!banner.text(now: Date()).contains(secret)) }
                }
                #expect(captures.count >= 8)
            }
        }
    }
}
