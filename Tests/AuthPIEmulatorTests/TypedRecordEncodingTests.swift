import Foundation
import Testing
@testable import AuthPIEmulator

/// The typed writers against the dictionary they replace on reads: the same bytes for every generated user shape
/// (all cultures, statuses, login kinds, with and without avatar), and stored records' kept bytes stay current.
@Suite("Typed record encoding")
struct TypedRecordEncodingTests {
    static let issuers = EmulatorDemo.issuerIDs

    @Test func generatedUsersWriteTheBytesTheirDictionaryWrites() {
        for issuer in Self.issuers {
            let users = Seed.virtualUsers(issuer: issuer, count: 1_000_000)
            for index in Array(0..<2_000) + [999_999, 500_000, 123_457] {
                var json = JSONWriter(capacity: 1_024)
                VirtualUser(users, index: index).write(to: &json)
                let expected = JSON.object(users.user(at: index)).serialized()
                #expect(json.out == expected, "user \(index) of \(issuer): \(String(decoding: json.out, as: UTF8.self))")
                if json.out != expected { return }
            }
        }
    }

    @Test func generatedListItemsWriteTheBytesOfTheListItemDictionary() {
        for issuer in Self.issuers {
            let users = Seed.virtualUsers(issuer: issuer, count: 1_000_000)
            for index in Array(0..<2_000) + [999_999, 500_000] {
                var json = JSONWriter(capacity: 512)
                VirtualUserListItem(users, index: index).write(to: &json, issuerID: users.issuerID, storeID: users.storeID)
                let expected = UserRoutes.listItem(users.user(at: index)).serialized()
                #expect(json.out == expected, "list item \(index) of \(issuer)")
                if json.out != expected { return }
            }
        }
    }

    @Test func pagesFromEncodedRecordsMatchTheJSONEnvelope() {
        var collection = RecordCollection()
        for number in 0..<5 {
            collection.append(["id": .string("rec_\(number)"), "n": .int(number), "when": .double(1.5), "name": "Zoë \"q\""], seq: number + 1)
        }
        let page = collection.page(after: -1, limit: 3)
        let encoded = APIResponse.list(page.records, hasMore: page.hasMore)
        let viaJSON = APIResponse.list(page.records.map { .object($0.object) }, hasMore: page.hasMore, nextCursor: Cursor.encode(3))
        guard case .page(let bytes) = encoded.encoded else {
            Issue.record("a page of stored records is written from their kept bytes")
            return
        }
        #expect(bytes == viaJSON.body?.serialized())
    }

    @Test func keptBytesFollowEveryWrite() {
        var collection = RecordCollection()
        collection.append(["id": "rec_1", "status": "active"], seq: 1)
        collection.update("rec_1") { $0["status"] = "blocked" }
        #expect(collection.get("rec_1")?.encoded == JSON.object(["id": "rec_1", "status": "blocked"]).serialized())
        collection.patchSilently("rec_1") { $0["secret"] = nil; $0["note"] = "x" }
        #expect(collection.get("rec_1")?.encoded == JSON.object(["id": "rec_1", "status": "blocked", "note": "x"]).serialized())
        #expect(collection.encodedSingle("rec_1")?.version == 2)
    }

    @Test func containsDoesNotNeedTheUserAndSeesDeletions() {
        var collection = RecordCollection(virtual: Seed.virtualUsers(issuer: EmulatorDemo.issuerID, count: 10))
        let id = Seed.virtualUsers(issuer: EmulatorDemo.issuerID, count: 10).id(at: 3)
        #expect(collection.contains(id))
        collection.remove(id)
        #expect(!collection.contains(id))
        #expect(collection.encodedSingle(id) == nil)
        #expect(!collection.contains("usr_nobody"))
    }
}
