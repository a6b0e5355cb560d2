/// The header line: who and where the console is connected, and whether a request is running.
public struct HeaderModel: Sendable, Equatable {
    public var account: String
    public var baseURL: String
    public var profile: String?
    public var requestsInFlight: Int
    /// Advances with the tick while a request is in flight.
    public var spinnerFrame: Int
    /// Duration of the last request, e.g. "12 ms".
    public var lastLatency: String?
    public var readOnly: Bool
    /// What the pane on screen is doing by itself, e.g. "following · 3 new".
    public var status: String?

    public init(
        account: String, baseURL: String, profile: String? = nil, requestsInFlight: Int = 0, spinnerFrame: Int = 0,
        lastLatency: String? = nil, readOnly: Bool = false, status: String? = nil
    ) {
        self.status = status
        self.account = account
        self.baseURL = baseURL
        self.profile = profile
        self.requestsInFlight = requestsInFlight
        self.spinnerFrame = spinnerFrame
        self.lastLatency = lastLatency
        self.readOnly = readOnly
    }
}

/// The breadcrumb line: where the user is, how many rows, and the filter.
public struct BreadcrumbModel: Sendable, Equatable {
    public var crumbs: [String]
    /// Shown after the last crumb, e.g. "1,000,000+".
    public var rowCount: String?
    public var filter: String?
    /// The filter is being typed: the cursor sits at its end.
    public var isEditingFilter: Bool
    /// For each crumb, how many panes back a click on it goes (0: the pane on screen); empty: not clickable.
    public var backLevels: [Int] = []
    /// Said at the right before the filter, in sight wherever the list is scrolled ("sorted: 300 loaded rows
    /// of 1,000,000+").
    public var note: String?

    public init(
        crumbs: [String], rowCount: String? = nil, filter: String? = nil, isEditingFilter: Bool = false,
        note: String? = nil
    ) {
        self.crumbs = crumbs
        self.rowCount = rowCount
        self.filter = filter
        self.isEditingFilter = isEditingFilter
        self.note = note
    }
}

public enum BannerSeverity: String, Sendable, Hashable, CaseIterable {
    case info, success, warning, error

    public var icon: String {
        switch self {
        case .info: "ℹ"
        case .success: "✔"
        case .warning: "⚠"
        case .error: "✖"
        }
    }

    var role: StyleRole {
        switch self {
        case .info: .bannerInfo
        case .success: .bannerSuccess
        case .warning: .bannerWarning
        case .error: .bannerError
        }
    }
}

/// The newest banner: severity, a short title, detail, the server's reference, and a key hint.
public struct BannerModel: Sendable, Equatable {
    public var severity: BannerSeverity
    public var title: String
    public var detail: String?
    public var reference: String?
    /// E.g. "[r] retry", "[c] resolve".
    public var hint: String?
    /// A live countdown ("retry in 2s"): drawn right after the title, before the detail, so a narrow line
    /// cuts the detail and never the countdown.
    public var countdown: String?

    public init(severity: BannerSeverity, title: String, detail: String? = nil, reference: String? = nil, hint: String? = nil,
                countdown: String? = nil) {
        self.severity = severity
        self.title = title
        self.detail = detail
        self.reference = reference
        self.hint = hint
        self.countdown = countdown
    }
}
