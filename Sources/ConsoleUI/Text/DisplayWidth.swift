/// Terminal display width of text, decided per grapheme cluster so columns stay aligned:
/// East Asian wide/fullwidth and emoji presentation take 2 columns, combining marks and joiners 0,
/// control characters are replaced by a visible 1-column stand-in (they would move the cursor).
public enum DisplayWidth {
    /// Shown in place of control characters and bidi overrides, which could move the cursor or reorder text.
    public static let controlReplacement: Character = "?"

    /// The cluster as it will be drawn: controls and bidi overrides replaced, whitespace controls turned into spaces.
    public static func sanitized(_ cluster: Character) -> Character {
        guard let first = cluster.unicodeScalars.first else { return " " }
        if first == "\t" || first == "\n" || first == "\r" { return " " }
        if first.properties.generalCategory == .control { return controlReplacement }
        if isBidiControl(first) { return controlReplacement }
        return cluster
    }

    /// Width in columns of one cluster (after sanitizing): 0, 1 or 2.
    public static func of(_ cluster: Character) -> Int {
        let cluster = sanitized(cluster)
        let scalars = cluster.unicodeScalars
        guard let first = scalars.first else { return 0 }
        var width = of(first)
        if width < 2, scalars.count > 1 {
            // Emoji sequences (VS16, ZWJ sequences, flags, keycaps) are drawn as one 2-column glyph.
            let hasVS16 = scalars.contains("\u{FE0F}")
            let isFlag = (0x1F1E6...0x1F1FF).contains(first.value)  // regional indicators
            let hasZWJEmoji = scalars.contains("\u{200D}") && first.properties.isEmoji
            if (hasVS16 && first.properties.isEmoji) || isFlag || hasZWJEmoji { width = 2 }
        }
        // A cluster that starts with a zero-width scalar (a stray combining mark, a joiner) is 0 wide and not drawn.
        return width
    }

    /// Width of a whole string.
    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for cluster in text { total += of(cluster) }
        return total
    }

    /// Width of one scalar on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 1 }  // replaced by a 1-column stand-in
        if value < 0x300 { return 1 }
        if isZeroWidth(scalar) { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        if isWide(value) { return 2 }
        return 1
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: break
        }
        let value = scalar.value
        return (0x1160...0x11FF).contains(value)  // Hangul medial vowels and final consonants join the syllable
            || value == 0x200B
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges, outside the emoji blocks (those use emoji presentation).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5,
        0x2FF0...0x2FFB, 0x3000...0x303E, 0x3041...0x3096, 0x3099...0x30FF, 0x3105...0x312F,
        0x3131...0x318E, 0x3190...0x31E3, 0x31F0...0x321E, 0x3220...0x3247, 0x3250...0x4DBF,
        0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60,
        0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5,
        0x18D00...0x18D08, 0x1AFF0...0x1B2FB, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248,
        0x1F250...0x1F251, 0x1F260...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
