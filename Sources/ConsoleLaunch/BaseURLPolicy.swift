import Foundation

/// Checks a base URL before any request: it must be http(s) with a host, and plain http is allowed
/// only to loopback unless the user explicitly opts in (credentials would travel in clear text).
public enum BaseURLPolicy {
    public static func validate(_ raw: String, allowInsecureHTTP: Bool) throws(LaunchError) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .badBaseURL(raw, reason: "it is empty") }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw .badBaseURL(raw, reason: "it is not a URL (expected e.g. https://api.authpi.dev)")
        }
        guard scheme == "http" || scheme == "https" else {
            throw .badBaseURL(raw, reason: "scheme must be https or http, not \(scheme)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .badBaseURL(raw, reason: "it has no host")
        }
        if components.user != nil || components.password != nil {
            throw .badBaseURL("(redacted)", reason: "credentials in the URL are not allowed; use a profile or environment variables")
        }
        if components.query != nil || components.fragment != nil {
            throw .badBaseURL(raw, reason: "it must not have a query or fragment")
        }
        if scheme == "http" && !allowInsecureHTTP && !isLoopback(host) {
            throw .insecureHTTP(host: host)
        }
        var result = trimmed
        while result.hasSuffix("/") { result.removeLast() }
        return result
    }

    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if h == "localhost" || h.hasSuffix(".localhost") || h == "::1" { return true }
        let parts = h.split(separator: ".")
        return parts.count == 4 && parts.first == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
