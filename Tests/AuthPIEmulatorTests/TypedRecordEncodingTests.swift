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

    @Test func aLoginHashedPieceByPieceIsTheHashOfTheLoweredLogin() {
        // Every culture and login kind (phone, username, email), small and large indexes.
        let users = Seed.virtualUsers(issuer: Self.issuers[0], count: 1_000_000)
        var kinds: Set<String> = []
        for culture in NameBank.cultures {
            for index in Array(0..<400) + [9, 10, 99, 100, 999_999, 123_456] {
                let login = users.login(index, culture)
                let hashed = users.loginHash(index, culture)
                #expect(hashed.kind == login.0)
                #expect(hashed.fnv == Deterministic.fnv(login.1.lowercased()), "\(login.1)")
                kinds.insert(login.0)
            }
        }
        #expect(kinds == ["phone", "username", "email"])
        var digest: [UInt8] = []
        Deterministic.appendDigest(ofFNV: Deterministic.fnv("ana.lee7@example.com"), to: &digest)
        #expect(String(decoding: digest, as: UTF8.self) == Deterministic.digest("ana.lee7@example.com"))
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

    @Test func cachedListItemsAreTheBytesWrittenFreshEvenWhenTheirSlotIsShared() {
        var cache = VirtualListItemCache()
        let small = Seed.virtualUsers(issuer: Self.issuers[0], count: 300)
        let large = Seed.virtualUsers(issuer: Self.issuers[0], count: 1_000_000)
        // The same index of two populations, and two indexes of one slot, each written fresh, then from the cache.
        let cases = [(small, 7), (large, 7), (large, 7 + VirtualListItemCache.slotCount), (small, 299), (large, 999_999)]
        for round in 0..<2 {
            for (users, index) in cases {
                var fresh = JSONWriter(capacity: 512)
                VirtualUserListItem(users, index: index).write(to: &fresh, issuerID: users.issuerID, storeID: users.storeID)
                var cached = JSONWriter(capacity: 512)
                cache.write(users, index: index, to: &cached)
                cache.write(users, index: index, to: &cached)
                #expect(cached.out == fresh.out + fresh.out, "item \(index) of \(users.count), round \(round)")
            }
        }
    }

    @Test func handWrittenBase64DecodingAgreesWithFoundation() {
        // Without padding, what Foundation decoded (after the url alphabet was mapped and padding added) the hand
        // decoder decodes, and what it refused (bad characters, a lone last character) the hand decoder refuses.
        // Padding, which cursors never carry, is taken only where it belongs (Foundation took stray ones too).
        func foundation(_ text: String) -> String? {
            var mapped = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            while mapped.count % 4 != 0 { mapped += "=" }
            return Data(base64Encoded: mapped).flatMap { String(data: $0, encoding: .utf8) }
        }
        #expect(Cursor.base64Decoded("YzE=") == "c1" && Cursor.base64Decoded("Yw==") == "c")
        #expect(Cursor.base64Decoded("YzE==") == nil && Cursor.base64Decoded("Yz=E") == nil && Cursor.base64Decoded("Yw===") == nil)
        var texts = ["", "YzE", "YzE6", "Y", "YzE*", "Yz E", "4pyTIMOgIGxhIG1vZGU", "4pyT", "_-_-", "+/+/"]
        for seq in [-1, 0, 7, 10_000_123] { texts.append(Cursor.encode(seq)) }
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for _ in 0..<3_000 {
            let bytes = (0..<Int.random(in: 0...20, using: &generator)).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
            texts.append(Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"))
            texts.append(String((0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for text in texts {
            #expect(Cursor.base64Decoded(text) == foundation(text), "\(text)")
        }
    }

    @Test func handWrittenCursorsAreFoundationsBase64URL() {
        for seq in Array(-1...3_000) + [9_999_999, 10_000_000, 10_000_123, Int(Int32.max)] {
            let text = "c1:\(seq):\(Deterministic.hex(Deterministic.fnv("cur\(seq)"), width: 6))"
            let foundation = Data(text.utf8).base64EncodedString()
                .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            #expect(Cursor.encode(seq) == foundation)
            #expect(Cursor.decode(Cursor.encode(seq)) == seq)
        }
        for length in 0..<12 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: 0xF8 &+ $0 * 37) }
            let foundation = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "=", with: "").replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            #expect(Cursor.base64URL(bytes) == foundation)
        }
    }

    @Test func headerTrimmingIsFoundationsWhiteSpaceTrimming() {
        for text in ["", " ", "\t", "Basic abc", " Basic abc ", "\tBasic abc\t", "Basic abc\u{00A0}", "\u{2003}Basic", "é", "x"] {
            #expect(EmulatorStore.trimmingWhitespace(text) == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
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
