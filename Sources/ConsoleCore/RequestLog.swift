public import AuthPIAdmin
public import Foundation

/// One HTTP attempt the console made, as the Requests pane lists it. Holds no header and no body: never the
/// credential, never a secret sent or received.
public struct RequestLogEntry: Sendable, Hashable {
    /// Order of recording (1, 2, …): the pane's row id.
    public var sequence: Int
    public var time: Date
    public var method: String
    /// The path with its query; values of query words that could hold a secret are replaced by `(redacted)`.
    public var path: String
    /// Nil when no answer came (dropped connection, timeout, cancelled).
    public var status: Int?
    public var latency: Duration
    /// 1 for the first attempt of a call, 2 for its first retry, …
    public var attempt: Int
    /// The server's reference of the request (`req_…`, from an error body or a request-id header).
    public var reference: String?
    /// Why no answer came ("connection dropped", "cancelled"), when none did.
    public var failure: String?

    public init(
        sequence: Int, time: Date, method: String, path: String, status: Int?, latency: Duration, attempt: Int,
        reference: String?, failure: String? = nil
    ) {
        self.sequence = sequence
        self.time = time
        self.method = method
        self.path = path
        self.status = status
        self.latency = latency
        self.attempt = attempt
        self.reference = reference
        self.failure = failure
    }

    /// "12 ms".
    public var latencyText: String { DisplayFormat.latency(latency) }
}

/// The console's own requests, the last `capacity` of them (a ring: memory stays bounded however long the
/// console runs). Filled by its `recorder`, a client middleware; read by the Requests pane.
public final class RequestLog: @unchecked Sendable {
    public static let defaultCapacity = 1_000

    public let capacity: Int
    // Guarded by `lock`: written by the client's tasks, read by the store.
    private let lock = NSLock()
    private var ring: [RequestLogEntry] = []
    private var next = 0
    private var recorded = 0

    public init(capacity: Int = RequestLog.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// The middleware that records every attempt of a client into this log (put it in `Configuration.middlewares`).
    public var recorder: RequestLogRecorder { RequestLogRecorder(log: self) }

    /// Appends an entry (its `sequence` is assigned here), dropping the oldest beyond `capacity`.
    func record(_ make: (Int) -> RequestLogEntry) {
        lock.lock()
        defer { lock.unlock() }
        recorded += 1
        let entry = make(recorded)
        if ring.count < capacity {
            ring.append(entry)
        } else {
            ring[next] = entry
        }
        next = (next + 1) % capacity
    }

    /// Every entry held, newest first.
    public func entries() -> [RequestLogEntry] {
        lock.lock()
        defer { lock.unlock() }
        guard ring.count == capacity else { return ring.reversed() }
        return Array((ring[next...] + ring[..<next]).reversed())
    }

    /// How many attempts were recorded since the start (more than `entries().count` once the ring wrapped).
    public var totalRecorded: Int {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

/// Records each attempt (method, path, status, latency, attempt, the server's reference) into a `RequestLog`.
/// It reads the request's method, URL and attempt and the answer's status, request-id header and, for an error,
/// the body's `reference` — never a header value sent, never a body kept.
public struct RequestLogRecorder: ClientMiddleware {
    let log: RequestLog

    public func intercept(
        _ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse {
        let time = Date()
        let started = ContinuousClock.now
        let path = Self.loggedPath(request.url)
        do {
            let response = try await next(request)
            let latency = ContinuousClock.now - started
            let reference = Self.reference(in: response)
            log.record {
                RequestLogEntry(
                    sequence: $0, time: time, method: request.method, path: path, status: response.status,
                    latency: latency, attempt: request.attempt, reference: reference)
            }
            return response
        } catch {
            let latency = ContinuousClock.now - started
            let failure = error is CancellationError ? "cancelled" : Self.failureText(error)
            log.record {
                RequestLogEntry(
                    sequence: $0, time: time, method: request.method, path: path, status: nil, latency: latency,
                    attempt: request.attempt, reference: nil, failure: failure)
            }
            throw error
        }
    }

    /// Query words whose values are never logged: they could carry a credential or a one-time secret.
    static let secretQueryWords = ["token", "secret", "password", "key", "code", "signature", "auth", "otp"]

    /// The URL's path and query, without scheme, host or user info; secret-looking query values redacted.
    static func loggedPath(_ url: String) -> String {
        // By hand, not URLComponents (a visible cost on every request of a walk): the part after the authority,
        // without a fragment, each query value whose name looks secret replaced.
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            rest = rest[(rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex)...]
        }
        if let fragment = rest.firstIndex(of: "#") { rest = rest[..<fragment] }
        let question = rest.firstIndex(of: "?")
        let pathPart = question.map { rest[..<$0] } ?? rest
        let path = pathPart.isEmpty ? "/" : String(pathPart)
        guard let question else { return path }
        let items = rest[rest.index(after: question)...].split(separator: "&")
        guard !items.isEmpty else { return path }
        let query = items.map { item -> String in
            guard let equals = item.firstIndex(of: "=") else { return String(item) }
            let name = item[..<equals]
            let lowered = name.lowercased()
            let hidden = secretQueryWords.contains { lowered.contains($0) }
            return hidden ? "\(name)=(redacted)" : String(item)
        }
        return path + "?" + query.joined(separator: "&")
    }

    /// The server's reference: a request-id header, else an error body's `reference`.
    static func reference(in response: TransportResponse) -> String? {
        for name in ["X-Request-Id", "Request-Id", "X-Request-Reference"] {
            if let value = response.header(name), !value.isEmpty { return String(value.prefix(80)) }
        }
        guard !(200...299).contains(response.status), !response.body.isEmpty, response.body.count <= 64 * 1024,
            let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any],
            let reference = object["reference"] as? String, !reference.isEmpty
        else { return nil }
        return String(reference.prefix(80))
    }

    static func failureText(_ error: any Error) -> String {
        if let error = error as? AuthPIError { return error.code.description }
        return "no answer"
    }
}
