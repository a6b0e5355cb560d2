import Foundation
import Hummingbird

/// One line of the control API's request log, kept as it arrived and turned into redacted JSON only when
/// `GET /_emulator/requests` reads it: every request writes one, few are ever read, and redacting every header of
/// every request was a visible share of a small request. (The unredacted values stay in this process's memory,
/// which holds every key's secret anyway; nothing leaves it unredacted.)
struct RequestLogEntry: Sendable {
    var method: String
    var path: String
    var reference: String
    var query: [String: String]
    var headers: HTTPFields
    var status: Int
    var timestamp: Double
    var durationMilliseconds: Double

    /// Query parameters and headers with secret values redacted (a repeated header name keeps its last value).
    var json: JSON {
        var queryObject = [String: JSON](minimumCapacity: query.count)
        for (name, value) in query { queryObject[name] = .string(Redaction.isSecretName(name) ? "[redacted]" : value) }
        var headerObject = [String: JSON](minimumCapacity: headers.count)
        for field in headers {
            let name = field.name.canonicalName
            headerObject[name] = .string(Redaction.header(name: name, value: field.value))
        }
        return [
            "method": .string(method), "path": .string(path), "reference": .string(reference), "query": .object(queryObject),
            "status": .int(status), "headers": .object(headerObject), "timestamp": .double(timestamp),
            "duration_ms": .double(durationMilliseconds),
        ]
    }
}
