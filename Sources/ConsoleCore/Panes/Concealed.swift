import AuthPIAdmin

/// Describe views of resources that carry credentials: those fields are left out entirely, not masked (a hint or a
/// hash of a secret is no business of a screen either).
enum Concealed {
    static func detail(_ json: JSONObject, dropping keys: Set<String>) -> RowDetail {
        RowDetail(json: json.filter { !keys.contains($0.key) && !$0.key.lowercased().contains("hash") })
    }
}
