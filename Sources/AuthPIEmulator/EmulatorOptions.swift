import Foundation

/// Which data the emulator starts with.
public enum EmulatorSeed: String, Sendable, CaseIterable {
    /// Deterministic demo data: issuers, users, sessions, webhooks, events…
    case demo
    /// Only the demo account and its API key.
    case empty
}

/// An older client contract the emulator accepts besides the real API's. Without one (the default) it answers
/// like the deployed AuthPI API: what the real API refuses, it refuses.
public enum EmulatorCompatibility: String, Sendable, CaseIterable {
    /// authpi-admin 0.3.0, the seed SDK: an API key sent as `Bearer key_…`, the `/v1/accounts/me/…` alias,
    /// 0.3.0 user create bodies (top-level `email` / `display_name`), and single resources served bare
    /// (no `{"data": …}` envelope) to 0.x SDKs, recognised by their User-Agent.
    case v0_3 = "0.3"
}

/// How to start an emulator (executable flags, the console's `--demo`, tests).
public struct EmulatorOptions: Sendable {
    /// The address to listen on; loopback by default.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port.
    public var port: Int = 0
    /// The data it starts with (`--seed`).
    public var seed: EmulatorSeed = .demo
    /// Fill the first issuer with this many users (up to 1_000_000), generated on demand.
    public var users: Int? = nil
    /// Added to every `/v1` request.
    public var latencyMilliseconds: Int = 0
    /// Faults armed at start, same shape as `POST /_emulator/faults`.
    public var faults: [FaultRule] = []
    /// A connection that sends nothing (no request, or a request head or body that stalls) for this
    /// long is closed; a request being answered is never cut. Longer than the `--latency-ms` maximum.
    public var idleTimeoutSeconds: Double = EmulatorOptions.defaultIdleTimeoutSeconds
    /// nil (the default): real-API fidelity. `.v0_3` also accepts the seed SDK's forms (`--compat 0.3`).
    public var compatibility: EmulatorCompatibility? = nil

    /// Options; every argument has the default its property describes.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        seed: EmulatorSeed = .demo,
        users: Int? = nil,
        latencyMilliseconds: Int = 0,
        faults: [FaultRule] = [],
        idleTimeoutSeconds: Double = EmulatorOptions.defaultIdleTimeoutSeconds,
        compatibility: EmulatorCompatibility? = nil
    ) {
        self.host = host
        self.port = port
        self.seed = seed
        self.users = users
        self.latencyMilliseconds = latencyMilliseconds
        self.faults = faults
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.compatibility = compatibility
    }

    /// 75 s: above the 60 s latency cap, and above the 60 s idle time after which HTTP clients' pools
    /// (AsyncHTTPClient, httpx) drop keep-alive connections themselves.
    public static let defaultIdleTimeoutSeconds: Double = 75
    /// The `idleTimeoutSeconds` values accepted (`--idle-timeout`).
    public static let idleTimeoutRange: ClosedRange<Double> = 0.1...3_600

    /// The largest `users` value accepted.
    public static let maximumUsers = 1_000_000
}

/// An injected fault: the next `count` requests matching `method` and `path` get `status`
/// (0 drops the connection) after `delayMilliseconds`. Without `status` only the delay applies.
public struct FaultRule: Sendable, Equatable {
    /// HTTP method to match; nil matches any.
    public var method: String?
    /// Path pattern: `*` matches one segment, `**` the rest.
    public var path: String
    /// Status to answer with; 0 drops the connection; nil passes the request through (delay only).
    public var status: Int?
    /// How many requests it applies to; nil means every matching request until cleared.
    public var count: Int?
    /// Seconds for a `Retry-After` header and the body's `retry_after`.
    public var retryAfter: Int?
    /// Delay before answering (or before passing the request through when `status` is nil).
    public var delayMilliseconds: Int
    /// A body served instead of the API's answer (with `status`, default 200).
    public var body: FaultBody?

    /// A fault rule; `count` 1 by default, `nil` for every matching request until cleared.
    public init(
        method: String? = nil,
        path: String,
        status: Int? = nil,
        count: Int? = 1,
        retryAfter: Int? = nil,
        delayMilliseconds: Int = 0,
        body: FaultBody? = nil
    ) {
        self.method = method?.uppercased()
        self.path = path
        self.status = status
        self.count = count
        self.retryAfter = retryAfter
        self.delayMilliseconds = delayMilliseconds
        self.body = body
    }

    /// Parses the command-line form: either the JSON object accepted by `POST /_emulator/faults`, or
    /// `METHOD PATH STATUS [count=N] [retry_after=S] [delay_ms=MS]` (METHOD may be `*`).
    public init(spec: String) throws(FaultRuleError) {
        let trimmed = spec.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{") {
            guard let json = try? JSON.parse(Array(trimmed.utf8)) else { throw .init("fault spec is not valid JSON") }
            self = try FaultRule(json: json)
            return
        }
        let parts = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= 3 else { throw .init("fault spec needs METHOD PATH STATUS, e.g. 'GET /v1/accounts/*/issuers 503 count=2'") }
        guard let status = Int(parts[2]), status == 0 || (100...599).contains(status) else {
            throw .init("fault status must be 0 or 100...599")
        }
        var rule = FaultRule(method: parts[0] == "*" ? nil : parts[0], path: parts[1], status: status, count: 1)
        for option in parts.dropFirst(3) {
            let pair = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, let value = Int(pair[1]), value >= 0 else { throw .init("bad fault option '\(option)'") }
            switch pair[0] {
            case "count": rule.count = value
            case "retry_after": rule.retryAfter = value
            case "delay_ms": rule.delayMilliseconds = value
            default: throw .init("unknown fault option '\(pair[0])'")
            }
        }
        guard rule.path.hasPrefix("/") else { throw .init("fault path must start with /") }
        self = rule
    }

    init(json: JSON) throws(FaultRuleError) {
        guard case .object(let object) = json else { throw .init("fault must be a JSON object") }
        let known = Set(["method", "path", "status", "count", "retry_after", "delay_ms"]).union(FaultBody.fieldNames)
        if let unknown = object.keys.first(where: { !known.contains($0) }) { throw .init("unknown fault field '\(unknown)'") }
        guard let path = object["path"]?.stringValue, path.hasPrefix("/") else { throw .init("fault 'path' must be a string starting with /") }
        var method: String?
        if let value = object["method"], !value.isNull {
            guard let text = value.stringValue, !text.isEmpty else { throw .init("fault 'method' must be a string") }
            method = text == "*" ? nil : text
        }
        func optionalInt(_ key: String, _ range: ClosedRange<Int>) throws(FaultRuleError) -> Int? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let number = value.intValue, range.contains(number) else { throw .init("fault '\(key)' must be an integer in \(range)") }
            return number
        }
        let body = try FaultBody(json: object)
        var status = try optionalInt("status", 0...599)
        if let status, status != 0, status < 100 { throw .init("fault 'status' must be 0 or 100...599") }
        if body != nil {
            if status == 0 { throw .init("a fault with a body cannot drop the connection (status 0)") }
            status = status ?? 200
        }
        let delay = try optionalInt("delay_ms", 0...60_000) ?? 0
        if status == nil && delay == 0 { throw .init("a fault needs 'status', 'body' or 'delay_ms'") }
        let count = try optionalInt("count", 1...1_000_000)
        let retryAfter = try optionalInt("retry_after", 0...86_400)
        self.init(
            method: method, path: path, status: status, count: object["count"] == nil ? 1 : count,
            retryAfter: retryAfter, delayMilliseconds: delay, body: body
        )
    }

    var json: JSON {
        var object: [String: JSON] = [
            "method": .str(method), "path": .string(path), "status": .num(status), "count": .num(count),
            "retry_after": .num(retryAfter), "delay_ms": .int(delayMilliseconds),
        ]
        if let body { object.merge(body.json) { $1 } }
        return .object(object)
    }

    /// Whether the rule applies to this method and path (`*` one segment, `**` the rest).
    func matches(method requestMethod: String, path requestPath: String) -> Bool {
        if let method, method.uppercased() != requestMethod.uppercased() { return false }
        let pattern = path.split(separator: "/", omittingEmptySubsequences: true)
        let segments = requestPath.split(separator: "/", omittingEmptySubsequences: true)
        var index = 0
        for part in pattern {
            if part == "**" { return true }
            guard index < segments.count else { return false }
            if part != "*" && part != segments[index] { return false }
            index += 1
        }
        return index == segments.count
    }
}

/// A fault rule that could not be parsed; the description says why.
public struct FaultRuleError: Error, CustomStringConvertible, Sendable {
    /// What is wrong with the fault spec.
    public let description: String
    init(_ description: String) { self.description = description }
}
