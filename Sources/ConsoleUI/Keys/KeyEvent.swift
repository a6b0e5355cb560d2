/// One key press (or a resize), independent of the terminal backend.
public enum KeyEvent: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    /// Ctrl + a letter, stored lowercase (`.control("c")` is Ctrl-C).
    case control(Character)
    /// The terminal changed size.
    case resize
    /// A click or a wheel turn (when the mouse is on).
    case mouse(MouseEvent)

    /// How the key is written in help and hint lines.
    public var description: String {
        switch self {
        case .character(" "): return "space"
        case .character(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "⏎"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .control(let c): return "Ctrl-\(c.uppercased())"
        case .resize: return "resize"
        case .mouse: return "mouse"
        }
    }

    /// Decodes a character read from a terminal in raw mode (Enter, Esc, Tab, Backspace and Ctrl keys arrive as C0 codes).
    public static func fromCharacter(_ scalar: Unicode.Scalar) -> KeyEvent {
        switch scalar.value {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26:
            // Ctrl-A is 1: map back to the letter.
            return .control(Character(Unicode.Scalar(UInt8(scalar.value) + 96)))
        case 0..<32: return .character(DisplayWidth.controlReplacement)
        default: return .character(Character(scalar))
        }
    }
}
