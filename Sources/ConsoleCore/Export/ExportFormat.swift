import Foundation

/// The file format of `:export PATH`, named by the path's extension.
public enum ExportFormat: String, Sendable, Hashable {
    /// RFC 4180 CSV: a header of the pane's columns, then one line per row.
    case csv
    /// One JSON object per line: the resource as the API sent it, secret fields removed.
    case jsonLines

    /// The format the path's extension names, or an error that says which extensions work.
    public static func of(path: String) -> Result<ExportFormat, ExportError> {
        let name = (path as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(".csv") { return .success(.csv) }
        if name.hasSuffix(".jsonl") || name.hasSuffix(".json-lines") || name.hasSuffix(".ndjson") {
            return .success(.jsonLines)
        }
        return .failure(.unknownFormat(path))
    }
}

/// Why an export cannot start or stopped.
public enum ExportError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownFormat(String)
    case emptyPath
    case notAList(String)
    case textFilterNeedsScan
    case alreadyRunning
    case file(String)

    public var description: String {
        switch self {
        case .unknownFormat(let path):
            "\(path): the extension says the format: .csv, or .jsonl (.json-lines, .ndjson) for JSON lines"
        case .emptyPath: ":export needs a file name, e.g. :export users.csv"
        case .notAList(let title): "\(title) is not a server list: nothing to export here"
        case .textFilterNeedsScan:
            "a text filter on Users needs each user's details (a scan); export with status:… only, or clear the text"
        case .alreadyRunning: "an export is already running (Esc cancels it)"
        case .file(let message): message
        }
    }
}

/// What `:export` writes: the list of the pane, with its server filter as the query and its text filter applied
/// to each page, to `path` (through `partialPath` until the last row is written).
public struct ExportJob: Sendable, Hashable {
    public var path: String
    public var format: ExportFormat
    /// The first page's request (cursor nil) of the list with its server filter.
    public var request: PageRequest
    /// Free text of the filter, applied to each page's rows.
    public var clientText: String
    /// The pane's column headers (CSV).
    public var columns: [String]
    /// Whether an existing file at `path` (or its partial name) may be replaced: only after the user said so.
    public var overwrite: Bool

    /// Where the rows go while the export runs, and what is left when it is cancelled or fails.
    public var partialPath: String { Self.partialPath(for: path) }

    public static func partialPath(for path: String) -> String { path + ".partial" }
}

/// How an export ended.
public enum ExportOutcome: Sendable, Hashable {
    /// Every row written; the file renamed to its name.
    case finished(rows: Int, pages: Int)
    /// The file (or its partial name) exists and the job may not replace it: nothing was written.
    case exists
    /// Esc: the partial file holds every row up to the last complete one.
    case cancelled(rows: Int)
    /// A page could not be read: the partial file holds the rows before it.
    case readFailed(ConsoleFailure, rows: Int)
    /// The file could not be written (or renamed): `rows` complete rows are in the partial file.
    case writeFailed(String, rows: Int)
}
