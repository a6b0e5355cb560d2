/// One user's sessions in creation order. A page starts with a binary search for the cursor's sequence, so
/// sessions created later never shift or repeat what a cursor points at (as `RecordCollection.page`).
struct UserSessions: Sendable {
    /// Ascending `seq`.
    private(set) var records: [SessionRecord] = []
    /// Position in `records` by session id.
    private var positions: [String: Int] = [:]

    func get(_ id: String) -> SessionRecord? { positions[id].map { records[$0] } }

    /// Adds a new session; its `seq` must be greater than every sequence already here.
    mutating func append(_ record: SessionRecord) {
        precondition(records.last.map { $0.seq < record.seq } ?? true, "sessions are appended in creation order")
        positions[record.id] = records.count
        records.append(record)
    }

    /// Changes a session in place; nil when there is none with this id.
    mutating func update(_ id: String, _ change: (inout SessionRecord) throws -> Void) rethrows -> SessionRecord? {
        guard let position = positions[id] else { return nil }
        try change(&records[position])
        return records[position]
    }

    /// Up to `limit` sessions after the sequence `afterSeq` that pass `filter`, and whether more exist.
    func page(after afterSeq: Int, limit: Int, filter: (SessionRecord) -> Bool) -> (records: [SessionRecord], hasMore: Bool) {
        var result: [SessionRecord] = []
        var position = firstPosition(after: afterSeq)
        while position < records.count {
            defer { position += 1 }
            guard filter(records[position]) else { continue }
            if result.count == limit { return (result, true) }
            result.append(records[position])
        }
        return (result, false)
    }

    /// First position with a sequence greater than `seq`.
    private func firstPosition(after seq: Int) -> Int {
        SequenceSearch.firstPosition(after: seq, count: records.count) { records[$0].seq }
    }
}
