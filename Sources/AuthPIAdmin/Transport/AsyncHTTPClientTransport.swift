public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The default transport, on AsyncHTTPClient.
///
/// Pass your own `HTTPClient` (proxies, TLS, pooling) and the SDK never shuts it down;
/// without one, the transport creates a client and shuts it down on ``AuthPIClient/close()``.
public struct AsyncHTTPClientTransport: HTTPTransport {
    let client: HTTPClient
    /// Keeps requests beyond the pool size waiting here, within their own deadline (see ``ConnectionLimiter``).
    private let limiter: ConnectionLimiter
    /// Set when the transport created the client: shuts it down on ``shutdown()`` or, failing that, when released.
    private let owned: OwnedHTTPClient?

    /// Uses (and never shuts down) the caller's client. At most `maxConcurrentRequests` requests are handed
    /// to it at once (the others wait, within their timeout); match it to the client's pool size.
    public init(client: HTTPClient, maxConcurrentRequests: Int = 8) {
        self.client = client
        self.owned = nil
        self.limiter = ConnectionLimiter(limit: maxConcurrentRequests)
    }

    /// Creates a client on the shared event loop group (redirects off, so credentials never follow one).
    ///
    /// A connection that cannot be opened (refused, unknown host, no answer within `connectTimeout`) fails
    /// the requests waiting for it at once, instead of being retried until each request's deadline.
    public init(connectTimeout: Duration = .seconds(3), maxConnectionsPerHost: Int = 8) {
        let configuration = Self.clientConfiguration(connectTimeout: connectTimeout, maxConnectionsPerHost: maxConnectionsPerHost)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.client = client
        self.owned = OwnedHTTPClient(client)
        self.limiter = ConnectionLimiter(limit: configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit)
    }

    /// The configuration of the client the transport creates. TLS is left at AsyncHTTPClient's default
    /// (`tlsConfiguration == nil`: certificates and host names verified); never weaken it here.
    static func clientConfiguration(connectTimeout: Duration, maxConnectionsPerHost: Int) -> HTTPClient.Configuration {
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow
        configuration.timeout.connect = .nanoseconds(Self.nanoseconds(connectTimeout))
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, maxConnectionsPerHost)
        return configuration
    }

    /// Shuts down the HTTP client this transport created; one passed in is left to its owner.
    public func shutdown() async throws {
        if owned != nil {
            do { try await client.shutdown() } catch let error as HTTPClientError where error == .alreadyShutdown {}
        }
    }

    /// Sends one attempt and reads the answer, at most the request's `maxResponseBodyBytes`; network failures become `AuthPIError.transport`.
    public func send(_ request: TransportRequest) async throws -> TransportResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }

        // The attempt's timeout covers waiting for a connection too.
        let timeout = min(request.timeout, .seconds(86_400 * 365))
        let deadline = NIODeadline.now() + TimeAmount.nanoseconds(Self.nanoseconds(timeout))
        try await limiter.acquire(deadline: .now + timeout) { HTTPClientError.getConnectionFromPoolTimeout }
        do {
            let response = try await exchange(outgoing, deadline: deadline, maxBodyBytes: request.maxResponseBodyBytes)
            await limiter.release()
            return response
        } catch {
            await limiter.release()
            throw error
        }
    }

    private func exchange(_ outgoing: HTTPClientRequest, deadline: NIODeadline, maxBodyBytes: Int) async throws -> TransportResponse {
        let response = try await client.execute(outgoing, deadline: deadline)

        if let length = response.headers.first(name: "content-length").flatMap(Int.init),
            length > maxBodyBytes
        {
            throw AuthPIError.responseTooLarge(limit: maxBodyBytes, announced: length)
        }
        // Reads chunk by chunk and stops at the cap: the rest is never read (the connection is closed).
        let buffer: ByteBuffer
        do {
            buffer = try await response.body.collect(upTo: maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw AuthPIError.responseTooLarge(limit: maxBodyBytes, announced: nil)
        }
        return TransportResponse(
            status: Int(response.status.code),
            headers: response.headers.map { (name: $0.name, value: $0.value) },
            body: Array(buffer.readableBytesView))
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return Int64.max }
        return product.addingReportingOverflow(attoseconds / 1_000_000_000).overflow
            ? Int64.max : product + attoseconds / 1_000_000_000
    }
}

extension AuthPIError {
    static func responseTooLarge(limit: Int, announced: Int?) -> AuthPIError {
        let size = announced.map { "\($0) bytes" } ?? "more"
        return AuthPIError(
            code: .responseTooLarge, errorCode: "response_too_large",
            errorDescription: "the response body (\(size)) exceeds the limit of \(limit) bytes")
    }
}

/// Shuts an SDK-created `HTTPClient` down when the last transport holding it goes away, so that a client
/// the caller forgot to close does not leak (nor trip AsyncHTTPClient's debug check).
private final class OwnedHTTPClient: Sendable {
    let client: HTTPClient

    init(_ client: HTTPClient) {
        self.client = client
    }

    deinit {
        // Harmless after an explicit shutdown: the callback then just receives `alreadyShutdown`.
        client.shutdown(queue: .global()) { _ in }
    }
}
