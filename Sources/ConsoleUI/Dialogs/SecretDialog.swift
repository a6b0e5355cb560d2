/// The one-time secret: what it belongs to, the secret, a "shown once" warning, and copy / close.
enum SecretDialog {
    static func draw(_ model: SecretModel, screen: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        let maxText = max(20, min(72, screen.width - 8))
        let warning = "Shown once — copy it now. It is not stored, logged or shown again; closing drops it."
        var lines: [(String, StyleRole)] = []
        if !model.subject.isEmpty { lines.append((model.subject, .dialog)) }
        lines.append(("", .dialog))
        lines.append((model.label + ":", .fieldLabel))
        // The secret is never truncated with "…": a cut secret copied by hand would be wrong. Long ones wrap.
        lines += model.secret.chunked(toWidth: maxText).map { ($0, .inputFocused) }
        lines.append(("", .dialog))
        lines += warning.wrapped(toWidth: maxText).map { ($0, .dirty) }
        if model.copied { lines.append(("Copied to the clipboard (OSC 52).", .statusGood)) }
        let keys = DialogKeys.dialogKeys(DialogKeys.secret)
        let width = max(lines.map(\.0.displayWidth).max() ?? 0, model.title.displayWidth + 4, 30)
        let box = DialogFrame.place(contentWidth: width, contentHeight: lines.count + 2, in: screen)
        let inner = DialogFrame.draw(box, title: model.title, theme: theme, into: &buffer)
        guard !inner.isEmpty else { return }
        for (index, line) in lines.enumerated() where index < inner.height - 2 {
            buffer.put(line.0, x: inner.x, y: inner.y + index, style: theme[line.1], clip: inner)
        }
        DialogFrame.drawKeys(keys, x: inner.x, y: inner.maxY - 1, clip: inner, theme: theme, into: &buffer)
    }
}

extension String {
    /// The text cut into pieces of at most `width` columns, nothing dropped.
    func chunked(toWidth width: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in self {
            if current.displayWidth + DisplayWidth.of(character) > width, !current.isEmpty {
                pieces.append(current)
                current = ""
            }
            current.append(character)
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
        return pieces
    }
}
