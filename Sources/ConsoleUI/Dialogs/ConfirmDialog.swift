/// "Revoke 3 sessions?" with [y] / [n]; names marked rows the filter hides.
enum ConfirmDialog {
    static func draw(_ model: ConfirmModel, screen: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        let maxText = max(10, min(60, screen.width - 8))
        // Paragraphs (one per changed resource after a 412) stay apart.
        var lines = model.message.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { String($0).wrapped(toWidth: maxText) }
        let messageLineCount = lines.count
        if model.hiddenByFilter > 0 {
            let rows = model.hiddenByFilter == 1 ? "1 marked row is" : "\(CountFormat.grouped(model.hiddenByFilter)) marked rows are"
            lines += [""] + "\(rows) hidden by the filter and included.".wrapped(toWidth: maxText)
        }
        let keys = DialogKeys.dialogKeys(DialogKeys.confirm(yes: model.yesLabel, no: model.noLabel))
        let width = max(lines.map(\.displayWidth).max() ?? 0, 20, model.title.displayWidth + 4)
        let box = DialogFrame.place(contentWidth: width, contentHeight: lines.count + 2, in: screen)
        let inner = DialogFrame.draw(box, title: model.title, theme: theme, into: &buffer)
        guard !inner.isEmpty else { return }
        for (index, line) in lines.enumerated() where index < inner.height - 2 {
            let isNote = model.hiddenByFilter > 0 && index > messageLineCount
            buffer.put(line, x: inner.x, y: inner.y + index, style: theme[isNote ? .dirty : .dialog], clip: inner)
        }
        DialogFrame.drawKeys(keys, x: inner.x, y: inner.maxY - 1, clip: inner, theme: theme, into: &buffer)
    }
}
