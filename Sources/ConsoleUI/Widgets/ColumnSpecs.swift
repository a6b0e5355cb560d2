public import ConsoleCore

/// Each pane's columns as the table draws them: the widths its descriptor asks for. The view decides the
/// actual widths from these.
public enum ColumnSpecs {
    public static func columns(for kind: PaneKind) -> [TableColumn] {
        kind.descriptor.columns.map { column in
            let width = column.width
            return TableColumn(
                column.header, min: width.min, max: width.max, priority: width.priority,
                alignment: width.alignsTrailing ? .trailing : .leading, truncatesInMiddle: width.truncatesInMiddle)
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
