/// What a row action did, row by row.
public struct ActionReport: Sendable, Hashable {
    public var action: RowActionKind
    public var succeeded: [String]
    /// Rows that failed, with the reason.
    public var failed: [String: ConsoleFailure]
}

/// One target of an action: the row as shown (nil when not on screen; after a 412 dialog, the version the
/// dialog showed).
struct ActionTarget: Sendable, Equatable {
    var id: String
    var shown: ConsoleRow?
}

/// How one target of an action ended. A struct, not a tuple: Swift 6.3.1 with -O miscompiles a task group whose
/// child result is a tuple holding a `Result` built from an awaited existential call (the group yields nothing,
/// or the copy reads freed memory: the release build crashed on every confirmed action). The reduction is in
/// docs/reliability/console.md; every task group of the console returns a struct for this reason.
struct ActionOutcome: Sendable {
    enum Result: Sendable {
        case done(ConsoleRow?)
        case failed(ConsoleFailure)
        /// Not acted on: it changed since it was shown (412, or a listed row that reads differently now).
        case changed(current: ConsoleRow?, changes: [RowChange])
    }

    var id: String
    var result: Result
    /// A rotation's one-time secret, when the action returned one.
    var revealed: FormResult?
}

extension ConsoleModel {
    /// A banner about the form (a 412, invalid fields) means nothing once the form is gone.
    mutating func dropFormBanner() {
        guard let kind = state.banner?.kind else { return }
        if kind == .preconditionFailed || kind == .validation { state.banner = nil }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
