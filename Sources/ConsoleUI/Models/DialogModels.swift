/// A yes/no question before an action that changes or deletes something.
public struct ConfirmModel: Sendable, Equatable {
    public var title: String
    /// E.g. "Revoke 3 sessions of alice@acme.test?"
    public var message: String
    /// Marked rows the filter hides: the action includes them, so the dialog says so.
    public var hiddenByFilter: Int
    public var isDestructive: Bool
    /// What `y` and `n` do ("delete anyway" / "cancel" after a 412).
    public var yesLabel: String
    public var noLabel: String

    public init(title: String, message: String, hiddenByFilter: Int = 0, isDestructive: Bool = true,
                yesLabel: String = "yes", noLabel: String = "no") {
        self.title = title
        self.message = message
        self.hiddenByFilter = hiddenByFilter
        self.isDestructive = isDestructive
        self.yesLabel = yesLabel
        self.noLabel = noLabel
    }
}

/// One input of the edit form.
public struct FormFieldModel: Sendable, Equatable {
    public var label: String
    public var value: String
    /// Cursor position in characters (grapheme clusters) within `value`.
    public var cursor: Int
    /// The server's message for this field (400 / 422), shown under it.
    public var error: String?
    /// Changed from the version the form started from.
    public var isDirty: Bool
    /// Allowed values (e.g. status), shown as a hint.
    public var choices: [String]
    /// After a merge, on a field both sides changed: the form holds theirs, and this is what you had typed.
    public var keptTheirsOverYours: String?
    /// How the field is entered: typed, or picked (then `choices` are the options and typing does nothing).
    public var picker: Picker
    /// A short note after the input ("seconds").
    public var note: String?

    /// How a field is entered.
    public enum Picker: Sendable, Equatable {
        case none
        /// One of `choices`, with ←→.
        case single
        /// Any of `choices`: ←→ moves the highlight, space picks.
        case multiple(highlighted: Int)
    }

    public init(label: String, value: String, cursor: Int? = nil, error: String? = nil, isDirty: Bool = false,
                choices: [String] = [], keptTheirsOverYours: String? = nil, picker: Picker = .none, note: String? = nil) {
        self.label = label
        self.value = value
        self.cursor = cursor ?? value.count
        self.error = error
        self.isDirty = isDirty
        self.choices = choices
        self.keptTheirsOverYours = keptTheirsOverYours
        self.picker = picker
        self.note = note
    }
}

/// The edit form of a user.
public struct EditFormModel: Sendable, Equatable {
    public var title: String
    public var fields: [FormFieldModel]
    public var focusedIndex: Int
    public var isSaving: Bool
    /// A message for the whole form (e.g. the save failed on the network; your input is kept).
    public var formMessage: String?

    public init(title: String, fields: [FormFieldModel], focusedIndex: Int = 0, isSaving: Bool = false,
                formMessage: String? = nil) {
        self.title = title
        self.fields = fields
        self.focusedIndex = focusedIndex
        self.isSaving = isSaving
        self.formMessage = formMessage
    }

    public var isDirty: Bool { fields.contains(where: \.isDirty) }

    /// The focused field's picker, if it is one.
    public var focusedPicker: FormFieldModel.Picker { fields.indices.contains(focusedIndex) ? fields[focusedIndex].picker : .none }

    /// The form's keys: the common ones, and the picker's when the focused field is one.
    public var keys: [DialogBinding] {
        switch focusedPicker {
        case .none: DialogKeys.editForm
        case .single: DialogKeys.picker(multiple: false) + DialogKeys.editForm.filter { $0.action != .moveCursor }
        case .multiple: DialogKeys.picker(multiple: true) + DialogKeys.editForm.filter { $0.action != .moveCursor }
        }
    }
}

/// The dialog of a secret the API returned once. The view holds it only while the dialog is drawn.
public struct SecretModel: Sendable, Equatable {
    public var title: String
    public var subject: String
    public var label: String
    /// The secret itself, drawn once in the dialog.
    public var secret: String
    public var copied: Bool

    public init(title: String, subject: String, label: String, secret: String, copied: Bool) {
        self.title = title
        self.subject = subject
        self.label = label
        self.secret = secret
        self.copied = copied
    }
}

/// The 412 dialog: each field's base | yours | theirs.
public struct ConflictModel: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var label: String
        public var base: String
        public var yours: String
        public var theirs: String
        public init(label: String, base: String, yours: String, theirs: String) {
            self.label = label
            self.base = base
            self.yours = yours
            self.theirs = theirs
        }
        public var youChanged: Bool { yours != base }
        public var theyChanged: Bool { theirs != base }
        /// Both sides changed it to different values: merge keeps theirs here unless you overwrite.
        public var isConflict: Bool { youChanged && theyChanged && yours != theirs }
    }

    public var title: String
    public var fields: [Field]
    public var scrollOffset: Int

    public init(title: String, fields: [Field], scrollOffset: Int = 0) {
        self.title = title
        self.fields = fields
        self.scrollOffset = scrollOffset
    }
}

/// The `?` overlay: the keys of a pane, filtered by what the user types.
public struct HelpModel: Sendable, Equatable {
    public var scope: KeyScope
    public var query: String
    public var scrollOffset: Int

    public init(scope: KeyScope, query: String = "", scrollOffset: Int = 0) {
        self.scope = scope
        self.query = query
        self.scrollOffset = scrollOffset
    }

    /// The bindings matching the query (key or description, case-insensitive).
    public var matches: [KeyBinding] {
        let all = KeyMap.bindings(for: scope)
        let needle = query.lowercased()
        guard !needle.isEmpty else { return all }
        return all.filter {
            $0.keyLabel.lowercased().contains(needle) || $0.description.lowercased().contains(needle)
                || $0.action.rawValue.lowercased().contains(needle)
        }
    }
}

/// The `:` command palette.
public struct PaletteModel: Sendable, Equatable {
    public var input: String
    public var selectedCompletion: Int
    /// What completion offers besides command names (profiles, loaded issuers).
    public var choices: CommandPalette.Choices
    public var error: String?
    /// While ↑ / ↓ walk the history: the entry shown (0 = the newest).
    public var historyIndex: Int?

    public init(
        input: String = "", selectedCompletion: Int = 0, profiles: [String] = [], error: String? = nil,
        choices: CommandPalette.Choices? = nil, historyIndex: Int? = nil
    ) {
        self.input = input
        self.selectedCompletion = selectedCompletion
        self.choices = choices ?? CommandPalette.Choices(profiles: profiles)
        self.error = error
        self.historyIndex = historyIndex
    }

    /// Profile names offered after `:profile `.
    public var profiles: [String] { choices.profiles }

    public var completions: [String] { CommandPalette.completions(for: input, choices: choices) }
}

/// The overlay on top of the panes, at most one.
public enum OverlayModel: Sendable, Equatable {
    case confirm(ConfirmModel)
    case editForm(EditFormModel)
    case conflict(ConflictModel)
    case help(HelpModel)
    case palette(PaletteModel)
    case secret(SecretModel)
}
