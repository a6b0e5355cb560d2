/// A failed request as the store sees it: what kind of failure, and the server's words about it.
/// The data layer builds it from the client core's errors; secrets never go into it.
public struct ConsoleFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case rateLimited(retryAfterSeconds: Int?)
        case notFound
        /// `credentialSource` says where the credential came from ("AUTHPI_API_KEY", "profile demo", …).
        case authentication(credentialSource: String?)
        case forbidden
        case validation([FieldMessage])
        case conflict
        case preconditionFailed(currentETag: String?)
        /// `retried` says whether the client already retried the request.
        case server(retried: Bool)
        case transport(host: String)
        case configuration
        case malformedResponse
        case closedClient
        case unexpected
    }

    public var kind: Kind
    public var statusCode: Int?
    /// The API's error code (`invalid_request`, `not_found`, …) or a local one.
    public var code: String
    public var message: String
    public var reference: String?

    public init(kind: Kind, statusCode: Int? = nil, code: String, message: String, reference: String? = nil) {
        self.kind = kind
        self.statusCode = statusCode
        self.code = code
        self.message = message
        self.reference = reference
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
