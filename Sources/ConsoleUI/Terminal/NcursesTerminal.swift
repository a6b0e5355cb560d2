import CNcurses
import Foundation

/// The real terminal, through ncursesw. The only file that calls ncurses.
/// Opening it switches the terminal to raw mode on the alternate screen; `restore()` (also run at exit, and by
/// ncurses on SIGINT / SIGTERM, and by a last-resort handler on SIGHUP and crashes) gives it back.
@MainActor
public final class NcursesTerminal: Terminal {
    public private(set) var size: TerminalSize
    public let supportsColor: Bool
    private var colorPairs: [ColorKey: Int16] = [:]
    private var isOpen = true
    private var cursorVisible = false
    private var inputWatcher: InputWatcher?
    /// Whether the terminal reports clicks and the wheel (SGR 1006 mode, no motion).
    public let reportsMouse: Bool
    /// Turns on button reporting (1000: presses, releases, wheel; no motion) in SGR encoding (1006).
    private static let mouseOn = "\u{1B}[?1000h\u{1B}[?1006h"
    private static let mouseOff = "\u{1B}[?1006l\u{1B}[?1000l"
    /// The part of an SGR report read so far, when the rest had not arrived yet (a report split across reads).
    private var pendingMouseReport: String?

    private struct ColorKey: Hashable {
        var foreground: TerminalColor
        var background: TerminalColor
    }

    /// Opens the terminal. Throws (without touching the screen) when stdin or stdout is not a TTY.
    public init(environment: [String: String], mouse: Bool = true) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        // Wide characters need a UTF-8 locale; fall back to C.UTF-8 when the environment's is not UTF-8.
        setlocale(LC_ALL, "")
        let ctype = setlocale(LC_CTYPE, nil).map { String(cString: $0).lowercased() } ?? ""
        if !ctype.contains("utf-8"), !ctype.contains("utf8") { setlocale(LC_CTYPE, "C.UTF-8") }
        if environment["TERM"] == nil || environment["TERM"] == "" { setenv("TERM", "xterm-256color", 0) }
        // Before anything is written: a terminal that cannot move the cursor would get a blank screen and
        // garbage instead of the console.
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        switch cn_term_can_address_cursor() {
        case 1: break
        case 0: throw .noCursorAddressing(term: term)
        default: throw .initializationFailed("ncurses does not know TERM=\(term)")
        }
        cn_install_restore_handlers()
        guard cn_newterm() != nil else {
            cn_remove_restore_handlers()
            throw .initializationFailed("ncurses does not know TERM=\(environment["TERM"] ?? "")")
        }
        raw()
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        nodelay(cn_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        var hasColor = false
        if has_colors() {
            start_color()
            use_default_colors()
            hasColor = cn_colors() >= 8 && cn_color_pairs() > 16
        }
        supportsColor = hasColor
        size = TerminalSize(columns: Int(cn_cols()), rows: Int(cn_lines()))
        // The mouse through the console's own SGR parsing, not ncurses' mousemask: ncurses picks the report
        // format from terminfo, and tmux's entry names only the X10 form (which cannot say where past column 223).
        reportsMouse = mouse && cn_define_sgr_mouse_key() == OK
        if reportsMouse {
            refresh()
            Self.mouseOn.withCString { cn_write_raw($0, strlen($0)) }
        }
        // Error paths that end the process with exit() still leave a usable shell.
        atexit { if isendwin() == false { endwin() } }
    }

    public func apply(_ diff: FrameDiff) {
        guard isOpen else { return }
        if diff.isFullRepaint {
            // Forget what ncurses believes is on screen (after a resize it may hold cells of the old size).
            erase()
            clearok(cn_stdscr(), true)
        }
        for run in diff.runs {
            var x = run.x
            for cell in run.cells {
                defer { x += 1 }
                if cell.isContinuation { continue }
                draw(cell, x: x, y: run.y)
            }
        }
        if let cursor = diff.cursor {
            move(Int32(cursor.y), Int32(cursor.x))
            if !cursorVisible { curs_set(1) }
            cursorVisible = true
        } else if cursorVisible {
            curs_set(0)
            cursorVisible = false
        }
        refresh()
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        var scalars = cell.text.unicodeScalars.prefix(Int(CCHARW_MAX) - 1).map { wchar_t(bitPattern: $0.value) }
        scalars.append(0)
        let pair = pairNumber(for: cell.style)
        _ = scalars.withUnsafeBufferPointer { chars in
            cn_put_cluster(Int32(y), Int32(x), chars.baseAddress, attributes(for: cell.style), pair)
        }
    }

    private func attributes(for style: Style) -> attr_t {
        var attrs = cn_attr_normal()
        if style.bold { attrs |= cn_attr_bold() }
        if style.reverse { attrs |= cn_attr_reverse() }
        if style.underline { attrs |= cn_attr_underline() }
        if style.dim { attrs |= cn_attr_dim() }
        return attrs
    }

    /// Color pairs are created on first use; pair 0 is the terminal's default colors.
    private func pairNumber(for style: Style) -> Int16 {
        guard supportsColor, style.foreground != .default || style.background != .default else { return 0 }
        let key = ColorKey(foreground: style.foreground, background: style.background)
        if let pair = colorPairs[key] { return pair }
        let number = Int16(colorPairs.count + 1)
        guard Int32(number) < cn_color_pairs() else { return 0 }
        init_pair(number, cursesColor(style.foreground), cursesColor(style.background))
        colorPairs[key] = number
        return number
    }

    private func cursesColor(_ color: TerminalColor) -> Int16 {
        switch color {
        case .default: -1
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        }
    }

    public func readKey() -> KeyEvent? {
        guard isOpen else { return nil }
        // nil must mean "nothing waiting" (the loop then sleeps until stdin is readable again): a key the
        // console does not use (F1, an invalid scalar) is skipped, not taken for the end of the input. Bounded.
        if pendingMouseReport != nil, let event = readSGRMouse() { return .mouse(event) }
        if pendingMouseReport != nil { return nil }
        for _ in 0..<64 {
            var character: wint_t = 0
            let result = cn_get_wch(&character)
            if result == cn_err() { return nil }
            if result == cn_key_code_yes() {
                if Int32(character) == cn_key_sgr_mouse() {
                    pendingMouseReport = ""
                    if let event = readSGRMouse() { return .mouse(event) }
                    if pendingMouseReport != nil { return nil }  // the rest comes with the next read
                    continue
                }
                if let key = specialKey(Int32(character)) { return key }
                continue
            }
            if let scalar = Unicode.Scalar(UInt32(character)) { return KeyEvent.fromCharacter(scalar) }
        }
        return nil
    }

    /// The rest of an SGR mouse report after `ESC [ <`: digits and semicolons up to `M` or `m`. What has arrived
    /// so far is kept in `pendingMouseReport` when the rest has not (the digits must not be taken for keys); a
    /// report longer than any real one, or a character that cannot be in one, drops it.
    private func readSGRMouse() -> MouseEvent? {
        var body = pendingMouseReport ?? ""
        for _ in 0..<24 {
            var character: wint_t = 0
            guard cn_get_wch(&character) != cn_err() else {
                pendingMouseReport = body
                return nil
            }
            guard let scalar = Unicode.Scalar(UInt32(character)), body.count < 24,
                  scalar == ";" || scalar == "M" || scalar == "m" || ("0"..."9").contains(scalar) else { break }
            body.unicodeScalars.append(scalar)
            if scalar == "M" || scalar == "m" {
                pendingMouseReport = nil
                return MouseEvent.sgr(body)
            }
        }
        pendingMouseReport = nil
        return nil
    }

    public func watchInput(_ wake: @escaping @Sendable () -> Void) {
        guard inputWatcher == nil else { return }
        inputWatcher = InputWatcher(input: STDIN_FILENO, resize: cn_watch_resize(), wake: wake)
    }

    public func inputDrained() { inputWatcher?.drained() }

    public func stopWatchingInput() {
        inputWatcher?.stop()
        inputWatcher = nil
    }

    private func specialKey(_ code: Int32) -> KeyEvent? {
        switch code {
        case cn_key_resize():
            size = TerminalSize(columns: Int(cn_cols()), rows: Int(cn_lines()))
            return .resize
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        default: return nil
        }
    }

    public func bell() {
        guard isOpen else { return }
        beep()
    }

    public func copyToClipboard(_ text: String) {
        guard isOpen else { return }
        let sequence = Clipboard.osc52(text)
        refresh()
        sequence.withCString { cn_write_raw($0, strlen($0)) }
    }

    public func suspendToShell() {
        guard isOpen else { return }
        // The shell must not receive mouse reports while the console is stopped; on `fg` they are asked for again.
        if reportsMouse { Self.mouseOff.withCString { cn_write_raw($0, strlen($0)) } }
        cn_suspend_to_shell()
        if reportsMouse { Self.mouseOn.withCString { cn_write_raw($0, strlen($0)) } }
        // Back from `fg`: the terminal may have another size; the caller draws the whole screen again.
        size = TerminalSize(columns: Int(cn_cols()), rows: Int(cn_lines()))
        curs_set(cursorVisible ? 1 : 0)
    }

    public func restore() {
        stopWatchingInput()
        guard isOpen else { return }
        isOpen = false
        if reportsMouse { Self.mouseOff.withCString { cn_write_raw($0, strlen($0)) } }
        curs_set(1)
        endwin()
        cn_remove_restore_handlers()
    }
}
