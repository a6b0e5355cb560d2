/// One stored resource: its creation sequence (the pagination key), its version (the ETag) and body.
struct Record: Sendable {
    var seq: Int
    var version: Int
    var object: [String: JSON]

    var id: String { object["id"]?.stringValue ?? "" }

    /// Quoted, opaque, changes with every write.
    func etag(for id: String) -> String {
        "\"\(Deterministic.hex(Deterministic.fnv(id), width: 12))-\(version)\""
    }
}

/// The records of one list endpoint, ordered by creation sequence. Pages are addressed by the last
/// sequence returned, so inserts and deletes elsewhere never shift or repeat what a cursor points at.
struct RecordCollection: Sendable {
    struct Entry: Sendable {
        let seq: Int
        let id: String
    }

    /// Materialized records (including changed virtual users), by id.
    private(set) var records: [String: Record] = [:]
    /// Non-virtual records in ascending `seq`.
    private(set) var order: [Entry] = []
    var virtual: VirtualUsers?
    private(set) var removedVirtual: Set<Int> = []

    init(virtual: VirtualUsers? = nil) { self.virtual = virtual }

    var count: Int { (virtual?.count ?? 0) - removedVirtual.count + order.count }

    func get(_ id: String) -> Record? {
        if let record = records[id] { return record }
        if let virtual, let index = virtual.index(of: id), !removedVirtual.contains(index) {
            return Record(seq: index, version: 1, object: virtual.user(at: index))
        }
        return nil
    }

    func contains(_ id: String) -> Bool { get(id) != nil }

    /// Adds a new record; `seq` must be greater than every sequence already stored.
    mutating func append(_ object: [String: JSON], seq: Int) {
        let record = Record(seq: seq, version: 1, object: object)
        records[record.id] = record
        order.append(Entry(seq: seq, id: record.id))
    }

    /// Replaces a record's body and bumps its version.
    @discardableResult
    mutating func update(_ id: String, _ change: (inout [String: JSON]) throws -> Void) rethrows -> Record? {
        guard var record = get(id) else { return nil }
        try change(&record.object)
        record.version += 1
        records[id] = record
        return record
    }

    /// Changes a stored record without a new version (bookkeeping that is not a client-visible write).
    mutating func patchSilently(_ id: String, _ change: (inout [String: JSON]) -> Void) {
        guard var record = get(id) else { return }
        change(&record.object)
        records[id] = record
    }

    @discardableResult
    mutating func remove(_ id: String) -> Record? {
        guard let record = get(id) else { return nil }
        records[id] = nil
        if let virtual, record.seq < virtual.count, virtual.index(of: id) == record.seq {
            removedVirtual.insert(record.seq)
        } else if let position = position(ofSeq: record.seq) {
            order.remove(at: position)
        }
        return record
    }

    private func position(ofSeq seq: Int) -> Int? {
        var low = 0
        var high = order.count
        while low < high {
            let mid = (low + high) / 2
            if order[mid].seq < seq { low = mid + 1 } else { high = mid }
        }
        return low < order.count && order[low].seq == seq ? low : nil
    }

    /// First index in `order` with a sequence greater than `seq`.
    private func firstPosition(after seq: Int) -> Int {
        var low = 0
        var high = order.count
        while low < high {
            let mid = (low + high) / 2
            if order[mid].seq <= seq { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Up to `limit` records after `afterSeq` that pass `filter`, and whether more exist.
    /// `virtualStatus` lets a status filter skip generating users that cannot match.
    func page(
        after afterSeq: Int,
        limit: Int,
        virtualStatus: String? = nil,
        summaries: Bool = false,
        filter: (Record) -> Bool = { _ in true }
    ) -> (records: [Record], hasMore: Bool) {
        var result: [Record] = []
        result.reserveCapacity(min(limit, 128))
        if let virtual, afterSeq + 1 < virtual.count {
            var index = max(afterSeq + 1, 0)
            while index < virtual.count {
                defer { index += 1 }
                if removedVirtual.contains(index) { continue }
                let id = virtual.id(at: index)
                let record: Record
                if let stored = records[id] {
                    record = stored
                } else {
                    if let virtualStatus, virtual.status(index) != virtualStatus { continue }
                    record = Record(seq: index, version: 1, object: summaries ? virtual.summary(at: index) : virtual.user(at: index))
                }
                guard filter(record) else { continue }
                if result.count == limit { return (result, true) }
                result.append(record)
            }
        }
        var position = firstPosition(after: afterSeq)
        while position < order.count {
            defer { position += 1 }
            guard let record = records[order[position].id], filter(record) else { continue }
            if result.count == limit { return (result, true) }
            result.append(record)
        }
        return (result, false)
    }

    /// Stored (created or changed) records only, unordered: cheap even beside a million virtual users.
    func materialized(filter: (Record) -> Bool = { _ in true }) -> [Record] {
        records.values.filter(filter)
    }

    /// Newest first (event and delivery logs): `before` is the sequence of the last item already
    /// seen (-1 for the first page), so new items never shift a cursor.
    func pageNewestFirst(before: Int, limit: Int, filter: (Record) -> Bool = { _ in true }) -> (records: [Record], hasMore: Bool) {
        var result: [Record] = []
        result.reserveCapacity(min(limit, 128))
        var position = before < 0 ? order.count - 1 : firstPosition(after: before - 1) - 1
        while position >= 0 {
            defer { position -= 1 }
            guard let record = records[order[position].id], filter(record) else { continue }
            if result.count == limit { return (result, true) }
            result.append(record)
        }
        return (result, false)
    }

    /// Every record, in order (small collections only).
    func all(filter: (Record) -> Bool = { _ in true }) -> [Record] {
        page(after: -1, limit: Int.max - 1, filter: filter).records
    }
}
