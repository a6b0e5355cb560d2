import Foundation
import Hummingbird
import NIOCore

/// Every request goes through here: control API, latency, faults, body limits, routing, the store,
/// the request log, and rendering — so no path can produce a body-less or non-JSON error.
struct EmulatorResponder: HTTPResponder {
    typealias Context = EmulatorRequestContext

    static let maximumBodyBytes = 1 << 20

    let store: EmulatorStore
    let latencyMilliseconds: Int
    let compatibility: EmulatorCompatibility?

    func respond(to request: Request, context: EmulatorRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let reference = RequestReference.make()
        let method = request.method.rawValue
        let path = request.uri.path
        let query = Self.parseQuery(request.uri.query)
        let segments: [String]
        switch Self.pathSegments(path) {
        case .success(let decoded): segments = decoded
        case .failure(let error):
            logRequest(request, method: method, path: path, query: query, status: error.status, started: started, reference: reference)
            return Self.render(.failure(error), reference: reference)
        }

        if segments.first == "_emulator" {
            guard Self.isLoopback(context.channel.remoteAddress) else {
                return Self.render(.failure(.forbidden("The control API only answers loopback clients")), reference: reference)
            }
            let body = try await Self.readBody(request)
            return ControlAPI(store: store).respond(method: method, segments: Array(segments.dropFirst()), query: query, body: body, reference: reference)
        }
        if segments == ["openapi.json"] {
            guard method == "GET" || method == "HEAD" else { return Self.render(.failure(.methodNotAllowed(["GET"])), reference: reference) }
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            headers[.contentLength] = String(Self.openAPIBytes.count)
            return Response(status: .ok, headers: headers, body: method == "HEAD" ? .init() : .init(byteBuffer: ByteBuffer(bytes: Self.openAPIBytes)))
        }

        if latencyMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(latencyMilliseconds)) }
        if let fault = store.takeFault(method: method, path: path) {
            if fault.delayMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(fault.delayMilliseconds)) }
            if let status = fault.status {
                if status == 0 {
                    logRequest(request, method: method, path: path, query: query, status: 0, started: started, reference: reference)
                    // Close without writing anything: the client sees the connection end, not a response.
                    try? await context.channel.close(mode: .all)
                    throw CancellationError()
                }
                if let body = fault.body {
                    logRequest(request, method: method, path: path, query: query, status: status, started: started, reference: reference)
                    return body.response(status: status)
                }
                var error = APIError(status: status, code: Self.faultCode(status), message: "Injected fault (\(status))")
                if let retryAfter = fault.retryAfter {
                    error.retryAfter = retryAfter
                    error.headers.append(("Retry-After", String(retryAfter)))
                }
                logRequest(request, method: method, path: path, query: query, status: status, started: started, reference: reference)
                return Self.render(.failure(error), reference: reference)
            }
        }

        let result = await handleAPI(request, method: method, path: path, segments: segments, query: query)
        let status: Int
        switch result {
        case .success(let response): status = response.status
        case .failure(let error): status = error.status
        }
        logRequest(request, method: method, path: path, query: query, status: status, started: started, reference: reference)
        return Self.render(result, reference: reference, head: method == "HEAD", bareSingle: compatibility == .v0_3 && Self.isLegacyClient(request.headers))
    }

    private func handleAPI(
        _ request: Request, method: String, path: String, segments: [String], query: [String: String]
    ) async -> Result<APIResponse, APIError> {
        let body: [UInt8]
        do {
            guard let bytes = try await Self.readBody(request) else { return .failure(.tooLarge(limit: Self.maximumBodyBytes)) }
            body = bytes
        } catch {
            return .failure(.badRequest("Could not read the request body"))
        }
        var json: JSON?
        if !body.isEmpty {
            if let contentType = request.headers[.contentType], !Self.isJSONMediaType(contentType) {
                return .failure(.unsupportedMediaType(contentType))
            }
            do { json = try JSON.parse(body) } catch { return .failure(APIError(status: 400, code: "invalid_json", message: "The request body is not valid JSON")) }
        }
        switch store.routes.match(method: method, segments: segments) {
        case .notFound:
            // Credentials are checked before revealing whether a path exists.
            if segments.first == "v1", case .failure(let error) = authenticate(request) { return .failure(error) }
            return .failure(.routeNotFound(path))
        case .methodNotAllowed(let allowed):
            if case .failure(let error) = authenticate(request) { return .failure(error) }
            return .failure(.methodNotAllowed(allowed))
        case .found(let route, let params):
            let apiRequest = APIRequest(
                method: method == "HEAD" ? "GET" : method, path: path, segments: segments, query: query, body: json,
                ifMatch: request.headers[.ifMatch], idempotencyKey: Self.header(request.headers, "idempotency-key"),
                caller: Caller(kind: .apiKey(keyID: ""), accountIDs: []), now: Int(Date().timeIntervalSince1970), compatibility: compatibility
            )
            return store.handle(route: route, params: params, request: apiRequest, authorization: request.headers[.authorization])
        }
    }

    private func authenticate(_ request: Request) -> Result<Caller, APIError> {
        do { return .success(try store.authenticate(request.headers[.authorization])) } catch {
            return .failure(error)
        }
    }

    /// The body, or nil when it is over the limit.
    static func readBody(_ request: Request) async throws -> [UInt8]? {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximumBodyBytes { return nil }
        var bytes: [UInt8] = []
        for try await buffer in request.body {
            if bytes.count + buffer.readableBytes > maximumBodyBytes { return nil }
            bytes.append(contentsOf: buffer.readableBytesView)
        }
        return bytes
    }

    /// The OpenAPI document, generated once from the route table.
    static let openAPIBytes: [UInt8] = OpenAPIDocument.make(APIRoutes.table).serialized()

    /// The longest path segment accepted (after percent-decoding), in bytes.
    static let maximumSegmentBytes = 512

    /// Splits and percent-decodes the path. A segment that cannot be an id — bad escapes, non-UTF-8,
    /// `.` / `..`, a decoded `/ \ ? #`, control characters (NUL, CR, LF…), over 512 bytes — is a 400.
    static func pathSegments(_ path: String) -> Result<[String], APIError> {
        var segments: [String] = []
        segments.reserveCapacity(8)
        // Split on bytes: splitting a String on a Character walks grapheme clusters, a visible cost per request.
        for rawBytes in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            let raw = Substring(rawBytes)
            guard raw.utf8.count <= maximumSegmentBytes * 3 else {
                return .failure(.invalidPath("A path segment is longer than \(maximumSegmentBytes) bytes"))
            }
            // Foundation's decoding is a large share of a small request's time; most segments have nothing to decode.
            guard let decoded = raw.utf8.contains(UInt8(ascii: "%")) ? String(raw).removingPercentEncoding : String(raw) else {
                return .failure(.invalidPath("A path segment has an invalid percent escape or is not UTF-8"))
            }
            guard decoded.utf8.count <= maximumSegmentBytes else {
                return .failure(.invalidPath("A path segment is longer than \(maximumSegmentBytes) bytes"))
            }
            if decoded == "." || decoded == ".." { return .failure(.invalidPath("A path segment may not be '.' or '..'")) }
            // On UTF-8 bytes: every byte of a non-ASCII character is 0x80 or more, so only ASCII ones can match.
            if decoded.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
                return .failure(.invalidPath("A path segment contains '/', '\\', '?', '#' or a control character"))
            }
            segments.append(decoded)
        }
        return .success(segments)
    }

    /// `application/json` or a `+json` type, parameters ignored.
    static func isJSONMediaType(_ contentType: String) -> Bool {
        let media = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json"))
    }

    private func logRequest(
        _ request: Request, method: String, path: String, query: [String: String], status: Int, started: ContinuousClock.Instant, reference: String
    ) {
        let elapsed = ContinuousClock.now - started
        let entry = RequestLogEntry(
            method: method, path: path, reference: reference,
            query: query, headers: request.headers,
            status: status, timestamp: Date().timeIntervalSince1970,
            durationMilliseconds: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        )
        store.log(entry)
    }

    static func header(_ headers: HTTPFields, _ canonicalName: String) -> String? {
        headers.first { $0.name.canonicalName == canonicalName }?.value
    }

    static func parseQuery(_ query: String?) -> [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                if !text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) { return String(text) }
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let key = decode(parts[0])
            guard !key.isEmpty else { continue }
            let value = parts.count > 1 ? decode(parts[1]) : ""
            // Repeated keys (`event_types=a&event_types=b`) join like a comma list.
            if let existing = result[key], !existing.isEmpty { result[key] = existing + "," + value } else { result[key] = value }
        }
        return result
    }

    static func isLoopback(_ address: SocketAddress?) -> Bool {
        guard let address else { return false }
        if case .unixDomainSocket = address { return true }
        return isLoopback(ip: address.ipAddress)
    }

    static func isLoopback(ip: String?) -> Bool {
        guard let ip else { return false }
        return ip.hasPrefix("127.") || ip == "::1" || ip.hasPrefix("::ffff:127.")
    }

    static func faultCode(_ status: Int) -> String {
        switch status {
        case 400, 422: return "validation_error"
        case 401: return "unauthorized"
        case 403: return "forbidden"
        case 404: return "not_found"
        case 408: return "request_timeout"
        case 409: return "conflict"
        case 412: return "precondition_failed"
        case 429: return "rate_limited"
        case 500: return "internal_error"
        case 502: return "bad_gateway"
        case 503: return "service_unavailable"
        case 504: return "gateway_timeout"
        default: return "injected_fault"
        }
    }

    /// authpi-admin 0.x reads single resources bare (no `{"data": …}` envelope); its User-Agent says so. Only
    /// `--compat 0.3` serves them bare: the real API sends every client the envelope (0.3.1 learned to unwrap it).
    static func isLegacyClient(_ headers: HTTPFields) -> Bool {
        guard let agent = headers[.userAgent] else { return false }
        return agent.hasPrefix("authpi-admin-py/0.")
    }

    static func render(_ result: Result<APIResponse, APIError>, reference: String, head: Bool = false, bareSingle: Bool = false) -> Response {
        var headers = HTTPFields()
        let status: Int
        let body: JSON?
        switch result {
        case .success(let response):
            status = response.status
            if let etag = response.etag { headers[.eTag] = etag }
            if let encoded = response.encoded, status != 204 {
                return render(encoded, status: status, headers: headers, head: head, bareSingle: bareSingle)
            }
            if bareSingle, case .object(let object) = response.body, object.count == 1, let data = object["data"], data.objectValue != nil {
                body = data
            } else {
                body = response.body
            }
        case .failure(let error):
            status = error.status
            body = error.json(reference: reference)
            for (name, value) in error.headers {
                switch name.lowercased() {
                case "allow": headers[.allow] = value
                case "retry-after": headers[.retryAfter] = value
                case "www-authenticate": headers[.wwwAuthenticate] = value
                default: break
                }
            }
        }
        guard let body, status != 204 else {
            return Response(status: .init(code: status), headers: headers, body: .init())
        }
        headers[.contentType] = "application/json; charset=utf-8"
        let bytes = body.serialized()
        if head {
            headers[.contentLength] = String(bytes.count)
            return Response(status: .init(code: status), headers: headers, body: .init())
        }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static let dataEnvelopeStart = Array(#"{"data":"#.utf8)

    /// Bytes written by typed records or kept with stored ones: copied into the response once, the single
    /// envelope written around them (left off for 0.x clients under `--compat 0.3`).
    private static func render(_ encoded: APIResponse.Encoded, status: Int, headers: HTTPFields, head: Bool, bareSingle: Bool) -> Response {
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        var buffer: ByteBuffer
        switch encoded {
        case .page(let bytes):
            buffer = ByteBuffer(bytes: bytes)
        case .single(let bytes) where bareSingle:
            buffer = ByteBuffer(bytes: bytes)
        case .single(let bytes):
            buffer = ByteBufferAllocator().buffer(capacity: bytes.count + dataEnvelopeStart.count + 1)
            buffer.writeBytes(dataEnvelopeStart)
            buffer.writeBytes(bytes)
            buffer.writeInteger(UInt8(ascii: "}"))
        }
        if head {
            headers[.contentLength] = String(buffer.readableBytes)
            return Response(status: .init(code: status), headers: headers, body: .init())
        }
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: buffer))
    }
}

/// Keeps secrets out of the request log.
enum Redaction {
    /// Names (of headers or query parameters) whose values are secrets, compared without `-` / `_`.
    static let secretNameParts = ["token", "secret", "password", "passwd", "authorization", "apikey", "cookie", "credential", "signature", "session"]

    static func isSecretName(_ name: String) -> Bool {
        let folded = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return secretNameParts.contains { folded.contains($0) }
    }

    static func header(name: String, value: String) -> String {
        let lowered = name.lowercased()
        if lowered == "authorization" || lowered == "proxy-authorization" {
            // Keep only a scheme word ("Basic", "Bearer"); a bare credential has no scheme to keep.
            let parts = value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let scheme = parts.first, scheme.count <= 16, scheme.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                return "[redacted]"
            }
            return "\(scheme) [redacted]"
        }
        if isSecretName(lowered) { return "[redacted]" }
        return value
    }
}
