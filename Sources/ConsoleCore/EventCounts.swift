public import Foundation

/// The time span the events chart covers, and how it is cut into buckets. Every bucket is counted by the server
/// (`events.aggregate`); nothing is interpolated or scaled up.
public enum ChartWindow: String, Sendable, Hashable, CaseIterable {
    case hour, day, week

    /// "1 h", "24 h", "7 d".
    public var label: String {
        switch self {
        case .hour: "1 h"
        case .day: "24 h"
        case .week: "7 d"
        }
    }

    /// Seconds per bucket: 5 minutes, an hour, a day.
    public var bucketSeconds: Int {
        switch self {
        case .hour: 300
        case .day: 3_600
        case .week: 86_400
        }
    }

    public var bucketCount: Int {
        switch self {
        case .hour: 12
        case .day: 24
        case .week: 7
        }
    }

    /// The API's `interval` for one aggregate call over the window; nil when the API has no interval that
    /// small (the 1 h window asks once per 5-minute bucket instead).
    public var apiInterval: String? {
        switch self {
        case .hour: nil
        case .day: "hour"
        case .week: "day"
        }
    }

    /// "5-minute", "hourly", "daily".
    public var bucketLabel: String {
        switch self {
        case .hour: "5-minute"
        case .day: "hourly"
        case .week: "daily"
        }
    }

    /// The first bucket's start for a chart drawn at `now`: buckets are aligned to their size (UTC), the last
    /// one holds `now`.
    public func start(endingAt now: Date) -> Int {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down))
        let last = seconds - ((seconds % bucketSeconds) + bucketSeconds) % bucketSeconds
        return last - (bucketCount - 1) * bucketSeconds
    }
}

/// What the chart asks of the server: the window, when it ends, and the Events pane's server filter.
public struct EventCountsRequest: Sendable, Hashable {
    public var window: ChartWindow
    public var now: Date
    /// Filter query of the Events pane (`issuer_id`, `user_id`, `event_types`).
    public var query: [String: String]

    public init(window: ChartWindow, now: Date, query: [String: String] = [:]) {
        self.window = window
        self.now = now
        self.query = query
    }
}

/// Event counts per type and bucket, exactly as the server returned them.
public struct EventCounts: Sendable, Hashable {
    public var window: ChartWindow
    /// Unix seconds of the first bucket's start; bucket `i` starts at `start + i · window.bucketSeconds`.
    public var start: Int
    /// The end of the last bucket asked for (now, when the chart was read).
    public var end: Int
    /// Count per event type per bucket index. A bucket the server did not list had no event of that type.
    public var counts: [String: [Int: Int]]
    /// Buckets the server answered with a start outside the window asked for: not drawn, counted here.
    public var ignoredBuckets = 0

    public init(window: ChartWindow, start: Int, end: Int, counts: [String: [Int: Int]], ignoredBuckets: Int = 0) {
        self.window = window
        self.start = start
        self.end = end
        self.counts = counts
        self.ignoredBuckets = ignoredBuckets
    }

    public func total(of type: String) -> Int { counts[type]?.values.reduce(0, +) ?? 0 }

    public var total: Int { counts.keys.reduce(0) { $0 + total(of: $1) } }

    /// Types, most events first (then by name).
    public var types: [String] {
        counts.keys.sorted { left, right in
            let (a, b) = (total(of: left), total(of: right))
            return a != b ? a > b : left < right
        }
    }

    /// One character per bucket, oldest first: `·` for no event, else ▁▂▃▄▅▆▇█ scaled to the type's own peak
    /// (the smallest non-zero count is never drawn as nothing).
    public func sparkline(of type: String) -> String {
        let byBucket = counts[type] ?? [:]
        let peak = byBucket.values.max() ?? 0
        let bars = Array("▁▂▃▄▅▆▇█")
        return String((0..<window.bucketCount).map { index -> Character in
            let count = byBucket[index] ?? 0
            guard count > 0, peak > 0 else { return "·" }
            let level = Int((Double(count) / Double(peak) * Double(bars.count - 1)).rounded(.up))
            return bars[min(max(level, 0), bars.count - 1)]
        })
    }

    /// "per bucket: 3 0 0 1 …": the exact counts, oldest first.
    public func bucketCounts(of type: String) -> [Int] {
        (0..<window.bucketCount).map { counts[type]?[$0] ?? 0 }
    }

    /// The time axis, "13:05 … 14:00" (UTC): the first bucket's start and the last one's.
    public var axisText: String {
        let first = Date(timeIntervalSince1970: TimeInterval(start))
        let last = Date(timeIntervalSince1970: TimeInterval(start + (window.bucketCount - 1) * window.bucketSeconds))
        let format: (Date) -> String = window == .week
            ? { DisplayFormat.date($0) }
            : { String(DisplayFormat.dateTime($0).dropFirst(5).prefix(11)) }
        return "\(format(first)) → \(format(last)) UTC"
    }
}
