/// Binary search over records kept in ascending creation sequence (the cursor key): a page starts where its cursor
/// points, never by scanning what came before.
enum SequenceSearch {
    /// The first position, of `count`, whose sequence is greater than `seq` (`count` when there is none).
    static func firstPosition(after seq: Int, count: Int, sequenceAt: (Int) -> Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if sequenceAt(mid) <= seq { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
