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
