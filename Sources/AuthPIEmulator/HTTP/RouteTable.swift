/// Handles one matched request under the store's lock.
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
    /// The same routes as a tree of segments, so a request looks only at the patterns its own segments lead to.
    private var tree = Node()
    /// Routes added while this is set are the 0.3.0 aliases (deprecated in the document).
    var registeringLegacy = false

    /// One place in the tree: the routes whose patterns end here (same shape, different methods or parameter
    /// names), in registration order, and the patterns that go on.
    private struct Node: Sendable {
        var routes: [Route] = []
        var literals: [String: Node] = [:]
        /// At most one: an array because a struct cannot hold an optional of itself.
        var parameter: [Node] = []

        mutating func insert(_ route: Route, at depth: Int) {
            guard depth < route.pattern.count else { return routes.append(route) }
            switch route.pattern[depth] {
            case .literal(let text): literals[text, default: Node()].insert(route, at: depth + 1)
            case .param:
                if parameter.isEmpty { parameter = [Node()] }
                parameter[0].insert(route, at: depth + 1)
            }
        }

        /// The routes of the most specific pattern matching `segments` from `depth`: a literal is tried before a
        /// parameter at every place, so the first pattern found wins exactly where the two first differ.
        func lookup(_ segments: [String], at depth: Int) -> [Route]? {
            guard depth < segments.count else { return routes.isEmpty ? nil : routes }
            if let next = literals[segments[depth]], let found = next.lookup(segments, at: depth + 1) { return found }
            return parameter.first?.lookup(segments, at: depth + 1)
        }
    }

    mutating func add(_ method: String, _ path: String, doc: RouteDoc? = nil, _ handler: @escaping RouteHandler) {
        let pattern = path.split(separator: "/").map { part -> Segment in
            part.hasPrefix(":") ? .param(String(part.dropFirst())) : .literal(String(part))
        }
        var doc = doc ?? RouteDoc.inferred(method: method, pattern: pattern)
        if registeringLegacy { doc.deprecated = true }
        let route = Route(method: method, pattern: pattern, handler: handler, doc: doc)
        routes.append(route)
        tree.insert(route, at: 0)
    }

    /// The most specific patterns matching the path decide: a literal segment beats a parameter at
    /// the first place they differ (`verifiers/complete-enrollment` is not the verifier
    /// `complete-enrollment`). Their methods are the path's `Allow`.
    func match(method: String, segments: [String]) -> Match {
        guard let candidates = tree.lookup(segments, at: 0) else { return .notFound }
        if let hit = candidates.first(where: { $0.method == method || (method == "HEAD" && $0.method == "GET") }) {
            return .found(hit, Self.parameters(hit.pattern, segments))
        }
        var allowed: [String] = []
        for candidate in candidates where !allowed.contains(candidate.method) { allowed.append(candidate.method) }
        return .methodNotAllowed(allowed)
    }

    private static func parameters(_ pattern: [Segment], _ segments: [String]) -> [String: String] {
        var params: [String: String] = [:]
        for (part, segment) in zip(pattern, segments) {
            if case .param(let name) = part { params[name] = segment }
        }
        return params
    }
}
