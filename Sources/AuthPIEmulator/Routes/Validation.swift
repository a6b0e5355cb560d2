import Foundation

/// What a body field must look like.
struct FieldRule: Sendable {
    enum Kind: Sendable {
        case string, nonEmptyString, email, url, bool, int, number, object, stringArray, array, any
        case oneOf([String])
        /// A list whose items must be among these values.
        case listOf([String])
        /// An object whose own fields follow these rules (problems are named `outer.inner`).
        case shape([FieldRule])
    }

    let name: String
    let kind: Kind
    let required: Bool

    init(_ name: String, _ kind: Kind, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.required = required
    }
}

enum Validator {
    /// Checks `body` against `rules`; `creating` enforces required fields. Collects every problem.
    static func check(_ body: [String: JSON], _ rules: [FieldRule], creating: Bool) throws(APIError) {
        let problems = problems(body, rules, creating: creating, prefix: "")
        if !problems.isEmpty { throw APIError.validation(problems) }
    }

    private static func problems(_ body: [String: JSON], _ rules: [FieldRule], creating: Bool, prefix: String) -> [APIError.FieldError] {
        var problems: [APIError.FieldError] = []
        for rule in rules {
            let name = prefix + rule.name
            guard let value = body[rule.name] else {
                if creating && rule.required {
                    problems.append(.init(field: name, code: "required", message: "\(name) is required"))
                }
                continue
            }
            if value.isNull {
                if rule.required {
                    problems.append(.init(field: name, code: "required", message: "\(name) must not be null"))
                }
                continue
            }
            if case .shape(let inner) = rule.kind, let object = value.objectValue {
                // A nested object that is sent must be whole, also in an update.
                problems += self.problems(object, inner, creating: true, prefix: name + ".")
                continue
            }
            if let problem = problem(rule, name: name, value) { problems.append(problem) }
        }
        return problems
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return false
        }
        return !text.contains(where: { $0.isWhitespace }) && text.count <= 320
    }

    private static func problem(_ rule: FieldRule, name: String, _ value: JSON) -> APIError.FieldError? {
        func wrong(_ expected: String) -> APIError.FieldError {
            .init(field: name, code: "invalid_type", message: "\(name) must be \(expected), got \(value.typeName)")
        }
        switch rule.kind {
        case .any: return nil
        case .string: return value.stringValue == nil ? wrong("a string") : nil
        case .nonEmptyString:
            guard let text = value.stringValue else { return wrong("a string") }
            return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? .init(field: name, code: "empty", message: "\(name) must not be empty") : nil
        case .email:
            guard let text = value.stringValue else { return wrong("a string") }
            return isEmail(text) ? nil : .init(field: name, code: "invalid_email", message: "\(name) is not a valid email address")
        case .url:
            guard let text = value.stringValue else { return wrong("a string") }
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
                return .init(field: name, code: "invalid_url", message: "\(name) must be an http(s) URL")
            }
            return nil
        case .bool: return value.boolValue == nil ? wrong("a boolean") : nil
        case .int: return value.intValue == nil || value.boolValue != nil ? wrong("an integer") : nil
        case .number: return value.doubleValue == nil ? wrong("a number") : nil
        case .object, .shape: return value.objectValue == nil ? wrong("an object") : nil
        case .array: return value.arrayValue == nil ? wrong("an array") : nil
        case .stringArray:
            guard let items = value.arrayValue else { return wrong("an array of strings") }
            return items.allSatisfy({ $0.stringValue != nil }) ? nil : wrong("an array of strings")
        case .oneOf(let allowed):
            guard let text = value.stringValue else { return wrong("a string") }
            return allowed.contains(text)
                ? nil : .init(field: name, code: "invalid_enum", message: "\(name) must be one of: \(allowed.joined(separator: ", ")); got '\(text.prefix(60))'")
        case .listOf(let allowed):
            guard let items = value.arrayValue else { return wrong("an array of strings") }
            for item in items {
                guard let text = item.stringValue else { return wrong("an array of strings") }
                if !allowed.contains(text) {
                    return .init(field: name, code: "invalid_enum", message: "\(name) contains an unknown value '\(text)'")
                }
            }
            return nil
        }
    }

    /// RFC 7396 merge: objects merge recursively, null removes a key.
    static func mergePatch(_ target: JSON?, _ patch: JSON) -> JSON {
        guard case .object(let patchObject) = patch else { return patch }
        var result = target?.objectValue ?? [:]
        for (key, value) in patchObject {
            if value.isNull { result[key] = nil } else { result[key] = mergePatch(result[key], value) }
        }
        return .object(result)
    }
}

/// Query parameter parsing shared by list endpoints.
enum ListQuery {
    static let defaultLimit = 25
    static let maximumLimit = 100

    static func limit(_ request: APIRequest, default fallback: Int = defaultLimit) throws(APIError) -> Int {
        guard let text = request.query["limit"] else { return fallback }
        guard let value = Int(text), (1...maximumLimit).contains(value) else {
            throw APIError.badRequest("limit must be an integer between 1 and \(maximumLimit)", field: "limit")
        }
        return value
    }

    /// The sequence after which the page starts; -1 for the first page.
    static func after(_ request: APIRequest) throws(APIError) -> Int {
        guard let cursor = request.query["cursor"], !cursor.isEmpty else { return -1 }
        guard let seq = Cursor.decode(cursor) else { throw APIError.badRequest("cursor is invalid or expired", field: "cursor") }
        return seq
    }

    static func bool(_ request: APIRequest, _ name: String) throws(APIError) -> Bool? {
        guard let text = request.query[name] else { return nil }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default: throw APIError.badRequest("\(name) must be true or false", field: name)
        }
    }

    static func timestamp(_ request: APIRequest, _ name: String) throws(APIError) -> Double? {
        guard let text = request.query[name] else { return nil }
        guard let value = Double(text) else { throw APIError.badRequest("\(name) must be a Unix timestamp in seconds", field: name) }
        return value
    }

    static func oneOf(_ request: APIRequest, _ name: String, _ allowed: [String]) throws(APIError) -> String? {
        guard let text = request.query[name] else { return nil }
        guard allowed.contains(text) else {
            throw APIError.badRequest("\(name) must be one of: \(allowed.joined(separator: ", "))", field: name)
        }
        return text
    }
}

/// Opaque page cursors: the creation sequence of the last item returned.
enum Cursor {
    /// `c1:SEQ:CHECK` in unpadded base64url. Written by hand: Foundation's encoder and three replacements were a
    /// visible share of a users page.
    static func encode(_ seq: Int) -> String {
        base64URL(Array("c1:\(seq):\(Deterministic.hex(Deterministic.fnv("cur\(seq)"), width: 6))".utf8))
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Base64url (RFC 4648 §5) without padding.
    static func base64URL(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            let b0 = UInt32(bytes[index])
            let b1 = count > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = count > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            for position in 0...count { out.append(alphabet[Int(group >> UInt32(18 - 6 * position) & 0x3F)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ cursor: String) -> Int? {
        guard cursor.utf8.count < 200, let plain = base64Decoded(cursor) else { return nil }
        let parts = plain.split(separator: ":")
        guard parts.count == 3, parts[0] == "c1", let seq = Int(parts[1]), seq >= -1,
            String(parts[2]) == Deterministic.hex(Deterministic.fnv("cur\(seq)"), width: 6)
        else { return nil }
        return seq
    }

    /// Base64url or standard base64, padded or not, as UTF-8 text; nil for anything else. By hand: Foundation's
    /// replacements and decoder were a visible share of a page at a million users.
    static func base64Decoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        var sextets = 0
        var padding = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") {
                padding += 1
                continue
            }
            guard padding == 0, let value = sextet(byte) else { return nil }
            buffer = buffer << 6 | value
            bits += 6
            sextets += 1
            if bits >= 8 {
                bits -= 8
                bytes.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        guard sextets % 4 != 1, padding <= 2, padding == 0 || (sextets + padding) % 4 == 0 else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func sextet(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return UInt32(byte - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "-"), UInt8(ascii: "+"): return 62
        case UInt8(ascii: "_"), UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
