/// The filter line of a pane, split into what the server filters (`key:value` the API supports, and free text
/// as `q` where the API has it) and what filters the loaded rows client-side.
public struct ListFilter: Sendable, Hashable {
    public var serverQuery: [String: String] = [:]
    public var clientText = ""

    public init(_ text: String, kind: PaneKind) {
        var words: [String] = []
        for word in text.split(whereSeparator: \.isWhitespace) {
            if let colon = word.firstIndex(of: ":"), colon != word.startIndex {
                let key = word[..<colon].lowercased()
                let value = String(word[word.index(after: colon)...])
                if let parameter = kind.serverFilterKeys[key], !value.isEmpty {
                    serverQuery[parameter] = value
                    continue
                }
            }
            words.append(String(word))
        }
        let free = words.joined(separator: " ")
        if kind.supportsServerQuery, !free.isEmpty {
            serverQuery["q"] = free
        } else {
            clientText = free
        }
    }
}

/// Sorting of the loaded rows by one column.
public struct SortOrder: Sendable, Hashable {
    public var column: Int
    public var ascending: Bool

    public init(column: Int, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }
}
