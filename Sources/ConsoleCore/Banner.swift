public import Foundation
import AuthPIAdmin

/// A message line for the user: typed, with a severity, a short title, a detail and the server's reference.
public struct Banner: Sendable, Hashable, Identifiable {
    public enum Severity: String, Sendable, Hashable { case info, success, warning, error }

    /// What the banner is about; the Errors pane's TYPE column.
    public enum Kind: String, Sendable, Hashable {
        case info, success, readOnly
        case rateLimited, notFound, authentication, forbidden, validation, conflict, preconditionFailed
        case server, transport, configuration, malformedResponse, closedClient, unexpected
        case partialFailure
    }

    public var id: Int
    public var severity: Severity
    public var kind: Kind
    public var title: String
    public var detail: String
    public var reference: String?
    public var statusCode: Int?
    public var time: Date
    /// For rate limits: when the server allows the next request. The view shows a live countdown.
    public var retryAt: Date?
    /// For rate-limited reads: the store asks again by itself when `retryAt` passes (writes never are).
    public var retriesAutomatically = false
    /// For failed requests: what was being done ("saving alice@acme.test"), the API's error code, its message,
    /// and its messages per field — so the Errors pane can show the whole error, not only the banner line.
    public var request: String?
    public var code: String?
    public var message: String?
    public var fields: [FieldMessage] = []

    public init(
        id: Int = 0, severity: Severity, kind: Kind, title: String, detail: String = "", reference: String? = nil,
        statusCode: Int? = nil, time: Date = Date(), retryAt: Date? = nil
    ) {
        self.id = id
        self.severity = severity
        self.kind = kind
        self.title = title
        self.detail = detail
        self.reference = reference
        self.statusCode = statusCode
        self.time = time
        self.retryAt = retryAt
    }

    /// The type as the Errors pane shows it: words, not the internal name.
    public var kindLabel: String {
        switch kind {
        case .info: "info"
        case .success: "success"
        case .readOnly: "read-only"
        case .rateLimited: "rate limited"
        case .notFound: "not found"
        case .authentication: "authentication"
        case .forbidden: "forbidden"
        case .validation: "invalid input"
        case .conflict: "conflict"
        case .preconditionFailed: "changed meanwhile"
        case .server: "server error"
        case .transport: "network"
        case .configuration: "configuration"
        case .malformedResponse: "bad response"
        case .closedClient: "client closed"
        case .unexpected: "unexpected"
        case .partialFailure: "partly failed"
        }
    }

    /// Everything known about the banner's error, as the JSON `d` shows on the Errors pane.
    public var describedJSON: String {
        var json: JSONObject = [
            "type": .string(kindLabel), "severity": .string(severity.rawValue), "title": .string(title),
            "time": .string(time.formatted(.iso8601)),
        ]
        if !detail.isEmpty { json["detail"] = .string(detail) }
        if let statusCode { json["status"] = .int(Int64(statusCode)) }
        if let code { json["code"] = .string(code) }
        if let message { json["message"] = .string(message) }
        if let request { json["request"] = .string(request) }
        if let reference { json["reference"] = .string(reference) }
        if !fields.isEmpty {
            json["fields"] = .array(fields.map { field in
                var object: JSONObject = ["field": .string(field.field), "message": .string(field.message)]
                if let code = field.code { object["code"] = .string(code) }
                return .object(object)
            })
        }
        return RowMapping.prettyJSON(json)
    }

    /// Whole seconds left before a rate-limited request may be retried (nil when not rate limited).
    public func secondsUntilRetry(now: Date) -> Int? {
        guard let retryAt else { return nil }
        return max(0, Int((retryAt.timeIntervalSince(now)).rounded(.up)))
    }

    /// The live countdown of a rate limit: "retry in 3s (automatic)" for reads the store retries itself.
    public func countdownText(now: Date) -> String? {
        guard let seconds = secondsUntilRetry(now: now) else { return nil }
        if retriesAutomatically { return seconds > 0 ? "retry in \(seconds)s (automatic)" : "retrying now" }
        return seconds > 0 ? "retry in \(seconds)s" : "you can retry now"
    }

    /// The one-line text: title, detail, live countdown, reference.
    public func text(now: Date) -> String {
        var parts = [title]
        if !detail.isEmpty { parts.append(detail) }
        if let countdown = countdownText(now: now) { parts.append(countdown) }
        if let reference { parts.append("ref \(reference)") }
        return parts.joined(separator: " — ")
    }

    /// The banner for a failed request. `subject` says what was being done ("loading Users", "saving alice").
    public static func failure(_ failure: ConsoleFailure, subject: String, now: Date = Date()) -> Banner {
        let status = failure.statusCode.map { "\($0) " } ?? ""
        var banner = Banner(
            severity: .error, kind: .unexpected, title: "", detail: failure.message, reference: failure.reference,
            statusCode: failure.statusCode, time: now)
        banner.request = subject
        banner.code = failure.code
        banner.message = failure.message
        if case .validation(let fields) = failure.kind { banner.fields = fields }
        switch failure.kind {
        case .rateLimited(let seconds):
            banner.kind = .rateLimited
            banner.severity = .warning
            banner.title = "\(status)Rate limited while \(subject)"
            banner.retryAt = now.addingTimeInterval(TimeInterval(seconds ?? 1))
        case .notFound:
            banner.kind = .notFound
            banner.title = "\(status)Not found while \(subject)"
            banner.detail = "\(failure.message) — it may have been deleted"
        case .authentication(let source):
            banner.kind = .authentication
            banner.title = "\(status)Authentication failed while \(subject)"
            // What was sent comes first: the server's message after it may be cut on a narrow line.
            let origin = source.map { "sent the \($0): check it" } ?? "check the configured credential"
            banner.detail = "\(origin) — \(failure.message)"
        case .forbidden:
            banner.kind = .forbidden
            banner.title = "\(status)Forbidden while \(subject)"
            banner.detail = "\(failure.message) — the credential lacks the permission for this"
        case .validation(let fields):
            banner.kind = .validation
            banner.severity = .warning
            banner.title = "\(status)Invalid input while \(subject)"
            if !fields.isEmpty {
                banner.detail = fields.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
            }
        case .conflict:
            banner.kind = .conflict
            banner.severity = .warning
            banner.title = "\(status)Conflict while \(subject)"
        case .preconditionFailed:
            banner.kind = .preconditionFailed
            banner.severity = .warning
            banner.title = "\(status)Precondition failed while \(subject)"
            banner.detail = "it changed since you opened it"
        case .server(let retried):
            banner.kind = .server
            banner.title = "\(status)Server error while \(subject)"
            banner.detail = "\(failure.message) — \(retried ? "retried, still failing" : "not retried")"
        case .transport(let host):
            banner.kind = .transport
            banner.title = "Cannot reach \(host) while \(subject)"
        case .configuration:
            banner.kind = .configuration
            banner.title = "Configuration error while \(subject)"
        case .malformedResponse:
            banner.kind = .malformedResponse
            banner.title = "\(status)Unreadable response while \(subject)"
        case .closedClient:
            banner.kind = .closedClient
            banner.title = "Client closed while \(subject)"
        case .unexpected:
            banner.kind = .unexpected
            banner.title = "\(status)Unexpected error while \(subject)"
        }
        return banner
    }
}
