import OrderedCollections

/// A bounded cache that forgets the least recently used entry first.
struct LRUCache<Value: Sendable>: Sendable {
    private var entries: OrderedDictionary<String, Value> = [:]
    let capacity: Int

    init(capacity: Int) { self.capacity = max(capacity, 1) }

    var count: Int { entries.count }

    mutating func value(for key: String) -> Value? {
        guard let value = entries.removeValue(forKey: key) else { return nil }
        entries[key] = value
        return value
    }

    mutating func set(_ value: Value, for key: String) {
        entries.removeValue(forKey: key)
        entries[key] = value
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
    }

    mutating func remove(_ key: String) { entries.removeValue(forKey: key) }

    mutating func removeAll() { entries.removeAll() }
}
