import Foundation
import Testing

@testable import AuthPIAdmin

@Suite("JSON parser")
struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    @Test func parsesEveryKindOfValue() throws {
        let value = try parse(#" {"s":"a\"b\\c\/d\n\t","i":-42,"big":9007199254740993,"d":1.5e2,"z":0,"t":true,"f":false,"n":null,"a":[1,[],{}],"o":{"k":"v"}} "#)
        #expect(value["s"] == "a\"b\\c/d\n\t")
        #expect(value["i"] == .int(-42))
        #expect(value["big"] == .int(9_007_199_254_740_993))
        #expect(value["d"] == .double(150))
        #expect(value["z"] == .int(0))
        #expect(value["t"] == true && value["f"] == false && value["n"] == .null)
        #expect(value["a"] == [1, [], [:]])
        #expect(value["o"] == ["k": "v"])
    }

    @Test func readsAListEnvelopeWithoutItsItems() {
        func next(_ text: String) -> ListContinuation? { JSONParser.listContinuation(Array(text.utf8)) }
        #expect(next(FuzzCorpus.userPage) == ListContinuation(hasMore: true, nextCursor: "YzE="))
        // Any key order; quotes, backslashes and brackets inside the skipped items' strings; nested values.
        let tricky = #"{"next_cursor":"c\"2","data":[{"q":"]}\\","n":[1,{"x":"{["}],"d":-1.5e3,"t":true,"z":null}],"has_more":true}"#
        #expect(next(tricky) == ListContinuation(hasMore: true, nextCursor: "c\"2"))
        #expect(next(#" {"data":[],"has_more":false,"next_cursor":null} "#) == ListContinuation(hasMore: false, nextCursor: nil))
        #expect(next(#"{"has_more":true,"next_cursor":"a","has_more":false}"#) == ListContinuation(hasMore: false, nextCursor: "a"),
                "a repeated key: the last one wins, as in the full parse")
        #expect(next("{}") == ListContinuation(hasMore: false, nextCursor: nil))
        #expect(next("\u{FEFF}{\"has_more\":true,\"next_cursor\":\"a\"}") == ListContinuation(hasMore: true, nextCursor: "a"))
        for notAnEnvelope in ["", "[1]", "null", #"{"data":[1,2"#, #"{"data":"abc"#, #"{"has_more" true}"#] {
            #expect(next(notAnEnvelope) == nil, "\(notAnEnvelope)")
        }
    }

    /// Whatever the bytes, the envelope read early says what the full parse says whenever that succeeds: the
    /// read-ahead never requests a page the parsed page would not.
    @Test func theEarlyEnvelopeAgreesWithTheFullParse() {
        var random = SeededGenerator.fromEnvironment()
        let seed = random.seed
        var compared = 0
        for _ in 0..<fuzzCaseCount(3_000) {
            var bytes = Array(FuzzCorpus.userPage.utf8)
            for _ in 0..<Int.random(in: 1...3, using: &random) { bytes = bytes.mutated(using: &random) }
            guard case .object(let object)? = try? JSONParser.parse(bytes) else { continue }
            let full = ListContinuation(hasMore: object["has_more"]?.boolValue ?? false, nextCursor: object["next_cursor"]?.stringValue)
            #expect(JSONParser.listContinuation(bytes) == full, "seed \(seed): \(String(decoding: bytes, as: UTF8.self))")
            compared += 1
        }
        #expect(compared > 100, "seed \(seed): only \(compared) mutated pages still parsed")
    }

    @Test func shortDecimalsReadExactlyAsTheStandardLibraryReadsThem() throws {
        // The fast path (at most 15 digits, no exponent) against Double(String), bit for bit: edges, then random.
        var texts = ["0.0", "-0.0", "0.1", "0.3", "1735000000.0", "-1735691815.5", "999999999999999.0", "0.000000000000001",
                     "9007199254740.993", "1.7976931348623", "4.9406564584124", "123456789012345.6", "0.1234567890123456"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let integerDigits = Int.random(in: 1...15, using: &generator)
            let fractionDigits = Int.random(in: 1...16, using: &generator)
            var text = Bool.random(using: &generator) ? "-" : ""
            text += String(Int.random(in: 1...9, using: &generator))
            for _ in 1..<integerDigits { text += String(Int.random(in: 0...9, using: &generator)) }
            text += "."
            for _ in 0..<fractionDigits { text += String(Int.random(in: 0...9, using: &generator)) }
            texts.append(text)
        }
        for text in texts {
            let expected = try #require(Double(text))
            guard case .double(let read) = try parse(text) else { Issue.record("\(text) did not read as a Double"); continue }
            #expect(read.bitPattern == expected.bitPattern, "\(text): read \(read), expected \(expected)")
        }
    }

    @Test func decodesUnicodeEscapesAndRawUTF8() throws {
        #expect(try parse(#""\u00e9\u4e2d\ud83d\ude00""#) == "é中😀")
        #expect(try parse("\"é中😀\"") == "é中😀")
    }

    @Test func agreesWithFoundationOnARealisticDocument() throws {
        let text = #"{"data":[{"user_id":"usr_1","created_at":1795000000.25,"tags":["a","b"],"profile":{"display_name":"Ünïcode"}}],"has_more":true,"next_cursor":"YzE="}"#
        let foundation = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(try parse(text) == foundation)
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "tru", "01", "1.", "1e", "-", "\"abc", "\"\\x\"", "\"\\ud83d\"",
        "\"\\ude00\"", "{} {}", "[1] x", "\"a\u{01}b\"", "1e400", "nul",
    ])
    func refusesInvalidJSON(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test func refusesExcessiveNesting() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(throws: JSONParser.Failure.self) { try parse(deep) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        _ = try parse(fine)
    }
}
