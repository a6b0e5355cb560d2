/// Lays out and draws a whole frame: header, breadcrumb, boxed body, banner, key hints, and the overlay.
public enum ScreenRenderer {
    /// Below this size the screen shows only the "terminal too small" note.
    public static let minimumSize = TerminalSize(columns: 40, rows: 8)

    /// Rows of body content visible at this size (for paging and scroll decisions in the app).
    public static func bodyRows(for size: TerminalSize) -> Int {
        // header, breadcrumb, top and bottom border, table header, banner, hints.
        max(1, size.rows - 7)
    }

    public static func render(_ model: ScreenModel, size: TerminalSize, theme: Theme) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows else {
            drawTooSmall(size: size, hasDialog: model.overlay != nil, into: &buffer, theme: theme)
            return buffer
        }
        let width = size.columns
        Chrome.drawHeader(model.header, row: Rect(x: 0, y: 0, width: width, height: 1), into: &buffer, theme: theme)
        var cursor = Chrome.drawBreadcrumb(model.breadcrumb, row: Rect(x: 0, y: 1, width: width, height: 1),
                                           into: &buffer, theme: theme)
        let boxArea = Rect(x: 0, y: 2, width: width, height: size.rows - 4)
        let inner = BoxView.draw(boxArea, title: model.bodyTitle, style: theme[.border], into: &buffer)
        switch model.body {
        case .table(let table): TableView.draw(table, in: inner, into: &buffer, theme: theme)
        case .detail(let detail): DetailView.draw(detail, in: inner, into: &buffer, theme: theme)
        case .describe(let describe): DescribeView.draw(describe, in: inner, into: &buffer, theme: theme)
        case .message(let text):
            let lines = text.wrapped(toWidth: max(1, inner.width - 2))
            for (index, line) in lines.prefix(inner.height).enumerated() {
                buffer.put(line, x: inner.x + 1, y: inner.y + index, style: theme[.dim], clip: inner)
            }
        }
        Chrome.drawBanner(model.banner, row: Rect(x: 0, y: size.rows - 2, width: width, height: 1), into: &buffer, theme: theme)
        let hintRow = Rect(x: 0, y: size.rows - 1, width: width, height: 1)
        if let dialogKeys = dialogHints(model) {
            Chrome.drawHints([], extra: dialogKeys, row: hintRow, into: &buffer, theme: theme)
        } else {
            Chrome.drawHints(KeyMap.hints(for: model.scope, readOnly: model.header.readOnly), row: hintRow, into: &buffer, theme: theme)
        }
        let screen = buffer.bounds
        switch model.overlay {
        case .none: break
        case .confirm(let confirm):
            ConfirmDialog.draw(confirm, screen: screen, into: &buffer, theme: theme)
            cursor = nil
        case .editForm(let form): cursor = EditFormDialog.draw(form, screen: screen, into: &buffer, theme: theme)
        case .conflict(let conflict):
            ConflictDialog.draw(conflict, screen: screen, into: &buffer, theme: theme)
            cursor = nil
        case .help(let help): cursor = HelpOverlay.draw(help, screen: screen, into: &buffer, theme: theme)
        case .palette(let palette): cursor = PaletteOverlay.draw(palette, screen: screen, into: &buffer, theme: theme)
        case .secret(let secret):
            SecretDialog.draw(secret, screen: screen, into: &buffer, theme: theme)
            cursor = nil
        }
        buffer.cursor = cursor
        return buffer
    }

    /// The frame `previous` drew, with only the header drawn again, when the header is all that differs between
    /// the two models (the spinner ticking while a request is out, the latency): drawing the whole screen ten
    /// times a second for one glyph took a fifth of a core during `G`. Nil when more differs, or a dialog could
    /// cover the header.
    public static func redrawHeader(
        _ model: ScreenModel, over previous: (model: ScreenModel, buffer: ScreenBuffer), size: TerminalSize, theme: Theme
    ) -> ScreenBuffer? {
        guard previous.buffer.size == size, model.overlay == nil, previous.model.overlay == nil,
            size.columns >= minimumSize.columns, size.rows >= minimumSize.rows
        else { return nil }
        var unchanged = model
        unchanged.header = previous.model.header
        guard unchanged == previous.model else { return nil }
        var buffer = previous.buffer
        Chrome.drawHeader(model.header, row: Rect(x: 0, y: 0, width: size.columns, height: 1), into: &buffer, theme: theme)
        return buffer
    }

    /// While a dialog or the filter has the keyboard, the hint line shows its keys instead of the pane's.
    static func dialogHints(_ model: ScreenModel) -> [(key: String, label: String)]? {
        switch model.overlay {
        case .confirm(let confirm): return DialogKeys.hints(DialogKeys.confirm(yes: confirm.yesLabel, no: confirm.noLabel))
        case .editForm(let form): return DialogKeys.hints(form.keys)
        case .secret: return DialogKeys.hints(DialogKeys.secret)
        case .conflict: return DialogKeys.hints(DialogKeys.conflict)
        case .help: return DialogKeys.hints(DialogKeys.help)
        case .palette: return DialogKeys.hints(DialogKeys.palette)
        case .none: return model.breadcrumb.isEditingFilter ? DialogKeys.hints(DialogKeys.filter) : nil
        }
    }

    /// The note below the minimum size. With a dialog open (an unsaved edit, a question) q would only open
    /// another dialog nobody can see, so the note asks for a larger terminal instead of promising q.
    static func drawTooSmall(size: TerminalSize, hasDialog: Bool = false, into buffer: inout ScreenBuffer, theme: Theme) {
        guard size.columns > 0, size.rows > 0 else { return }
        let way = hasDialog ? "enlarge: a dialog is open" : "q quits"
        let lines = ["terminal too small", "need \(minimumSize.columns)×\(minimumSize.rows)", "have \(size.columns)×\(size.rows)", way]
        let shown = Array(lines.prefix(size.rows))
        let top = max(0, (size.rows - shown.count) / 2)
        for (index, line) in shown.enumerated() {
            let text = line.truncated(toWidth: size.columns)
            let x = max(0, (size.columns - text.displayWidth) / 2)
            buffer.put(text, x: x, y: top + index, style: theme[index == 0 ? .statusBad : .dim])
        }
    }
}
