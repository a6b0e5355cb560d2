/// `?`: every key of the current pane, filtered by the typed query.
enum HelpOverlay {
    static func draw(_ model: HelpModel, screen: Rect, into buffer: inout ScreenBuffer, theme: Theme) -> (x: Int, y: Int)? {
        let matches = model.matches
        let all = KeyMap.bindings(for: model.scope)
        let keyWidth = min(18, (all.map(\.keyLabel.displayWidth).max() ?? 4) + 2)
        let box = DialogFrame.place(contentWidth: min(screen.width - 6, 90), contentHeight: all.count + 4, in: screen)
        let inner = DialogFrame.draw(box, title: "Help — \(model.scope.title)", theme: theme, into: &buffer)
        guard inner.height >= 2, inner.width >= 10 else { return nil }
        let search = "search: " + model.query
        let end = buffer.put(search.truncatedFromFront(toWidth: inner.width - 1), x: inner.x, y: inner.y,
                             style: theme[.filter], clip: inner)
        let listTop = inner.y + 2
        let visible = max(0, inner.maxY - 1 - listTop)
        let offset = max(0, min(model.scrollOffset, matches.count - visible))
        if matches.isEmpty, visible > 0 {
            buffer.put("no key matches “\(model.query)”".truncated(toWidth: inner.width), x: inner.x, y: listTop,
                       style: theme[.dim], clip: inner)
        }
        for (row, binding) in matches.dropFirst(offset).prefix(visible).enumerated() {
            let y = listTop + row
            buffer.put(binding.keyLabel.fitted(toWidth: keyWidth), x: inner.x, y: y, style: theme[.hintKey], clip: inner)
            buffer.put(binding.description.truncated(toWidth: max(1, inner.width - keyWidth)), x: inner.x + keyWidth, y: y,
                       style: theme[.dialog], clip: inner)
        }
        let shown = matches.isEmpty ? "" : "\(offset + 1)–\(offset + min(visible, matches.count - offset)) of \(matches.count) · "
        buffer.put((shown + DialogKeys.footer(DialogKeys.help)).truncated(toWidth: inner.width), x: inner.x,
                   y: inner.maxY - 1, style: theme[.dim], clip: inner)
        return (x: min(end, inner.maxX - 1), y: inner.y)
    }
}
