/// Why the terminal could not be opened. Short descriptions, safe to log and to print.
public struct TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case notATerminal
        case initializationFailed(String)
        case noCursorAddressing(term: String)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// stdin or stdout is not a terminal (piped or redirected).
    public static let notATerminal = TerminalError(.notATerminal)

    /// ncurses could not set up the terminal (unknown TERM, for example).
    public static func initializationFailed(_ reason: String) -> TerminalError { TerminalError(.initializationFailed(reason)) }

    /// The terminal cannot place the cursor (TERM=dumb and the like): a full-screen console cannot run on it.
    public static func noCursorAddressing(term: String) -> TerminalError { TerminalError(.noCursorAddressing(term: term)) }

    public var description: String {
        switch code {
        case .notATerminal: "stdin and stdout must be a terminal (the console is interactive)"
        case .initializationFailed(let reason): "cannot open the terminal: \(reason)"
        case .noCursorAddressing(let term):
            "the terminal TERM=\(term) cannot move the cursor, and authpi-console is a full-screen program; "
                + "run it in a terminal such as TERM=xterm-256color (or tmux, screen)"
        }
    }
}
