import Foundation

/// The file an export writes: rows go to the partial name, a page at a time, each page with one write; the
/// finished file is renamed to its name in one step (rename(2)), so a reader never sees half an export under
/// the final name. A failed write is cut back to the last complete page: the partial file holds whole rows only.
final class ExportFile {
    let path: String
    let partialPath: String
    /// Whether the user allowed replacing `path`; if not, a file that appeared there meanwhile is kept.
    private let mayReplace: Bool
    private let descriptor: Int32
    /// Bytes of complete pages written so far.
    private(set) var length: off_t = 0
    private var isClosed = false

    /// Whether `path` or its partial name exists (an export must not replace either without asking).
    static func exists(_ job: ExportJob) -> Bool {
        FileManager.default.fileExists(atPath: job.path) || FileManager.default.fileExists(atPath: job.partialPath)
    }

    /// Creates (or, when the user allowed it, truncates) the partial file.
    init(_ job: ExportJob) throws(ExportError) {
        path = job.path
        partialPath = job.partialPath
        mayReplace = job.overwrite
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (job.overwrite ? O_TRUNC : O_EXCL)
        let opened = open(partialPath, flags, 0o600)
        guard opened >= 0 else { throw .file("cannot create \(partialPath): \(Self.errorText())") }
        descriptor = opened
    }

    deinit { if !isClosed { close(descriptor) } }

    /// Appends `text` whole, or throws after cutting the file back to the last complete page.
    func append(_ text: String) throws(ExportError) {
        let bytes = Array(text.utf8)
        var written = 0
        let total = bytes.count
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            // Bounded: each round writes at least one byte or stops.
            while written < total {
                let result = write(descriptor, buffer.baseAddress! + written, total - written)
                if result < 0, errno == EINTR { continue }
                guard result > 0 else {
                    failure = Self.errorText()
                    return
                }
                written += result
            }
        }
        if let failure {
            _ = ftruncate(descriptor, length)
            throw .file("cannot write \(partialPath): \(failure)")
        }
        length += off_t(total)
    }

    /// Flushes to disk and renames the partial file to the final name (atomic on one file system).
    func finish() throws(ExportError) {
        guard fsync(descriptor) == 0 || errno == EINVAL else { throw .file("cannot write \(partialPath): \(Self.errorText())") }
        closeFile()
        if !mayReplace {
            // link(2) fails on an existing name: a file created at `path` while the export ran is not replaced.
            if link(partialPath, path) == 0 {
                unlink(partialPath)
                return
            }
            if errno == EEXIST { throw .file("\(path) appeared while exporting; the rows are in \(partialPath)") }
            // A file system without hard links: the check before the export started stands.
        }
        guard rename(partialPath, path) == 0 else {
            throw .file("cannot rename \(partialPath) to \(path): \(Self.errorText())")
        }
    }

    /// Leaves the partial file as it is (whole rows only).
    func abandon() {
        closeFile()
    }

    private func closeFile() {
        guard !isClosed else { return }
        isClosed = true
        close(descriptor)
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
