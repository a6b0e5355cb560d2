/// One user's fields; ⏎ on a count line opens that list. The store builds its rows from the user's record.
enum UserDetailPane {
    static let descriptor = PaneDescriptor(
        kind: .userDetail, title: "Detail",
        columns: [PaneColumn("FIELD", .field), PaneColumn("VALUE", .value)],
        filterHelp: nil,
        drillDown: DrillDown(PaneKind.userScope, context: .same, help: "the selected list (sessions, tokens, trusted devices, verifiers)"),
        tab: TabNavigation(.opens(PaneKind.userScope, first: .sessions, context: .same), help: "sessions / tokens / trusted devices / verifiers"),
        sortsRows: false, editsUser: true)
}
