import Foundation
import Logging
import Testing
@testable import ConsoleLaunch

@Suite struct FileLogHandlerTests {
    private func tempPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("authpi-log-\(UUID().uuidString).log").path
    }

    @Test func writesLinesWithMetadataAndMasksSecrets() throws {
        let path = tempPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try FileLogSink(path: path, secrets: ["demo_secret_value", "abc"])
        var logger = Logger(label: "test") { FileLogHandler(label: $0, sink: sink, level: .debug) }
        logger[metadataKey: "pane"] = "users"
        logger.debug("GET /v1/me", metadata: ["status": "200"])
        logger.info("oops demo_secret_value leaked")
        logger.trace("below the level")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("debug test: GET /v1/me pane=users status=200"))
        #expect(!text.contains("demo_secret_value"))
        #expect(text.contains("[REDACTED]"))
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o077 == 0)
    }

    @Test func unwritablePathIsAClearError() {
        do {
            _ = try FileLogSink(path: "/nonexistent-dir/x/console.log", secrets: [])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("/nonexistent-dir/x/console.log"))
            #expect(error.description.contains("No such file"))
        }
    }
}
