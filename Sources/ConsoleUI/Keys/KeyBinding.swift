/// One entry of the key map: the keys, how help shows them, what they do.
public struct KeyBinding: Sendable, Hashable {
    /// Each key with its action (a line like "↑↓ / j k" holds keys with different actions).
    public var keyActions: [KeyAction.Pair]
    /// How help and the hint line write the keys, e.g. "↑↓ / j k".
    public var keyLabel: String
    /// What the keys do in this pane, e.g. "revoke the session, or every marked one".
    public var description: String
    /// Short text for the key-hint line, or nil when the key is only listed in help.
    public var hint: String?

    public init(_ keys: [KeyEvent], label: String, _ action: KeyAction, _ description: String, hint: String? = nil) {
        self.init(keys.map { KeyAction.Pair(key: $0, action: action) }, label: label, description, hint: hint)
    }

    public init(_ pairs: [KeyAction.Pair], label: String, _ description: String, hint: String? = nil) {
        self.keyActions = pairs
        self.keyLabel = label
        self.description = description
        self.hint = hint
    }

    public var keys: [KeyEvent] { keyActions.map(\.key) }
    /// The main action of the line (the first key's).
    public var action: KeyAction { keyActions.first?.action ?? .help }

    public func action(for key: KeyEvent) -> KeyAction? {
        keyActions.first(where: { $0.key == key })?.action
    }
}

extension KeyAction {
    /// A key and what it does.
    public struct Pair: Sendable, Hashable {
        public var key: KeyEvent
        public var action: KeyAction
        public init(key: KeyEvent, action: KeyAction) {
            self.key = key
            self.action = action
        }
    }
}

extension KeyEvent {
    /// Shorthand for building the key map: `.up => .moveUp`.
    static func => (key: KeyEvent, action: KeyAction) -> KeyAction.Pair { KeyAction.Pair(key: key, action: action) }
}

infix operator => : AssignmentPrecedence
