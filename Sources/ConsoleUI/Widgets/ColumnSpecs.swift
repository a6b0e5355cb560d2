public import ConsoleCore

/// How each pane's columns may be sized: minimum, maximum, and which go first when the terminal is narrow.
/// The store names the columns; the view decides their widths.
public enum ColumnSpecs {
    public static func columns(for kind: PaneKind) -> [TableColumn] {
        kind.columns.enumerated().map { index, title in spec(title: title, index: index) }
    }

    static func spec(title: String, index: Int) -> TableColumn {
        switch title {
        case "ID": TableColumn(title, min: 10, max: 30, priority: 10, truncatesInMiddle: true)
        case "USERNAME": TableColumn(title, min: 12, max: 36, priority: 9)
        case "NAME": TableColumn(title, min: 10, max: 30, priority: 8)
        case "STATUS": TableColumn(title, min: 7, max: 12, priority: 7)
        case "CREATED", "EXPIRES", "LAST ACTIVE", "LAST ATTEMPT", "TRUSTED": TableColumn(title, min: 10, max: 20, priority: 3)
        case "TIME": TableColumn(title, min: 10, max: 20, priority: 10)
        case "URL": TableColumn(title, min: 12, max: 48, priority: 5)
        case "MESSAGE", "SUBJECT": TableColumn(title, min: 12, max: 60, priority: 6)
        case "FIELD": TableColumn(title, min: 12, max: 22, priority: 10)
        case "VALUE": TableColumn(title, min: 12, max: 80, priority: 9)
        case "ATTEMPTS": TableColumn(title, min: 8, max: 8, priority: 4, alignment: .trailing)
        case "EVENTS", "SCOPES", "USER AGENT", "DEVICE", "LOCATION": TableColumn(title, min: 8, max: 32, priority: 4)
        case "REFERENCE", "SOURCE": TableColumn(title, min: 10, max: 24, priority: 2)
        default: TableColumn(title, min: 6, max: 24, priority: 5 - min(index, 4))
        }
    }

    /// Status words to colors.
    public static func role(forStatus status: String) -> StyleRole? {
        switch status.lowercased() {
        case "active", "ready", "enabled", "succeeded", "success", "delivered", "verified", "trusted", "ok": .statusGood
        case "pending", "suspended", "retrying", "in_progress", "provisioning", "warning", "unverified": .statusWarning
        case "blocked", "revoked", "failed", "error", "expired", "disabled", "deleted", "inactive": .statusBad
        default: nil
        }
    }
}
