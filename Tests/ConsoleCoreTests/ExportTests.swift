import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing
@testable import ConsoleCore

/// `:export PATH` against the emulator over real HTTP: every page of the list with its filter, streamed to a
/// partial file renamed when complete; Esc and failures leave a partial file of whole rows, named as partial.
@MainActor
@Suite("Export", .serialized)
struct ExportTests {
    private static let usersListPath = "/v1/accounts/*/issuers/*/users"

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func lines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // By scalars: in Swift "\r\n" is one Character, and CSV lines end with it.
        return text.unicodeScalars.split(separator: "\n").map { String(String.UnicodeScalarView($0)) }
    }

    @Test func csvHasEveryRowOfEveryPageAndIsRenamedWhenComplete() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withHarness(users: 1200, pageSize: 100) { h in
            try await h.openUsers()
            let path = directory.appendingPathComponent("users.csv").path
            #expect(await h.store.settle())
            let before = try await h.requests().count
            h.store.send(.export(path: path))
            #expect(h.store.state.export?.path == path)
            #expect(await h.store.waitUntil(timeout: .seconds(60)) { $0.export == nil })
            #expect(h.store.state.banner?.title == "Exported 1,200 rows to users.csv")
            #expect(h.store.state.banner?.detail.hasPrefix(path) == true)
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(!FileManager.default.fileExists(atPath: ExportJob.partialPath(for: path)))
            let written = try lines(path)
            #expect(written.first == "ID,USERNAME,NAME,STATUS,CREATED\r")
            #expect(written.count == 1201)
            let ids: [String] = written.dropFirst().map { line in String(line.prefix { $0 != "," }) }
            #expect(Set(ids).count == 1200)
            // Export at the speed of G: list pages only, no user's details, and the pane's list untouched.
            #expect(await h.store.settle())
            let during = try await h.requests().dropFirst(before)
            #expect(during.filter { $0.path.hasSuffix("/users") }.count == 12)
            #expect(during.filter { $0.path.contains("/users/") }.isEmpty)
            #expect(h.store.state.current?.list.count == 100)
        }
    }

    @Test func jsonLinesFollowTheServerFilterAndCarryNoSecrets() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withHarness(users: 300, pageSize: 50) { h in
            try await h.openUsers()
            h.store.send(.setFilter("status:blocked"))
            #expect(await h.waitForRows(.users))
            var expected = 0
            for try await _ in h.client.issuer(EmulatorDemo.issuerID).users.listAll(limit: 100, status: "blocked") {
                expected += 1
            }
            #expect(expected > 0)
            let path = directory.appendingPathComponent("blocked.jsonl").path
            h.store.send(.export(path: path))
            #expect(await h.store.waitUntil(timeout: .seconds(60)) { $0.export == nil })
            let written = try lines(path)
            #expect(written.count == expected)
            for line in written {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                #expect(object["status"] as? String == "blocked")
                let secretKeys = object.keys.filter { ExportEncoding.isSecret($0) }
                #expect(secretKeys.isEmpty, "\(secretKeys)")
            }
            let filtered = try await h.requests().filter { $0.path.hasSuffix("/users") && $0.query["status"] == "blocked" }
            #expect(filtered.count >= written.count / 50)
        }
    }

    @Test func escapeCancelsAndLeavesACompletePartialFile() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withHarness(users: 3000, pageSize: 50) { h in
            try await h.openUsers()
            // Each list page takes 30 ms: the export is still running when Esc comes.
            try await h.addFault(method: "GET", path: Self.usersListPath, count: nil, delayMilliseconds: 30)
            let path = directory.appendingPathComponent("users.csv").path
            h.store.send(.export(path: path))
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { ($0.export?.rows ?? 0) >= 100 })
            h.store.send(.escape)
            #expect(h.store.state.export?.isCancelling == true)
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { $0.export == nil })
            let partial = ExportJob.partialPath(for: path)
            #expect(!FileManager.default.fileExists(atPath: path))
            let written = try lines(partial)
            let rows = written.count - 1
            #expect(rows >= 100 && rows < 3000 && rows % 50 == 0, "\(rows) rows")
            #expect(written.allSatisfy { $0.hasSuffix("\r") }, "every line whole")
            let banner = try #require(h.store.state.banner)
            #expect(banner.title == "Export cancelled: \(DisplayFormat.count(rows)) complete rows in users.csv.partial")
            #expect(banner.detail == "\(partial) ends with a whole row; \(path) was not written")
            // Esc stopped the export only: the pane is still Users.
            #expect(h.store.state.current?.kind == .users)
        }
    }

    @Test func aFailedPageKeepsThePartialFileAndSaysWhere() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withHarness(users: 3000, pageSize: 50) { h in
            try await h.openUsers()
            // The first 40 pages take 30 ms each; a 500 armed meanwhile answers the 41st (the first matching rule
            // applies).
            try await h.addFault(method: "GET", path: Self.usersListPath, count: 40, delayMilliseconds: 30)
            let path = directory.appendingPathComponent("users.jsonl").path
            h.store.send(.export(path: path))
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { ($0.export?.rows ?? 0) >= 100 })
            try await h.addFault(method: "GET", path: Self.usersListPath, status: 500, count: nil)
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { $0.export == nil })
            let partial = ExportJob.partialPath(for: path)
            #expect(!FileManager.default.fileExists(atPath: path))
            let written = try lines(partial)
            #expect(written.count == 2000)
            for line in written { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil) }
            let banner = try #require(h.store.state.banner)
            #expect(banner.severity == .error)
            #expect(banner.detail.contains("\(DisplayFormat.count(written.count)) complete rows kept in \(partial)"))
        }
    }

    @Test func anExistingFileIsReplacedOnlyAfterConfirmation() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withHarness(users: 120, pageSize: 50) { h in
            try await h.openUsers()
            let path = directory.appendingPathComponent("users.csv").path
            try "keep me\n".write(toFile: path, atomically: true, encoding: .utf8)
            h.store.send(.export(path: path))
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { $0.export == nil })
            guard case .confirmOverwrite(let job) = h.store.state.dialog else {
                Issue.record("no confirmation: \(String(describing: h.store.state.dialog))")
                return
            }
            #expect(job.path == path)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")
            h.store.send(.cancelDialog)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me\n")
            h.store.send(.export(path: path))
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { $0.dialog != nil })
            h.store.send(.confirm)
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { $0.export == nil && $0.dialog == nil })
            #expect(try lines(path).count == 121)
        }
    }

    @Test func aFileCreatedWhileExportingIsNotReplaced() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withHarness(users: 600, pageSize: 50) { h in
            try await h.openUsers()
            try await h.addFault(method: "GET", path: Self.usersListPath, count: 12, delayMilliseconds: 30)
            let path = directory.appendingPathComponent("users.csv").path
            h.store.send(.export(path: path))
            // Once the export has created its partial file (bounded wait), someone else writes the final name.
            let partial = ExportJob.partialPath(for: path)
            for _ in 0..<400 where !FileManager.default.fileExists(atPath: partial) {
                try await Task.sleep(for: .milliseconds(5))
            }
            #expect(FileManager.default.fileExists(atPath: partial))
            try "someone else's\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(await h.store.waitUntil(timeout: .seconds(30)) { $0.export == nil })
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "someone else's\n")
            #expect(try lines(ExportJob.partialPath(for: path)).count == 601)
            #expect(h.store.state.banner?.title.contains("appeared while exporting") == true)
        }
    }

    @Test func refusesWhatItCannotExportBeforeAnyRequest() async throws {
        try await withHarness(users: 120, pageSize: 50) { h in
            try await h.openUsers()
            #expect(await h.store.settle())
            let before = try await h.requests().count
            h.store.send(.export(path: "/tmp/users.xlsx"))
            #expect(h.store.state.banner?.detail.contains(".csv") == true)
            h.store.send(.setFilter("alice"))
            h.store.send(.export(path: "/tmp/users.csv"))
            #expect(h.store.state.banner?.detail.contains("status:") == true)
            #expect(h.store.state.export == nil)
            h.store.send(.escape)
            #expect(await h.store.settle())
            // The refusals sent nothing: the only list requests after them are the filter's scan and its clearing.
            let pageRequests = try await h.requests().dropFirst(before).filter { $0.path.hasSuffix("/users") }
            #expect(!FileManager.default.fileExists(atPath: "/tmp/users.xlsx.partial"))
            #expect(!FileManager.default.fileExists(atPath: "/tmp/users.csv.partial"))
            #expect(pageRequests.count <= 4)
        }
    }

    @Test func csvQuotingFollowsRFC4180() {
        #expect(ExportEncoding.csvField("plain") == "plain")
        #expect(ExportEncoding.csvField("a,b") == "\"a,b\"")
        #expect(ExportEncoding.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ExportEncoding.csvField("two\nlines") == "\"two\nlines\"")
        #expect(ExportEncoding.csvField("crlf\r\nend") == "\"crlf\r\nend\"")
        #expect(ExportEncoding.csvRecord(ConsoleRow(id: "x", cells: ["x", "…", "a,b"])) == "x,,\"a,b\"\r\n")
    }

    @Test func jsonLinesDropSecretsAtAnyDepth() throws {
        let row = ConsoleRow(
            id: "ses_1", cells: [],
            detail: RowDetail(json: [
                "id": .string("ses_1"), "token_plain": .string("tok"), "username_hash": .string("h"),
                "client_secret": .string("s"), "nested": .object(["secret": .string("s"), "keep": .int(1)]),
            ]))
        let line = ExportEncoding.jsonLine(row)
        #expect(line.hasSuffix("\n"))
        #expect(line == "{\"id\":\"ses_1\",\"nested\":{\"keep\":1}}\n")
        #expect(ExportFormat.of(path: "a.CSV") == .success(.csv))
        #expect(ExportFormat.of(path: "a.json-lines") == .success(.jsonLines))
        #expect((try? ExportFormat.of(path: "a.json").get()) == nil)
    }
}

/// Export against `G` on the same list (not part of the normal run): `CONSOLE_BENCH=1 swift test --filter
/// ExportSpeed` (`CONSOLE_BENCH_USERS=N` for another size). Prints rows/s of each.
@MainActor
@Suite("ExportSpeed", .serialized, .enabled(if: ProcessInfo.processInfo.environment["CONSOLE_BENCH"] == "1"))
struct ExportSpeedBenchmark {
    @Test func exportWalksAsFastAsG() async throws {
        let users = Int(ProcessInfo.processInfo.environment["CONSOLE_BENCH_USERS"] ?? "") ?? 50_000
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("export-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await withHarness(users: users, pageSize: 100) { h in
            try await h.openUsers()
            #expect(await h.store.settle())
            let clock = ContinuousClock()
            var started = clock.now
            h.store.send(.moveToEnd)
            #expect(await h.store.waitUntil(timeout: .seconds(600)) { $0.loadToEnd == nil })
            let walk = clock.now - started
            #expect(await h.store.settle())
            h.store.send(.moveToTop)
            let path = directory.appendingPathComponent("users.csv").path
            started = clock.now
            h.store.send(.export(path: path))
            #expect(await h.store.waitUntil(timeout: .seconds(600)) { $0.export == nil })
            let export = clock.now - started
            let rate = { (elapsed: Duration) in Int(Double(users) / (elapsed / .seconds(1))) }
            print("EXPORT-BENCH users=\(users) G=\(rate(walk)) rows/s export=\(rate(export)) rows/s "
                + "banner=\(h.store.state.banner?.title ?? "")")
        }
    }
}
