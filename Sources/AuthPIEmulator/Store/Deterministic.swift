/// Small deterministic helpers so seeded data is identical on every run.
enum Deterministic {
    /// SplitMix64: a well-mixed hash of a 64-bit value.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func pick<T>(_ values: [T], _ index: Int, salt: UInt64) -> T {
        values[Int(mix(UInt64(truncatingIfNeeded: index) ^ salt) % UInt64(values.count))]
    }

    static func number(_ index: Int, salt: UInt64, below bound: Int) -> Int {
        Int(mix(UInt64(truncatingIfNeeded: index) ^ salt) % UInt64(max(bound, 1)))
    }

    /// A real-shaped issuer id, `i_` + 14 lowercase letters and digits, derived from a seed name: the demo ids
    /// look like the real API's and stay the same on every run.
    static func issuerID(seedName: String) -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var value = mix(fnv(seedName))
        var characters = ""
        for position in 0..<14 {
            // 36^7 fits a fresh hash; re-mix halfway so every character is well distributed.
            if position == 7 { value = mix(value) }
            characters.append(alphabet[Int(value % 36)])
            value /= 36
        }
        return "i_" + characters
    }

    /// FNV-1a, for ETags and short stable hashes.
    static func fnv(_ text: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(text)
        return hash.value
    }

    /// FNV-1a fed piece by piece: `value` is `fnv` of the pieces joined, without joining them into a String.
    struct FNV1a {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ byte: UInt8) {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }

        mutating func add(_ text: String) {
            for byte in text.utf8 { add(byte) }
        }

        /// The decimal digits of a non-negative number, as `"\(number)"` would write them.
        mutating func add(decimal number: Int) {
            let number = max(number, 0)
            var power = 1
            while power <= number / 10 { power *= 10 }
            var rest = number
            while power > 0 {
                add(UInt8(ascii: "0") + UInt8(rest / power))
                rest %= power
                power /= 10
            }
        }
    }

    /// The 64 hex digits `digest` makes from an FNV-1a value, appended to `out` (no String in between).
    static func appendDigest(ofFNV hash: UInt64, to out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 64))
        out.withUnsafeMutableBufferPointer { buffer in
            for part in 0..<4 { writeHex(mix(hash &+ UInt64(part)), width: 16, into: buffer, at: start + part * 16) }
        }
    }

    /// The lowest `width` hex digits of `value`, zero-padded. Written digit by digit: ids and list items call
    /// this on every row of a page, and `String(_:radix:)` plus padding cost more than the rest of the item.
    static func hex(_ value: UInt64, width: Int) -> String {
        let width = max(0, width)
        return String(unsafeUninitializedCapacity: width) { buffer in
            writeHex(value, width: width, into: buffer, at: 0)
            return width
        }
    }

    private static func writeHex(_ value: UInt64, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var rest = value
        for position in stride(from: start + width - 1, through: start, by: -1) {
            let nibble = UInt8(truncatingIfNeeded: rest & 0xF)
            buffer[position] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
            rest >>= 4
        }
    }

    /// A 64-hex-digit digest-like string (not cryptographic; only for `username_hash`).
    static func digest(_ text: String) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(64)
        appendDigest(ofFNV: fnv(text), to: &digits)
        return String(decoding: digits, as: UTF8.self)
    }

    /// Bijective scramble of 32-bit indexes into ids that look random.
    static let multiplier: UInt32 = 0x9E37_79B1
    static let multiplierInverse: UInt32 = {
        var inverse = multiplier
        for _ in 0..<5 { inverse = inverse &* (2 &- multiplier &* inverse) }
        return inverse
    }()
    static let scrambleMask: UInt32 = 0x5BD1_E995

    static func scramble(_ index: Int) -> UInt32 { (UInt32(truncatingIfNeeded: index) &* multiplier) ^ scrambleMask }
    static func unscramble(_ value: UInt32) -> Int { Int((value ^ scrambleMask) &* multiplierInverse) }
}
