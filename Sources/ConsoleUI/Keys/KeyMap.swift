public import ConsoleCore

/// The console's key map (spec: "Keys"), as data: dispatch and the `?` help overlay read the same table,
/// so help can never drift from what the keys do.
public enum KeyMap {
    /// Every binding active in a pane, in help order.
    public static func bindings(for scope: KeyScope) -> [KeyBinding] {
        switch scope {
        case .describe: describeBindings
        case .pane(let kind): bindings(for: kind)
        }
    }

    /// Every binding active in a pane, in help order.
    public static func bindings(for pane: PaneKind) -> [KeyBinding] {
        var list = movement
        list += drillDown(pane)
        list += [
            KeyBinding([.escape, .backspace], label: "Esc / Backspace", .back,
                       "back to the previous pane (keeps its position)"),
        ]
        if let siblings = siblingDescription(pane) {
            list += [
                KeyBinding([.tab => .nextSibling, .backTab => .previousSibling], label: "Tab / Shift-Tab",
                           "next / previous pane: \(siblings)", hint: "pane"),
            ]
        }
        if pane != .userDetail {
            list.append(KeyBinding([.character("/")], label: "/", .filter, filterDescription(pane), hint: "filter"))
        }
        list.append(KeyBinding([.character(":")], label: ":", .palette,
                               "command palette: :issuers :users :webhooks :events :errors :profile NAME :quit",
                               hint: "command"))
        list.append(KeyBinding([.character("r")], label: "r", .refresh, "refresh the pane"))
        if pane != .userDetail {
            list.append(KeyBinding([.character(" ")], label: "space", .mark,
                                   "mark / unmark the row (bulk actions act on marks)",
                                   hint: bulkPanes.contains(pane) ? "mark" : nil))
        }
        list += actions(pane)
        list.append(KeyBinding([.character("d")], label: "d", .describe,
                               "describe: the resource as pretty, colored JSON", hint: "describe"))
        list += [
            KeyBinding([.character("y")], label: "y", .copyID, "copy the selected id (OSC 52)"),
            KeyBinding([.character("?")], label: "?", .help, "help: every key of this pane, searchable", hint: "help"),
            KeyBinding([.character("q")], label: "q", .quit, "quit (asks if an edit is unsaved)", hint: "quit"),
        ]
        return list
    }

    /// The action of a key in a pane, or nil when the key does nothing there.
    public static func action(for key: KeyEvent, in scope: KeyScope) -> KeyAction? {
        for binding in bindings(for: scope) {
            if let action = binding.action(for: key) { return action }
        }
        return nil
    }

    /// Bindings shown on the key-hint line, in order. Read-only mode refuses every change: its keys are not
    /// offered there (help still lists them, and says they are refused).
    public static func hints(for scope: KeyScope, readOnly: Bool = false) -> [KeyBinding] {
        bindings(for: scope).filter { $0.hint != nil && !(readOnly && $0.action.isMutation) }
    }

    static let bulkPanes: Set<PaneKind> = [.sessions, .tokens, .trustedDevices]

    static let movement: [KeyBinding] = [
        KeyBinding([.up => .moveUp, .down => .moveDown, .character("k") => .moveUp, .character("j") => .moveDown],
                   label: "↑↓ / j k", "move the selection", hint: "move"),
        KeyBinding([.pageUp => .pageUp, .pageDown => .pageDown], label: "PgUp PgDn", "move a page"),
        KeyBinding([.character("g"), .home], label: "g / Home", .top, "go to the first row"),
        KeyBinding([.character("G"), .end], label: "G / End", .bottom,
                   "go to the last row, loading pages up to the end (Esc stops)"),
    ]

    static let describeBindings: [KeyBinding] = [
        KeyBinding([.up => .moveUp, .down => .moveDown, .character("k") => .moveUp, .character("j") => .moveDown],
                   label: "↑↓ / j k", "scroll", hint: "scroll"),
        KeyBinding([.pageUp => .pageUp, .pageDown => .pageDown], label: "PgUp PgDn", "scroll a page"),
        KeyBinding([.character("g"), .home], label: "g / Home", .top, "go to the top"),
        KeyBinding([.character("G"), .end], label: "G / End", .bottom, "go to the end"),
        KeyBinding([.left => .scrollLeft, .right => .scrollRight], label: "←→",
                   "scroll sideways (when lines are not wrapped)"),
        KeyBinding([.character("w")], label: "w", .toggleWrap, "wrap long lines, or not (wrapped at first)", hint: "wrap"),
        KeyBinding([.character("/")], label: "/", .filter, "search the text; n: next match", hint: "search"),
        KeyBinding([.character("n")], label: "n", .nextMatch, "next match of the search"),
        KeyBinding([.escape, .backspace], label: "Esc / Backspace", .back, "back to the list", hint: "back"),
        KeyBinding([.character("y")], label: "y", .copyID, "copy the id (OSC 52)", hint: "copy id"),
        KeyBinding([.character(":")], label: ":", .palette,
                   "command palette: :issuers :users :webhooks :events :errors :profile NAME :quit", hint: "command"),
        KeyBinding([.character("?")], label: "?", .help, "help: every key of this pane, searchable", hint: "help"),
        KeyBinding([.character("q")], label: "q", .quit, "quit (asks if an edit is unsaved)", hint: "quit"),
    ]

    static func drillDown(_ pane: PaneKind) -> [KeyBinding] {
        let target: String? = switch pane {
        case .issuers: "the issuer's users"
        case .users: "the user's detail"
        case .userDetail: "the selected list (sessions, tokens, trusted devices, verifiers)"
        case .webhooks: "the webhook's deliveries"
        default: nil
        }
        guard let target else { return [] }
        return [KeyBinding([.enter], label: "⏎", .open, "open \(target)", hint: "open")]
    }

    static func siblingDescription(_ pane: PaneKind) -> String? {
        switch pane {
        case .issuers: "the issuer's clients / agents / organizations"
        case .users, .clients, .agents, .organizations: "users / clients / agents / organizations"
        case .userDetail, .sessions, .tokens, .trustedDevices, .verifiers:
            "sessions / tokens / trusted devices / verifiers"
        default: nil
        }
    }

    static func filterDescription(_ pane: PaneKind) -> String {
        switch pane {
        case .events: "filter by issuer, user or type (Esc clears)"
        case .issuers, .clients: "filter, on the server (Esc clears)"
        case .users: "filter: status:… on the server; text scans all users"
        default: "filter the loaded rows; the line under them says how many were searched (Esc clears)"
        }
    }

    static func actions(_ pane: PaneKind) -> [KeyBinding] {
        switch pane {
        case .users:
            return [
                KeyBinding([.character("e")], label: "e", .edit, "edit the user (form)", hint: "edit"),
                KeyBinding([.character("D")], label: "D", .delete, "delete the user (asks to confirm with y)", hint: "delete"),
            ]
        case .userDetail:
            return [KeyBinding([.character("e")], label: "e", .edit, "edit the user (form)", hint: "edit")]
        case .sessions:
            return [
                KeyBinding([.character("x")], label: "x", .revoke,
                           "revoke the session, or every marked one (asks to confirm)", hint: "revoke"),
                KeyBinding([.character("s")], label: "s", .suspend, "suspend the session (marks: bulk)", hint: "suspend"),
                KeyBinding([.character("a")], label: "a", .reactivate, "reactivate the session (marks: bulk)",
                           hint: "reactivate"),
            ]
        case .tokens:
            return [KeyBinding([.character("x")], label: "x", .revoke,
                               "revoke the token, or every marked one (asks to confirm)", hint: "revoke")]
        case .trustedDevices:
            return [
                KeyBinding([.character("D")], label: "D", .delete, "delete the trusted device (asks to confirm)",
                           hint: "delete"),
                KeyBinding([.character("X")], label: "X", .revokeAll, "revoke all trusted devices of the user",
                           hint: "revoke all"),
            ]
        case .deliveries:
            return [KeyBinding([.character("R")], label: "R", .redeliver, "redeliver the delivery", hint: "redeliver")]
        default:
            return []
        }
    }
}
