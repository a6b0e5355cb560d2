/// `:`: the command line with its completions below.
enum PaletteOverlay {
    static func draw(_ model: PaletteModel, screen: Rect, into buffer: inout ScreenBuffer, theme: Theme) -> (x: Int, y: Int)? {
        let completions = model.completions
        let listRows = min(max(1, completions.count), 7)
        let contentHeight = 1 + listRows + (model.error == nil ? 0 : 1) + 1
        let width = min(screen.width - 6, 60)
        var box = DialogFrame.place(contentWidth: width, contentHeight: contentHeight, in: screen)
        // Near the top, like a command line, leaving the header visible.
        box.y = min(box.y, screen.y + 2)
        let inner = DialogFrame.draw(box, title: "Command", theme: theme, into: &buffer)
        guard inner.height >= 1, inner.width >= 4 else { return nil }
        let end = buffer.put((":" + model.input).truncatedFromFront(toWidth: inner.width - 1), x: inner.x, y: inner.y,
                             style: theme[.inputFocused], clip: inner)
        var y = inner.y + 1
        if let error = model.error, y < inner.maxY {
            buffer.put(error.truncated(toWidth: inner.width), x: inner.x, y: y, style: theme[.fieldError], clip: inner)
            y += 1
        }
        if completions.isEmpty, y < inner.maxY {
            buffer.put(CommandPalette.emptyCompletionHint(for: model.input).truncated(toWidth: inner.width),
                       x: inner.x, y: y, style: theme[.dim], clip: inner)
        }
        for (index, completion) in completions.prefix(listRows).enumerated() where y < inner.maxY - 1 || index == 0 {
            guard y < inner.maxY else { break }
            let selected = index == model.selectedCompletion
            buffer.put((":" + completion).fitted(toWidth: inner.width), x: inner.x, y: y,
                       style: theme[selected ? .selection : .dialog], clip: inner)
            y += 1
        }
        if inner.maxY - 1 > inner.y + 1 {
            buffer.put(DialogKeys.footer(DialogKeys.palette).truncated(toWidth: inner.width), x: inner.x, y: inner.maxY - 1,
                       style: theme[.dim], clip: inner)
        }
        return (x: min(end, inner.maxX - 1), y: inner.y)
    }
}
