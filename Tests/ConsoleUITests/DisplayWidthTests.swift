import Testing
@testable import ConsoleUI

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("山田太郎", 8), ("ｱ", 1), ("Ａ", 2), ("é", 1), ("e\u{301}", 1), ("한국어", 6),
        ("👩‍💻", 2), ("🇫🇷", 2), ("❤️", 2), ("✔", 1), ("a\u{200B}b", 2), ("\u{1B}[31m", 5), ("tab\there", 8),
    ])
    func widthOfText(text: String, expected: Int) {
        #expect(text.displayWidth == expected)
    }

    @Test func controlCharactersAreReplacedNotDrawn() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 10, rows: 1))
        buffer.put("a\u{1B}[2Jb\u{7}", x: 0, y: 0)
        #expect(buffer.lines()[0] == "a?[2Jb?   ")
    }

    @Test func bidiOverridesAreReplaced() {
        #expect(DisplayWidth.sanitized("\u{202E}") == DisplayWidth.controlReplacement)
    }

    @Test(arguments: 0...12)
    func truncationNeverExceedsTheWidthOrSplitsClusters(width: Int) {
        let samples = ["山田太郎 Yamada", "Zoë Ångström", "Ana 👩‍💻 Ruiz 🇫🇷", "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}", "plain ascii text"]
        for sample in samples {
            let cut = sample.truncated(toWidth: width)
            #expect(cut.displayWidth <= width, "\(sample) → \(cut)")
            // Every cluster of the cut (except the ellipsis) is a whole cluster of the original, in order.
            let kept = cut.hasSuffix("…") && cut != sample ? String(cut.dropLast()) : cut
            #expect(sample.hasPrefix(kept), "\(sample) → \(cut)")
            #expect(sample.fitted(toWidth: width).displayWidth == width)
        }
    }

    @Test func wideCharacterAtTheEdgeIsBlankedNotHalved() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 5, rows: 1))
        buffer.put("ab山田", x: 0, y: 0)
        #expect(buffer.lines()[0] == "ab山 ")
        #expect(buffer[2, 0].width == 2 && buffer[3, 0].isContinuation)
        #expect(!buffer[4, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterRepairsTheOtherHalf() {
        var buffer = ScreenBuffer(size: TerminalSize(columns: 6, rows: 1))
        buffer.put("山田", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.lines()[0] == " x田  ")
        buffer.put("y", x: 2, y: 0)
        #expect(buffer.lines()[0] == " xy   ")
    }

    @Test func countsAreGrouped() {
        #expect(CountFormat.rows(1_000_000, more: true) == "1,000,000+")
        #expect(CountFormat.grouped(999) == "999")
        #expect(CountFormat.grouped(1_000) == "1,000")
        #expect(CountFormat.grouped(-12_345) == "-12,345")
    }

    @Test func wrapKeepsLinesWithinWidth() {
        let lines = "Revoke 2 marked sessions of alice@acme.test? They are signed out at once.".wrapped(toWidth: 20)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.displayWidth <= 20 })
    }
}

@Suite struct MiddleTruncationTests {
    @Test func idsKeepTheirDistinguishingEnds() {
        #expect("cli_acme_web".truncatedInMiddle(toWidth: 9) == "cli_…_web")
        #expect("cli_acme_web".truncatedInMiddle(toWidth: 20) == "cli_acme_web")
        #expect("山田太郎山田".truncatedInMiddle(toWidth: 7).displayWidth <= 7)
        for width in 0...14 {
            #expect("usr_a5bd1e995".truncatedInMiddle(toWidth: width).displayWidth <= width)
        }
    }
}
