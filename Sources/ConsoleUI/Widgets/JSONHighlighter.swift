/// Colors pretty-printed JSON line by line (keys, strings, numbers, booleans, null, punctuation) and masks
/// the values of secret-looking keys, so a secret that reached the view still never reaches the screen.
public enum JSONHighlighter {
    public struct Span: Sendable, Equatable {
        public var text: String
        public var role: StyleRole
    }

    static let secretKeyFragments = ["secret", "password", "api_key", "apikey", "private_key", "credential"]
    static let secretKeys: Set<String> = ["token", "access_token", "refresh_token", "id_token", "authorization", "key"]
    static let mask = "\"••••••\""

    public static func isSecretKey(_ key: String) -> Bool {
        let lower = key.lowercased()
        return secretKeys.contains(lower) || secretKeyFragments.contains(where: { lower.contains($0) })
    }

    /// Splits each line into colored spans.
    public static func highlight(_ json: String) -> [[Span]] {
        json.split(separator: "\n", omittingEmptySubsequences: false).map { highlightLine(String($0)) }
    }

    static func highlightLine(_ line: String) -> [Span] {
        var spans: [Span] = []
        let chars = Array(line)
        var index = 0
        var lastKey: String?
        func emit(_ text: String, _ role: StyleRole) {
            if let last = spans.last, last.role == role {
                spans[spans.count - 1].text += text
            } else {
                spans.append(Span(text: text, role: role))
            }
        }
        while index < chars.count {
            let char = chars[index]
            if char == "\"" {
                var end = index + 1
                while end < chars.count, chars[end] != "\"" {
                    end += chars[end] == "\\" ? 2 : 1
                }
                end = min(end, chars.count - 1)
                let literal = String(chars[index...end])
                var next = end + 1
                while next < chars.count, chars[next] == " " { next += 1 }
                if next < chars.count, chars[next] == ":" {
                    lastKey = String(literal.dropFirst().dropLast())
                    emit(literal, .jsonKey)
                } else if let key = lastKey, isSecretKey(key) {
                    emit(mask, .jsonString)
                } else {
                    emit(literal, .jsonString)
                }
                index = end + 1
            } else if char == "-" || char.isNumber {
                var end = index
                while end < chars.count, chars[end].isNumber || "+-.eE".contains(chars[end]) { end += 1 }
                emit(String(chars[index..<end]), .jsonNumber)
                index = end
            } else if char.isLetter {
                var end = index
                while end < chars.count, chars[end].isLetter { end += 1 }
                let word = String(chars[index..<end])
                emit(word, word == "null" ? .jsonNull : .jsonBool)
                index = end
            } else {
                emit(String(char), char == " " ? .normal : .jsonPunctuation)
                index += 1
            }
        }
        return spans
    }
}
