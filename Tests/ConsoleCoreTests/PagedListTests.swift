import Testing
@testable import ConsoleCore

@Suite("PagedList")
struct PagedListTests {
    private func page(_ range: Range<Int>, total: Int) -> RowPage {
        RowPage(
            rows: range.map { ConsoleRow(id: "r\($0)", cells: ["r\($0)"]) },
            nextCursor: range.upperBound < total ? String(range.upperBound) : nil, hasMore: range.upperBound < total)
    }

    @Test func firstPageThenPrefetchOnlyNearTheEnd() {
        var list = PagedList()
        #expect(list.nextFetch(focus: 0, visible: 0..<10, prefetchDistance: 5) == .append(cursor: nil))
        list.begin(.append(cursor: nil))
        // One request at a time.
        #expect(list.nextFetch(focus: 0, visible: 0..<10, prefetchDistance: 5) == nil)
        list.complete(.append(cursor: nil), with: page(0..<20, total: 50))
        #expect(list.count == 20)
        #expect(list.nextFetch(focus: 10, visible: 0..<10, prefetchDistance: 5) == nil)
        #expect(list.nextFetch(focus: 14, visible: 5..<15, prefetchDistance: 5) == .append(cursor: "20"))
    }

    @Test func failureKeepsRowsAndCanBeRetried() {
        var list = PagedList()
        list.begin(.append(cursor: nil))
        list.complete(.append(cursor: nil), with: page(0..<20, total: 50))
        list.begin(.append(cursor: "20"))
        list.fail(.append(cursor: "20"), message: "503")
        #expect(list.count == 20)
        #expect(list.failureMessage == "503")
        #expect(list.nextFetch(focus: 19, visible: 10..<20, prefetchDistance: 5) == nil)
        list.retry()
        #expect(list.nextFetch(focus: 19, visible: 10..<20, prefetchDistance: 5) == .append(cursor: "20"))
    }

    @Test func evictedPagesKeepTheirCursorAndAreRefilled() {
        var list = PagedList()
        for start in stride(from: 0, to: 100, by: 10) {
            let fetch = PagedList.Fetch.append(cursor: start == 0 ? nil : String(start))
            list.begin(fetch)
            list.complete(fetch, with: page(start..<(start + 10), total: 1000))
        }
        let dropped = list.evict(keepingAround: 95, radius: 2)
        #expect(dropped == 7)
        #expect(list.residentRowCount == 30)
        #expect(list.row(at: 5) == nil)
        #expect(list.row(at: 95)?.id == "r95")
        #expect(list.count == 100)
        #expect(list.nextFetch(focus: 5, visible: 0..<10, prefetchDistance: 5) == .refill(page: 0, cursor: nil))
        list.begin(.refill(page: 0, cursor: nil))
        list.complete(.refill(page: 0, cursor: nil), with: page(0..<10, total: 1000))
        #expect(list.row(at: 5)?.id == "r5")
    }

    @Test func staleAnswersAreDropped() {
        var list = PagedList()
        list.begin(.append(cursor: nil))
        list.reset()
        let accepted = list.complete(.append(cursor: nil), with: page(0..<10, total: 10))
        #expect(!accepted)
        #expect(list.count == 0)
    }

    @Test func removeShiftsLaterPages() {
        var list = PagedList()
        list.begin(.append(cursor: nil))
        list.complete(.append(cursor: nil), with: page(0..<10, total: 30))
        list.begin(.append(cursor: "10"))
        list.complete(.append(cursor: "10"), with: page(10..<20, total: 30))
        let removed = list.remove(id: "r3")
        #expect(removed)
        #expect(list.count == 19)
        #expect(list.row(at: 9)?.id == "r10")
        #expect(list.row(at: 18)?.id == "r19")
    }

    @Test func filterSplitsServerAndClientParts() {
        let users = ListFilter("status:blocked alice", kind: .users)
        #expect(users.serverQuery == ["status": "blocked"])
        #expect(users.clientText == "alice")
        let issuers = ListFilter("acme status:active", kind: .issuers)
        #expect(issuers.serverQuery == ["q": "acme", "status": "active"])
        #expect(issuers.clientText.isEmpty)
        let events = ListFilter("type:user.updated user:usr_1 issuer:iss_1", kind: .events)
        #expect(events.serverQuery == ["event_types": "user.updated", "user_id": "usr_1", "issuer_id": "iss_1"])
    }

    @Test func countFormatting() {
        #expect(DisplayFormat.count(1_000_000) == "1,000,000")
        #expect(DisplayFormat.count(999) == "999")
        #expect(DisplayFormat.count(1000) == "1,000")
    }
}
