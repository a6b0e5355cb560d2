import Testing
@testable import ConsoleUI

/// Every widget, dialog and banner, drawn into the in-memory terminal at two sizes and compared to the
/// reviewed references in `__Snapshots__/`.
@MainActor
@Suite struct SnapshotTests {
    static let sizes = [TerminalSize(columns: 100, rows: 30), TerminalSize(columns: 60, rows: 16)]

    static func draw(_ model: ScreenModel, size: TerminalSize, theme: Theme = .colored) -> MemoryTerminal {
        let terminal = MemoryTerminal(size: size)
        let renderer = Renderer(terminal: terminal)
        renderer.render(ScreenRenderer.render(model, size: size, theme: theme))
        return terminal
    }

    @Test(arguments: Fixtures.allScreens.map(\.0))
    func screenMatchesReference(name: String) throws {
        let model = try #require(Fixtures.allScreens.first(where: { $0.0 == name })?.1)
        for size in Self.sizes {
            let terminal = Self.draw(model, size: size)
            Snapshot.assertMatches(terminal, named: "\(name)-\(size.columns)x\(size.rows)")
        }
    }

    @Test func monochromeUsesNoColors() {
        let model = Fixtures.usersScreen(banner: Fixtures.banners["error"])
        let terminal = Self.draw(model, size: TerminalSize(columns: 100, rows: 30), theme: .monochrome)
        Snapshot.assertMatches(terminal, named: "monochrome-users-100x30")
        for y in 0..<30 {
            for x in 0..<100 {
                let style = terminal.grid[x, y].style
                #expect(style.foreground == .default && style.background == .default, "colored cell at \(x),\(y)")
            }
        }
    }

    @Test func tooSmallShowsTheNote() {
        let terminal = Self.draw(Fixtures.usersScreen(), size: TerminalSize(columns: 20, rows: 5))
        Snapshot.assertMatches(terminal, named: "too-small-20x5")
        #expect(terminal.text().contains("terminal too small"))
    }
}
