import Testing
@testable import AuthPIEmulator

/// The route tree against the rule it replaced (scan every pattern of the path's length; a literal beats a parameter
/// at the first place two matching patterns differ; same-shaped patterns share the path's methods), on every route of
/// the real table with parameters filled by ordinary ids and by the words other routes use as literals.
@Suite("Route table")
struct RouteTableTests {
    static let table = APIRoutes.table
    static let methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// What a match decides, comparable: the route's method and template, its parameters, or the allowed methods.
    enum Outcome: Equatable, CustomStringConvertible {
        case found(method: String, template: String, params: [String: String])
        case methodNotAllowed([String])
        case notFound

        init(_ match: RouteTable.Match) {
            switch match {
            case .found(let route, let params): self = .found(method: route.method, template: route.template, params: params)
            case .methodNotAllowed(let allowed): self = .methodNotAllowed(allowed)
            case .notFound: self = .notFound
            }
        }

        var description: String {
            switch self {
            case .found(let method, let template, let params): return "\(method) \(template) \(params.sorted { $0.key < $1.key })"
            case .methodNotAllowed(let allowed): return "405 \(allowed)"
            case .notFound: return "404"
            }
        }
    }

    /// The linear scan the tree replaced, as the oracle.
    static func scanning(method: String, segments: [String]) -> Outcome {
        var best: [RouteTable.Segment]?
        var candidates: [(route: RouteTable.Route, params: [String: String])] = []
        for route in table.routes where route.pattern.count == segments.count {
            guard let params = bind(route.pattern, segments) else { continue }
            let order = best.map { specificity(route.pattern, than: $0) } ?? 1
            if order > 0 {
                best = route.pattern
                candidates = [(route, params)]
            } else if order == 0 {
                candidates.append((route, params))
            }
        }
        guard !candidates.isEmpty else { return .notFound }
        if let hit = candidates.first(where: { $0.route.method == method || (method == "HEAD" && $0.route.method == "GET") }) {
            return .found(method: hit.route.method, template: hit.route.template, params: hit.params)
        }
        var allowed: [String] = []
        for candidate in candidates where !allowed.contains(candidate.route.method) { allowed.append(candidate.route.method) }
        return .methodNotAllowed(allowed)
    }

    static func bind(_ pattern: [RouteTable.Segment], _ segments: [String]) -> [String: String]? {
        var params: [String: String] = [:]
        for (part, segment) in zip(pattern, segments) {
            switch part {
            case .literal(let literal): if literal != segment { return nil }
            case .param(let name): params[name] = segment
            }
        }
        return params
    }

    static func specificity(_ pattern: [RouteTable.Segment], than other: [RouteTable.Segment]) -> Int {
        for (mine, theirs) in zip(pattern, other) {
            switch (mine, theirs) {
            case (.literal, .param): return 1
            case (.param, .literal): return -1
            default: continue
            }
        }
        return 0
    }

    /// The literals routes use at each depth: a parameter filled with one of them is where a wrong tree would go astray.
    static let literalsByDepth: [Int: [String]] = {
        var words: [Int: [String]] = [:]
        for route in table.routes {
            for (depth, segment) in route.pattern.enumerated() {
                if case .literal(let text) = segment, !(words[depth] ?? []).contains(text) { words[depth, default: []].append(text) }
            }
        }
        return words
    }()

    @Test func theTreeDecidesLikeTheScanOnEveryRouteAndEveryMethod() {
        var paths: [[String]] = []
        for route in Self.table.routes {
            // Each parameter as an id, and (one at a time) as each literal word other routes use at its depth.
            let plain = route.pattern.map { segment -> String in
                if case .literal(let text) = segment { return text }
                return "id_123"
            }
            paths.append(plain)
            for (position, segment) in route.pattern.enumerated() {
                guard case .param = segment else { continue }
                for word in Self.literalsByDepth[position] ?? [] {
                    var variant = plain
                    variant[position] = word
                    paths.append(variant)
                }
            }
            paths.append(plain + ["extra"])
            paths.append(Array(plain.dropLast()))
        }
        #expect(paths.count > Self.table.routes.count * 5)
        var compared = 0
        for segments in paths {
            for method in Self.methods {
                let tree = Outcome(Self.table.match(method: method, segments: segments))
                let scan = Self.scanning(method: method, segments: segments)
                #expect(tree == scan, "\(method) /\(segments.joined(separator: "/")): tree \(tree), scan \(scan)")
                compared += 1
            }
        }
        #expect(compared == paths.count * Self.methods.count)
    }

    @Test func aLiteralBeatsAParameterWhereTheyFirstDiffer() {
        let base = ["v1", "accounts", "acc_1", "issuers", "i_1", "users", "usr_1", "verifiers"]
        let literal = Outcome(Self.table.match(method: "POST", segments: base + ["complete-enrollment"]))
        guard case .found(_, let template, _) = literal else { Issue.record("no route for complete-enrollment: \(literal)"); return }
        #expect(template.hasSuffix("/verifiers/complete-enrollment"))
        let parameter = Outcome(Self.table.match(method: "GET", segments: base + ["vrf_1"]))
        guard case .found(_, let verifierTemplate, let params) = parameter else { Issue.record("no route for a verifier: \(parameter)"); return }
        #expect(verifierTemplate.hasSuffix("}"))
        #expect(params.values.contains("vrf_1"))
    }
}
