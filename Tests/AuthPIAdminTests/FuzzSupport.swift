import AuthPIAdmin
import Foundation

/// SplitMix64: small, fast, and the same sequence for the same seed on every platform.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    let seed: UInt64

    init(seed: UInt64) {
        self.seed = seed
        self.state = seed
    }

    /// The seed from `AUTHPI_FUZZ_SEED` (to replay a failure), else a fresh one.
    static func fromEnvironment() -> SeededGenerator {
        let text = ProcessInfo.processInfo.environment["AUTHPI_FUZZ_SEED"]
        return SeededGenerator(seed: text.flatMap { UInt64($0) } ?? UInt64.random(in: 1...UInt64.max))
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// How many random cases a fuzz test runs: `AUTHPI_FUZZ_CASES`, else `fallback`.
func fuzzCaseCount(_ fallback: Int) -> Int {
    ProcessInfo.processInfo.environment["AUTHPI_FUZZ_CASES"].flatMap(Int.init).map { min(max($0, 1), 1_000_000) } ?? fallback
}

/// Answers every request with one fixed response: the decoding path of the client without a network.
struct FixedResponseTransport: HTTPTransport {
    let response: TransportResponse

    func send(_ request: TransportRequest) async throws -> TransportResponse { response }
}

/// Valid bodies the mutations start from, as the API sends them.
enum FuzzCorpus {
    static let issuer = #"{"data":{"id":"iss_1","name":"Main","status":"active","access_mode":"public","created_at":1795000000,"updated_at":1795000000.5,"settings":{"mfa":true,"ttl":3600},"tags":["a","b"]}}"#
    static let user = #"{"data":{"id":"usr_1","issuer_id":"iss_1","status":"active","username":"alice@example.com","username_type":"email","profile":{"display_name":"Alice","first_name":"A"},"scopes":["read"],"created_at":1795000000,"metadata":{"team":"blue"}}}"#
    static let userPage = #"{"data":[{"user_id":"usr_1","status":"active","created_at":1795000000},{"user_id":"usr_2","status":"blocked","username_type":"phone"}],"has_more":true,"next_cursor":"YzE=","invalid_count":0}"#
    static let webhook = #"{"data":{"id":"wh_1","name":"audit","url":"https://hooks.example.com/x","events":["user.created"],"auth":{"type":"hmac","secret":"whsec_0123"},"enabled":true}}"#
    static let errorBody = #"{"error":"not_found","error_description":"User not found","reference":"ref_1","retryable":false,"fields":[{"field":"email","code":"invalid","message":"bad"}],"current_etag":"\"e1\"","retry_after":2}"#

    static let documents = [issuer, user, userPage, webhook]

    /// Values of every JSON type and the edges of numbers and strings.
    static let oddValues: [String] = [
        "null", "true", "false", "0", "-0", "-1", "1.5", "-0.0", "1e308", "-1e308", "1e-400", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", String(repeating: "9", count: 100),
        "\"\"", "\"x\"", "\"\\u0000\"", "\"\\ud83d\\ude00\"", "[]", "[null]", "{}", "{\"id\":1}",
        "\"" + String(repeating: "é", count: 200) + "\"",
    ]

    /// Bytes and fragments that break JSON in interesting ways.
    static let poison: [[UInt8]] = [
        [0x00], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xEF, 0xBB, 0xBF],
        Array(#"\ud800"#.utf8), Array(#""\udc00""#.utf8), Array("1e400".utf8), Array("-".utf8), Array("NaN".utf8),
        Array("Infinity".utf8), Array("[".utf8), Array("{".utf8), Array("]".utf8), Array("}".utf8), Array(",".utf8),
        Array(":".utf8), Array("\"".utf8), Array("\\".utf8), Array("<html>".utf8), Array("'".utf8),
        Array(String(repeating: "[", count: 600).utf8), Array(String(repeating: "9", count: 2000).utf8),
    ]
}

extension Array where Element == UInt8 {
    /// One random edit: cut, flip, insert poison, delete or duplicate a range, swap a value.
    func mutated(using random: inout SeededGenerator) -> [UInt8] {
        var bytes = self
        let operation = Int.random(in: 0..<7, using: &random)
        let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
        switch operation {
        case 0:
            bytes = Array(bytes.prefix(position))
        case 1 where !bytes.isEmpty:
            let index = Swift.min(position, bytes.count - 1)
            bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &random))
        case 2:
            bytes.insert(contentsOf: FuzzCorpus.poison.randomElement(using: &random) ?? [], at: position)
        case 3 where !bytes.isEmpty:
            let end = Swift.min(bytes.count, position + Int.random(in: 1...16, using: &random))
            if position < end { bytes.removeSubrange(position..<end) }
        case 4 where !bytes.isEmpty:
            let end = Swift.min(bytes.count, position + Int.random(in: 1...32, using: &random))
            if position < end { bytes.insert(contentsOf: bytes[position..<end], at: position) }
        case 5:
            bytes.insert(contentsOf: Array((FuzzCorpus.oddValues.randomElement(using: &random) ?? "").utf8), at: position)
        default:
            bytes.insert(UInt8.random(in: 0...255, using: &random), at: position)
        }
        return bytes
    }
}
