import Foundation

extension AuthPIError {
    static let maxRawBodyBytes = 4096

    /// Maps a non-2xx response to its error, following the reference's error table.
    static func fromResponse(
        status: Int, body: [UInt8], retryAfterHeader: String?, operation: String? = nil, host: String? = nil
    ) -> AuthPIError {
        var object: JSONObject = [:]
        var rawBody: String?
        if let value = try? JSONParser.parse(body), case .object(let parsed) = value {
            object = parsed
        } else if !body.isEmpty {
            var text = String(decoding: body.prefix(maxRawBodyBytes), as: UTF8.self)
            // A cut multi-byte character decodes to U+FFFD, which may push the text past the limit.
            while text.utf8.count > maxRawBodyBytes { text.removeLast() }
            rawBody = text
        }

        let code = code(forStatus: status)
        // An empty string says no more than a missing one: the same fallbacks, so an error always names its code.
        let errorCode = object["error"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown"
        let description = object["error_description"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? statusText(status)
        let retryable = object["retryable"]?.boolValue ?? [408, 429, 502, 503, 504].contains(status)

        var fields: [FieldError] = []
        if code == .validation, let list = object["fields"]?.arrayValue {
            fields = list.map(FieldError.init(item:))
        }
        let currentETag = code == .preconditionFailed ? object["current_etag"]?.stringValue : nil
        var retryAfter: Double?
        if code == .rateLimited || code == .serviceUnavailable {
            // Kept as sent (`1.5` stays 1.5); the header may also be an HTTP date.
            retryAfter = object["retry_after"]?.doubleValue.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
                ?? RetryAfter.parse(retryAfterHeader).map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
        }

        return AuthPIError(
            code: code, statusCode: status, errorCode: errorCode, errorDescription: description,
            retryable: retryable, reference: object["reference"]?.stringValue, rawBody: rawBody, fields: fields,
            currentETag: currentETag, retryAfterSeconds: retryAfter, host: host, operation: operation)
    }

    static func code(forStatus status: Int) -> Code {
        switch status {
        case 400, 422: .validation
        case 401: .authentication
        case 403: .forbidden
        case 404: .notFound
        case 408: .requestTimeout
        case 409: .conflict
        case 412: .preconditionFailed
        case 429: .rateLimited
        case 500: .internalServerError
        case 502: .badGateway
        case 503: .serviceUnavailable
        case 504: .gatewayTimeout
        case 500...599: .serverError
        default: .unexpected
        }
    }

    static func statusText(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 412: "Precondition Failed"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Unknown Error"
        }
    }
}
