/// Why the terminal could not be opened. Short descriptions, safe to log and to print.
public struct TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case notATerminal
        case initializationFailed(String)
    }

    private let code: Code

    private init(_ code: Code) { self.code = code }

    /// stdin or stdout is not a terminal (piped or redirected).
    public static let notATerminal = TerminalError(.notATerminal)

    /// ncurses could not set up the terminal (unknown TERM, for example).
    public static func initializationFailed(_ reason: String) -> TerminalError { TerminalError(.initializationFailed(reason)) }

    public var description: String {
        switch code {
        case .notATerminal: "stdin and stdout must be a terminal (the console is interactive)"
        case .initializationFailed(let reason): "cannot open the terminal: \(reason)"
        }
    }
}
