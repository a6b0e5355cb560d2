public import ConsoleCore

/// What a dialog key does: an intent for the store, or something the view does by itself.
public enum DialogAction: Sendable, Hashable {
    case send(ConsoleIntent)
    case scrollUp, scrollDown
    /// ↑↓ together (help).
    case scroll
    /// Typing: into the help search, the palette, the filter.
    case type
    /// ←→ in a form field.
    case moveCursor
    case complete, choose, run, close
    /// The one-time secret dialog: puts the secret on the clipboard (OSC 52).
    case copySecret
}

/// One key of a dialog, in the form of the pane key map: the keys, how hints write them, what the hint says,
/// what they do. A dialog's hint line, its own line of keys and its dispatch are read from one table.
public struct DialogBinding: Sendable, Hashable {
    public var keys: [KeyEvent]
    public var keyLabel: String
    public var label: String
    public var action: DialogAction
    /// Whether the dialog's own line of keys shows it.
    public var inDialog: Bool
    /// Whether the hint line under the screen shows it.
    public var inHintLine: Bool

    public init(
        _ keys: [KeyEvent], _ keyLabel: String, _ label: String, _ action: DialogAction, inDialog: Bool = true,
        inHintLine: Bool = true
    ) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.label = label
        self.action = action
        self.inDialog = inDialog
        self.inHintLine = inHintLine
    }
}

/// The key tables of the dialogs and text entries.
public enum DialogKeys {
    /// A yes / no question; after a 412 the labels say what yes does ("delete anyway").
    public static func confirm(yes: String = "yes", no: String = "no") -> [DialogBinding] {
        [
            DialogBinding([.character("y"), .character("Y")], "y", yes, .send(.confirm)),
            DialogBinding([.character("n"), .character("N"), .character("q")], "n", no, .send(.cancelDialog)),
            DialogBinding([.escape], "Esc", "cancel", .send(.cancelDialog), inDialog: false),
        ]
    }

    /// The 412 dialog of the edit form: base | yours | theirs.
    public static let conflict: [DialogBinding] = [
        DialogBinding([.character("o")], "o", "overwrite", .send(.resolveConflict(.overwrite))),
        DialogBinding([.character("t")], "t", "take theirs", .send(.resolveConflict(.takeTheirs))),
        DialogBinding([.character("m")], "m", "merge", .send(.resolveConflict(.merge))),
        DialogBinding([.character("c"), .escape], "c", "cancel", .send(.resolveConflict(.cancel))),
        DialogBinding([.down, .character("j")], "↓", "scroll down", .scrollDown, inDialog: false, inHintLine: false),
        DialogBinding([.up, .character("k")], "↑", "scroll up", .scrollUp, inDialog: false, inHintLine: false),
    ]

    /// The edit form (text editing keys aside: they edit the focused field).
    public static let editForm: [DialogBinding] = [
        DialogBinding([.enter], "⏎", "save", .send(.save)),
        DialogBinding([.tab, .down], "Tab", "next field", .send(.focusNextField)),
        DialogBinding([.backTab, .up], "Shift-Tab", "previous", .send(.focusPreviousField)),
        DialogBinding([.left, .right], "←→", "cursor", .moveCursor, inDialog: false),
        DialogBinding([.escape], "Esc", "close", .send(.cancelDialog)),
    ]

    /// On a picker field of a form (instead of typing): ←→ choose, space picks in a list.
    public static func picker(multiple: Bool) -> [DialogBinding] {
        var table = [DialogBinding([.left, .right], "←→", multiple ? "browse" : "choose", .moveCursor)]
        if multiple { table.append(DialogBinding([.character(" ")], "space", "pick", .send(.toggleOption))) }
        return table
    }

    /// The one-time secret: copy it, then close (closing drops it from memory).
    public static let secret: [DialogBinding] = [
        DialogBinding([.character("c"), .character("y")], "c", "copy (OSC 52)", .copySecret),
        DialogBinding([.escape, .enter], "Esc", "close (the secret is dropped)", .send(.cancelDialog)),
    ]

    /// `?`: typing searches the keys.
    public static let help: [DialogBinding] = [
        DialogBinding([], "type", "to search", .type),
        DialogBinding([.up, .down, .pageUp, .pageDown], "↑↓", "scroll", .scroll),
        DialogBinding([.escape], "Esc", "close", .close),
        DialogBinding([.enter], "⏎", "close", .close, inDialog: false, inHintLine: false),
    ]

    /// `:`: the command line.
    public static let palette: [DialogBinding] = [
        DialogBinding([.tab], "Tab", "complete", .complete),
        DialogBinding([.up, .down], "↑↓", "history / choose", .choose, inDialog: false),
        DialogBinding([.enter], "⏎", "run", .run),
        DialogBinding([.escape], "Esc", "close", .close),
    ]

    /// `/`: the filter being typed.
    public static let filter: [DialogBinding] = [
        DialogBinding([], "type", "to filter", .type),
        DialogBinding([.enter], "⏎", "apply", .run),
        DialogBinding([.escape], "Esc", "clear", .close),
    ]

    /// What a key does in a dialog, or nil when the table does not bind it.
    public static func action(for key: KeyEvent, in table: [DialogBinding]) -> DialogAction? {
        table.first { $0.keys.contains(key) }?.action
    }

    /// The hint line under the screen.
    public static func hints(_ table: [DialogBinding]) -> [(key: String, label: String)] {
        table.filter(\.inHintLine).map { ($0.keyLabel, $0.label) }
    }

    /// The dialog's own line of keys: `[y] yes  [n] no`.
    public static func dialogKeys(_ table: [DialogBinding]) -> [(String, String)] {
        table.filter(\.inDialog).map { ($0.keyLabel, $0.label) }
    }

    /// The overlay's footer: "type to search · ↑↓ scroll · Esc close".
    public static func footer(_ table: [DialogBinding]) -> String {
        table.filter(\.inDialog).map { "\($0.keyLabel) \($0.label)" }.joined(separator: " · ")
    }
}
