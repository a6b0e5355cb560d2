public import Hummingbird
public import NIOCore

/// Request context that keeps the channel, so a fault can drop the connection and the control API
/// can check that the peer is on loopback.
public struct EmulatorRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
