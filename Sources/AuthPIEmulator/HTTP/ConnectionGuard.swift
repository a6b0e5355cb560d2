import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// HTTP/1.1 connections whose writer is finished when the connection closes, whatever happened to it before.
///
/// NIO's async server hands each accepted connection to the accept loop through a stream. A connection whose
/// setup completes while the listening socket is closing (shutdown while clients keep connecting) can be
/// dropped from that stream without ever being served, and NIO traps when such a connection's writer is
/// released unfinished ("Deinited NIOAsyncWriter without calling finish()", apple/swift-nio#3481 and #2637).
/// Graceful shutdown narrows that window but does not close it; this closes it: the close callback keeps the
/// connection's async wrapper alive until the socket closes and then finishes its writer, which is a no-op for
/// a connection that was served.
struct ConnectionGuard: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let base: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        base.setup(channel: channel, logger: logger).map { connection in
            channel.closeFuture.whenComplete { _ in (connection as any OutboundFinishing).finishOutbound() }
            return connection
        }
    }

    func handle(value: Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}

/// NIO deprecates `outbound` for `executeThenClose`, which a close callback cannot use; going through a protocol keeps
/// this one needed use without a deprecation warning at the call.
private protocol OutboundFinishing {
    func finishOutbound()
}

extension NIOAsyncChannel: OutboundFinishing {
    @available(*, deprecated, message: "Only for ConnectionGuard: finishing the writer of a connection that was never served")
    fileprivate func finishOutbound() { outbound.finish() }
}

extension HTTPServerBuilder {
    /// `.http1(configuration:)` with every connection guarded by ``ConnectionGuard``.
    static func guardedHTTP1(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
        .init { responder in ConnectionGuard(base: HTTP1Channel(responder: responder, configuration: configuration)) }
    }
}
