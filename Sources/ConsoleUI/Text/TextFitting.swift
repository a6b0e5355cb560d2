/// Horizontal alignment inside a fixed width.
public enum TextAlignment: Sendable, Hashable {
    case leading, trailing, center
}

extension String {
    /// Columns this text takes on a terminal.
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// The text cut to at most `width` columns, ending with `…` when cut. Never splits a grapheme cluster
    /// or a wide character: the result may be one column narrower than `width` (pad it to align).
    public func truncated(toWidth width: Int, ellipsis: Character = "…") -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        let budget = width - DisplayWidth.of(ellipsis)
        var result = ""
        var used = 0
        for cluster in self {
            let clusterWidth = DisplayWidth.of(cluster)
            if used + clusterWidth > budget { break }
            result.append(cluster)
            used += clusterWidth
        }
        result.append(ellipsis)
        return result
    }

    /// The text cut in the middle to at most `width` columns (`cli_acme_…_web`): for ids, whose ends differ.
    public func truncatedInMiddle(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        guard width >= 5 else { return truncated(toWidth: width) }
        let headWidth = (width - 1 + 1) / 2
        let tailWidth = width - 1 - headWidth
        let head = truncated(toWidth: headWidth + 1).dropLast()
        var tail: [Character] = []
        var used = 0
        for cluster in reversed() {
            let clusterWidth = DisplayWidth.of(cluster)
            if used + clusterWidth > tailWidth { break }
            tail.append(cluster)
            used += clusterWidth
        }
        return String(head) + "…" + String(tail.reversed())
    }

    /// The end of the text in at most `width` columns, starting with `…` when cut (for inputs that grow to the right).
    public func truncatedFromFront(toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        if displayWidth <= width { return self }
        var kept: [Character] = []
        var used = 1
        for cluster in reversed() {
            let clusterWidth = DisplayWidth.of(cluster)
            if used + clusterWidth > width { break }
            kept.append(cluster)
            used += clusterWidth
        }
        return "…" + String(kept.reversed())
    }

    /// The text padded with spaces to exactly `width` columns (truncated first if it is wider).
    public func fitted(toWidth width: Int, alignment: TextAlignment = .leading) -> String {
        guard width > 0 else { return "" }
        let cut = truncated(toWidth: width)
        let gap = width - cut.displayWidth
        guard gap > 0 else { return cut }
        switch alignment {
        case .leading: return cut + String(repeating: " ", count: gap)
        case .trailing: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }
}

/// Formats counts the way the screen shows them: `1,000,000` and `1,000,000+` while more pages exist.
public enum CountFormat {
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    public static func rows(_ count: Int, more: Bool) -> String {
        grouped(count) + (more ? "+" : "")
    }
}

extension String {
    /// Word-wrapped lines of at most `width` columns (dialog text; table cells never wrap).
    /// Words longer than a line are cut with `…`.
    public func wrapped(toWidth width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                let word = String(word).truncated(toWidth: width)
                if line.isEmpty {
                    line = word
                } else if line.displayWidth + 1 + word.displayWidth <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = word
                }
            }
            lines.append(line)
        }
        return lines
    }
}
