import ConsoleCore

/// The palette's commands and their completion.
public enum CommandPalette {
    public enum Command: Sendable, Equatable {
        case issuers, users, webhooks, events, eventsChart, errors, requests, apiKeys, quit
        case profile(String)
        /// `:export PATH`: the current list to a CSV or JSON-lines file.
        case export(String)
    }

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    public static let names = ["issuers", "users", "webhooks", "events", "events chart", "errors", "requests", "apikeys", "profile", "export", "quit"]

    /// Completions of what was typed (without the leading `:`), as full command texts.
    public static func completions(for input: String, profiles: [String] = []) -> [String] {
        let text = input.hasPrefix(":") ? String(input.dropFirst()) : input
        let lower = text.lowercased()
        if lower.hasPrefix("profile ") {
            let partial = String(text.dropFirst("profile ".count))
            return profiles.filter { $0.lowercased().hasPrefix(partial.lowercased()) }.map { "profile \($0)" }
        }
        return names.filter { $0.hasPrefix(lower) }.map { $0 == "profile" || $0 == "export" ? $0 + " " : $0 }
    }

    /// Completes the input: the single match, or the longest common prefix of the matches.
    public static func complete(_ input: String, profiles: [String] = []) -> String {
        let matches = completions(for: input, profiles: profiles)
        guard let first = matches.first else { return input }
        if matches.count == 1 { return first }
        var prefix = first
        for match in matches.dropFirst() {
            while !match.hasPrefix(prefix) { prefix.removeLast() }
        }
        let typed = input.hasPrefix(":") ? String(input.dropFirst()) : input
        return prefix.count > typed.count ? prefix : typed
    }

    /// Parses a full command line; unknown commands are a clear error naming the known ones.
    public static func parse(_ input: String) -> Result<Command, ParseError> {
        let text = (input.hasPrefix(":") ? String(input.dropFirst()) : input)
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let name = words.first?.lowercased() else {
            return .failure(ParseError(description: "type a command: \(names.map { ":" + $0 }.joined(separator: " "))"))
        }
        switch (name, words.count) {
        case ("issuers", 1): return .success(.issuers)
        case ("users", 1): return .success(.users)
        case ("webhooks", 1): return .success(.webhooks)
        case ("events", 1): return .success(.events)
        case ("events", 2) where words[1].lowercased() == "chart": return .success(.eventsChart)
        case ("requests", 1): return .success(.requests)
        case ("errors", 1): return .success(.errors)
        case ("apikeys", 1): return .success(.apiKeys)
        case ("quit", 1), ("q", 1): return .success(.quit)
        case ("profile", 2): return .success(.profile(words[1]))
        case ("export", 1):
            return .failure(ParseError(description: ":export needs a file: :export users.csv or :export users.jsonl"))
        case ("export", _):
            // The path is the rest of the line as typed (it may hold spaces).
            let path = String(text.drop { $0 == " " }.dropFirst(words[0].count)).trimmingCharacters(in: .whitespaces)
            if case .failure(let error) = ExportFormat.of(path: path) {
                return .failure(ParseError(description: error.description))
            }
            return .success(.export(path))
        case ("profile", _): return .failure(ParseError(description: ":profile needs a name, e.g. :profile staging"))
        default:
            if name == "events" {
                return .failure(ParseError(description: ":events takes no argument but chart (:events chart)"))
            }
            if names.contains(name) {
                return .failure(ParseError(description: ":\(name) takes no arguments"))
            }
            return .failure(ParseError(
                description: "unknown command :\(name) — try \(names.map { ":" + $0 }.joined(separator: " "))"))
        }
    }
}
