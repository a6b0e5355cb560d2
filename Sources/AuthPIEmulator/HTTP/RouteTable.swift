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

    /// The most specific patterns matching the path decide: a literal segment beats a parameter at
    /// the first place they differ (`verifiers/complete-enrollment` is not the verifier
    /// `complete-enrollment`). Their methods are the path's `Allow`.
    func match(method: String, segments: [String]) -> Match {
        var best: [Segment]?
        var candidates: [(route: Route, params: [String: String])] = []
        for route in routes where route.pattern.count == segments.count {
            guard let params = Self.bind(route.pattern, segments) else { continue }
            let order = best.map { Self.specificity(route.pattern, than: $0) } ?? 1
            if order > 0 {
                best = route.pattern
                candidates = [(route, params)]
            } else if order == 0 {
                candidates.append((route, params))
            }
        }
        guard !candidates.isEmpty else { return .notFound }
        if let hit = candidates.first(where: { $0.route.method == method || (method == "HEAD" && $0.route.method == "GET") }) {
            return .found(hit.route, hit.params)
        }
        var allowed: [String] = []
        for candidate in candidates where !allowed.contains(candidate.route.method) { allowed.append(candidate.route.method) }
        return .methodNotAllowed(allowed)
    }

    private static func bind(_ pattern: [Segment], _ segments: [String]) -> [String: String]? {
        // Literals first: most routes of the same length fail there, before any dictionary is made.
        for (part, segment) in zip(pattern, segments) {
            if case .literal(let literal) = part, literal != segment { return nil }
        }
        var params: [String: String] = [:]
        for (part, segment) in zip(pattern, segments) {
            if case .param(let name) = part { params[name] = segment }
        }
        return params
    }

    /// 1 when `pattern` is more specific than `other`, -1 when less, 0 when they have the same shape.
    private static func specificity(_ pattern: [Segment], than other: [Segment]) -> Int {
        for (mine, theirs) in zip(pattern, other) {
            switch (mine, theirs) {
            case (.literal, .param): return 1
            case (.param, .literal): return -1
            default: continue
            }
        }
        return 0
    }
}
