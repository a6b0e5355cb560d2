public import AuthPIAdmin

/// A failed request as the store sees it: what kind of failure, and the server's words about it.
/// The data layer builds it from the client core's errors; secrets never go into it.
public struct ConsoleFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure: the client core's error code, as the console groups it (`Kind.grouping`: every 5xx
    /// is `.serverError`, …). The console adds no kinds of its own: an error the client did not raise is
    /// `.unexpected`.
    public typealias Kind = AuthPIError.Code

    public var kind: Kind
    public var statusCode: Int?
    /// The API's error code (`invalid_request`, `not_found`, …) or a local one.
    public var code: String
    public var message: String
    public var reference: String?
    /// The server's messages per field (validation).
    public var fields: [FieldMessage]
    /// Whole seconds the server asks to wait (rate limited).
    public var retryAfterSeconds: Int?
    /// Where the credential came from ("AUTHPI_API_KEY", "profile demo", …), for authentication failures.
    public var credentialSource: String?
    /// The resource's current ETag (precondition failed).
    public var currentETag: String?
    /// Whether the client already retried the request (server errors).
    public var wasRetried: Bool
    /// The host that could not be reached (transport).
    public var host: String?

    public init(
        kind: Kind, statusCode: Int? = nil, code: String, message: String, reference: String? = nil,
        fields: [FieldMessage] = [], retryAfterSeconds: Int? = nil, credentialSource: String? = nil,
        currentETag: String? = nil, wasRetried: Bool = false, host: String? = nil
    ) {
        self.kind = kind.grouped(statusCode: statusCode)
        self.statusCode = statusCode
        self.code = code
        self.message = message
        self.reference = reference
        self.fields = fields
        self.retryAfterSeconds = retryAfterSeconds
        self.credentialSource = credentialSource
        self.currentETag = currentETag
        self.wasRetried = wasRetried
        self.host = host
    }

    public var description: String {
        var text = code
        if let statusCode { text = "\(statusCode) \(text)" }
        return "\(text): \(message)"
    }

    /// Any error, as a failure the store can show.
    public static func from(_ error: any Error) -> ConsoleFailure {
        if let failure = error as? ConsoleFailure { return failure }
        return ConsoleFailure(kind: .unexpected, code: "unexpected", message: String(describing: type(of: error)))
    }
}

/// A server message about one field of a request.
public struct FieldMessage: Sendable, Hashable {
    public var field: String
    public var code: String?
    public var message: String

    public init(field: String, code: String? = nil, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}
