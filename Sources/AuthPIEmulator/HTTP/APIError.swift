import Synchronization

/// An error answer of the emulated API: always rendered as the AuthPI JSON error body.
struct APIError: Error, Sendable {
    struct FieldError: Sendable {
        let field: String
        let code: String
        let message: String
    }

    var status: Int
    var code: String
    var message: String
    var fields: [FieldError] = []
    var currentETag: String?
    var retryAfter: Int?
    var headers: [(String, String)] = []

    /// The JSON error body; `reference` names this request (also in the request log).
    func json(reference: String) -> JSON {
        var body: [String: JSON] = [
            "error": .string(code),
            "error_description": .string(message),
            "retryable": .bool([408, 429, 502, 503, 504].contains(status)),
            "reference": .string(reference),
        ]
        if !fields.isEmpty {
            body["fields"] = .array(fields.map { ["field": .string($0.field), "code": .string($0.code), "message": .string($0.message)] })
        }
        if let currentETag { body["current_etag"] = .string(currentETag) }
        if let retryAfter { body["retry_after"] = .int(retryAfter) }
        return .object(body)
    }

    static func unsupportedMediaType(_ contentType: String) -> APIError {
        APIError(status: 415, code: "unsupported_media_type", message: "The request body must be application/json, not \(contentType.prefix(100))")
    }
    static func invalidPath(_ message: String) -> APIError {
        APIError(status: 400, code: "invalid_path", message: message)
    }

    static func notFound(_ what: String) -> APIError {
        APIError(status: 404, code: "not_found", message: "\(what) not found")
    }
    static func routeNotFound(_ path: String) -> APIError {
        APIError(status: 404, code: "not_found", message: "No route for \(path)")
    }
    static func methodNotAllowed(_ allowed: [String]) -> APIError {
        APIError(
            status: 405, code: "method_not_allowed", message: "Method not allowed; allowed: \(allowed.joined(separator: ", "))",
            headers: [("Allow", allowed.joined(separator: ", "))]
        )
    }
    static func validation(_ fields: [FieldError], message: String = "The request body is invalid") -> APIError {
        APIError(status: 422, code: "validation_error", message: message, fields: fields)
    }
    static func invalidField(_ field: String, _ code: String, _ message: String) -> APIError {
        validation([FieldError(field: field, code: code, message: message)])
    }
    static func badRequest(_ message: String, field: String? = nil) -> APIError {
        APIError(
            status: 400, code: "invalid_request", message: message,
            fields: field.map { [FieldError(field: $0, code: "invalid", message: message)] } ?? []
        )
    }
    static func conflict(_ message: String, code: String = "conflict") -> APIError {
        APIError(status: 409, code: code, message: message)
    }
    static func preconditionFailed(current: String) -> APIError {
        APIError(status: 412, code: "precondition_failed", message: "If-Match does not match the current ETag", currentETag: current)
    }
    static func unauthorized(_ message: String, code: String = "unauthorized") -> APIError {
        APIError(status: 401, code: code, message: message, headers: [("WWW-Authenticate", "Basic realm=\"authpi\", Bearer")])
    }
    /// `Authorization: Bearer key_…`, the seed SDK's form, which the real API never accepted.
    static let apiKeyAsBearer = unauthorized(
        "API keys are sent as HTTP Basic key_id:secret (Authorization: Basic base64(\"key_id:secret\")); Bearer is only for access tokens",
        code: "invalid_credentials"
    )
    /// `/v1/accounts/me/…`: the real API has no such alias.
    static let noMeAlias = APIError(
        status: 404, code: "not_found",
        message: "There is no 'me' account alias: put the account id in the path; GET /v1/me lists the accounts this credential can act on"
    )
    static func forbidden(_ message: String) -> APIError {
        APIError(status: 403, code: "forbidden", message: message)
    }
    static func tooLarge(limit: Int) -> APIError {
        APIError(status: 413, code: "payload_too_large", message: "Request body exceeds \(limit) bytes")
    }
}

/// A fresh reference per request, `req_` and 16 digits: errors carry it so a user can find the request
/// in the request log. Digits only, so masked snapshots of screens that show it stay stable.
/// A counter scrambled from a random start: unique and unguessable enough for a reference, without a system call
/// for random bytes on every request.
enum RequestReference {
    private static let start: UInt64 = {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }()
    private static let counter = Atomic<UInt64>(0)

    static func make() -> String {
        let count = counter.wrappingAdd(1, ordering: .relaxed).newValue
        let value = Deterministic.mix(start &+ count) % 10_000_000_000_000_000
        let digits = String(value)
        return "req_" + String(repeating: "0", count: 16 - digits.count) + digits
    }
}
