/// One pane on the navigation stack: its list, position, marks, filter and sort.
public struct PaneState: Sendable, Identifiable {
    /// Unique per opened pane, so that answers for a pane that was closed are recognised.
    public let id: Int
    public let kind: PaneKind
    public var context: PaneContext
    public var list = PagedList()
    /// Selected row, as an index into the displayed rows.
    public internal(set) var selection = 0
    /// First displayed row in the viewport.
    public internal(set) var scrollTop = 0
    /// Marked row ids; they survive scrolling, paging, filtering and eviction.
    public internal(set) var marks: Set<String> = []
    public internal(set) var filterText = ""
    public internal(set) var sort: SortOrder?
    /// The row marked last (by space): where `M` starts its range.
    public internal(set) var lastMarkedID: String?
    /// The user shown by a User detail pane.
    public internal(set) var userRecord: UserRecord?
    /// Users whose details are being fetched.
    public internal(set) var hydratingIDs: Set<String> = []
    /// List indexes of the displayed rows while a client-side filter or a sort is active.
    var display: [Int]?
    /// The scan of the whole list for a Users text filter; its matches are the pane's list.
    public internal(set) var filterScan: FilterScanProgress?
    /// The list as it was before a scan replaced it with matches: clearing the filter puts it back.
    var listBeforeScan: ListBeforeScan?
    /// Events: following new events live (`f`); nil when not.
    public internal(set) var follow: FollowState?
    /// The events chart: its window and the server's counts.
    public internal(set) var chart: ChartState?

    init(id: Int, kind: PaneKind, context: PaneContext) {
        self.id = id
        self.kind = kind
        self.context = context
    }

    public var filter: ListFilter { ListFilter(filterText, kind: kind) }

    /// Whether the displayed rows are a filtered or sorted view of the loaded rows.
    public var isFilteredOrSorted: Bool { display != nil }

    /// Number of displayed rows (known rows, loaded or not, when no client filter or sort is active).
    public var rowCount: Int { display?.count ?? list.count }

    /// "1,000,000+" while more pages exist.
    public var rowCountText: String {
        let number = DisplayFormat.count(rowCount)
        if let filterScan {
            // A scan's count is final only once it read the last page.
            if !list.hasFirstPage, filterScan.isRunning { return "…" }
            return filterScan.phase == .finished ? number : number + "+"
        }
        // A first page that failed says so: "0" would claim the list is empty.
        if !list.hasFirstPage { return list.isLoading ? "…" : list.failureMessage != nil ? "failed" : number }
        return list.hasMore ? number + "+" : number
    }

    func listIndex(ofRow index: Int) -> Int? {
        guard index >= 0, index < rowCount else { return nil }
        return display.map { $0[index] } ?? index
    }

    /// The displayed row at `index`; nil while its page is being fetched again.
    public func row(at index: Int) -> ConsoleRow? {
        listIndex(ofRow: index).flatMap { list.row(at: $0) }
    }

    public var selectedRow: ConsoleRow? { row(at: selection) }

    /// The rows in the viewport, for drawing.
    public func visibleRows(height: Int) -> [DisplayRow] {
        let end = min(rowCount, scrollTop + max(height, 0))
        guard scrollTop < end else { return [] }
        return (scrollTop..<end).map { index in
            let row = row(at: index)
            return DisplayRow(
                index: index, row: row, isSelected: index == selection,
                isMarked: row.map { marks.contains($0.id) } ?? false,
                isHydrating: row.map { hydratingIDs.contains($0.id) } ?? false)
        }
    }

    /// The line after the last row.
    public var footer: ListFooter {
        if let message = list.failureMessage { return .failed(message) }
        if list.isLoading { return .loading }
        if !list.hasFirstPage { return .loading }
        return list.hasMore ? .more : .end
    }

    /// What the filter searched, said under the rows: a scan's progress, or for a filter on the loaded rows, that
    /// it saw only those. Nil without a client-side filter.
    public var filterScope: String? {
        if let filterScan { return filterScan.summary(shown: rowCount) }
        guard !filter.clientText.isEmpty, list.hasFirstPage else { return nil }
        let found = "\(DisplayFormat.count(rowCount)) \(rowCount == 1 ? "match" : "matches")"
        let held = list.residentRowCount
        if !list.hasMore, held == list.count { return "\(found) · all \(DisplayFormat.count(held)) rows searched" }
        let known = DisplayFormat.count(list.count) + (list.hasMore ? "+" : "")
        if held == list.count {
            return "\(found) in the \(DisplayFormat.count(held)) rows loaded of \(known) · G loads the rest"
        }
        return "\(found) · searched only the \(DisplayFormat.count(held)) rows in memory of \(known)"
    }

    /// What a sort put in order, said under the rows while the list is not complete in memory: a sort of a lazily
    /// paged list orders only what is loaded. Nil without a sort, or when every row is loaded (nothing to caveat).
    public var sortScope: String? {
        sortCaveat.map { $0 + " · G loads all, then sorts" }
    }

    /// The short form, for the line above the rows: "sorted: 300 loaded rows of 1,000,000+".
    public var sortCaveat: String? {
        guard sort != nil, list.hasFirstPage else { return nil }
        let held = list.residentRowCount
        if !list.hasMore, held == list.count { return nil }
        let known = DisplayFormat.count(list.count) + (list.hasMore ? "+" : "")
        let rows = held == 1 ? "row" : "rows"
        return "sorted: \(DisplayFormat.count(held)) loaded \(rows) of \(known)"
    }

    /// Marked rows that the filter currently hides.
    public var marksHiddenByFilter: Int {
        guard let display, !marks.isEmpty else { return 0 }
        var shown = 0
        for index in display where list.row(at: index).map({ marks.contains($0.id) }) ?? false { shown += 1 }
        return marks.count - shown
    }

    mutating func recomputeDisplay() {
        let text = filter.clientText
        let selectedID = selectedRow?.id
        if text.isEmpty, sort == nil {
            display = nil
        } else {
            var rows = list.residentRows()
            if !text.isEmpty { rows = rows.filter { $0.row.matches(text) } }
            if let sort {
                // Each row's key is read once (not once per comparison): a sort of 50,000 rows makes ~800,000
                // comparisons.
                var keyed = rows.map { (index: $0.index, key: Self.sortKey($0.row, column: sort.column)) }
                keyed.sort { left, right in
                    let order = Self.compare(left.key, right.key)
                    if order == 0 { return left.index < right.index }
                    return sort.ascending ? order < 0 : order > 0
                }
                display = keyed.map(\.index)
            } else {
                display = rows.map(\.index)
            }
        }
        if let selectedID, let index = displayIndex(ofID: selectedID) {
            selection = index
        }
        clampSelection(viewport: nil)
    }

    func displayIndex(ofID id: String) -> Int? {
        guard let listIndex = list.index(ofID: id) else { return nil }
        guard let display else { return listIndex }
        return display.firstIndex(of: listIndex)
    }

    mutating func clampSelection(viewport: Int?) {
        selection = min(max(selection, 0), max(rowCount - 1, 0))
        if let viewport { scrollToSelection(viewport: viewport) }
    }

    mutating func scrollToSelection(viewport: Int) {
        let height = max(viewport, 1)
        if selection < scrollTop { scrollTop = selection }
        if selection >= scrollTop + height { scrollTop = selection - height + 1 }
        scrollTop = min(max(scrollTop, 0), max(rowCount - 1, 0))
    }

    /// What a row sorts by in a column: its sort key (timestamps, counts) or the number its text reads as, else
    /// its text without case.
    private struct SortKey {
        var number: Double?
        var text: String
    }

    private static func sortKey(_ row: ConsoleRow, column: Int) -> SortKey {
        let text = column < row.cells.count ? row.cells[column].lowercased() : ""
        return SortKey(number: row.sortKeys[column] ?? Double(text), text: text)
    }

    private static func compare(_ left: SortKey, _ right: SortKey) -> Int {
        if let a = left.number, let b = right.number { return a < b ? -1 : (a > b ? 1 : 0) }
        return left.text < right.text ? -1 : (left.text > right.text ? 1 : 0)
    }
}

/// The Events pane following new events.
public struct FollowState: Sendable, Hashable {
    /// Events that came in since following began.
    public internal(set) var newCount = 0
    /// Polls failed in a row (the wait before the next one grows with it).
    public internal(set) var failures = 0
    /// Set when the pane stopped taking new rows (too many came in: `r` reloads).
    public internal(set) var stoppedReason: String?

    /// "following · 3 new".
    public var text: String {
        if let stoppedReason { return "following stopped · \(stoppedReason)" }
        var text = "following · \(DisplayFormat.count(newCount)) new"
        if failures > 0 { text += " · poll failed \(failures == 1 ? "once" : "\(failures)×"), retrying" }
        return text
    }
}

/// The events chart's window, its server filter and what the server answered.
public struct ChartState: Sendable, Hashable {
    public internal(set) var window: ChartWindow
    /// The Events pane's server filter when the chart was opened (`issuer_id`, `user_id`, `event_types`).
    public internal(set) var query: [String: String]
    /// The counts as the server returned them; nil until they arrived (or after a failure).
    public internal(set) var counts: EventCounts?

    /// The line under the chart: window, buckets, time axis and the total.
    public var summary: String? {
        guard let counts else { return nil }
        var text = "\(window.label) window · \(window.bucketLabel) buckets · \(counts.axisText) · "
            + "\(DisplayFormat.count(counts.total)) \(counts.total == 1 ? "event" : "events") · 1 2 3: window"
        if counts.ignoredBuckets > 0 { text += " · \(counts.ignoredBuckets) buckets outside the window not drawn" }
        return text
    }

    /// What an empty chart says: the server counted nothing in the window.
    public var emptyText: String { "no events in the last \(window.label) (the server counted none)" }
}

/// A row as the view draws it.
public struct DisplayRow: Sendable, Hashable {
    public var index: Int
    /// Nil while its page is being fetched again (draw a placeholder).
    public var row: ConsoleRow?
    public var isSelected: Bool
    public var isMarked: Bool
    /// Details of this user are being fetched.
    public var isHydrating: Bool
}

/// The line after the last row.
public enum ListFooter: Sendable, Hashable {
    case loading
    case more
    case end
    case failed(String)
}
