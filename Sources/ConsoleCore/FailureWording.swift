public import AuthPIAdmin

/// How the console speaks of a failure of each kind (a client error code): its name in the Errors pane, its
/// banner's title and detail, and whether `r` can help. A code without its own wording reads as unexpected, so
/// a code the client core adds later needs no change here to be shown.
struct FailureWording: Sendable {
    /// The Errors pane's TYPE: words, not the internal name.
    var label: String
    /// The title before "while …"; the status goes first when there is one and `showsStatus`.
    var title: @Sendable (ConsoleFailure) -> String
    var showsStatus = true
    var severity: Banner.Severity = .error
    /// Whether asking again may work (a 5xx, the network, a rate limit): the banner then offers `r`.
    var offersRetry = false
    var detail: @Sendable (ConsoleFailure) -> String = { $0.message }

    init(
        _ label: String, title: String, showsStatus: Bool = true, severity: Banner.Severity = .error,
        offersRetry: Bool = false, detail: @escaping @Sendable (ConsoleFailure) -> String = { $0.message }
    ) {
        self.init(label, title: { _ in title }, showsStatus: showsStatus, severity: severity, offersRetry: offersRetry,
                  detail: detail)
    }

    init(
        _ label: String, title: @escaping @Sendable (ConsoleFailure) -> String, showsStatus: Bool = true,
        severity: Banner.Severity = .error, offersRetry: Bool = false,
        detail: @escaping @Sendable (ConsoleFailure) -> String = { $0.message }
    ) {
        self.label = label
        self.title = title
        self.showsStatus = showsStatus
        self.severity = severity
        self.offersRetry = offersRetry
        self.detail = detail
    }

    static let unexpected = FailureWording("unexpected", title: "Unexpected error", offersRetry: true)

    /// The wording of each kind the console names; the others read as `unexpected`.
    static let byKind: [AuthPIError.Code: FailureWording] = [
        .rateLimited: FailureWording("rate limited", title: "Rate limited", severity: .warning, offersRetry: true),
        .notFound: FailureWording("not found", title: "Not found") { "\($0.message) — it may have been deleted" },
        .authentication: FailureWording("authentication", title: "Authentication failed") { failure in
            // What was sent comes first: the server's message after it may be cut on a narrow line.
            let origin = failure.credentialSource.map { "sent the \($0): check it" } ?? "check the configured credential"
            return "\(origin) — \(failure.message)"
        },
        .forbidden: FailureWording("forbidden", title: "Forbidden") {
            "\($0.message) — the credential lacks the permission for this"
        },
        .validation: FailureWording("invalid input", title: "Invalid input", severity: .warning) { failure in
            failure.fields.isEmpty
                ? failure.message : failure.fields.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        },
        .conflict: FailureWording("conflict", title: "Conflict", severity: .warning),
        .preconditionFailed: FailureWording("changed meanwhile", title: "Precondition failed", severity: .warning) { _ in
            "it changed since you opened it"
        },
        .serverError: FailureWording("server error", title: "Server error", offersRetry: true) {
            "\($0.message) — \($0.wasRetried ? "retried, still failing" : "not retried")"
        },
        .transport: FailureWording(
            "network", title: { "Cannot reach \($0.host ?? "the server")" }, showsStatus: false, offersRetry: true),
        .configuration: FailureWording("configuration", title: "Configuration error", showsStatus: false),
        .malformedResponse: FailureWording("bad response", title: "Unreadable response", offersRetry: true),
        .closedClient: FailureWording("client closed", title: "Client closed", showsStatus: false),
    ]

    /// Codes the console names as another one.
    static let grouping: [AuthPIError.Code: AuthPIError.Code] = [
        .internalServerError: .serverError, .badGateway: .serverError, .serviceUnavailable: .serverError,
        .gatewayTimeout: .serverError, .invalidArgument: .validation, .responseTooLarge: .malformedResponse,
    ]
}

extension AuthPIError.Code {
    /// The kind the console names this code by: its group, else any other 5xx as a server error, else itself.
    public func grouped(statusCode: Int?) -> AuthPIError.Code {
        if let group = FailureWording.grouping[self] { return group }
        if FailureWording.byKind[self] == nil, let statusCode, (500...599).contains(statusCode) { return .serverError }
        return self
    }

    var wording: FailureWording { FailureWording.byKind[self] ?? .unexpected }
}
