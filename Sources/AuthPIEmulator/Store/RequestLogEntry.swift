import Foundation

/// One line of the control API's request log, kept typed (header and query values already redacted) and turned
/// into JSON only when `GET /_emulator/requests` reads it: every request writes one, few are ever read.
struct RequestLogEntry: Sendable {
    var method: String
    var path: String
    var reference: String
    /// Redacted query parameters and headers, in arrival order (a repeated name keeps its last value, as before).
    var query: [(String, String)]
    var headers: [(String, String)]
    var status: Int
    var timestamp: Double
    var durationMilliseconds: Double

    var json: JSON {
        var queryObject = [String: JSON](minimumCapacity: query.count)
        for (name, value) in query { queryObject[name] = .string(value) }
        var headerObject = [String: JSON](minimumCapacity: headers.count)
        for (name, value) in headers { headerObject[name] = .string(value) }
        return [
            "method": .string(method), "path": .string(path), "reference": .string(reference), "query": .object(queryObject),
            "status": .int(status), "headers": .object(headerObject), "timestamp": .double(timestamp),
            "duration_ms": .double(durationMilliseconds),
        ]
    }
}
