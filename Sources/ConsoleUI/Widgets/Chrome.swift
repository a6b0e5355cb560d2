/// Header, breadcrumb, banner and key-hint lines.
enum Chrome {
    static let spinnerFrames: [Character] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    static func drawHeader(_ model: HeaderModel, row: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        buffer.fill(row, style: theme[.header])
        var left = " AuthPI · \(model.account) · \(model.baseURL)"
        if let profile = model.profile, !profile.isEmpty { left += " · \(profile)" }
        if model.readOnly { left += " · read-only" }
        var right = model.status.map { "\($0)   " } ?? ""
        if model.requestsInFlight > 0 {
            right += String(spinnerFrames[model.spinnerFrame % spinnerFrames.count]) + " "
        } else {
            right += "⟳ "
        }
        if let latency = model.lastLatency, !latency.isEmpty { right += latency }
        right += "   ? help "
        drawSplit(left: left, leftStyle: theme[.header], right: right, rightStyle: theme[.headerAccent], row: row,
                  into: &buffer)
    }

    /// Returns the cursor position when the filter is being edited.
    @discardableResult
    static func drawBreadcrumb(
        _ model: BreadcrumbModel, row: Rect, into buffer: inout ScreenBuffer, theme: Theme
    ) -> (x: Int, y: Int)? {
        buffer.fill(row, style: theme[.normal])
        var parts: [String] = []
        // While the filter is typed it has the space (its end stays in sight).
        if let note = model.note, !model.isEditingFilter { parts.append(note) }
        if model.isEditingFilter || !(model.filter ?? "").isEmpty {
            parts.append("/filter: \(model.filter ?? "")" + (model.isEditingFilter ? " " : ""))
        }
        let right = parts.joined(separator: " · ")
        let rightWidth = min(right.displayWidth, max(0, row.width / 2))
        let leftArea = Rect(x: row.x, y: row.y, width: row.width - rightWidth - (rightWidth > 0 ? 1 : 0), height: 1)
        // When the path is too long, the first crumbs give way to "…": where you are matters most.
        var crumbs = model.crumbs
        if let count = model.rowCount, !crumbs.isEmpty { crumbs[crumbs.count - 1] += " (\(count))" }
        var dropped = 0
        func pathWidth() -> Int {
            let shown = crumbs.dropFirst(dropped)
            return 1 + shown.reduce(0) { $0 + $1.displayWidth } + 3 * (shown.count - 1) + (dropped > 0 ? 4 : 0)
        }
        while dropped < crumbs.count - 1, pathWidth() > leftArea.width { dropped += 1 }
        var x = row.x + 1
        if dropped > 0 { x = buffer.put("… › ", x: x, y: row.y, style: theme[.breadcrumb], clip: leftArea) }
        for (index, crumb) in crumbs.enumerated().dropFirst(dropped) {
            let isLast = index == crumbs.count - 1
            if index > dropped { x = buffer.put(" › ", x: x, y: row.y, style: theme[.breadcrumb], clip: leftArea) }
            let budget = leftArea.maxX - x
            x = buffer.put(crumb.truncated(toWidth: max(1, budget)), x: x, y: row.y,
                           style: theme[isLast ? .breadcrumbCurrent : .breadcrumb], clip: leftArea)
        }
        guard rightWidth > 0 else { return nil }
        // The filter keeps its end visible while typing.
        let shown = right.displayWidth > rightWidth ? right.truncatedFromFront(toWidth: rightWidth) : right
        let start = row.maxX - shown.displayWidth
        let end = buffer.put(shown, x: start, y: row.y, style: theme[.filter], clip: row)
        return model.isEditingFilter ? (x: max(row.x, end - 1), y: row.y) : nil
    }

    /// Which crumb is at column `x` of the breadcrumb line drawn by `drawBreadcrumb` in a row of `width`
    /// (its index in `model.crumbs`), or nil between crumbs. Follows the drawing's layout step by step.
    static func crumbIndex(atX x: Int, _ model: BreadcrumbModel, width: Int) -> Int? {
        var right = ""
        if model.isEditingFilter || !(model.filter ?? "").isEmpty {
            right = "/filter: \(model.filter ?? "")" + (model.isEditingFilter ? " " : "")
        }
        let rightWidth = min(right.displayWidth, max(0, width / 2))
        let leftWidth = width - rightWidth - (rightWidth > 0 ? 1 : 0)
        var crumbs = model.crumbs
        if let count = model.rowCount, !crumbs.isEmpty { crumbs[crumbs.count - 1] += " (\(count))" }
        var dropped = 0
        func pathWidth() -> Int {
            let shown = crumbs.dropFirst(dropped)
            return 1 + shown.reduce(0) { $0 + $1.displayWidth } + 3 * (shown.count - 1) + (dropped > 0 ? 4 : 0)
        }
        while dropped < crumbs.count - 1, pathWidth() > leftWidth { dropped += 1 }
        var start = 1 + (dropped > 0 ? 4 : 0)
        for (index, crumb) in crumbs.enumerated().dropFirst(dropped) {
            if index > dropped { start += 3 }
            let end = min(start + crumb.truncated(toWidth: max(1, leftWidth - start)).displayWidth, leftWidth)
            if x >= start, x < end { return index }
            start = end
        }
        return nil
    }

    static func drawBanner(_ model: BannerModel?, row: Rect, into buffer: inout ScreenBuffer, theme: Theme) {
        guard let model else {
            buffer.fill(row, style: theme[.normal])
            return
        }
        let style = theme[model.severity.role]
        buffer.fill(row, style: style)
        var left = " \(model.severity.icon) \(model.title)"
        if let countdown = model.countdown, !countdown.isEmpty { left += " — \(countdown)" }
        if let detail = model.detail, !detail.isEmpty { left += " — \(detail)" }
        if let reference = model.reference, !reference.isEmpty { left += "  ref \(reference)" }
        drawSplit(left: left, leftStyle: style, right: model.hint.map { "\($0) " } ?? "", rightStyle: style.merged(with: Style(bold: true)),
                  row: row, into: &buffer)
    }

    static func drawHints(_ bindings: [KeyBinding], extra: [(key: String, label: String)] = [], row: Rect,
                          into buffer: inout ScreenBuffer, theme: Theme) {
        buffer.fill(row, style: theme[.normal])
        var items: [(key: String, label: String, priority: Int)] = extra.enumerated().map {
            ($0.element.key, $0.element.label, $0.element.key == "Esc" ? 101 : 100 - $0.offset)
        }
        for binding in bindings {
            guard let hint = binding.hint else { continue }
            let key = binding.keyLabel.split(separator: " / ").first.map(String.init) ?? binding.keyLabel
            items.append((key, hint, hintPriority(binding.action)))
        }
        func width(_ item: (key: String, label: String, priority: Int)) -> Int {
            item.key.displayWidth + 1 + item.label.displayWidth + 2
        }
        // Whole items only (a cut hint would mislead); when short of room the least useful give way first,
        // and the rest keep their order.
        var budget = row.width - 1
        var chosen = Set<Int>()
        for index in items.indices.sorted(by: { items[$0].priority > items[$1].priority }) where width(items[index]) <= budget + 2 {
            budget -= width(items[index])
            chosen.insert(index)
        }
        var x = row.x + 1
        for (index, item) in items.enumerated() where chosen.contains(index) {
            if x + item.key.displayWidth + 1 + item.label.displayWidth > row.maxX { break }
            x = buffer.put(item.key, x: x, y: row.y, style: theme[.hintKey], clip: row)
            x = buffer.put(" " + item.label, x: x, y: row.y, style: theme[.hintLabel], clip: row)
            x += 2
        }
    }

    /// Which hints stay on a narrow screen: help and quit, then the pane's own actions, then moving around.
    static func hintPriority(_ action: KeyAction) -> Int {
        // A new resource is offered after the filter on a narrow screen: it is not about the rows shown.
        if action == .create { return 45 }
        if action.isMutation { return 90 }
        return switch action {
        case .help, .quit: 100
        case .open, .back: 80
        case .moveUp, .moveDown: 70
        case .mark: 60
        case .filter: 50
        case .describe: 40
        case .palette: 30
        case .copyID: 18
        case .copyRow: 15
        case .nextSibling, .previousSibling: 20
        default: 10
        }
    }

    /// Left text truncated so the right text always fits.
    static func drawSplit(left: String, leftStyle: Style, right: String, rightStyle: Style, row: Rect,
                          into buffer: inout ScreenBuffer) {
        let rightText = right.displayWidth <= row.width / 2 ? right : right.truncated(toWidth: row.width / 2)
        let rightWidth = rightText.displayWidth
        let leftWidth = max(0, row.width - rightWidth - (rightWidth > 0 ? 1 : 0))
        buffer.put(left.truncated(toWidth: leftWidth), x: row.x, y: row.y, style: leftStyle,
                   clip: Rect(x: row.x, y: row.y, width: leftWidth, height: 1))
        if rightWidth > 0 {
            buffer.put(rightText, x: row.maxX - rightWidth, y: row.y, style: rightStyle, clip: row)
        }
    }
}

