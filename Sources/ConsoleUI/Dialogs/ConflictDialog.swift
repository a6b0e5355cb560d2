/// The 412 dialog: base | yours | theirs side by side, changed fields marked, and the four choices.
enum ConflictDialog {
    static let legend = "yours: you changed it · theirs: they did · both: both did (differently)"

    static func draw(_ model: ConflictModel, screen: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        let contentWidth = min(screen.width - 6, 96)
        let box = DialogFrame.place(contentWidth: contentWidth, contentHeight: model.fields.count + 4, in: screen)
        let inner = DialogFrame.draw(box, title: model.title, theme: theme, into: &buffer)
        guard inner.height >= 3, inner.width >= 20 else {
            if !inner.isEmpty {
                let keys = DialogKeys.dialogKeys(DialogKeys.conflict).map(\.0).joined(separator: " / ")
                buffer.put("conflict: \(keys)", x: inner.x, y: inner.y, style: theme[.dialog], clip: inner)
            }
            return
        }
        let markWidth = 6
        let labelWidth = min(14, (model.fields.map(\.label.displayWidth).max() ?? 5) + 1)
        let valueWidth = max(3, (inner.width - markWidth - labelWidth - 6) / 3)
        let columnsX = [inner.x + markWidth + 1 + labelWidth + 1]
            + [1, 2].map { inner.x + markWidth + 1 + labelWidth + 1 + $0 * (valueWidth + 2) }
        func row(_ y: Int, mark: String, label: String, values: [String], styles: [Style], markStyle: Style, labelStyle: Style) {
            buffer.put(mark.fitted(toWidth: markWidth), x: inner.x, y: y, style: markStyle, clip: inner)
            buffer.put(label.fitted(toWidth: labelWidth), x: inner.x + markWidth + 1, y: y, style: labelStyle, clip: inner)
            for (index, value) in values.enumerated() {
                buffer.put(value.fitted(toWidth: valueWidth), x: columnsX[index], y: y, style: styles[index], clip: inner)
            }
        }
        let header = theme[.tableHeader]
        row(inner.y, mark: "", label: "FIELD", values: ["BASE", "YOURS", "THEIRS"], styles: [header, header, header],
            markStyle: header, labelStyle: header)
        let visible = max(0, inner.height - 4)
        let offset = max(0, min(model.scrollOffset, model.fields.count - visible))
        for (row_, field) in model.fields.dropFirst(offset).prefix(visible).enumerated() {
            let mark: String
            let markRole: StyleRole
            switch (field.youChanged, field.theyChanged) {
            case (true, true) where field.isConflict:
                mark = "both"
                markRole = .conflictBoth
            case (true, true):
                mark = "same"
                markRole = .dim
            case (true, false):
                mark = "yours"
                markRole = .conflictChanged
            case (false, true):
                mark = "theirs"
                markRole = .conflictChanged
            default:
                mark = ""
                markRole = .dim
            }
            let changedRole: StyleRole = field.isConflict ? .conflictBoth : .conflictChanged
            row(inner.y + 1 + row_, mark: mark, label: field.label,
                values: [field.base, field.yours, field.theirs],
                styles: [theme[.dim], theme[field.youChanged ? changedRole : .dialog], theme[field.theyChanged ? changedRole : .dialog]],
                markStyle: theme[markRole], labelStyle: theme[.fieldLabel])
        }
        buffer.put(legend.truncated(toWidth: inner.width), x: inner.x, y: inner.maxY - 2, style: theme[.dim], clip: inner)
        DialogFrame.drawKeys(DialogKeys.dialogKeys(DialogKeys.conflict), x: inner.x, y: inner.maxY - 1, clip: inner,
                             theme: theme, into: &buffer)
    }
}
