import Foundation

/// One HTTP request as the transport sees it: fully built, headers included.
/// Its description and reflection hide the `Authorization` header (and other credential headers).
public struct TransportRequest: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The HTTP method: `GET`, `POST`, `PATCH`, `DELETE`, ….
    public var method: String
    /// Absolute URL, query included.
    public var url: String
    /// The headers, in the order sent; a name may repeat.
    public var headers: [(name: String, value: String)]
    /// The body bytes, `nil` for none.
    public var body: [UInt8]?
    /// Time allowed for the whole exchange.
    public var timeout: Duration
    /// The transport must refuse (``AuthPIError/Code/responseTooLarge``) a larger body without reading it whole.
    public var maxResponseBodyBytes: Int
    /// Which attempt of the call this is: 1 for the first, 2 for the first retry, … (middlewares that record
    /// requests read it; the transport ignores it).
    public var attempt: Int

    /// A request; `timeout` bounds the whole attempt, `maxResponseBodyBytes` the answer's body.
    public init(
        method: String, url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil,
        timeout: Duration = .seconds(30), maxResponseBodyBytes: Int = 8 * 1024 * 1024, attempt: Int = 1
    ) {
        self.attempt = attempt
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.maxResponseBodyBytes = maxResponseBodyBytes
    }

    /// The first value of a header (case-insensitive name).
    public func header(_ name: String) -> String? {
        headers.first { HeaderName.equal($0.name, name) }?.value
    }

    /// A description safe to log: it shows no credential or secret.
    public var description: String {
        "TransportRequest(\(method) \(url), headers: [\(Redaction.headers(headers))], body: \(body.map { "\($0.count) bytes" } ?? "none"))"
    }

    /// The same as `description`: safe to log.
    public var debugDescription: String { description }

    /// A mirror that shows only `description`, so `dump` reveals no secret.
    public var customMirror: Mirror { Mirror(self, children: ["request": description]) }
}

/// One HTTP response with its whole body.
/// Its description shows the status, headers (credential headers hidden) and the body's size, not the body.
public struct TransportResponse: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The HTTP status code.
    public var status: Int
    /// The headers, in the order sent; a name may repeat.
    public var headers: [(name: String, value: String)]
    /// The body bytes, empty for none.
    public var body: [UInt8]

    /// A request; `timeout` bounds the whole attempt, `maxResponseBodyBytes` the answer's body.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header (case-insensitive name).
    public func header(_ name: String) -> String? {
        headers.first { HeaderName.equal($0.name, name) }?.value
    }

    /// A description safe to log: it shows no credential or secret.
    public var description: String {
        "TransportResponse(\(status), headers: [\(Redaction.headers(headers))], body: \(body.count) bytes)"
    }

    /// The same as `description`: safe to log.
    public var debugDescription: String { description }

    /// A mirror that shows only `description`, so `dump` reveals no secret.
    public var customMirror: Mirror { Mirror(self, children: ["response": description]) }
}

/// Sends HTTP requests. The SDK uses ``AsyncHTTPClientTransport`` unless given another.
///
/// Throw an ``AuthPIError`` with code ``AuthPIError/Code/transport`` for network failures when you can tell
/// their kind; any other error is wrapped into one.
public protocol HTTPTransport: Sendable {
    /// Sends one attempt and returns the answer, whatever its status; throws only when there is no answer.
    func send(_ request: TransportRequest) async throws -> TransportResponse
    /// Releases what the transport owns. Called once by ``AuthPIClient/close()``.
    func shutdown() async throws
}

extension HTTPTransport {
    /// Releases what the transport holds; by default nothing.
    public func shutdown() async throws {}
}

/// Code run around every attempt (after the SDK built the request, before the transport sends it).
/// Middlewares see the final headers, `Authorization` included: never log them.
public protocol ClientMiddleware: Sendable {
    /// Handles one attempt: change `request`, call `next` (or not), and return or change its answer.
    func intercept(
        _ request: TransportRequest,
        next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse
}

/// Header names compared as HTTP does, ASCII letters without case: Foundation's `caseInsensitiveCompare` was a
/// visible share of every request's CPU (a few lookups per answer).
enum HeaderName {
    static func equal(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8) { lower($0) == lower($1) }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
