/// Handles one matched request inside the store actor.
typealias RouteHandler = @Sendable (inout EmulatorState, APIRequest) throws -> APIResponse

/// The emulator's own router: literal segments beat parameters by registration order, a path that
/// exists under another method is a 405, anything else a JSON 404.
struct RouteTable: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case param(String)
    }

    struct Route: Sendable {
        let method: String
        let pattern: [Segment]
        let handler: RouteHandler
        let doc: RouteDoc

        /// `/v1/accounts/{acct}/…`, the OpenAPI form of the pattern.
        var template: String {
            "/" + pattern.map { segment in
                switch segment {
                case .literal(let text): return text
                case .param(let name): return "{\(name)}"
                }
            }.joined(separator: "/")
        }
    }

    enum Match: Sendable {
        case found(Route, [String: String])
        case methodNotAllowed([String])
        case notFound
    }

    private(set) var routes: [Route] = []
    /// Routes added while this is set are the 0.3.0 aliases (deprecated in the document).
    var registeringLegacy = false

    mutating func add(_ method: String, _ path: String, doc: RouteDoc? = nil, _ handler: @escaping RouteHandler) {
        let pattern = path.split(separator: "/").map { part -> Segment in
            part.hasPrefix(":") ? .param(String(part.dropFirst())) : .literal(String(part))
        }
        var doc = doc ?? RouteDoc.inferred(method: method, pattern: pattern)
        if registeringLegacy { doc.deprecated = true }
        routes.append(Route(method: method, pattern: pattern, handler: handler, doc: doc))
    }

    func match(method: String, segments: [String]) -> Match {
        var allowed: [String] = []
        for route in routes where route.pattern.count == segments.count {
            var params: [String: String] = [:]
            var matched = true
            for (part, segment) in zip(route.pattern, segments) {
                switch part {
                case .literal(let literal): if literal != segment { matched = false }
                case .param(let name): params[name] = segment
                }
                if !matched { break }
            }
            guard matched else { continue }
            if route.method == method || (method == "HEAD" && route.method == "GET") {
                return .found(route, params)
            }
            if !allowed.contains(route.method) { allowed.append(route.method) }
        }
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed)
    }
}
