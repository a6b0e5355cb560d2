public import Foundation
public import AuthPIAdmin

/// A message line for the user: typed, with a severity, a short title, a detail and the server's reference.
public struct Banner: Sendable, Hashable, Identifiable {
    public enum Severity: String, Sendable, Hashable { case info, success, warning, error }

    /// What the banner is about; the Errors pane's TYPE column.
    public enum Kind: Sendable, Hashable {
        /// Messages of the console's own.
        case info, success, readOnly, partialFailure
        /// A failed request, by its kind (the client core's error code, grouped as `ConsoleFailure.kind`).
        case failure(ConsoleFailure.Kind)

        // Short names for the failures the console checks for (each one is `.failure` of a client code).
        public static let rateLimited = Kind.failure(.rateLimited)
        public static let notFound = Kind.failure(.notFound)
        public static let authentication = Kind.failure(.authentication)
        public static let forbidden = Kind.failure(.forbidden)
        public static let validation = Kind.failure(.validation)
        public static let conflict = Kind.failure(.conflict)
        public static let preconditionFailed = Kind.failure(.preconditionFailed)
        public static let server = Kind.failure(.serverError)
        public static let transport = Kind.failure(.transport)
        public static let configuration = Kind.failure(.configuration)
        public static let malformedResponse = Kind.failure(.malformedResponse)
        public static let closedClient = Kind.failure(.closedClient)
        public static let unexpected = Kind.failure(.unexpected)

        /// The type as the Errors pane shows it: words, not the internal name.
        public var label: String {
            switch self {
            case .info: "info"
            case .success: "success"
            case .readOnly: "read-only"
            case .partialFailure: "partly failed"
            case .failure(let code): code.wording.label
            }
        }

        /// Whether asking again may help (a 5xx, the network, a rate limit): the banner then offers a retry.
        public var offersRetry: Bool {
            if case .failure(let code) = self { return code.wording.offersRetry }
            return false
        }
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
    public var kindLabel: String { kind.label }

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
        let wording = failure.kind.wording
        let status = wording.showsStatus ? failure.statusCode.map { "\($0) " } ?? "" : ""
        var banner = Banner(
            severity: wording.severity, kind: .failure(failure.kind),
            title: "\(status)\(wording.title(failure)) while \(subject)", detail: wording.detail(failure),
            reference: failure.reference, statusCode: failure.statusCode, time: now)
        banner.request = subject
        banner.code = failure.code
        banner.message = failure.message
        banner.fields = failure.fields
        if failure.kind == .rateLimited {
            banner.retryAt = now.addingTimeInterval(TimeInterval(failure.retryAfterSeconds ?? 1))
        }
        return banner
    }
}
