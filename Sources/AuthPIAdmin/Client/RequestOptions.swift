/// Per-call settings. Every accessor method takes one as its last argument.
public struct RequestOptions: Sendable {
    /// Overrides the client's timeout for this call.
    public var timeout: Duration?
    /// Extra headers for this call (`Authorization`, `Host` and `User-Agent` are ignored).
    public var headers: [String: String]

    /// Options for one call: a timeout replacing the configured one, and extra headers.
    public init(timeout: Duration? = nil, headers: [String: String] = [:]) {
        self.timeout = timeout
        self.headers = headers
    }

    /// No per-call options: the configuration applies as is.
    public static let none = RequestOptions()
}
