import Foundation
public import Logging

/// A swift-log handler that appends lines to a file (`--log-file`). The console never logs to the
/// terminal, which ncurses owns. Each line is one `write(2)` on an `O_APPEND` descriptor, so lines
/// from concurrent tasks never interleave and no lock is needed. Known secret values are masked
/// as a last line of defence, although nothing should ever try to log one.
public struct FileLogHandler: LogHandler {
    private let sink: FileLogSink
    private let label: String
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]

    public init(label: String, sink: FileLogSink, level: Logger.Level) {
        self.label = label
        self.sink = sink
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        let meta = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true))
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\(meta)\n")
    }
}

/// The open log file, shared by every handler. Closed when the process ends.
public final class FileLogSink: Sendable {
    private let descriptor: Int32
    private let secrets: [String]

    /// Opens (creating, mode 0600) or appends to `path`; throws a `LaunchError` naming the reason.
    public init(path: String, secrets: [String]) throws(LaunchError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .logFileUnwritable(path: path, reason: String(cString: strerror(errno)))
        }
        descriptor = fd
        // Short values would mask innocent text; real secrets are long.
        self.secrets = secrets.filter { $0.count >= 6 }
    }

    deinit { close(descriptor) }

    func write(_ line: String) {
        var text = line
        for secret in secrets where text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: "[REDACTED]")
        }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            // baseAddress is non-nil: the loop only runs while the array is non-empty.
            let n = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress!.advanced(by: offset), buffer.count - offset)
            }
            if n <= 0 { return }  // a full disk must not take the console down; the log is best effort
            offset += n
        }
    }
}
