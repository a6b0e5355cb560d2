import Foundation
import Testing
@testable import ConsoleUI

/// Text snapshots of the in-memory screen. The reference files live in `__Snapshots__/` next to this file;
/// `SNAPSHOT_RECORD=1 swift test --filter ConsoleUITests` rewrites them (review the diff before committing).
enum Snapshot {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    }

    static var isRecording: Bool { ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1" }

    /// The screen as text, a separator, and the style map.
    @MainActor
    static func render(_ terminal: MemoryTerminal, skippingHeader: Bool = false, maskingDigits: Bool = false) -> String {
        var text = terminal.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if maskingDigits {
            text = text.map { String($0.map { $0.isASCII && $0.isNumber ? "#" : $0 }) }
        }
        var styles = terminal.styleDump().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if skippingHeader, !text.isEmpty, !styles.isEmpty {
            // The header shows the last request's latency, which varies: it is checked by the tests instead.
            text[0] = "<header>"
            styles[0] = "<header>"
        }
        return "size \(terminal.size)\n" + text.joined(separator: "\n") + "\n--- styles ---\n"
            + styles.joined(separator: "\n") + "\n"
    }

    @MainActor
    static func assertMatches(
        _ terminal: MemoryTerminal, named name: String, skippingHeader: Bool = false, maskingDigits: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let actual = render(terminal, skippingHeader: skippingHeader, maskingDigits: maskingDigits)
        let file = directory.appendingPathComponent("\(name).txt")
        if isRecording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do {
                try actual.write(to: file, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("could not record snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing snapshot \(name).txt — run with SNAPSHOT_RECORD=1 and review it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = Array(zip(expectedLines, actualLines)).firstIndex(where: { $0 != $1 }) ?? min(expectedLines.count, actualLines.count)
            let line = firstDifference + 1
            Issue.record(
                """
                snapshot \(name) differs at line \(line):
                expected: \(expectedLines[safe: firstDifference] ?? "<end>")
                actual:   \(actualLines[safe: firstDifference] ?? "<end>")
                """, sourceLocation: sourceLocation)
        }
    }
}

