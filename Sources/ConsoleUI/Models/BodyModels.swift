/// The describe view: one resource as pretty JSON, scrolled to a line.
public struct DescribeModel: Sendable, Equatable {
    public var title: String
    /// Pretty-printed JSON (see `JSONHighlighter.prettyPrinted`); secrets are masked again when drawn.
    public var json: String
    /// First row on screen (rows after wrapping, when wrapped).
    public var scrollOffset: Int
    /// Long lines wrap (the default); else they are cut with … and ←/→ scroll sideways by `column`.
    public var wraps: Bool
    public var column: Int
    /// The text searched for (matches are highlighted), when a search is applied.
    public var search: String?
    /// E.g. "loading the current version…", or why the version shown may be old.
    public var note: String?

    public init(title: String, json: String, scrollOffset: Int = 0, wraps: Bool = true, column: Int = 0,
                search: String? = nil, note: String? = nil) {
        self.title = title
        self.json = json
        self.scrollOffset = scrollOffset
        self.wraps = wraps
        self.column = column
        self.search = search
        self.note = note
    }
}

/// The user detail pane: profile fields, counts, and the tabs reached with Tab.
public struct DetailModel: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var label: String
        public var value: String
        public var role: StyleRole?
        public init(_ label: String, _ value: String, role: StyleRole? = nil) {
            self.label = label
            self.value = value
            self.role = role
        }
    }

    public var title: String
    public var fields: [Field]
    public var tabs: [String]
    public var selectedTab: Int?
    public var isLoading: Bool

    public init(title: String, fields: [Field], tabs: [String] = [], selectedTab: Int? = nil, isLoading: Bool = false) {
        self.title = title
        self.fields = fields
        self.tabs = tabs
        self.selectedTab = selectedTab
        self.isLoading = isLoading
    }
}
