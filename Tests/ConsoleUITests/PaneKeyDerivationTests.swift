import ConsoleCore
import Testing
@testable import ConsoleUI

/// The key map, help and the hint line are derived from the pane descriptors; dialogs from their tables.
@Suite struct PaneKeyDerivationTests {
    /// Each action of a pane is one row of one table: its key dispatches it, help lists it with its help text,
    /// the hint line offers it by its verb (and hides it in read-only mode).
    @Test(arguments: PaneKind.allCases)
    func everyActionIsInHelpAndHintsFromTheSameTable(kind: PaneKind) {
        let scope = KeyScope.pane(kind)
        let help = HelpModel(scope: scope).matches
        let hints = KeyMap.hints(for: scope)
        let readOnlyHints = KeyMap.hints(for: scope, readOnly: true)
        for action in kind.descriptor.actions {
            let key = KeyEvent.character(action.glyph)
            #expect(KeyMap.action(for: key, in: scope) == .row(action.key))
            let binding = help.first { $0.keys == [key] }
            #expect(binding?.description == action.help, "\(kind) \(action)")
            #expect(binding?.keyLabel == String(action.glyph))
            #expect(hints.contains { $0.keys == [key] && $0.hint == action.hint }, "\(kind) \(action)")
            #expect(!readOnlyHints.contains { $0.keys == [key] })
        }
        // No other action key works here.
        let offered = Set(kind.descriptor.actions.map(\.key))
        for key in ActionKey.allCases where !offered.contains(key) {
            #expect(!help.contains { $0.action == .row(key) }, "\(kind) \(key)")
        }
        // ⏎, Tab, the filter, marks and edit follow the descriptor too.
        #expect((KeyMap.action(for: .enter, in: scope) == .open) == (kind.descriptor.drillDown != nil))
        #expect((KeyMap.action(for: .tab, in: scope) == .nextSibling) == (kind.descriptor.tab != nil))
        #expect((KeyMap.action(for: .character("/"), in: scope) == .filter) == (kind.descriptor.filterHelp != nil))
        #expect((KeyMap.action(for: .character("e"), in: scope) == .edit)
                == (kind.descriptor.editsUser || kind.descriptor.editForm != nil))
        #expect((KeyMap.action(for: .character("n"), in: scope) == .create) == (kind.descriptor.creates != nil))
        #expect(hints.contains { $0.action == .mark } == kind.descriptor.hasBulkActions)
    }

    @Test func keyActionsAndActionKeysAreOneToOne() {
        for key in ActionKey.allCases {
            #expect(KeyAction.row(key).actionKey == key)
            #expect(KeyAction.row(key).rawValue == key.rawValue)
        }
        let mutations = Set(KeyAction.allCases.filter(\.isMutation))
        #expect(mutations == Set(ActionKey.allCases.map(KeyAction.row) + [.edit, .create]))
        // Names stay stable: help search and the documented key table read them.
        #expect(KeyAction.moveUp.rawValue == "moveUp" && KeyAction.revokeAll.rawValue == "revokeAll")
        #expect(Set(KeyAction.allCases.map(\.rawValue)).count == KeyAction.allCases.count)
    }

    @Test(arguments: PaneKind.allCases)
    func columnSpecsFollowTheDescriptor(kind: PaneKind) {
        let columns = ColumnSpecs.columns(for: kind)
        #expect(columns.map(\.title) == kind.columns)
        #expect(columns.first?.truncatesInMiddle == (kind.columns.first == "ID"))
    }

    /// A dialog's hint line, its own key line and its dispatch read one table.
    /// The help overlay does what its table says: every key bound to close closes it, every scroll key moves it.
    @MainActor @Test func helpOverlayKeysFollowItsTable() {
        let open = HelpModel(scope: .pane(.users), scrollOffset: 3)
        for binding in DialogKeys.help {
            for key in binding.keys {
                let after = ConsoleApp.helpInput(open, key: key)
                switch binding.action {
                case .close: #expect(after == nil, "\(key) closes help")
                case .scroll: #expect(after != nil && after?.scrollOffset != open.scrollOffset, "\(key) scrolls help")
                default: break
                }
            }
        }
        // What the table does not bind types the search.
        #expect(ConsoleApp.helpInput(open, key: .character("r"))?.query == "r")
    }

    @Test func dialogHintsAndDispatchComeFromTheirTables() {
        let tables: [(String, [DialogBinding])] = [
            ("confirm", DialogKeys.confirm()), ("conflict", DialogKeys.conflict), ("form", DialogKeys.editForm),
            ("help", DialogKeys.help), ("palette", DialogKeys.palette), ("filter", DialogKeys.filter),
        ]
        for (name, table) in tables {
            let keys = table.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(name): a key bound twice")
            for binding in table {
                for key in binding.keys {
                    #expect(DialogKeys.action(for: key, in: table) == binding.action, "\(name) \(key)")
                }
            }
        }
        let confirm = DialogKeys.confirm(yes: "delete anyway", no: "cancel")
        #expect(DialogKeys.hints(confirm).map { "\($0.key) \($0.label)" } == ["y delete anyway", "n cancel", "Esc cancel"])
        #expect(DialogKeys.dialogKeys(confirm).map(\.0) == ["y", "n"])
        #expect(DialogKeys.action(for: .character("q"), in: confirm) == .send(.cancelDialog))
        #expect(DialogKeys.action(for: .character("x"), in: confirm) == nil)
        #expect(DialogKeys.footer(DialogKeys.help) == "type to search · ↑↓ scroll · Esc close")
        #expect(DialogKeys.footer(DialogKeys.palette) == "Tab complete · ⏎ run · Esc close")
        #expect(DialogKeys.hints(DialogKeys.conflict).map(\.key) == ["o", "t", "m", "c"])
        #expect(DialogKeys.action(for: .escape, in: DialogKeys.conflict) == .send(.resolveConflict(.cancel)))
        #expect(DialogKeys.action(for: .down, in: DialogKeys.editForm) == .send(.focusNextField))
    }
}
