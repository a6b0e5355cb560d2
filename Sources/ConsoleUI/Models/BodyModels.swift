/// The describe view: one resource as pretty JSON, scrolled to a line.
public struct DescribeModel: Sendable, Equatable {
    public var title: String
    /// Pretty-printed JSON (see `JSONHighlighter.prettyPrinted`); secrets are masked again when drawn.
    public var json: String
    public var scrollOffset: Int

    public init(title: String, json: String, scrollOffset: Int = 0) {
        self.title = title
        self.json = json
        self.scrollOffset = scrollOffset
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
