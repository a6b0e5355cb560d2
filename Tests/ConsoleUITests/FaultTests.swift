import AuthPIEmulator
import ConsoleCore
import Foundation
import Testing
@testable import ConsoleUI

extension ConsoleReliability {
    /// The console under server faults, end to end in one process: the emulator's fault injection, the real client,
    /// store, driver and run loop, drawing into an in-memory terminal. For each fault: keys keep being answered (the
    /// longest key-to-frame gap is printed), the right banner is on screen, loaded rows and typed form input survive,
    /// and the console recovers by itself or on `r` once the fault is gone.
    @MainActor
    @Suite("Console under faults", .serialized)
    struct FaultTests {
        static let usersList = "/v1/accounts/*/issuers/*/users"
        static let oneUser = "/v1/accounts/*/issuers/*/users/*"

        /// 5xx bursts and dropped connections on list reads: rows stay, banner named, `r` recovers.
        @Test(arguments: [503, 0])
        func failingListReads(status: Int) async throws {
            let kind: Banner.Kind = status == 0 ? .transport : .server
            let fault = status == 0 ? "dropped connections" : "a burst of 503"
            try await LiveLoop.with { loop in
                let h = loop.h
                try await loop.openUsers()
                #expect(loop.state.current?.list.count == 50)
                try await loop.press(.character("j"), times: 5)
                let selectedID = try #require(loop.state.current?.selectedRow?.id)

                // A refresh that fails puts the rows back: nothing on screen is lost.
                try await h.addFault(method: "GET", path: Self.usersList, status: status, count: 1)
                try await loop.press(.character("r"))
                #expect(await loop.until { $0.banner?.kind == kind && $0.header.requestsInFlight == 0 })
                #expect(loop.state.current?.list.count == 50)
                #expect(loop.state.current?.selectedRow?.id == selectedID)
                #expect(loop.screen.contains(selectedID))
                #expect(loop.screen.contains("refreshing Users"))
                #expect(loop.screen.contains(status == 0 ? "Cannot reach 127.0.0.1" : "Server error"))

                // The next page fails twice; the loaded page stays and keys are answered.
                try await h.addFault(method: "GET", path: Self.usersList, status: status, count: 2)
                let firstBanner = loop.state.banner?.id
                try await loop.press(.character("j"), times: 40)
                #expect(await loop.until { $0.banner?.id != firstBanner && $0.current?.list.failureMessage != nil })
                #expect(loop.state.current?.list.count == 50)
                try await loop.press(.character("k"), times: 10)
                #expect(loop.state.current?.selection == 35)
                #expect(loop.screen.contains(status == 0 ? "Cannot reach 127.0.0.1 while loading Users" : "Server error while loading Users"))
                let shownID = try #require(loop.state.current?.selectedRow?.id)
                #expect(loop.screen.contains(shownID))

                // `r` retries: the burst's second failure, then the page.
                let secondBanner = loop.state.banner?.id
                try await loop.press(.character("r"))
                #expect(await loop.until { $0.banner?.id != secondBanner && $0.current?.list.failureMessage != nil })
                #expect(loop.state.banner?.kind == kind)
                try await loop.press(.character("r"))
                #expect(await loop.until { $0.current?.list.count == 100 && $0.current?.list.failureMessage == nil })
                // Recovered: the failure banner has left the screen (the Errors pane keeps it).
                #expect(loop.state.banner == nil)
                #expect(loop.state.bannerHistory.filter { $0.kind == kind }.count >= 3)
                #expect(!loop.screen.contains("while loading Users"))
                loop.report(fault)
            }
        }

        /// A 429 on a read counts down and asks again by itself when Retry-After has passed — no `r` needed.
        @Test func rateLimitedReadRetriesByItself() async throws {
            let clock = ManualClock()
            try await LiveLoop.with(clock: clock) { loop in
                let h = loop.h
                try await loop.openUsers()
                try await h.addFault(method: "GET", path: Self.usersList, status: 429, count: 1, retryAfter: 4)
                try await loop.press(.character("j"), times: 42)
                #expect(await loop.until { $0.banner?.kind == .rateLimited })
                #expect(loop.state.banner?.retriesAutomatically == true)
                #expect(loop.screen.contains("Rate limited while loading Users"))
                #expect(loop.screen.contains("(automatic)"))
                #expect(loop.state.current?.list.count == 50)
                // Keys during the countdown.
                try await loop.press(.character("k"), times: 5)
                try await loop.press(.character("j"), times: 5)
                // Not before Retry-After has passed on the clock.
                clock.advance(by: .seconds(3))
                #expect(await loop.settle())
                #expect(loop.state.current?.list.count == 50)
                #expect(loop.screen.contains("retry in 1s (automatic)"))
                // No key pressed: the page arrives once the 4 s are over, and the banner goes.
                clock.advance(by: .seconds(1))
                #expect(await loop.settle())
                #expect(await loop.until { $0.current?.list.count == 100 && $0.banner == nil })
                #expect(!loop.screen.contains("Rate limited"))
                let listCalls = try await h.requests().filter { $0.method == "GET" && $0.path.hasSuffix("/users") }
                #expect(listCalls.filter { $0.status == 429 }.count == 1)
                loop.report("429 with Retry-After: 4")
            }
        }

        /// Saving under each fault keeps the form and every typed character; a rate-limited write is never re-sent
        /// by itself; once the fault is gone, ⏎ saves.
        @Test func editFormSurvivesFaultsOnSave() async throws {
            let clock = ManualClock()
            try await LiveLoop.with(clock: clock) { loop in
                let h = loop.h
                try await loop.openUsers()
                try await loop.editDisplayName(appending: " (kept)")
                let typed = try #require(loop.form?.values[.displayName])
                #expect(typed.hasSuffix(" (kept)"))
                let cases: [(status: Int, kind: Banner.Kind)] = [(503, .server), (0, .transport), (429, .rateLimited)]
                for (status, kind) in cases {
                    try await h.addFault(method: "PATCH", path: Self.oneUser, status: status, count: 1, retryAfter: status == 429 ? 1 : nil)
                    let before = loop.state.banner?.id
                    try await loop.press(.enter)
                    #expect(await loop.until { $0.banner?.id != before && $0.banner?.kind == kind && $0.header.requestsInFlight == 0 },
                            "status \(status)")
                    #expect(loop.form?.values[.displayName] == typed, "status \(status)")
                    #expect(loop.form?.isSaving == false)
                    #expect(loop.screen.contains("(kept)"), "status \(status)")
                }
                // The 429 was on a write: after its Retry-After, nothing was sent again by itself.
                clock.advance(by: .seconds(2))
                #expect(await loop.settle())
                let patches = try await h.requests().filter { $0.method == "PATCH" }
                #expect(patches.filter { $0.status == 429 }.count == 1)
                #expect(patches.count <= 3)
                #expect(loop.form?.values[.displayName] == typed)
                // The fault is gone: ⏎ saves what was typed.
                try await loop.press(.enter)
                #expect(await loop.until { $0.dialog == nil && $0.banner?.kind == .success })
                #expect(loop.screen.contains("(kept)"))
                loop.report("faults on save (503, dropped connection, 429)")
            }
        }

        /// 2 s of latency: keys are answered while the request is in flight; the page and the save land afterwards.
        @Test func twoSecondsOfLatency() async throws {
            try await LiveLoop.with { loop in
                let h = loop.h
                try await loop.openUsers()
                try await h.addFault(method: "GET", path: Self.usersList, count: 1, delayMilliseconds: 2_000)
                try await loop.press(.character("j"), times: 42)
                #expect(await loop.until { $0.current?.list.isLoading == true })
                let clock = ContinuousClock()
                let started = clock.now
                var whileWaiting = 0
                var rowsWhileWaiting: Set<Int> = []
                // Up and down while the page is on its way (bounded: 1.5 s or 60 keys).
                while loop.state.current?.list.isLoading == true, clock.now - started < .milliseconds(1_500), whileWaiting < 60 {
                    try await loop.press(whileWaiting % 2 == 0 ? .character("k") : .character("j"))
                    if loop.state.current?.list.isLoading == true { rowsWhileWaiting.insert(loop.state.current?.list.count ?? 0) }
                    whileWaiting += 1
                }
                #expect(whileWaiting >= 10, "keys were answered while the request was in flight")
                #expect(rowsWhileWaiting == [50], "the loaded rows stayed while the next page was on its way")
                #expect(await loop.until(timeout: .seconds(6)) { $0.current?.list.count == 100 })
                #expect(loop.state.banner == nil)

                // A slow refresh: the rows from before stay on screen until the new ones arrive.
            let shown = try #require(loop.state.current?.selectedRow?.id)
            try await h.addFault(method: "GET", path: Self.usersList, count: 1, delayMilliseconds: 2_000)
            try await loop.press(.character("r"))
            #expect(await loop.until { $0.header.requestsInFlight > 0 && $0.current?.list.isLoading == true })
            #expect(loop.screen.contains(shown), "rows stay while refreshing:\n\(loop.screen)")
            #expect(await loop.until(timeout: .seconds(8)) { $0.current?.list.hasFirstPage == true && $0.header.requestsInFlight == 0 })
            #expect(loop.state.current?.selectedRow?.id == shown)

            // A slow save: the form says so, keys are still read, the result lands.
                try await loop.editDisplayName(appending: " slow")
                try await h.addFault(method: "PATCH", path: Self.oneUser, count: 1, delayMilliseconds: 2_000)
                try await loop.press(.enter)
                #expect(await loop.until { $0.header.requestsInFlight > 0 })
                #expect(loop.form?.isSaving == true)
                try await loop.press(.character("x"), times: 5)  // ignored while saving, but read
                #expect(loop.form?.values[.displayName].hasSuffix(" slow") == true)
                #expect(await loop.until(timeout: .seconds(6)) { $0.dialog == nil && $0.banner?.kind == .success })
                #expect(loop.keysDuringRequests >= 10)
                loop.report("2 s latency")
            }
        }

        /// The access token expires while the user scrolls: a client with a refresh closure gets a new one and the
        /// user sees nothing; without one, an authentication banner names the credential's source, rows stay, and
        /// the token itself is never on screen.
        @Test(arguments: [true, false])
        func accessTokenExpiresWhileScrolling(refreshable: Bool) async throws {
            try await LiveLoop.with(login: .accessToken(refreshable: refreshable)) { loop in
                let h = loop.h
                try await loop.openUsers()
                let token = try #require(h.accessToken)
                try await h.expireAccessToken()
                try await loop.press(.character("j"), times: 45)
                if refreshable {
                    #expect(await loop.until { $0.current?.list.count == 100 && $0.header.requestsInFlight == 0 })
                    #expect(await h.refreshCount.value >= 1)
                    #expect(loop.state.banner == nil)
                    try await loop.press(.character("j"), times: 20)
                    #expect(await loop.usersSettled())
                    #expect(loop.state.bannerHistory.isEmpty)
                } else {
                    #expect(await loop.until { $0.banner?.kind == .authentication && $0.header.requestsInFlight == 0 })
                    #expect(loop.screen.contains("Authentication failed"))
                    #expect(loop.state.banner?.detail.contains("AUTHPI_ACCESS_TOKEN") == true)
                    #expect(loop.state.current?.list.count == 50)
                    try await loop.press(.character("k"), times: 5)
                    #expect(loop.state.current?.selection == 40)
                }
                #expect(!loop.screen.contains(token))
                for banner in loop.state.bannerHistory { #expect(!banner.text(now: Date()).contains(token)) }
                loop.report("access token expiry (\(refreshable ? "refreshed" : "no refresh"))")
            }
        }

        /// The server stops and comes back on the same port: a transport banner naming the host, rows kept, keys
        /// answered, and `r` loads again once it is back.
        @Test func serverStoppedAndRestarted() async throws {
            try await LiveLoop.with { loop in
                let h = loop.h
                try await loop.openUsers()
                let port = h.emulator.port
                await h.stopServer()
                try await loop.press(.character("j"), times: 42)
                // The HTTP client keeps trying to connect until its connect timeout (10 s) before it gives up; the
                // hydration of the other visible rows pauses after the first failure instead of trying each.
                #expect(await loop.until(timeout: .seconds(40)) { $0.banner?.kind == .transport && $0.header.requestsInFlight == 0 },
                        "\(loop.state.header.requestsInFlight) in flight, banner \(String(describing: loop.state.banner)):\n\(loop.screen)")
                #expect(loop.screen.contains("Cannot reach 127.0.0.1"))
                #expect(loop.state.current?.list.count == 50)
                try await loop.press(.character("k"), times: 10)
                try await loop.press(.character("j"), times: 10)
                try await h.restartServer()
                #expect(h.emulator.port == port)
                try await loop.press(.character("r"))
                #expect(await loop.until(timeout: .seconds(10)) { $0.current?.list.count == 100 && $0.banner == nil })
                #expect(await loop.usersSettled())
                loop.report("server stopped and restarted")
            }
        }
    }
}
