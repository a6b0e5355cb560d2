import Foundation

extension AuthPIError {
    static let maxRawBodyBytes = 4096

    /// Maps a non-2xx response to its error, following the reference's error table.
    static func fromResponse(
        status: Int, body: [UInt8], retryAfterHeader: String?, operation: String? = nil, host: String? = nil
    ) -> AuthPIError {
        var object: JSONObject = [:]
        var rawBody: String?
        if let value = try? JSONCoding.decode(JSONValue.self, from: Data(body)), case .object(let parsed) = value {
            object = parsed
        } else if !body.isEmpty {
            var text = String(decoding: body.prefix(maxRawBodyBytes), as: UTF8.self)
            // A cut multi-byte character decodes to U+FFFD, which may push the text past the limit.
            while text.utf8.count > maxRawBodyBytes { text.removeLast() }
            rawBody = text
        }

        let code = code(forStatus: status)
        let errorCode = object["error"]?.stringValue ?? "unknown"
        let description = object["error_description"]?.stringValue ?? statusText(status)
        let retryable = object["retryable"]?.boolValue ?? [408, 429, 502, 503, 504].contains(status)

        var fields: [FieldError] = []
        if code == .validation, let list = object["fields"]?.arrayValue {
            fields = list.compactMap { item in
                guard let field = item["field"]?.stringValue else { return nil }
                return FieldError(
                    field: field, code: item["code"]?.stringValue ?? "invalid",
                    message: item["message"]?.stringValue ?? "")
            }
        }
        let currentETag = code == .preconditionFailed ? object["current_etag"]?.stringValue : nil
        var retryAfter: Int?
        if code == .rateLimited {
            retryAfter = object["retry_after"]?.intValue ?? retryAfterHeader.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }

        return AuthPIError(
            code: code, statusCode: status, errorCode: errorCode, errorDescription: description,
            retryable: retryable, reference: object["reference"]?.stringValue, rawBody: rawBody, fields: fields,
            currentETag: currentETag, retryAfter: retryAfter, host: host, operation: operation)
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
