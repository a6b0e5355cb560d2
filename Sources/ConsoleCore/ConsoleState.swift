public import Foundation

/// Everything the view draws, as one value. The store publishes a new one after every change.
public struct ConsoleState: Sendable {
    public var header: HeaderInfo
    /// The navigation stack; the last pane is on screen.
    public internal(set) var stack: [PaneState] = []
    /// The newest banner, until dismissed or replaced.
    public internal(set) var banner: Banner?
    /// The last 100 banners, oldest first (the Errors pane lists them newest first).
    public internal(set) var bannerHistory: [Banner] = []
    public internal(set) var dialog: ConsoleDialog?
    /// `G` in progress: rows loaded so far.
    public internal(set) var loadToEnd: LoadToEndProgress?
    /// `:export` in progress: rows and pages written so far.
    public internal(set) var export: ExportProgress?
    /// Table rows the view can show; the store keeps the selection inside it.
    public internal(set) var viewportHeight = 20
    public let isReadOnly: Bool
    /// Interval refresh, when on.
    public internal(set) var autoRefreshSeconds: Int?
    /// The time of this snapshot (ticks each second while a rate-limit countdown is shown).
    public internal(set) var now: Date
    /// What the last row action did, row by row.
    public internal(set) var lastActionReport: ActionReport?
    /// The id of the last resource a create form made (the refreshed list selects it).
    public internal(set) var lastCreatedID: String?
    /// The account picker, while no account is chosen yet (then there are no panes).
    public internal(set) var accountPicker: AccountPicker?
    /// Panes being refreshed, as they were when the refresh started (by pane id): drawn until the new rows
    /// arrive, and put back if the refresh fails, so no row on screen is lost.
    public internal(set) var panesBeforeRefresh: [Int: PaneState] = [:]
        /// What the view keeps between frames (drafts, scroll positions, its overlays, notices).
    public internal(set) var view = ViewState()
        /// Issuers seen in the Issuers pane's pages (id, name), kept when that pane is left: `:users NAME` and its
    /// completion read them from anywhere. At most `knownIssuersLimit`.
    public internal(set) var knownIssuers: [KnownIssuer] = []
    public static let knownIssuersLimit = 1_000
        /// Set when the user asked to quit and nothing holds it back.
    public internal(set) var shouldQuit = false

    public static let bannerHistoryLimit = 100

    init(header: HeaderInfo, isReadOnly: Bool, now: Date) {
        self.header = header
        self.isReadOnly = isReadOnly
        self.now = now
    }

    public var current: PaneState? { stack.last }

    /// "Issuers › Acme Production › Users (1,000,000+)" as parts.
    public var breadcrumb: [String] { breadcrumbSegments.map(\.text) }

    /// Each crumb with the position in `stack` of the pane it stands for (a name crumb before a pane stands
    /// for the list it was chosen in): a click on a crumb goes back to that pane.
    public var breadcrumbSegments: [(text: String, stackPosition: Int)] {
        var parts: [(text: String, stackPosition: Int)] = []
        for (position, pane) in stack.enumerated() {
            let isLast = position == stack.count - 1
            let previous = position > 0 ? stack[position - 1].kind : nil
            if PaneKind.issuerScope.contains(pane.kind), previous == .issuers {
                parts.append((pane.context.issuerName ?? pane.context.issuerID ?? "?", position - 1))
            }
            if pane.kind == .deliveries {
                parts.append((pane.context.webhookName ?? pane.context.webhookID ?? "?", max(position - 1, 0)))
            }
            if PaneKind.organizationScope.contains(pane.kind), previous == .organizations {
                parts.append((pane.context.organizationName ?? pane.context.organizationID ?? "?", position - 1))
            }
            if pane.kind == .agentVerifiers, previous == .agents {
                parts.append((pane.context.agentName ?? pane.context.agentID ?? "?", position - 1))
            }
            if pane.kind == .userDetail {
                parts.append((pane.context.userName ?? pane.context.userID ?? "?", position))
                continue
            }
            parts.append((isLast ? "\(pane.kind.title) (\(pane.rowCountText))" : pane.kind.title, position))
        }
        return parts
    }

    public var breadcrumbText: String { breadcrumb.joined(separator: " › ") }

    /// The banner line, with a live countdown for rate limits.
    public var bannerText: String? { banner?.text(now: now) }

    /// Whether an edit form holds unsaved input.
    public var hasUnsavedEdit: Bool {
        switch dialog {
        case .edit(let form), .discardEdit(let form), .confirmQuit(let form): form.isDirty
        case .conflict, .formConflict: true
        case .form(let form), .discardForm(let form, _): form.isDirty
        default: false
        }
    }
}

/// The header line: who, where, and how the server is doing.
public struct HeaderInfo: Sendable, Hashable {
    public var account: String
    public var baseURL: String
    public var profile: String?
    /// Requests in flight now.
    public internal(set) var requestsInFlight = 0
    /// Duration of the last completed request.
    public internal(set) var lastLatency: Duration?

    public init(account: String, baseURL: String, profile: String? = nil) {
        self.account = account
        self.baseURL = baseURL
        self.profile = profile
    }

    /// "12 ms", or "" before the first request.
    public var lastLatencyText: String {
        guard let lastLatency else { return "" }
        return DisplayFormat.latency(lastLatency)
    }
}

/// Progress of `:export`, published at most 4 times a second like `G`'s.
public struct ExportProgress: Sendable, Hashable {
    public var path: String
    public var partialPath: String
    public var rows: Int
    public var pages: Int
    public var startedAt: Duration
    /// Rows written per second, once there is something to divide.
    public var rowsPerSecond: Int?
    /// Esc was pressed: the export stops after the page being written.
    public var isCancelling = false

    /// "12,300 rows · 123 pages · 5,400 rows/s · Esc cancels" (no total: the API does not say how many rows a
    /// list has, so there is no fraction to draw).
    public var summary: String {
        var parts = ["\(DisplayFormat.count(rows)) rows", "\(DisplayFormat.count(pages)) \(pages == 1 ? "page" : "pages")"]
        if let rowsPerSecond { parts.append("\(DisplayFormat.count(rowsPerSecond)) rows/s") }
        parts.append(isCancelling ? "cancelling…" : "Esc cancels")
        return parts.joined(separator: " · ")
    }
}

/// Progress of `G` (load to the end).
public struct LoadToEndProgress: Sendable, Hashable {
    public var paneID: Int
    public var loadedRows: Int
    public var pages: Int
    /// Rows already loaded when `G` was pressed, and when (the store clock's elapsed time): the rate counts only
    /// what this walk fetched.
    public var startedRows: Int
    public var startedAt: Duration
    /// Rows fetched per second since `G`, once there is something to divide.
    public var rowsPerSecond: Int?

    init(paneID: Int, loadedRows: Int, pages: Int, startedRows: Int, startedAt: Duration) {
        self.paneID = paneID
        self.loadedRows = loadedRows
        self.pages = pages
        self.startedRows = startedRows
        self.startedAt = startedAt
    }
}

/// An issuer the console has listed: its id and name.
public struct KnownIssuer: Sendable, Hashable {
    public var id: String
    public var name: String
}
