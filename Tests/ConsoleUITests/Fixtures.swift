import ConsoleCore
@testable import ConsoleUI

/// View models for every pane, dialog and banner, written by hand (the store is not involved here).
enum Fixtures {
    static let header = HeaderModel(
        account: "acc_demo", baseURL: "http://127.0.0.1:4010", profile: "demo", requestsInFlight: 0,
        lastLatency: "12 ms")

    static let userColumns = [
        TableColumn("ID", min: 8, max: 30, priority: 10),
        TableColumn("USERNAME", min: 10, max: 32, priority: 9),
        TableColumn("NAME", min: 8, max: 24, priority: 5),
        TableColumn("STATUS", min: 7, max: 10, priority: 7),
        TableColumn("CREATED", min: 10, max: 10, priority: 3),
    ]

    static let users: [TableRow] = [
        TableRow(id: "usr_01HAAA", cells: ["usr_01HAAA7Q2N3M4K5J6H", "alice@acme.test", "Alice Martin",
                                           TableCell("active", role: .statusGood), "2026-03-02"]),
        TableRow(id: "usr_01JBBB", cells: ["usr_01JBBB8R3P4N5M6K7J", "bob@acme.test", "Bob Stone",
                                           TableCell("blocked", role: .statusBad), "2026-03-05"], isMarked: true),
        TableRow(id: "usr_01KCCC", cells: ["usr_01KCCC9S4Q5P6N7M8K", "yamada@acme.test", "山田太郎",
                                           TableCell("active", role: .statusGood), "2026-03-07"]),
        TableRow(id: "usr_01KDDD", cells: ["usr_01KDDDAT5R6Q7P8N9M", "zoe@acme.test", "Zoë Ångström-Łukasiewicz",
                                           TableCell("active", role: .statusGood), "2026-03-09"]),
        TableRow(id: "usr_01KEEE", cells: ["usr_01KEEEBV6S7R8Q9P0N", "emoji@acme.test", "Ana 👩‍💻 Ruiz 🇫🇷",
                                           TableCell("pending", role: .statusWarning), "2026-03-11"]),
    ]

    static func usersScreen(footer: TableFooter = .loading, selected: Int = 0, banner: BannerModel? = nil,
                            overlay: OverlayModel? = nil, filter: String? = nil) -> ScreenModel {
        ScreenModel(
            scope: .pane(.users), header: header,
            breadcrumb: BreadcrumbModel(crumbs: ["Issuers", "Acme Production", "Users"], rowCount: "1,000,000+",
                                        filter: filter),
            body: .table(TableModel(columns: userColumns, rows: users, selectedIndex: selected, footer: footer)),
            banner: banner, overlay: overlay)
    }

    static let issuersScreen = ScreenModel(
        scope: .pane(.issuers), header: HeaderModel(account: "acc_demo", baseURL: "http://127.0.0.1:4010", requestsInFlight: 1,
                                            spinnerFrame: 3, lastLatency: "1,250 ms"),
        breadcrumb: BreadcrumbModel(crumbs: ["Issuers"], rowCount: "3"),
        body: .table(TableModel(
            columns: [
                TableColumn("ID", min: 8, max: 28, priority: 10),
                TableColumn("NAME", min: 10, max: 30, priority: 9),
                TableColumn("STATUS", min: 6, max: 10, priority: 8),
                TableColumn("READINESS", min: 9, max: 12, priority: 6),
                TableColumn("CREATED", min: 10, max: 10, priority: 4),
            ],
            rows: [
                TableRow(id: "iss_1", cells: ["iss_01HZY3ACME", "Acme Production", TableCell("active", role: .statusGood), "ready", "2026-01-12"]),
                TableRow(id: "iss_2", cells: ["iss_01HZY4STAGE", "Acme Staging", TableCell("active", role: .statusGood), "pending", "2026-02-01"]),
                TableRow(id: "iss_3", cells: ["iss_01HZY5OLD", "Legacy (read only)", TableCell("disabled", role: .statusNeutral), "—", "2025-11-30"]),
            ],
            selectedIndex: 1, footer: .end)))

    static let sessionsScreen = ScreenModel(
        scope: .pane(.sessions), header: header,
        breadcrumb: BreadcrumbModel(crumbs: ["Issuers", "Acme Production", "Users", "alice@acme.test", "Sessions"],
                                    rowCount: "4", filter: "chrome"),
        body: .table(TableModel(
            columns: [
                TableColumn("ID", min: 8, max: 26, priority: 10),
                TableColumn("STATUS", min: 7, max: 10, priority: 9),
                TableColumn("DEVICE", min: 8, max: 24, priority: 6),
                TableColumn("LOCATION", min: 8, max: 18, priority: 4),
                TableColumn("LAST ACTIVE", min: 11, max: 16, priority: 5),
                TableColumn("EXPIRES", min: 10, max: 16, priority: 3),
            ],
            rows: [
                TableRow(id: "ses_1", cells: ["ses_01HQ1", TableCell("active", role: .statusGood), "Chrome 131 · macOS", "Paris, FR", "2 min ago", "2026-12-01"], isMarked: true),
                TableRow(id: "ses_2", cells: ["ses_01HQ2", TableCell("suspended", role: .statusWarning), "Chrome 130 · Windows", "東京, JP", "3 h ago", "2026-12-03"]),
                TableRow(id: "ses_3", cells: ["ses_01HQ3", TableCell("active", role: .statusGood), "Chrome Mobile · Android", "Zürich, CH", "1 d ago", "2026-12-04"], isMarked: true),
                TableRow(id: "ses_4", cells: ["ses_01HQ4", TableCell("revoked", role: .statusBad), "Chrome 129 · Linux", "—", "9 d ago", "expired"]),
            ],
            selectedIndex: 2, footer: .failed("503 Service unavailable (retried 3 times)"))))

    static let detailScreen = ScreenModel(
        scope: .pane(.userDetail), header: header,
        breadcrumb: BreadcrumbModel(crumbs: ["Issuers", "Acme Production", "Users", "alice@acme.test"]),
        body: .detail(DetailModel(
            title: "alice@acme.test",
            fields: [
                .init("id", "usr_01HAAA7Q2N3M4K5J6H"), .init("username", "alice@acme.test"),
                .init("display name", "Alice Martin"), .init("first name", "Alice"), .init("last name", "Martin"),
                .init("status", "active", role: .statusGood), .init("created", "2026-03-02T09:14:00Z"),
                .init("department", "Engineering · 開発"),
            ],
            tabs: ["Sessions (4)", "Tokens (2)", "Trusted devices (1)", "Verifiers (3)"], selectedTab: 0)))

    static let describeScreen = ScreenModel(
        scope: .describe, header: header,
        breadcrumb: BreadcrumbModel(crumbs: ["Users", "alice@acme.test", "describe"]),
        body: .describe(DescribeModel(title: "user", json: """
            {
              "created_at" : "2026-03-02T09:14:00Z",
              "custom_fields" : {
                "department" : "Engineering",
                "level" : 3
              },
              "display_name" : "Alice Martin",
              "email_verified" : true,
              "id" : "usr_01HAAA7Q2N3M4K5J6H",
              "last_login" : null,
              "client_secret" : "sk_live_do_not_show",
              "status" : "active",
              "tags" : [
                "admin",
                "beta"
              ]
            }
            """)))

    static let banners: [String: BannerModel] = [
        "info": BannerModel(severity: .info, title: "Loading every page", detail: "120,000 rows so far", hint: "[Esc] stop"),
        "success": BannerModel(severity: .success, title: "Saved", detail: "alice@acme.test"),
        "warning": BannerModel(severity: .warning, title: "429 Rate limited", detail: "retrying in 7 s", reference: "req_8f2c1a", hint: "[r] retry now"),
        "error": BannerModel(severity: .error, title: "412 Precondition failed",
                             detail: "alice@acme.test changed since you opened it", reference: "req_77aa01", hint: "[c] resolve"),
    ]

    static let confirm = ConfirmModel(
        title: "Revoke sessions", message: "Revoke 2 marked sessions of alice@acme.test? They are signed out at once.",
        hiddenByFilter: 1)

    static let editForm = EditFormModel(
        title: "Edit alice@acme.test",
        fields: [
            FormFieldModel(label: "username", value: "alice@acme", error: "must be a valid email address", isDirty: true),
            FormFieldModel(label: "display name", value: "Alice Martin"),
            FormFieldModel(label: "first name", value: "Alice"),
            FormFieldModel(label: "last name", value: "Martin-山田", isDirty: true),
            FormFieldModel(label: "status", value: "active", choices: ["active", "blocked"]),
            FormFieldModel(label: "department", value: "Engineering"),
        ],
        focusedIndex: 0)

    static let conflict = ConflictModel(
        title: "Conflict: alice@acme.test changed since you opened it",
        fields: [
            .init(label: "username", base: "alice@acme.test", yours: "alice@acme.test", theirs: "alice@acme.test"),
            .init(label: "display name", base: "Alice Martin", yours: "Alice M.", theirs: "Alice Martinez"),
            .init(label: "first name", base: "Alice", yours: "Alice", theirs: "Alicia"),
            .init(label: "last name", base: "Martin", yours: "Martin-Yamada", theirs: "Martin"),
            .init(label: "status", base: "active", yours: "blocked", theirs: "blocked"),
        ])

    /// Every screen under test, by snapshot name.
    static var allScreens: [(String, ScreenModel)] {
        var screens: [(String, ScreenModel)] = [
            ("issuers", issuersScreen),
            ("users-loading", usersScreen()),
            ("users-end", usersScreen(footer: .end, selected: 3)),
            ("users-loading-all", usersScreen(footer: .loadingAll(loaded: 120_000, rowsPerSecond: 48_200), selected: 4)),
            ("users-empty", ScreenModel(scope: .pane(.users), header: header, breadcrumb: BreadcrumbModel(crumbs: ["Users"], rowCount: "0", filter: "nobody"),
                                        body: .table(TableModel(columns: userColumns, rows: [], footer: .end, emptyMessage: "no user matches the filter")))),
            ("users-filter-editing", {
                var screen = usersScreen(filter: "ali")
                screen.breadcrumb.isEditingFilter = true
                return screen
            }()),
            ("sessions-marks-failed", sessionsScreen),
            ("user-detail", detailScreen),
            ("describe", describeScreen),
            ("confirm", usersScreen(overlay: .confirm(confirm))),
            ("edit-form", usersScreen(overlay: .editForm(editForm))),
            ("conflict", usersScreen(banner: banners["error"], overlay: .conflict(conflict))),
            ("help", usersScreen(overlay: .help(HelpModel(scope: .pane(.users))))),
            ("help-search", usersScreen(overlay: .help(HelpModel(scope: .pane(.sessions), query: "revoke")))),
            ("palette", usersScreen(overlay: .palette(PaletteModel(input: "e")))),
            ("palette-error", usersScreen(overlay: .palette(PaletteModel(input: "frob", error: "unknown command :frob")))),
        ]
        for name in ["info", "success", "warning", "error"] {
            screens.append(("banner-\(name)", usersScreen(banner: banners[name])))
        }
        return screens
    }
}
