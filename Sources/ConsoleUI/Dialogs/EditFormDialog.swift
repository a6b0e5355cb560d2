/// The edit form: labelled inputs, the focused one highlighted with the cursor in it, each field's server
/// error under the field, and a dirty marker in the title.
enum EditFormDialog {
    private enum LineKind { case input, error, keptTheirs, options }

    /// Draws the form and returns where the text cursor goes.
    static func draw(_ model: EditFormModel, screen: Rect, into buffer: inout ScreenBuffer, theme: Theme) -> (x: Int, y: Int)? {
        let labelWidth = min(16, (model.fields.map(\.label.displayWidth).max() ?? 0) + 2)
        let contentWidth = min(max(40, screen.width - 8), 72)
        // Lines: the field, then its error and, after a merge, the note that theirs was kept over yours.
        var lines: [(field: Int, kind: LineKind)] = []
        for (index, field) in model.fields.enumerated() {
            lines.append((index, .input))
            if field.error != nil { lines.append((index, .error)) }
            if field.keptTheirsOverYours != nil { lines.append((index, .keptTheirs)) }
            // The focused list shows its highlighted option on a line of its own.
            if index == model.focusedIndex, case .multiple = field.picker { lines.append((index, .options)) }
        }
        let footerLines = 2 + (model.formMessage == nil ? 0 : 1)
        let box = DialogFrame.place(contentWidth: contentWidth, contentHeight: lines.count + footerLines, in: screen)
        let title = model.title + (model.isDirty ? " ● modified" : "") + (model.isSaving ? " · saving…" : "")
        let inner = DialogFrame.draw(box, title: title, theme: theme, into: &buffer)
        guard inner.height > footerLines, inner.width > labelWidth + 4 else {
            if !inner.isEmpty { buffer.put("form needs a larger terminal", x: inner.x, y: inner.y, style: theme[.dim], clip: inner) }
            return nil
        }
        // Keep the focused field in view when the form is taller than the screen.
        let visible = inner.height - footerLines
        let focusedLine = lines.firstIndex(where: { $0.field == model.focusedIndex && $0.kind == .input }) ?? 0
        let lastFocusedLine = lines.lastIndex(where: { $0.field == model.focusedIndex }) ?? focusedLine
        let offset = max(0, min(focusedLine, lastFocusedLine - visible + 1))
        var cursor: (x: Int, y: Int)?
        let inputX = inner.x + labelWidth + 1
        // The label column holds the dirty marker "● " before the label.
        let inputWidth = inner.maxX - inputX
        for row in 0..<visible {
            guard let line = lines[safe: offset + row], let field = model.fields[safe: line.field] else { break }
            let y = inner.y + row
            switch line.kind {
            case .error:
                let text = "↳ " + (field.error ?? "")
                buffer.put(text.truncated(toWidth: inputWidth), x: inputX, y: y, style: theme[.fieldError], clip: inner)
                continue
            case .keptTheirs:
                let text = "↳ both changed: theirs kept; yours was “\(field.keptTheirsOverYours ?? "")”"
                buffer.put(text.truncated(toWidth: inputWidth), x: inputX, y: y, style: theme[.conflictBoth], clip: inner)
                continue
            case .options:
                guard case .multiple(let highlighted) = field.picker, field.choices.indices.contains(highlighted) else { continue }
                let option = field.choices[highlighted]
                let picked = Set(field.value.split(separator: ",").map(String.init))
                let text = "‹ \(option) › \(picked.contains(option) ? "[x] picked" : "[ ] not picked")"
                    + "  (\(highlighted + 1)/\(field.choices.count), \(picked.count) picked)"
                buffer.put(text.truncated(toWidth: inputWidth), x: inputX, y: y, style: theme[.inputFocused], clip: inner)
                continue
            case .input:
                break
            }
            let focused = line.field == model.focusedIndex
            let isKeptTheirs = field.keptTheirsOverYours != nil
            let label = (isKeptTheirs ? "! " : field.isDirty ? "● " : "  ") + field.label
            buffer.put(label.fitted(toWidth: labelWidth), x: inner.x, y: y,
                       style: isKeptTheirs ? theme[.conflictBoth] : field.isDirty ? theme[.dirty] : theme[.fieldLabel],
                       clip: inner)
            // Allowed values follow the input when there is room; the input keeps at least half the width. A list's
            // options are browsed on their own line; a note ("seconds") follows the input.
            let allChoices: String = switch field.picker {
            case .multiple: field.note.map { " " + $0 } ?? ""
            default: field.choices.isEmpty ? field.note.map { " " + $0 } ?? "" : " " + field.choices.joined(separator: "|")
            }
            let boxWidth = max(min(inputWidth, 12), inputWidth / 2, inputWidth - allChoices.displayWidth)
            let choices = allChoices.truncated(toWidth: max(0, inputWidth - boxWidth))
            let (shown, cursorColumn) = visibleWindow(of: field.value, cursor: field.cursor, width: boxWidth - 1)
            buffer.put(shown.fitted(toWidth: boxWidth), x: inputX, y: y,
                       style: theme[focused ? .inputFocused : .input], clip: inner)
            if !choices.isEmpty {
                buffer.put(choices, x: inputX + boxWidth, y: y, style: theme[.dim], clip: inner)
            }
            if focused, field.picker == .none { cursor = (x: inputX + cursorColumn, y: y) }
        }
        var footerY = inner.maxY - footerLines + 1
        if let message = model.formMessage {
            buffer.put(message.truncated(toWidth: inner.width), x: inner.x, y: footerY, style: theme[.fieldError], clip: inner)
            footerY += 1
        }
        DialogFrame.drawKeys(DialogKeys.dialogKeys(model.keys), x: inner.x, y: footerY, clip: inner,
                             theme: theme, into: &buffer)
        return model.isSaving ? nil : cursor
    }

    /// The part of `value` to show in `width` columns so the cursor is visible, and the cursor's column in it.
    static func visibleWindow(of value: String, cursor: Int, width: Int) -> (String, Int) {
        let clusters = Array(value)
        let cursor = max(0, min(cursor, clusters.count))
        guard width > 0 else { return ("", 0) }
        var start = 0
        func widthBetween(_ from: Int, _ to: Int) -> Int {
            clusters[from..<to].reduce(0) { $0 + DisplayWidth.of($1) }
        }
        while widthBetween(start, cursor) > width - 1, start < cursor { start += 1 }
        var end = start
        var used = 0
        while end < clusters.count, used + DisplayWidth.of(clusters[end]) <= width {
            used += DisplayWidth.of(clusters[end])
            end += 1
        }
        return (String(clusters[start..<end]), widthBetween(start, cursor))
    }
}
