public import Hummingbird
public import NIOCore

/// Request context that keeps the channel, so a fault can drop the connection and the control API
/// can check that the peer is on loopback.
public struct EmulatorRequestContext: RequestContext {
    /// Hummingbird's own per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on.
    public let channel: any Channel

    /// A context for a request arriving on `source.channel`.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
