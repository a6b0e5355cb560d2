/// What a key does to one text field of a form (the user's form and every create / edit form): the same keys,
/// the same length bound. Pure, so both forms share it and a test can read it.
enum TextFieldEditing {
    enum Outcome: Equatable {
        /// The cursor moved; the text is unchanged.
        case moved(cursor: Int)
        /// The text changed; the cursor is where the next character goes.
        case edited(text: String, cursor: Int)
        /// A character was not typed: the field already holds `maxLength` characters.
        case tooLong
        /// Not a text key (or nothing to do, like Backspace at the start).
        case ignored
    }

    static func apply(_ key: KeyEvent, to text: String, cursor: Int, maxLength: Int) -> Outcome {
        var characters = Array(text)
        let cursor = min(max(cursor, 0), characters.count)
        switch key {
        case .left: return .moved(cursor: max(0, cursor - 1))
        case .right: return .moved(cursor: min(characters.count, cursor + 1))
        case .home, .control("a"): return .moved(cursor: 0)
        case .end, .control("e"): return .moved(cursor: characters.count)
        case .backspace:
            guard cursor > 0 else { return .ignored }
            characters.remove(at: cursor - 1)
            return .edited(text: String(characters), cursor: cursor - 1)
        case .delete:
            guard cursor < characters.count else { return .ignored }
            characters.remove(at: cursor)
            return .edited(text: String(characters), cursor: cursor)
        case .control("u"):
            return .edited(text: "", cursor: 0)
        case .character(let character):
            guard characters.count < maxLength else { return .tooLong }
            characters.insert(character, at: cursor)
            return .edited(text: String(characters), cursor: cursor + 1)
        default:
            return .ignored
        }
    }
}
