import Foundation

/// A small, strict JSON parser producing ``JSONValue`` straight from bytes.
///
/// Foundation's `JSONDecoder` decoding into an enum has to try each type in turn, which made list pages
/// slow to read; this parser looks at each value once. Integers that fit `Int64` stay exact.
struct JSONParser {
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "invalid JSON at byte \(offset): \(reason)" }
    }

    /// Nesting deeper than this is refused rather than risking the stack.
    static let maxDepth = 512
    /// Longer number texts are refused (no API value needs more than a few dozen digits).
    static let maxNumberLength = 1024

    /// The document, borrowed for the parse only (`parse` keeps the array alive): every read is checked against
    /// `bytes.count` by the parser itself, so the array's own bounds check on each byte was paid twice.
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Members of the objects being read, innermost last (see `parseObject`).
    private var memberStack: [(String, JSONValue)] = []
    /// Elements of the arrays being read, innermost last.
    private var elementStack: [JSONValue] = []

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer)
            // A UTF-8 byte order mark is tolerated.
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            parser.skipWhitespace()
            let value = try parser.parseValue()
            parser.skipWhitespace()
            guard parser.index == buffer.count else { throw parser.failure("unexpected data after the value") }
            return value
        }
    }

    /// What a list page's envelope says of the next page — its top-level `has_more` and `next_cursor` — read
    /// without building the items (they are stepped over). Nil when the bytes are not a JSON object; the full
    /// parse then says what is wrong. A repeated key: the last one wins, as in `parse`.
    static func listContinuation(_ bytes: [UInt8]) -> ListContinuation? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer)
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
            return try? parser.scanContinuation()
        }
    }

    private mutating func scanContinuation() throws -> ListContinuation {
        var next = ListContinuation(hasMore: false, nextCursor: nil)
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw failure("expected an object") }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") { return next }
        while true {
            switch try parseMemberKey() {
            case "has_more": next.hasMore = try parseValue().boolValue ?? false
            case "next_cursor": next.nextCursor = try parseValue().stringValue
            default: try skipValue()
            }
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                return next
            } else {
                throw failure("expected ',' or '}'")
            }
        }
    }

    /// Steps over one value without building it: strings with their escapes, brackets counted. It checks only
    /// what it needs to find the value's end.
    private mutating func skipValue() throws {
        guard index < bytes.count else { throw failure("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var nesting = 0
            repeat {
                guard index < bytes.count else { throw failure("unexpected end") }
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    try skipString()
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    nesting += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    nesting -= 1
                default:
                    break
                }
                index += 1
            } while nesting > 0
        default:
            // A number or a literal: up to the next delimiter.
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") || byte == 0x20
                    || byte == 0x0A || byte == 0x0D || byte == 0x09 { break }
                index += 1
            }
        }
    }

    /// Steps over a string: `memchr` finds each quote (most of a page's bytes are inside strings); a quote after
    /// an odd run of backslashes is escaped.
    private mutating func skipString() throws {
        index += 1
        guard let base = bytes.baseAddress else { throw failure("unterminated string") }
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "\"")), bytes.count - index) else { break }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while quote - backslashes - 1 >= index, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") { backslashes += 1 }
            index = quote + 1
            if backslashes.isMultiple(of: 2) { return }
        }
        throw failure("unterminated string")
    }

    private func failure(_ reason: String) -> Failure { Failure(offset: index, reason: reason) }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
            index += 1
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        guard index < bytes.count else { throw failure("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected character")
        }
    }

    private mutating func expectLiteral(_ literal: String) throws {
        let expected = literal.utf8  // no copy: these literals are small strings
        guard index + expected.count <= bytes.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
            throw failure("invalid literal")
        }
        index += expected.count
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth { throw failure("nesting deeper than \(Self.maxDepth)") }
    }

    /// An object member's key and its colon; stops at the value.
    private mutating func parseMemberKey() throws -> String {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key") }
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
        index += 1
        skipWhitespace()
        return key
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object([:])
        }
        // Members go on a stack shared by all objects of the document, and the dictionary is made once at
        // its final size: growing it member by member rehashed every key several times (a third of the
        // time spent reading a list page).
        let base = memberStack.count
        defer { memberStack.removeLast(memberStack.count - base) }  // cheaper than removeSubrange(base...)
        while true {
            let key = try parseMemberKey()
            let value = try parseValue()
            memberStack.append((key, value))
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                var object = JSONObject(minimumCapacity: memberStack.count - base)
                // A repeated key: the last one wins.
                for (key, value) in memberStack[base...] { object[key] = value }
                return .object(object)
            } else {
                throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array([])
        }
        // Same idea as objects: elements on a shared stack, the array allocated once at its final size.
        let base = elementStack.count
        defer { elementStack.removeLast(elementStack.count - base) }
        while true {
            skipWhitespace()
            let value = try parseValue()
            elementStack.append(value)
            skipWhitespace()
            guard index < bytes.count else { throw failure("unexpected end") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(Array(elementStack[base...]))
            } else {
                throw failure("expected ',' or ']'")
            }
        }
    }

    private mutating func parseString() throws -> String {
        index += 1  // opening quote
        let start = index
        var asciiOnly = true
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if !asciiOnly { try validateUTF8(from: start, to: index) }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw failure("control character in a string") }
            if byte >= 0x80 { asciiOnly = false }
            index += 1
        }
        if !asciiOnly { try validateUTF8(from: start, to: index) }
        var scalars = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw failure("unexpected end") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append(0x22)
                case UInt8(ascii: "\\"): scalars.append(0x5C)
                case UInt8(ascii: "/"): scalars.append(0x2F)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800...0xDBFF).contains(code) {
                        // A high surrogate must be followed by \uDC00–\uDFFF.
                        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                            index += 2
                            let low = try parseHex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid surrogate pair") }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            throw failure("lone surrogate")
                        }
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw failure("lone surrogate")
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw failure("invalid code point") }
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    throw failure("invalid escape")
                }
            default:
                if byte < 0x20 { throw failure("control character in a string") }
                if byte >= 0x80 {
                    // Copy one whole, valid UTF-8 sequence.
                    let end = try validateUTF8Sequence(at: index)
                    scalars.append(contentsOf: bytes[index..<end])
                    index = end
                } else {
                    scalars.append(byte)
                    index += 1
                }
            }
        }
        throw failure("unterminated string")
    }

    /// Refuses bytes that are not UTF-8 (RFC 8259 §8.1) instead of replacing them with U+FFFD.
    private func validateUTF8(from start: Int, to end: Int) throws {
        var position = start
        while position < end {
            if bytes[position] < 0x80 {
                position += 1
            } else {
                position = try validateUTF8Sequence(at: position, limit: end)
            }
        }
    }

    /// Checks the multi-byte sequence starting at `position` and returns the index after it. Overlong forms,
    /// UTF-16 surrogates (`ED A0..BF`) and code points above U+10FFFF are refused.
    private func validateUTF8Sequence(at position: Int, limit: Int? = nil) throws -> Int {
        let limit = limit ?? bytes.count
        let lead = bytes[position]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw Failure(offset: position, reason: "invalid UTF-8")
        }
        guard position + length <= limit, secondRange.contains(bytes[position + 1]) else {
            throw Failure(offset: position, reason: "invalid UTF-8")
        }
        for next in (position + 2)..<(position + length) where !(0x80...0xBF).contains(bytes[next]) {
            throw Failure(offset: position, reason: "invalid UTF-8")
        }
        return position + length
    }

    private mutating func parseHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("unexpected end") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// 10^0 … 10^15, each exactly representable as a Double.
    private static let exactPowersOfTen: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { power, _ in power * 10 }
    }

    private mutating func parseNumber() throws -> JSONValue {
        let start = index
        var isInteger = true
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let digitsStart = index
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
            throw failure("invalid number")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        }
        let integerEnd = index
        var fractionDigits = 0
        var hasExponent = false
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            let digits = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > digits else { throw failure("invalid number") }
            fractionDigits = index - digits
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            hasExponent = true
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digits = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            guard index > digits else { throw failure("invalid number") }
        }
        // Converting a number text costs more than linear time in its length: very long ones are refused.
        guard index - start <= Self.maxNumberLength else { throw failure("number longer than \(Self.maxNumberLength) characters") }
        // Up to 18 digits cannot overflow Int64: read them without making a String.
        if isInteger, index - start <= 18 {
            var value: Int64 = 0
            for byte in bytes[digitsStart..<index] { value = value * 10 + Int64(byte - UInt8(ascii: "0")) }
            return .int(negative ? -value : value)
        }
        if !isInteger, !hasExponent, (integerEnd - digitsStart) + fractionDigits <= 15 {
            // Timestamps like 1735000000.0 on every list item: at most 15 digits make an exact Double, and dividing
            // it by an exact power of ten rounds once, correctly, so this equals strtod's answer without a String.
            var mantissa: Int64 = 0
            for byte in bytes[digitsStart..<index] where byte != UInt8(ascii: ".") {
                mantissa = mantissa * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            let value = Double(mantissa) / Self.exactPowersOfTen[fractionDigits]
            return .double(negative ? -value : value)
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let value = Int64(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { throw failure("number out of range") }
        return .double(value)
    }
}

/// What a list page's envelope says of the page after it (see `JSONParser.listContinuation`).
struct ListContinuation: Sendable, Equatable {
    var hasMore: Bool
    var nextCursor: String?
}
