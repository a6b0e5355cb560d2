/// A column of a table: its title and how it may be sized when the width is short.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    public var minWidth: Int
    public var maxWidth: Int
    /// Columns with the lowest priority are hidden first when even the minimum widths do not fit.
    public var priority: Int
    public var alignment: TextAlignment
    /// Cut ids in the middle: their prefixes are shared (`usr_…`), their ends tell them apart.
    public var truncatesInMiddle: Bool

    public init(
        _ title: String, min: Int, max: Int, priority: Int, alignment: TextAlignment = .leading,
        truncatesInMiddle: Bool = false
    ) {
        self.title = title
        self.minWidth = Swift.max(1, min)
        self.maxWidth = Swift.max(Swift.max(1, min), max)
        self.priority = priority
        self.alignment = alignment
        self.truncatesInMiddle = truncatesInMiddle
    }
}

/// One cell's text and, optionally, a role (status colors).
public struct TableCell: Sendable, Equatable, ExpressibleByStringLiteral {
    public var text: String
    public var role: StyleRole?

    public init(_ text: String, role: StyleRole? = nil) {
        self.text = text
        self.role = role
    }

    public init(stringLiteral value: String) { self.init(value) }
}

public struct TableRow: Sendable, Equatable {
    public var id: String
    public var cells: [TableCell]
    public var isMarked: Bool

    public init(id: String, cells: [TableCell], isMarked: Bool = false) {
        self.id = id
        self.cells = cells
        self.isMarked = isMarked
    }
}

/// The row after the last one: pages still coming, the end, or a failed page.
public enum TableFooter: Sendable, Equatable {
    case none
    case loading
    /// G is loading every page: how far it got.
    case loadingAll(loaded: Int, rowsPerSecond: Int? = nil)
    case end
    /// A line that says what the rows are: a filter's scope or scan progress, or that more rows exist unloaded.
    case note(String)
    case failed(String)
}

/// A table to draw. `rows` may be a window of a longer list: `firstRowIndex` is the list index of `rows[0]`.
public struct TableModel: Sendable, Equatable {
    public var columns: [TableColumn]
    public var rows: [TableRow]
    public var firstRowIndex: Int
    /// List index of the selected row.
    public var selectedIndex: Int?
    /// List index of the first row on screen (kept so the selection stays visible).
    public var scrollOffset: Int
    public var footer: TableFooter
    public var emptyMessage: String

    public init(
        columns: [TableColumn], rows: [TableRow], firstRowIndex: Int = 0, selectedIndex: Int? = nil,
        scrollOffset: Int = 0, footer: TableFooter = .none, emptyMessage: String = "nothing here"
    ) {
        self.columns = columns
        self.rows = rows
        self.firstRowIndex = firstRowIndex
        self.selectedIndex = selectedIndex
        self.scrollOffset = scrollOffset
        self.footer = footer
        self.emptyMessage = emptyMessage
    }
}
