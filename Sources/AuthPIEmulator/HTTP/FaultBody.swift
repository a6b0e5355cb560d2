import Foundation
import Hummingbird
import NIOCore

/// A response body a fault serves instead of the API's answer: anything at all (HTML from a proxy, cut
/// JSON, invalid UTF-8), so that clients can be tested against what a real server never sends.
///
/// Fault fields: `body` (text) or `body_base64` (raw bytes), `content_type` (default `application/json`),
/// `body_repeat` (the body sent that many times, streamed chunk by chunk without `Content-Length`).
public struct FaultBody: Sendable, Equatable {
    /// The bytes served, sent as they are.
    public var bytes: [UInt8]
    /// The `Content-Type` header served with them.
    public var contentType: String
    /// How many times ``bytes`` is sent. Above 1 the body is streamed (chunked, no `Content-Length`).
    public var repeatCount: Int

    /// The largest `repeatCount` accepted (`body_repeat`).
    public static let maximumRepeat = 100_000

    /// A body of `bytes`, sent `repeatCount` times.
    public init(bytes: [UInt8], contentType: String = "application/json", repeatCount: Int = 1) {
        self.bytes = bytes
        self.contentType = contentType
        self.repeatCount = repeatCount
    }

    static let fieldNames: Set<String> = ["body", "body_base64", "content_type", "body_repeat"]

    /// The body fields of a fault object, or nil when it has none.
    init?(json object: [String: JSON]) throws(FaultRuleError) {
        let text = object["body"].flatMap { $0.isNull ? nil : $0 }
        let base64 = object["body_base64"].flatMap { $0.isNull ? nil : $0 }
        let bytes: [UInt8]
        switch (text, base64) {
        case (nil, nil):
            if object["content_type"] != nil || object["body_repeat"] != nil {
                throw .init("fault 'content_type' and 'body_repeat' need 'body' or 'body_base64'")
            }
            return nil
        case (let text?, nil):
            guard let string = text.stringValue else { throw .init("fault 'body' must be a string") }
            bytes = Array(string.utf8)
        case (nil, let base64?):
            guard let string = base64.stringValue, let data = Data(base64Encoded: string) else {
                throw .init("fault 'body_base64' must be a base64 string")
            }
            bytes = Array(data)
        case (.some, .some):
            throw .init("fault takes 'body' or 'body_base64', not both")
        }
        var contentType = "application/json"
        if let value = object["content_type"], !value.isNull {
            guard let string = value.stringValue, !string.isEmpty,
                !string.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
            else { throw .init("fault 'content_type' must be a one-line string") }
            contentType = string
        }
        var repeatCount = 1
        if let value = object["body_repeat"], !value.isNull {
            guard let number = value.intValue, value.boolValue == nil, (1...Self.maximumRepeat).contains(number) else {
                throw .init("fault 'body_repeat' must be an integer in 1...\(Self.maximumRepeat)")
            }
            repeatCount = number
        }
        if repeatCount > 1 && bytes.isEmpty { throw .init("fault 'body_repeat' needs a non-empty body") }
        self.init(bytes: bytes, contentType: contentType, repeatCount: repeatCount)
    }

    /// What `GET /_emulator/faults` shows: the size, not the body.
    var json: [String: JSON] {
        ["body_bytes": .int(bytes.count), "content_type": .string(contentType), "body_repeat": .int(repeatCount)]
    }

    func response(status: Int) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        let buffer = ByteBuffer(bytes: bytes)
        guard repeatCount > 1 else {
            return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: buffer))
        }
        let count = repeatCount
        // Written one chunk at a time, so the server holds one chunk and stops when the client goes away.
        return Response(
            status: .init(code: status), headers: headers,
            body: ResponseBody(contentLength: nil) { writer in
                for _ in 0..<count { try await writer.write(buffer) }
                try await writer.finish(nil)
            })
    }
}
