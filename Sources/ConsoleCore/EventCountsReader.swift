import AuthPIAdmin
import Foundation

/// Reads the events chart's counts with `events.aggregate` (grouped by type): one call over the window with the
/// API's interval, or one call per bucket when the API has no interval that small (5-minute buckets).
struct EventCountsReader {
    let client: AuthPIClient

    func read(_ request: EventCountsRequest) async throws -> EventCounts {
        let window = request.window
        let start = window.start(endingAt: request.now)
        let end = max(Int(request.now.timeIntervalSince1970.rounded(.up)), start + 1)
        let issuer = request.query["issuer_id"]
        let user = request.query["user_id"]
        let types = request.query["event_types"].map { [$0] }
        var counts: [String: [Int: Int]] = [:]
        var ignored = 0
        if let interval = window.apiInterval {
            let answer = try await client.events.aggregate(
                issuerID: issuer, userID: user, eventTypes: types, after: Double(start), before: Double(end),
                groupBy: "type", interval: interval)
            for bucket in Self.buckets(answer.value.json) {
                guard let bucketStart = bucket["start"]?.intValue,
                    (bucketStart - start) % window.bucketSeconds == 0,
                    case let index = (bucketStart - start) / window.bucketSeconds,
                    (0..<window.bucketCount).contains(index)
                else {
                    ignored += 1
                    continue
                }
                Self.add(bucket, at: index, to: &counts)
            }
        } else {
            for index in 0..<window.bucketCount {
                try Task.checkCancellation()
                let from = start + index * window.bucketSeconds
                let to = min(from + window.bucketSeconds, end)
                guard from < to else { break }
                let answer = try await client.events.aggregate(
                    issuerID: issuer, userID: user, eventTypes: types, after: Double(from), before: Double(to),
                    groupBy: "type")
                for bucket in Self.buckets(answer.value.json) { Self.add(bucket, at: index, to: &counts) }
            }
        }
        return EventCounts(window: window, start: start, end: end, counts: counts, ignoredBuckets: ignored)
    }

    /// The answer's `buckets` (inside `data` or bare).
    static func buckets(_ json: JSONObject) -> [JSONObject] {
        let body = json["data"]?.objectValue ?? json
        return (body["buckets"]?.arrayValue ?? []).compactMap(\.objectValue)
    }

    /// Adds one bucket's count under its type (`key`); a bucket without a count is skipped, never guessed.
    static func add(_ bucket: JSONObject, at index: Int, to counts: inout [String: [Int: Int]]) {
        guard let count = bucket["count"]?.intValue, count > 0 else { return }
        let type = bucket["key"]?.stringValue ?? "(no type)"
        counts[type, default: [:]][index, default: 0] += count
    }
}
