public import AuthPIAdmin
import Foundation

/// The client core waits out a 429 on a read by itself (Retry-After) and retries: the console would sit silent
/// all that time. This middleware sees every attempt's answer and tells the store when the server asked to wait
/// (`seconds`), and when the first answer that is not a 429 arrives after that (`nil`: the wait is over).
///
/// Only those changes are reported: an answer while no wait is shown says nothing. Reporting every answer made
/// the store publish, and the console draw a frame, for each page of a walk (a thousand a second during `G`).
public struct RateLimitWaitObserver: ClientMiddleware {
    let report: @Sendable (_ seconds: Int?) -> Void
    private let waiting = WaitFlag()

    public init(report: @escaping @Sendable (_ seconds: Int?) -> Void) {
        self.report = report
    }

    public func intercept(
        _ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse {
        let response = try await next(request)
        if response.status == 429, request.method == "GET" {
            waiting.set(true)
            report(response.header("Retry-After").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1)
        } else if waiting.set(false) {
            report(nil)
        }
        return response
    }
}

/// Whether a wait was reported and not yet ended; shared by the concurrent requests of one client.
private final class WaitFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    /// Sets the flag; returns whether it was set before.
    @discardableResult
    func set(_ newValue: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let old = value
        value = newValue
        return old
    }
}
