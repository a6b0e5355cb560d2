/// Per-call settings. Every accessor method takes one as its last argument.
public struct RequestOptions: Sendable {
    /// Overrides the client's timeout for this call.
    public var timeout: Duration?
    /// Extra headers for this call (`Authorization`, `Host` and `User-Agent` are ignored).
    public var headers: [String: String]

    public init(timeout: Duration? = nil, headers: [String: String] = [:]) {
        self.timeout = timeout
        self.headers = headers
    }

    public static let none = RequestOptions()
}
