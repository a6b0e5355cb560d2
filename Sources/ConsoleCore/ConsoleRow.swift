/// One table row, already formatted for display: `cells` line up with `PaneKind.columns`.
public struct ConsoleRow: Sendable, Hashable, Identifiable {
    public var id: String
    public var cells: [String]
    /// Name used in the breadcrumb and in messages ("alice@acme.test", "Acme Production").
    public var title: String
    /// Resource status when it has one (active, revoked, …).
    public var status: String?
    /// The resource's JSON for `d` describe, written when read. Never contains secrets.
    public var detail: RowDetail
    /// Pretty JSON of the resource, for `d` describe. Never contains secrets.
    public var detailJSON: String {
        get { detail.text }
        set { detail = RowDetail(newValue) }
    }
    /// A light list item whose details must still be fetched (users in API 1.4.0).
    public var needsHydration: Bool
    /// Values to sort by, per column, when they differ from the displayed text (timestamps, counts).
    public var sortKeys: [Int: Double]
    /// The ETag of the version shown, when it was fetched on its own (list items carry none): actions send it as
    /// If-Match so they act only on what the user saw.
    public var etag: String?
    /// What the row refers to besides itself, for ⏎ (an event's subject: `opens`, `issuer_id`, `user_id`,
    /// `webhook_id`, …). Empty for most rows.
    public var links: [String: String]

    public init(
        id: String, cells: [String], title: String? = nil, status: String? = nil, detailJSON: String = "{}",
        needsHydration: Bool = false, sortKeys: [Int: Double] = [:], etag: String? = nil, links: [String: String] = [:]
    ) {
        self.init(
            id: id, cells: cells, title: title, status: status, detail: RowDetail(detailJSON),
            needsHydration: needsHydration, sortKeys: sortKeys, etag: etag, links: links)
    }

    public init(
        id: String, cells: [String], title: String? = nil, status: String? = nil, detail: RowDetail,
        needsHydration: Bool = false, sortKeys: [Int: Double] = [:], etag: String? = nil, links: [String: String] = [:]
    ) {
        self.links = links
        self.etag = etag
        self.id = id
        self.cells = cells
        self.title = title ?? id
        self.status = status
        self.detail = detail
        self.needsHydration = needsHydration
        self.sortKeys = sortKeys
    }

    /// What differs in `current` from this row as it was shown: one entry per column the user saw a value in
    /// (cells still loading, "…" or empty, were not seen and are not compared).
    public func changes(to current: ConsoleRow, columns: [String]) -> [RowChange] {
        cells.indices.compactMap { index in
            let shown = cells[index]
            guard !shown.isEmpty, shown != "…", index < current.cells.count, current.cells[index] != shown else { return nil }
            let column = index < columns.count ? columns[index] : "column \(index + 1)"
            return RowChange(column: column, shown: shown, current: current.cells[index])
        }
    }

    /// Whether every word of `text` occurs in some cell (case-insensitive).
    public func matches(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace)
        if words.isEmpty { return true }
        let haystack = ([id] + cells).joined(separator: "\u{1F}").lowercased()
        return words.allSatisfy { haystack.contains($0) }
    }
}

/// One column of a row that changed since it was shown.
public struct RowChange: Sendable, Hashable {
    public var column: String
    public var shown: String
    public var current: String
}
