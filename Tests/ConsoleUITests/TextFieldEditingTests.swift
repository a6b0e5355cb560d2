import Testing
@testable import ConsoleUI

/// The keys of a form's text field, shared by the user's form and every create / edit form.
@Suite struct TextFieldEditingTests {
    @Test func keysMoveEditAndStopAtTheBound() {
        #expect(TextFieldEditing.apply(.character("x"), to: "ab", cursor: 1, maxLength: 10) == .edited(text: "axb", cursor: 2))
        #expect(TextFieldEditing.apply(.backspace, to: "ab", cursor: 2, maxLength: 10) == .edited(text: "a", cursor: 1))
        #expect(TextFieldEditing.apply(.backspace, to: "ab", cursor: 0, maxLength: 10) == .ignored)
        #expect(TextFieldEditing.apply(.delete, to: "ab", cursor: 0, maxLength: 10) == .edited(text: "b", cursor: 0))
        #expect(TextFieldEditing.apply(.delete, to: "ab", cursor: 2, maxLength: 10) == .ignored)
        #expect(TextFieldEditing.apply(.control("u"), to: "ab", cursor: 1, maxLength: 10) == .edited(text: "", cursor: 0))
        #expect(TextFieldEditing.apply(.left, to: "ab", cursor: 0, maxLength: 10) == .moved(cursor: 0))
        #expect(TextFieldEditing.apply(.end, to: "ab", cursor: 0, maxLength: 10) == .moved(cursor: 2))
        // A cursor remembered from a longer value is clamped to the text.
        #expect(TextFieldEditing.apply(.right, to: "ab", cursor: 9, maxLength: 10) == .moved(cursor: 2))
        #expect(TextFieldEditing.apply(.character("é"), to: "abc", cursor: 3, maxLength: 3) == .tooLong)
        #expect(TextFieldEditing.apply(.tab, to: "ab", cursor: 1, maxLength: 10) == .ignored)
    }
}
