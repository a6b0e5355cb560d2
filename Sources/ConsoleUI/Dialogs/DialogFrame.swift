/// Shared layout of modal dialogs: a centered box with a title, cleared behind.
enum DialogFrame {
    /// The dialog's box for content of the given size, centered in `screen` and clipped to it.
    static func place(contentWidth: Int, contentHeight: Int, in screen: Rect) -> Rect {
        // Two columns of the pane stay visible on each side, and the header and hint lines stay uncovered.
        let width = min(screen.width - 4, contentWidth + 4)
        let height = min(screen.height - 2, contentHeight + 2)
        return screen.centered(width: max(4, width), height: max(3, height))
    }

    /// Draws the frame and returns the inner area (one column of padding on each side).
    static func draw(_ box: Rect, title: String, theme: Theme, into buffer: inout ScreenBuffer) -> Rect {
        let inner = BoxView.draw(box, title: title, style: theme[.dialogBorder], titleStyle: theme[.dialogTitle],
                                 fill: theme[.dialog], into: &buffer)
        return Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
    }

    /// Draws key hints like "[y] yes  [n] no" on one line.
    static func drawKeys(_ keys: [(String, String)], x: Int, y: Int, clip: Rect, theme: Theme, into buffer: inout ScreenBuffer) {
        // Two spaces between keys when they fit, one when the dialog is narrow.
        let total = keys.reduce(0) { $0 + $1.0.displayWidth + 3 + $1.1.displayWidth }
        let spacing = total + 2 * keys.count <= clip.maxX - x ? "  " : " "
        var column = x
        for (key, label) in keys {
            let needed = key.displayWidth + 3 + label.displayWidth
            if column + needed > clip.maxX { break }
            column = buffer.put("[\(key)]", x: column, y: y, style: theme[.hintKey], clip: clip)
            column = buffer.put(" \(label)" + spacing, x: column, y: y, style: theme[.dialog], clip: clip)
        }
    }
}
