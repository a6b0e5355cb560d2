public import AuthPIAdmin

/// The client core waits out a 429 on a read by itself (Retry-After) and retries: the console would sit silent
/// all that time. This middleware sees every attempt's answer and tells the store when the server asked to wait
/// (`seconds`), and when an answer that is not a 429 arrives (`nil`: the wait is over).
public struct RateLimitWaitObserver: ClientMiddleware {
    let report: @Sendable (_ seconds: Int?) -> Void

    public init(report: @escaping @Sendable (_ seconds: Int?) -> Void) {
        self.report = report
    }

    public func intercept(
        _ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse
    ) async throws -> TransportResponse {
        let response = try await next(request)
        if response.status == 429, request.method == "GET" {
            report(response.header("Retry-After").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1)
        } else {
            report(nil)
        }
        return response
    }
}
