/// What a piece of text is, so the theme decides how it looks.
public enum StyleRole: String, Sendable, Hashable, CaseIterable {
    case normal, dim
    case header, headerAccent, spinner
    case breadcrumb, breadcrumbCurrent, filter
    case border, tableHeader, selection, marked, marker
    case statusGood, statusWarning, statusBad, statusNeutral
    case rowInfo, rowFailed
    case bannerInfo, bannerSuccess, bannerWarning, bannerError
    case hintKey, hintLabel
    case dialog, dialogTitle, dialogBorder
    case input, inputFocused, fieldLabel, fieldError, dirty
    case conflictChanged, conflictBoth
    case jsonKey, jsonString, jsonNumber, jsonBool, jsonNull, jsonPunctuation
    case searchMatch
}

/// Colors and attributes by role. `monochrome` uses only bold / reverse / underline / dim, for NO_COLOR and
/// terminals without colors; every role stays distinguishable where it matters (selection, marks, errors).
public struct Theme: Sendable {
    public let name: String
    public let usesColor: Bool
    private let styles: [StyleRole: Style]

    public init(name: String, usesColor: Bool, styles: [StyleRole: Style]) {
        self.name = name
        self.usesColor = usesColor
        self.styles = styles
    }

    public func style(_ role: StyleRole) -> Style { styles[role] ?? .plain }
    public subscript(role: StyleRole) -> Style { style(role) }

    /// The theme for this environment: monochrome when NO_COLOR is set (any non-empty value,
    /// see no-color.org) or the terminal has no colors.
    public static func forEnvironment(_ environment: [String: String], terminalHasColor: Bool) -> Theme {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return noColor || !terminalHasColor ? .monochrome : .colored
    }

    public static let colored = Theme(
        name: "colored", usesColor: true,
        styles: [
            .normal: .plain,
            .dim: Style(dim: true),
            .header: Style(foreground: .black, background: .cyan),
            .headerAccent: Style(foreground: .black, background: .cyan, bold: true),
            .spinner: Style(foreground: .black, background: .cyan, bold: true),
            .breadcrumb: Style(foreground: .cyan),
            .breadcrumbCurrent: Style(foreground: .cyan, bold: true),
            .filter: Style(foreground: .yellow, bold: true),
            .border: Style(foreground: .blue),
            .tableHeader: Style(bold: true, underline: false),
            .selection: Style(foreground: .black, background: .cyan),
            .marked: Style(foreground: .magenta, bold: true),
            .marker: Style(foreground: .magenta, bold: true),
            .statusGood: Style(foreground: .green),
            .statusWarning: Style(foreground: .yellow),
            .statusBad: Style(foreground: .red),
            .statusNeutral: Style(dim: true),
            .rowInfo: Style(foreground: .cyan, dim: true),
            .rowFailed: Style(foreground: .red),
            .bannerInfo: Style(foreground: .white, background: .blue),
            .bannerSuccess: Style(foreground: .black, background: .green),
            .bannerWarning: Style(foreground: .black, background: .yellow),
            .bannerError: Style(foreground: .white, background: .red, bold: true),
            .hintKey: Style(foreground: .cyan, bold: true),
            .hintLabel: .plain,
            .dialog: .plain,
            .dialogTitle: Style(foreground: .cyan, bold: true),
            .dialogBorder: Style(foreground: .cyan),
            .input: Style(underline: true),
            .inputFocused: Style(foreground: .black, background: .white),
            .fieldLabel: Style(bold: true),
            .fieldError: Style(foreground: .red),
            .dirty: Style(foreground: .yellow, bold: true),
            .conflictChanged: Style(foreground: .yellow, bold: true),
            .conflictBoth: Style(foreground: .red, bold: true),
            .jsonKey: Style(foreground: .blue, bold: true),
            .jsonString: Style(foreground: .green),
            .jsonNumber: Style(foreground: .magenta),
            .jsonBool: Style(foreground: .yellow),
            .jsonNull: Style(foreground: .red, dim: true),
            .jsonPunctuation: Style(dim: true),
            .searchMatch: Style(foreground: .yellow, bold: true, underline: true),
        ])

    public static let monochrome = Theme(
        name: "monochrome", usesColor: false,
        styles: [
            .normal: .plain,
            .dim: Style(dim: true),
            .header: Style(reverse: true),
            .headerAccent: Style(bold: true, reverse: true),
            .spinner: Style(bold: true, reverse: true),
            .breadcrumb: .plain,
            .breadcrumbCurrent: Style(bold: true),
            .filter: Style(bold: true, underline: true),
            .border: .plain,
            .tableHeader: Style(bold: true, underline: true),
            .selection: Style(reverse: true),
            .marked: Style(bold: true),
            .marker: Style(bold: true),
            .statusGood: .plain,
            .statusWarning: Style(bold: true),
            .statusBad: Style(bold: true, underline: true),
            .statusNeutral: Style(dim: true),
            .rowInfo: Style(dim: true),
            .rowFailed: Style(bold: true),
            .bannerInfo: Style(reverse: true),
            .bannerSuccess: Style(reverse: true),
            .bannerWarning: Style(bold: true, reverse: true),
            .bannerError: Style(bold: true, reverse: true, underline: true),
            .hintKey: Style(bold: true),
            .hintLabel: .plain,
            .dialog: .plain,
            .dialogTitle: Style(bold: true),
            .dialogBorder: .plain,
            .input: Style(underline: true),
            .inputFocused: Style(reverse: true),
            .fieldLabel: Style(bold: true),
            .fieldError: Style(bold: true, underline: true),
            .dirty: Style(bold: true),
            .conflictChanged: Style(bold: true),
            .conflictBoth: Style(bold: true, underline: true),
            .jsonKey: Style(bold: true),
            .jsonString: .plain,
            .jsonNumber: .plain,
            .jsonBool: .plain,
            .jsonNull: Style(dim: true),
            .jsonPunctuation: Style(dim: true),
            .searchMatch: Style(bold: true, underline: true),
        ])
}
