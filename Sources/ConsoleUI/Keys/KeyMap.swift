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

    /// Every binding active in a pane, in help order: the keys every pane has, and what its descriptor offers
    /// (⏎, Tab, the filter, marks, edit, its actions).
    public static func bindings(for pane: PaneKind) -> [KeyBinding] {
        let descriptor = pane.descriptor
        var list = movement
        if let drillDown = descriptor.drillDown {
            list.append(KeyBinding([.enter], label: "⏎", .open, "open \(drillDown.help)", hint: "open"))
        }
        list += [
            KeyBinding([.escape, .backspace], label: "Esc / Backspace", .back,
                       "back to the previous pane (keeps its position)"),
        ]
        if let tab = descriptor.tab {
            list += [
                KeyBinding([.tab => .nextSibling, .backTab => .previousSibling], label: "Tab / Shift-Tab",
                           "next / previous pane: \(tab.help)", hint: "pane"),
            ]
        }
        if let filterHelp = descriptor.filterHelp {
            list.append(KeyBinding([.character("/")], label: "/", .filter, filterHelp, hint: "filter"))
        }
        list.append(KeyBinding([.character(":")], label: ":", .palette, paletteHelp, hint: "command"))
        list.append(KeyBinding([.character("r")], label: "r", .refresh, "refresh the pane"))
        if descriptor.sortsRows {
            list += [
                KeyBinding([.character("o")], label: "o", .sortNextColumn,
                           "sort by the next column (▲ in its header; after the last, unsorted); a list not all "
                               + "loaded sorts the loaded rows and says so (G loads all)", hint: "sort"),
                KeyBinding([.character("O")], label: "O", .reverseSort, "reverse the sort order (▲ / ▼)"),
            ]
        }
        if descriptor.marksRows {
            list += [
                KeyBinding([.character(" ")], label: "space", .mark,
                           "mark / unmark the row and move down (bulk actions act on marks)",
                           hint: descriptor.hasBulkActions ? "mark" : nil),
                KeyBinding([.character("*")], label: "*", .markAll, "mark every row shown (the loaded ones)"),
                KeyBinding([.character("M")], label: "M", .markRange, "mark from the last marked row to this one"),
                KeyBinding([.character("u")], label: "u", .clearMarks, "clear every mark of the pane"),
            ]
        }
        if let create = descriptor.creates {
            list.append(KeyBinding([.character("n")], label: "n", .create, create.help, hint: "new"))
        }
        if descriptor.editsUser {
            list.append(KeyBinding([.character("e")], label: "e", .edit, "edit the user (form)", hint: "edit"))
        } else if let edit = descriptor.editForm {
            list.append(KeyBinding([.character("e")], label: "e", .edit, edit.help, hint: "edit"))
        }
        list += descriptor.actions.map(binding)
        list += descriptor.paneKeys.map { key in
            KeyBinding([.character(key.glyph)], label: String(key.glyph), .pane(key.command), key.help, hint: key.hint)
        }
        list.append(KeyBinding([.character("d")], label: "d", .describe,
                               "describe: the resource as pretty, colored JSON", hint: "describe"))
        list += [
            KeyBinding([.character("y")], label: "y", .copyID, "copy the selected id (OSC 52)", hint: "copy id"),
            KeyBinding([.character("Y")], label: "Y", .copyRow,
                       "copy the selected row as JSON, secrets removed (OSC 52)", hint: "copy JSON"),
            openBannerRequest,
            KeyBinding([.character("?")], label: "?", .help, "help: every key of this pane, searchable", hint: "help"),
            KeyBinding([.character("q")], label: "q", .quit, "quit (asks if an edit is unsaved)", hint: "quit"),
            suspendBinding,
        ]
        return list
    }

    /// What `:` offers, from the palette's own table.
    static var paletteHelp: String { "command palette: " + CommandPalette.summary }

    static let suspendBinding = KeyBinding(
        [.control("z")], label: "Ctrl-Z", .suspendToShell, "suspend to the shell; fg brings the console back")

    /// The binding of a pane's action: its key, its help line, its verb as the hint.
    static func binding(_ action: RowActionKind) -> KeyBinding {
        KeyBinding([.character(action.glyph)], label: String(action.glyph), .row(action.key), action.help,
                   hint: action.hint)
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

    /// What `:` offers, for help.

    /// `L` on every pane: the banner's request in the Requests pane.
    static let openBannerRequest = KeyBinding(
        [.character("L")], label: "L", .openBannerRequest,
        "open the request the banner names (ref req_…) in the request log (:requests)")

    static let movement: [KeyBinding] = [
        KeyBinding([.up => .moveUp, .down => .moveDown, .character("k") => .moveUp, .character("j") => .moveDown],
                   label: "↑↓ / j k", "move the selection", hint: "move"),
        KeyBinding([.pageUp => .pageUp, .pageDown => .pageDown], label: "PgUp PgDn", "move a page"),
        KeyBinding([.character("g"), .home], label: "g / Home", .top, "go to the first row"),
        KeyBinding([.character("G"), .end], label: "G / End", .bottom,
                   "go to the last row, loading pages up to the end (Esc or a move stops)"),
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
        KeyBinding([.character("Y")], label: "Y", .copyRow, "copy the resource as JSON, secrets removed (OSC 52)"),
        KeyBinding([.character(":")], label: ":", .palette, paletteHelp, hint: "command"),
        KeyBinding([.character("?")], label: "?", .help, "help: every key of this pane, searchable", hint: "help"),
        KeyBinding([.character("q")], label: "q", .quit, "quit (asks if an edit is unsaved)", hint: "quit"),
        suspendBinding,
    ]
}
