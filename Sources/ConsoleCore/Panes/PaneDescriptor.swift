public import AuthPIAdmin
import Foundation

/// Everything the console knows about one pane, in one place: its title and columns (read from the typed model),
/// how a page is fetched, its actions, what ⏎ opens and what Tab cycles through. The key map, help, the hint line,
/// the column widths, the row mapping and the data source's dispatch are all derived from it.
///
/// Adding a pane: a `PaneKind` case, a file under `Panes/` with its descriptor, and one line in
/// `PaneKind.descriptor` (the compiler asks for it).
public struct PaneDescriptor: Sendable {
    public var kind: PaneKind
    public var title: String
    public var columns: [PaneColumn]
    /// Filter words (`key:value`) that the API filters on, mapped to query parameter names.
    public var serverFilterKeys: [String: String] = [:]
    /// Whether free filter text is sent as the server's `q` (otherwise it filters loaded rows client-side).
    public var sendsFreeTextAsQuery = false
    /// What `/` does here, for help; nil when the pane has no filter.
    public var filterHelp: String? = PaneDescriptor.loadedRowsFilterHelp
    /// What ⏎ opens, when anything.
    public var drillDown: DrillDown?
    /// What Tab / Shift-Tab do, when anything.
    public var tab: TabNavigation?
    /// Whether `o` / `O` sort the rows (the user detail's rows are fields in a fixed order).
    public var sortsRows = true
    /// Whether `e` edits a user from here.
    public var editsUser = false
    /// The row and pane actions, in help order.
    public var actions: [RowActionKind] = []
    /// `n`: the form that creates a resource of this pane, when the API can create one here.
    public var creates: FormAction?
    /// `e`: the form that edits the selected resource (a user's own form is `editsUser`).
    public var editForm: FormAction?
    /// How rows come from the server; nil for panes the store builds itself (user detail, errors).
    public var source: PaneSource?
    /// Keys of this pane alone that are neither ⏎, Tab, the filter, marks, edit nor a row action (Events: `f`
    /// follow, `c` chart; the chart: its windows), in help order.
    public var paneKeys: [PaneKey] = []

    public static let loadedRowsFilterHelp =
        "filter the loaded rows; the line under them says how many were searched (Esc clears)"

    /// Whether any action is offered for marked rows (then the hint line offers space to mark).
    public var hasBulkActions: Bool { actions.contains { $0.reach == .rows(bulk: true) } }

    /// Whether rows can be marked (space, `*`, `u`, `M`): only where a row action acts on the marked rows, so no
    /// pane offers marks that nothing uses.
    public var marksRows: Bool {
        actions.contains { if case .rows = $0.reach { true } else { false } }
    }

    /// The position of the column colored by status, if any.
    public var statusColumn: Int? { columns.firstIndex { $0.showsStatus } }
}

/// The context a pane opened from another gets: whose list it is.
public enum OpenedContext: Sendable, Hashable {
    /// The selected row is the issuer (a fresh context).
    case rowIsIssuer
    /// The selected row is the webhook (a fresh context).
    case rowIsWebhook
    /// The pane's own context, with the selected row as the user.
    case rowIsUser
    /// The pane's own context (its issuer), with the selected row as the organization.
    case rowIsOrganization
    /// The pane's own context (its issuer), with the selected row as the agent.
    case rowIsAgent
    /// The pane's own context as it is.
    case same
    /// A fresh context from the row's links (`issuer_id`, `user_id`, `webhook_id`): an event's subject.
    case rowLinks

    /// Nil when it names the selected row and none is selected.
    func context(from context: PaneContext, row: ConsoleRow?) -> PaneContext? {
        switch self {
        case .same: return context
        case .rowLinks:
            guard let links = row?.links else { return nil }
            return PaneContext(
                issuerID: links["issuer_id"], userID: links["user_id"], webhookID: links["webhook_id"])
        case .rowIsIssuer: return row.map { PaneContext(issuerID: $0.id, issuerName: $0.title) }
        case .rowIsWebhook: return row.map { PaneContext(webhookID: $0.id, webhookName: $0.title) }
        case .rowIsUser: return Self.context(context, naming: row, \.userID, \.userName)
        case .rowIsOrganization: return Self.context(context, naming: row, \.organizationID, \.organizationName)
        case .rowIsAgent: return Self.context(context, naming: row, \.agentID, \.agentName)
        }
    }

    /// The pane's own context with the selected row as its user, organization or agent (id and name).
    private static func context(
        _ context: PaneContext, naming row: ConsoleRow?, _ id: WritableKeyPath<PaneContext, String?>,
        _ name: WritableKeyPath<PaneContext, String?>
    ) -> PaneContext? {
        guard let row else { return nil }
        var context = context
        context[keyPath: id] = row.id
        context[keyPath: name] = row.title
        return context
    }
}

/// What ⏎ opens from a pane.
public struct DrillDown: Sendable, Hashable {
    /// The panes it may open: one, or several when the selected row names which (the user detail's count lines,
    /// `count:<pane>`).
    public var targets: [PaneKind]
    public var context: OpenedContext
    /// "the issuer's users", for help.
    public var help: String

    public init(_ targets: [PaneKind], context: OpenedContext, help: String) {
        self.targets = targets
        self.context = context
        self.help = help
    }

    /// The pane ⏎ opens on `row`, or nil when the row opens nothing.
    func target(for row: ConsoleRow) -> PaneKind? {
        if targets.count == 1 { return targets[0] }
        if context == .rowLinks {
            // The row names what it opens (an event's subject); a row that names nothing opens nothing.
            guard let opens = row.links["opens"], let kind = PaneKind(rawValue: opens), targets.contains(kind)
            else { return nil }
            return kind
        }
        guard row.id.hasPrefix("count:"), let kind = PaneKind(rawValue: String(row.id.dropFirst("count:".count))),
            targets.contains(kind)
        else { return nil }
        return kind
    }
}

/// What Tab / Shift-Tab do from a pane.
public struct TabNavigation: Sendable, Hashable {
    public enum Move: Sendable, Hashable {
        /// Replaces this pane with the next / previous of these (this pane is one of them), in the same context.
        case cycles([PaneKind])
        /// Opens one of these on top (Tab: the given first one, Shift-Tab: the last), in the given context.
        case opens([PaneKind], first: PaneKind, context: OpenedContext)
    }

    public var move: Move
    /// "users / clients / agents / organizations", for help.
    public var help: String

    public init(_ move: Move, help: String) {
        self.move = move
        self.help = help
    }
}

/// One column: its header, how wide it may be, and whether it is colored by status. Values come from the
/// pane's typed rows (`TypedColumn`).
public struct PaneColumn: Sendable, Hashable {
    public var header: String
    public var width: ColumnWidth
    public var showsStatus: Bool

    public init(_ header: String, _ width: ColumnWidth, showsStatus: Bool = false) {
        self.header = header
        self.width = width
        self.showsStatus = showsStatus
    }
}

/// How wide a column may be and which columns go first when the terminal is narrow (higher priority stays).
public struct ColumnWidth: Sendable, Hashable {
    public var min: Int
    public var max: Int
    public var priority: Int
    public var truncatesInMiddle = false
    public var alignsTrailing = false

    public init(min: Int, max: Int, priority: Int, truncatesInMiddle: Bool = false, alignsTrailing: Bool = false) {
        self.min = min
        self.max = max
        self.priority = priority
        self.truncatesInMiddle = truncatesInMiddle
        self.alignsTrailing = alignsTrailing
    }

    public static let id = ColumnWidth(min: 10, max: 30, priority: 10, truncatesInMiddle: true)
    public static let username = ColumnWidth(min: 12, max: 36, priority: 9)
    public static let name = ColumnWidth(min: 10, max: 30, priority: 8)
    public static let status = ColumnWidth(min: 7, max: 12, priority: 7)
    /// Dates of a resource (created, expires, …): the first to go on a narrow screen.
    public static let date = ColumnWidth(min: 10, max: 20, priority: 3)
    /// The time of an event or banner: what the row is about, kept.
    public static let time = ColumnWidth(min: 10, max: 20, priority: 10)
    public static let url = ColumnWidth(min: 12, max: 48, priority: 5)
    public static let sentence = ColumnWidth(min: 12, max: 60, priority: 6)
    public static let field = ColumnWidth(min: 12, max: 22, priority: 10)
    public static let value = ColumnWidth(min: 12, max: 80, priority: 9)
    public static let count = ColumnWidth(min: 8, max: 8, priority: 4, alignsTrailing: true)
    public static let list = ColumnWidth(min: 8, max: 32, priority: 4)
    public static let reference = ColumnWidth(min: 10, max: 24, priority: 2)
    /// A short word (type, model, readiness).
    public static func word(priority: Int) -> ColumnWidth { ColumnWidth(min: 6, max: 24, priority: priority) }
}

extension PaneColumn {
    public static let id = PaneColumn("ID", .id)
    public static let status = PaneColumn("STATUS", .status, showsStatus: true)
}

/// Where a server list pane's rows come from: the typed client calls, erased to rows.
public struct PaneSource: Sendable {
    /// One page of the pane.
    let fetchPage: @Sendable (AuthPIClient, PageRequest) async throws -> RowPage
    /// One page, its rows mapped only when asked for.
    let fetchUnmappedPage: @Sendable (AuthPIClient, PageRequest) async throws -> UnmappedRowPage
    /// One row read now, with its ETag; nil when the API cannot read one by one.
    let readOne: (@Sendable (AuthPIClient, _ rowID: String, PaneContext) async throws -> ConsoleRow?)?

    /// A list whose items are mapped to rows by `row`.
    public static func list<Item: AuthPIModel>(
        _ fetch: @escaping @Sendable (AuthPIClient, PageRequest) async throws -> Page<Item>,
        row: @escaping @Sendable (Item) -> ConsoleRow?,
        readOne: (@Sendable (AuthPIClient, _ rowID: String, PaneContext) async throws -> ConsoleRow?)? = nil
    ) -> PaneSource {
        PaneSource(
            fetchPage: { client, request in
                let page = try await fetch(client, request)
                return RowPage(rows: page.data.compactMap(row), nextCursor: page.nextCursor, hasMore: page.hasMore)
            },
            fetchUnmappedPage: { client, request in
                let page = try await fetch(client, request)
                return UnmappedRowPage(count: page.data.count, nextCursor: page.nextCursor, hasMore: page.hasMore) {
                    page.data.compactMap(row)
                }
            },
            readOne: readOne)
    }
}

/// A column of a pane over its typed model: the display text and, when it differs, the value to sort by.
public struct TypedColumn<Model>: Sendable {
    public var column: PaneColumn
    let value: @Sendable (Model) -> String
    let sortKey: (@Sendable (Model) -> Double?)?

    public init(
        _ column: PaneColumn, sortKey: (@Sendable (Model) -> Double?)? = nil,
        _ value: @escaping @Sendable (Model) -> String
    ) {
        self.column = column
        self.value = value
        self.sortKey = sortKey
    }
}

/// How one pane turns its typed model into a row: columns, and what names the row and its status.
public struct TypedRows<Model>: Sendable {
    public var columns: [TypedColumn<Model>]
    let id: @Sendable (Model) -> String
    let title: @Sendable (Model) -> String?
    let status: @Sendable (Model) -> String?
    let detail: @Sendable (Model) -> RowDetail
    let links: @Sendable (Model) -> [String: String]

    public init(
        id: @escaping @Sendable (Model) -> String, title: @escaping @Sendable (Model) -> String? = { _ in nil },
        status: @escaping @Sendable (Model) -> String? = { _ in nil }, detail: @escaping @Sendable (Model) -> RowDetail,
        links: @escaping @Sendable (Model) -> [String: String] = { _ in [:] },
        columns: [TypedColumn<Model>]
    ) {
        self.links = links
        self.id = id
        self.title = title
        self.status = status
        self.detail = detail
        self.columns = columns
    }

    public var paneColumns: [PaneColumn] { columns.map(\.column) }

    /// The row for one resource; nil when it has no id.
    public func row(_ model: Model) -> ConsoleRow? {
        id(model).isEmpty ? nil : anyRow(model)
    }

    /// The row, even without an id (a record the store already holds).
    public func anyRow(_ model: Model) -> ConsoleRow {
        var sortKeys: [Int: Double] = [:]
        for (index, column) in columns.enumerated() {
            if let key = column.sortKey?(model) { sortKeys[index] = key }
        }
        return ConsoleRow(
            id: id(model), cells: columns.map { $0.value(model) }, title: title(model), status: status(model),
            detail: detail(model), sortKeys: sortKeys, links: links(model))
    }
}

extension TypedRows where Model: AuthPIModel {
    /// Rows of an API resource: described as its JSON with secrets masked.
    public init(
        id: @escaping @Sendable (Model) -> String, title: @escaping @Sendable (Model) -> String? = { _ in nil },
        status: @escaping @Sendable (Model) -> String? = { _ in nil },
        links: @escaping @Sendable (Model) -> [String: String] = { _ in [:] }, columns: [TypedColumn<Model>]
    ) {
        self.init(
            id: id, title: title, status: status, detail: { RowDetail(json: $0.json) }, links: links, columns: columns)
    }

    /// The row of one resource read on its own, carrying the ETag of that version.
    public func row(_ item: Versioned<Model>) -> ConsoleRow? {
        var row = row(item.value)
        row?.etag = item.etag
        return row
    }
}

/// Sort keys shared by the panes.
enum SortKey {
    /// A date's seconds, or 0 when there is none (rows without it sort first).
    static func seconds(_ date: Date?) -> Double { date?.timeIntervalSince1970 ?? 0 }
}

extension PaneContext {
    /// The id a request needs from the context, or a configuration failure when the pane has none.
    func required(_ id: String?) throws -> String {
        guard let id, !id.isEmpty else {
            throw ConsoleFailure(kind: .configuration, code: "missing_scope", message: "no resource in context")
        }
        return id
    }

    func issuer(_ client: AuthPIClient) throws -> IssuerScope { client.issuer(try required(issuerID)) }

    func user(_ client: AuthPIClient) throws -> UserScope { try issuer(client).user(try required(userID)) }

    func webhook(_ client: AuthPIClient) throws -> WebhookScope { client.webhook(try required(webhookID)) }

    func organization(_ client: AuthPIClient) throws -> OrganizationScope {
        try issuer(client).organization(try required(organizationID))
    }

    func agent(_ client: AuthPIClient) throws -> AgentScope { try issuer(client).agent(try required(agentID)) }
}

/// A key of one pane that asks for a `PaneCommand` (help, the hint line and dispatch read it from here).
public struct PaneKey: Sendable, Hashable {
    public var glyph: Character
    public var command: PaneCommand
    /// The help line.
    public var help: String
    /// The word on the hint line, or nil when only help lists it.
    public var hint: String?

    public init(_ glyph: Character, _ command: PaneCommand, help: String, hint: String? = nil) {
        self.glyph = glyph
        self.command = command
        self.help = help
        self.hint = hint
    }
}

/// What a pane's own key asks for.
public enum PaneCommand: Sendable, Hashable {
    /// Events: follow new events live, or stop.
    case toggleFollow
    /// Events: the chart of event counts over time.
    case openChart
    /// The chart: its window.
    case chartWindow(ChartWindow)
}
