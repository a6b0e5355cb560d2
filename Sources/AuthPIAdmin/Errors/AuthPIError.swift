/// Every error the SDK throws (besides `CancellationError` when the calling task is cancelled).
///
/// Catch it as a whole, or one kind at a time:
///
/// ```
/// do { ... }
/// catch AuthPIError.notFound { ... }                                            // a kind, no binding
/// catch let error as AuthPIError where error.code == .validation { error.fields }  // a kind, with its fields
/// catch let error as AuthPIError where error.isServerError { ... }              // any 5xx
/// catch let error as AuthPIError { ... }                                        // everything else
/// ```
///
/// ``description`` is short and safe to log: it never contains a credential.
public struct AuthPIError: Error, Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The kind of error. Compare with `==` or match with the static members of ``AuthPIError``.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Base: String, Sendable, CaseIterable {
            case api, validation, authentication, forbidden, notFound, conflict, preconditionFailed
            case rateLimited, requestTimeout, internalServerError, badGateway, serviceUnavailable
            case gatewayTimeout, serverError, unexpected
            case closedClient, configuration, malformedResponse, invalidArgument, responseTooLarge, transport
        }

        let base: Base

        /// 400 or 422, with ``AuthPIError/fields``.
        public static let validation = Code(base: .validation)
        /// 401 (after a refresh, when one is configured).
        public static let authentication = Code(base: .authentication)
        /// Status 403 Forbidden: the credential may not do this.
        public static let forbidden = Code(base: .forbidden)
        /// Status 404 Not Found: no such resource or path.
        public static let notFound = Code(base: .notFound)
        /// Status 409 Conflict: the resource is in another state (or an idempotency key was reused).
        public static let conflict = Code(base: .conflict)
        /// 412, with ``AuthPIError/currentETag``.
        public static let preconditionFailed = Code(base: .preconditionFailed)
        /// 429, with ``AuthPIError/retryAfter``.
        public static let rateLimited = Code(base: .rateLimited)
        /// 408 (retryable API error).
        public static let requestTimeout = Code(base: .requestTimeout)
        /// Status 500 Internal Server Error.
        public static let internalServerError = Code(base: .internalServerError)
        /// Status 502 Bad Gateway (retryable).
        public static let badGateway = Code(base: .badGateway)
        /// Status 503 Service Unavailable (retryable), with ``AuthPIError/retryAfterSeconds`` when sent.
        public static let serviceUnavailable = Code(base: .serviceUnavailable)
        /// Status 504 Gateway Timeout (retryable).
        public static let gatewayTimeout = Code(base: .gatewayTimeout)
        /// Another 5xx status.
        public static let serverError = Code(base: .serverError)
        /// Any other non-2xx status.
        public static let unexpected = Code(base: .unexpected)
        /// A request on a closed client.
        public static let closedClient = Code(base: .closedClient)
        /// Invalid construction or an account that cannot be resolved.
        public static let configuration = Code(base: .configuration)
        /// A 2xx response whose body is not what the call expects.
        public static let malformedResponse = Code(base: .malformedResponse)
        /// A bad argument (an id that is not a safe path segment, a header with CR/LF), refused before any request.
        public static let invalidArgument = Code(base: .invalidArgument)
        /// A response body larger than ``Configuration/maxResponseBodyBytes``.
        public static let responseTooLarge = Code(base: .responseTooLarge)
        /// A network failure: see ``AuthPIError/transportFailure``, ``AuthPIError/host``, ``AuthPIError/operation``.
        public static let transport = Code(base: .transport)

        /// A description safe to log: it shows no credential or secret.
        public var description: String { base.rawValue }
    }

    /// What went wrong on the network.
    public enum TransportFailure: String, Sendable, Hashable {
        /// Nothing listens at the host and port.
        case connectionRefused
        /// The host name could not be resolved.
        case dnsFailure
        /// The TLS handshake failed (a certificate, a protocol); not retryable.
        case tls
        /// No connection within `connectTimeout`, or no answer within the request's timeout.
        case timeout
        /// The connection was closed or reset before the answer was complete.
        case connectionReset
        /// Any other network failure; see `underlying`.
        case other
    }

    /// The kind of error; `catch AuthPIError.notFound` matches on it.
    public let code: Code
    /// HTTP status, 0 when no response was received.
    public let statusCode: Int
    /// The API's error code (`error` in the body); `"unknown"` when absent.
    public let errorCode: String
    /// The API's description (`error_description`), else the status text, else the SDK's own message.
    public let errorDescription: String
    /// Whether retrying may succeed: the body's `retryable`, else true for 408, 429, 502, 503, 504 and transport errors other than TLS.
    public let retryable: Bool
    /// Support reference of the failed request, when the API sent one.
    public let reference: String?
    /// A non-JSON error body, at most 4 KiB.
    public let rawBody: String?
    /// Field errors of a validation error, in the order sent; each keeps its raw object (``FieldError/raw``).
    public let fields: [FieldError]
    /// The resource's current ETag, on a precondition failure.
    public let currentETag: String?
    /// Whole seconds to wait, on a rate-limit error (body `retry_after`, else the `Retry-After` header),
    /// rounded up so that waiting this long is never earlier than the server asked. See ``retryAfterSeconds``.
    public var retryAfter: Int? {
        retryAfterSeconds.map { $0 >= Double(Int.max) ? Int.max : Int($0.rounded(.up)) }
    }
    /// The server's wait exactly as sent (a body may say `1.5`), on a rate-limit or unavailable error.
    public let retryAfterSeconds: Double?
    /// The network failure, for ``Code/transport``.
    public let transportFailure: TransportFailure?
    /// Host the request went to, when a request was made.
    public let host: String?
    /// `METHOD /path` of the request, when a request was made.
    public let operation: String?
    /// The error that caused this one (for example a refresh closure's error), when any.
    public let underlying: (any Error)?

    init(
        code: Code, statusCode: Int = 0, errorCode: String, errorDescription: String,
        retryable: Bool = false, reference: String? = nil, rawBody: String? = nil, fields: [FieldError] = [],
        currentETag: String? = nil, retryAfterSeconds: Double? = nil, transportFailure: TransportFailure? = nil,
        host: String? = nil, operation: String? = nil, underlying: (any Error)? = nil
    ) {
        self.code = code
        self.statusCode = statusCode
        self.errorCode = errorCode
        self.errorDescription = errorDescription
        self.retryable = retryable
        self.reference = reference
        self.rawBody = rawBody
        self.fields = fields
        self.currentETag = currentETag
        self.retryAfterSeconds = retryAfterSeconds
        self.transportFailure = transportFailure
        self.host = host
        self.operation = operation
        self.underlying = underlying
    }

    /// A 5xx error (500, 502, 503, 504 or another 5xx).
    public var isServerError: Bool { (500...599).contains(statusCode) }

    /// A description safe to log: it shows no credential or secret.
    public var description: String {
        var text = "AuthPIError.\(code)"
        if statusCode != 0 { text += " (\(statusCode) \(errorCode))" }
        text += ": \(errorDescription)"
        if let operation { text += " [\(operation)\(host.map { " on \($0)" } ?? "")]" }
        if let reference { text += " reference=\(reference)" }
        return text
    }

    /// The same as `description`: safe to log.
    public var debugDescription: String {
        var text = description
        if !fields.isEmpty { text += " fields=\(fields.map { "\($0.field): \($0.code)" })" }
        if let currentETag { text += " currentETag=\(currentETag)" }
        if let retryAfterSeconds { text += " retryAfter=\(retryAfterSeconds)s" }
        if let underlying { text += " underlying=\(String(describing: underlying))" }
        return text
    }
}

// Static members so that `catch AuthPIError.notFound` matches by kind.
extension AuthPIError {
    /// Matches every error of kind ``Code/validation``: `catch AuthPIError.validation`.
    public static let validation = AuthPIError(kind: .validation)
    /// Matches every error of kind ``Code/authentication``: `catch AuthPIError.authentication`.
    public static let authentication = AuthPIError(kind: .authentication)
    /// Matches every error of kind ``Code/forbidden``: `catch AuthPIError.forbidden`.
    public static let forbidden = AuthPIError(kind: .forbidden)
    /// Matches every error of kind ``Code/notFound``: `catch AuthPIError.notFound`.
    public static let notFound = AuthPIError(kind: .notFound)
    /// Matches every error of kind ``Code/conflict``: `catch AuthPIError.conflict`.
    public static let conflict = AuthPIError(kind: .conflict)
    /// Matches every error of kind ``Code/preconditionFailed``: `catch AuthPIError.preconditionFailed`.
    public static let preconditionFailed = AuthPIError(kind: .preconditionFailed)
    /// Matches every error of kind ``Code/rateLimited``: `catch AuthPIError.rateLimited`.
    public static let rateLimited = AuthPIError(kind: .rateLimited)
    /// Matches every error of kind ``Code/requestTimeout``: `catch AuthPIError.requestTimeout`.
    public static let requestTimeout = AuthPIError(kind: .requestTimeout)
    /// Matches every error of kind ``Code/internalServerError``: `catch AuthPIError.internalServerError`.
    public static let internalServerError = AuthPIError(kind: .internalServerError)
    /// Matches every error of kind ``Code/badGateway``: `catch AuthPIError.badGateway`.
    public static let badGateway = AuthPIError(kind: .badGateway)
    /// Matches every error of kind ``Code/serviceUnavailable``: `catch AuthPIError.serviceUnavailable`.
    public static let serviceUnavailable = AuthPIError(kind: .serviceUnavailable)
    /// Matches every error of kind ``Code/gatewayTimeout``: `catch AuthPIError.gatewayTimeout`.
    public static let gatewayTimeout = AuthPIError(kind: .gatewayTimeout)
    /// Matches every error of kind ``Code/serverError``: `catch AuthPIError.serverError`.
    public static let serverError = AuthPIError(kind: .serverError)
    /// Matches every error of kind ``Code/unexpected``: `catch AuthPIError.unexpected`.
    public static let unexpected = AuthPIError(kind: .unexpected)
    /// Matches every error of kind ``Code/closedClient``: `catch AuthPIError.closedClient`.
    public static let closedClient = AuthPIError(kind: .closedClient)
    /// Matches every error of kind ``Code/configuration``: `catch AuthPIError.configuration`.
    public static let configuration = AuthPIError(kind: .configuration)
    /// Matches every error of kind ``Code/malformedResponse``: `catch AuthPIError.malformedResponse`.
    public static let malformedResponse = AuthPIError(kind: .malformedResponse)
    /// Matches every error of kind ``Code/invalidArgument``: `catch AuthPIError.invalidArgument`.
    public static let invalidArgument = AuthPIError(kind: .invalidArgument)
    /// Matches every error of kind ``Code/responseTooLarge``: `catch AuthPIError.responseTooLarge`.
    public static let responseTooLarge = AuthPIError(kind: .responseTooLarge)
    /// Matches every error of kind ``Code/transport``: `catch AuthPIError.transport`.
    public static let transport = AuthPIError(kind: .transport)

    private init(kind: Code) {
        self.init(code: kind, errorCode: kind.description, errorDescription: kind.description)
    }

    /// Two errors are equal when they are of the same kind (same ``code``), like the static members.
    public static func == (lhs: AuthPIError, rhs: AuthPIError) -> Bool { lhs.code == rhs.code }

    /// Matches an error by kind: `catch AuthPIError.notFound`, `case AuthPIError.conflict`.
    public static func ~= (pattern: AuthPIError, value: any Error) -> Bool {
        (value as? AuthPIError)?.code == pattern.code
    }
}

/// A field-level validation failure. ``field``, ``code`` and ``message`` are read from ``raw``, which keeps
/// the object exactly as the server sent it (other keys, non-string values).
public struct FieldError: Sendable, Hashable, Codable {
    /// The field that failed (`field` of the item), `""` when absent.
    public var field: String
    /// Why it failed (`code` of the item), `""` when absent.
    public var code: String
    /// The server's message for it (`message` of the item), `""` when absent.
    public var message: String
    /// The item as sent; a non-object item is kept under `"value"`.
    public var raw: JSONObject

    /// A field error; `raw` defaults to an object of the three strings.
    public init(field: String, code: String, message: String, raw: JSONObject? = nil) {
        self.field = field
        self.code = code
        self.message = message
        self.raw = raw ?? ["field": .string(field), "code": .string(code), "message": .string(message)]
    }

    /// Reads one item of an error body's `fields`, losing nothing: missing parts read as `""` / `"invalid"`.
    init(item: JSONValue) {
        guard case .object(let object) = item else {
            self.init(field: "", code: "invalid", message: item.stringValue ?? "", raw: ["value": item])
            return
        }
        self.init(
            field: object["field"]?.stringValue ?? "", code: object["code"]?.stringValue ?? "invalid",
            message: object["message"]?.stringValue ?? "", raw: object)
    }
}

// Errors the SDK raises itself.
extension AuthPIError {
    static func configuration(_ message: String) -> AuthPIError {
        AuthPIError(code: .configuration, errorCode: "configuration_error", errorDescription: message)
    }

    static func malformedResponse(_ message: String, operation: String? = nil) -> AuthPIError {
        AuthPIError(
            code: .malformedResponse, errorCode: "malformed_response", errorDescription: message, operation: operation)
    }

    static func invalidArgument(_ message: String) -> AuthPIError {
        AuthPIError(code: .invalidArgument, errorCode: "invalid_argument", errorDescription: message)
    }

    static var closedClientError: AuthPIError {
        AuthPIError(
            code: .closedClient, errorCode: "closed_client",
            errorDescription: "Cannot make requests after the client has been closed")
    }

    /// The same error, with the request it belongs to (kept when already set).
    func withOperation(_ operation: String, host: String) -> AuthPIError {
        AuthPIError(
            code: code, statusCode: statusCode, errorCode: errorCode, errorDescription: errorDescription,
            retryable: retryable, reference: reference, rawBody: rawBody, fields: fields, currentETag: currentETag,
            retryAfterSeconds: retryAfterSeconds, transportFailure: transportFailure, host: self.host ?? host,
            operation: self.operation ?? operation, underlying: underlying)
    }

    func withUnderlying(_ error: any Error) -> AuthPIError {
        AuthPIError(
            code: code, statusCode: statusCode, errorCode: errorCode, errorDescription: errorDescription,
            retryable: retryable, reference: reference, rawBody: rawBody, fields: fields, currentETag: currentETag,
            retryAfterSeconds: retryAfterSeconds, transportFailure: transportFailure, host: host, operation: operation,
            underlying: error)
    }

    /// The same error with the client's own credentials removed from what the server sent back (some
    /// servers and proxies echo the token or key they refused).
    func scrubbing(_ secrets: [String]) -> AuthPIError {
        let scrub = { (text: String) in Redaction.scrub(text, secrets) }
        return AuthPIError(
            code: code, statusCode: statusCode, errorCode: scrub(errorCode), errorDescription: scrub(errorDescription),
            retryable: retryable, reference: reference.map(scrub), rawBody: rawBody.map(scrub),
            fields: fields.map {
                FieldError(field: scrub($0.field), code: scrub($0.code), message: scrub($0.message), raw: Redaction.scrub($0.raw, secrets))
            },
            currentETag: currentETag, retryAfterSeconds: retryAfterSeconds, transportFailure: transportFailure, host: host,
            operation: operation, underlying: underlying)
    }
}

extension AuthPIError.Code: CaseIterable {
    /// Every code the SDK can throw, so that callers can check they handle each one.
    /// (`api` is a base no error carries: it has no public name.)
    public static var allCases: [AuthPIError.Code] {
        Base.allCases.filter { $0 != .api }.map { AuthPIError.Code(base: $0) }
    }
}
