import Hummingbird
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request that is not valid HTTP (CR or LF inside a header, a NUL in the request line,
/// header fields over the decoder's limits, a bad Content-Length, garbage) with the emulator's JSON
/// error body instead of Hummingbird's empty `400`, then closes the connection: after a parse error
/// the byte stream cannot be trusted.
///
/// Sits after the HTTP codec. It only answers when no response is owed on the connection (every
/// request read so far has been answered); otherwise the error goes on to Hummingbird, which closes.
final class MalformedRequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var requestsRead = 0
    private var responsesWritten = 0
    private var answered = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { requestsRead += 1 }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { responsesWritten += 1 }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is HTTPParserError, requestsRead == responsesWritten, !answered else {
            context.fireErrorCaught(error)
            return
        }
        answered = true
        let apiError = APIError(status: 400, code: "malformed_request", message: Self.message(for: error))
        let body = apiError.json(reference: RequestReference.make()).serialized()
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(body.count)
        headers[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .badRequest, headerFields: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in boundContext.value.close(promise: nil) }
    }

    /// Names the problem without echoing any of the request's bytes (they may hold a credential).
    static func message(for error: any Error) -> String {
        guard let parserError = error as? HTTPParserError else { return "The request is not valid HTTP/1.1" }
        switch parserError {
        case .headerOverflow: return "The request head is too large"
        case .invalidHeaderToken, .lfExpected: return "A header contains an invalid character (CR, LF or NUL)"
        case .invalidContentLength, .unexpectedContentLength: return "The Content-Length header is invalid"
        case .invalidChunkSize: return "The chunked body is malformed"
        case .invalidURL, .invalidPath: return "The request target is not a valid URL (control characters or spaces)"
        case .invalidMethod: return "The request method is not valid"
        case .invalidVersion: return "The HTTP version is not valid"
        default: return "The request is not valid HTTP/1.1"
        }
    }
}
