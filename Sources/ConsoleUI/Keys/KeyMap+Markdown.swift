extension KeyMap {
    /// The key map as a Markdown table (key, what it does, where), generated from the same data as dispatch
    /// and help, so the documentation cannot drift from the keys.
    public static func markdownTable() -> String {
        struct Entry {
            var key: String
            var descriptions: [String]
            var scopes: [String]
        }
        var entries: [Entry] = []
        var index: [String: Int] = [:]
        for scope in KeyScope.all {
            for binding in bindings(for: scope) {
                let id = binding.keyLabel + "|" + binding.keyActions.map(\.action.rawValue).joined(separator: ",")
                let position = index[id] ?? {
                    entries.append(Entry(key: binding.keyLabel, descriptions: [], scopes: []))
                    index[id] = entries.count - 1
                    return entries.count - 1
                }()
                if !entries[position].descriptions.contains(binding.description) {
                    entries[position].descriptions.append(binding.description)
                }
                entries[position].scopes.append(scope.title)
            }
        }
        let everywhere = KeyScope.all.count
        var lines = ["| key | what it does | where |", "|---|---|---|"]
        for entry in entries {
            let scopes = Set(entry.scopes)
            let listScopes = KeyScope.all.filter { $0 != .describe }.count
            let whereText: String
            if scopes.count == everywhere {
                whereText = "everywhere"
            } else if scopes.count == listScopes, !scopes.contains(KeyScope.describe.title) {
                whereText = "every pane"
            } else {
                whereText = KeyScope.all.map(\.title).filter(scopes.contains).joined(separator: ", ")
            }
            let key = entry.key.replacingPipes()
            lines.append("| `\(key)` | \(entry.descriptions.joined(separator: "; ").replacingPipes()) | \(whereText) |")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
