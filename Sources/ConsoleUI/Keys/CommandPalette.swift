public import ConsoleCore
import Foundation

/// The palette's commands, as one table: each entry's name, argument, completion source and help. Parsing,
/// completion, the help line of `:` and the docs read it; a new command is one entry (and, if it does something
/// new, one `Command` case the driver runs).
public enum CommandPalette {
    public enum Command: Sendable, Equatable {
        /// `:issuers`, `:users`, `:clients`, …: the pane, in the context the console has.
        case jump(JumpTarget)
        /// `:users ISSUER` (`:clients ISSUER`, …): the pane of the issuer named by id or name.
        case jumpInIssuer(JumpTarget, issuer: String)
        /// `:usr_…`, `:ses_…`, `:wh_…`, `:i_…`: the resource, wherever it lives.
        case open(id: String)
        /// `:export PATH`: the current list to a CSV or JSON-lines file.
        case export(String)
        case profile(String)
        case quit
        /// A command that exists but cannot run in this build: the message says why.
        case unavailable(String)
    }

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// What a command takes after its name.
    public enum Argument: Sendable, Equatable {
        case none
        case optional(String)
        case required(String)
    }

    /// Where Tab finds the argument's completions.
    public enum CompletionSource: Sendable, Equatable {
        case none
        /// The issuers loaded on the Issuers pane (names, then ids).
        case issuers
        /// The profiles of the config file.
        case profiles
        /// A fixed set of words (`:events chart`).
        case words([String])
    }

    /// One command of the palette.
    public struct Entry: Sendable {
        public var name: String
        public var aliases: [String]
        public var argument: Argument
        public var completion: CompletionSource
        public var help: String
        /// Why an argument is refused (nil: it is fine), checked before `make`.
        public var check: @Sendable (String) -> String?
        /// The command for the argument typed (nil when none was).
        public var make: @Sendable (String?) -> Command

        public init(
            _ name: String, aliases: [String] = [], argument: Argument = .none, completion: CompletionSource = .none,
            help: String, check: @escaping @Sendable (String) -> String? = { _ in nil },
            make: @escaping @Sendable (String?) -> Command
        ) {
            self.name = name
            self.aliases = aliases
            self.argument = argument
            self.completion = completion
            self.help = help
            self.check = check
            self.make = make
        }

        /// `:users [ISSUER]`.
        public var synopsis: String {
            switch argument {
            case .none: ":" + name
            case .optional(let word): ":\(name) [\(word)]"
            case .required(let word): ":\(name) \(word)"
            }
        }
    }

    /// What completion can offer besides command names: the data of the console.
    public struct Choices: Sendable, Equatable {
        public var profiles: [String]
        /// Loaded issuers: (id, name).
        public var issuers: [IssuerChoice]

        public init(profiles: [String] = [], issuers: [IssuerChoice] = []) {
            self.profiles = profiles
            self.issuers = issuers
        }
    }

    public struct IssuerChoice: Sendable, Equatable {
        public var id: String
        public var name: String
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    private static func issuerPane(_ target: JumpTarget, _ name: String, aliases: [String] = [], help: String) -> Entry {
        Entry(name, aliases: aliases, argument: .optional("ISSUER"), completion: .issuers, help: help) { issuer in
            issuer.map { .jumpInIssuer(target, issuer: $0) } ?? .jump(target)
        }
    }

    /// Every command, in help order.
    public static let table: [Entry] = [
        Entry("issuers", help: "the issuers") { _ in .jump(.issuers) },
        issuerPane(.users, "users", help: "the users of the issuer in context, selected, or named (Tab completes)"),
        issuerPane(.clients, "clients", help: "the clients of an issuer"),
        issuerPane(.agents, "agents", help: "the agents of an issuer"),
        issuerPane(.organizations, "orgs", aliases: ["organizations"], help: "the organizations of an issuer"),
        Entry("sessions", help: "the sessions of the user in context") { _ in .jump(.sessions) },
        Entry("apikeys", help: "the account's API keys") { _ in .jump(.apiKeys) },
        Entry("webhooks", help: "the webhooks") { _ in .jump(.webhooks) },
        Entry(
            "events", argument: .optional("chart"), completion: .words(["chart"]),
            help: "the account's events; :events chart counts them over time per type",
            check: { $0.lowercased() == "chart" ? nil : ":events takes no argument but chart (:events chart)" }
        ) { $0 == nil ? .jump(.events) : .jump(.eventsChart) },
        Entry("errors", help: "the last 100 banners") { _ in .jump(.errors) },
        Entry("requests", help: "the console's own HTTP requests, newest first") { _ in .jump(.requests) },
        Entry(
            "export", argument: .required("PATH"), help: "write the current list, every page, to PATH (.csv or .jsonl)",
            check: { path in
                if case .failure(let error) = ExportFormat.of(path: path) { return error.description }
                return nil
            }
        ) { .export($0 ?? "") },
        Entry("profile", argument: .required("NAME"), completion: .profiles, help: "switch to another profile") {
            .profile($0 ?? "")
        },
        Entry("quit", aliases: ["q"], help: "quit (asks if an edit is unsaved)") { _ in .quit },
    ]

    /// The names completion offers.
    public static var names: [String] { table.map(\.name) }

    /// The ids `:` opens, by prefix.
    public static var idPrefixes: [String] { ResourceIDKind.allCases.map(\.prefix) }

    /// One line for help: `:issuers :users [ISSUER] … :usr_… :ses_… :wh_… :i_… :quit`.
    public static var summary: String {
        let commands = table.filter { $0.name != "quit" }.map(\.synopsis)
        let ids = idPrefixes.map { ":" + $0 + "…" }
        return (commands + ids + [":quit"]).joined(separator: " ")
    }

    static func entry(named name: String) -> Entry? {
        let lower = name.lowercased()
        return table.first { $0.name == lower || $0.aliases.contains(lower) }
    }

    private static func stripped(_ input: String) -> String { input.hasPrefix(":") ? String(input.dropFirst()) : input }

    /// Completions of what was typed (without the leading `:`), as full command texts.
    public static func completions(for input: String, choices: Choices) -> [String] {
        let text = stripped(input)
        if let space = text.firstIndex(of: " ") {
            let name = String(text[..<space])
            guard let entry = entry(named: name), entry.argument != .none else { return [] }
            let partial = text[text.index(after: space)...].trimmingLeadingSpaces.lowercased()
            let candidates: [String]
            switch entry.completion {
            case .none: candidates = []
            case .profiles: candidates = choices.profiles
            case .words(let words): candidates = words
            case .issuers:
                candidates = choices.issuers.map(\.name).filter { !$0.isEmpty } + choices.issuers.map(\.id)
            }
            var seen = Set<String>()
            return candidates.filter { $0.lowercased().hasPrefix(partial) && seen.insert($0).inserted }
                .map { "\(entry.name) \($0)" }
        }
        let lower = text.lowercased()
        if idPrefixes.contains(where: { lower.hasPrefix($0) }) { return [] }
        return table.filter { $0.name.hasPrefix(lower) }.map { $0.argument.isRequired ? $0.name + " " : $0.name }
    }

    public static func completions(for input: String, profiles: [String] = []) -> [String] {
        completions(for: input, choices: Choices(profiles: profiles))
    }

    /// Completes the input: the single match, or the longest common prefix of the matches.
    public static func complete(_ input: String, choices: Choices) -> String {
        let matches = completions(for: input, choices: choices)
        guard let first = matches.first else { return input }
        if matches.count == 1 { return first }
        var prefix = first
        for match in matches.dropFirst() {
            while !match.lowercased().hasPrefix(prefix.lowercased()) { prefix.removeLast() }
        }
        let typed = stripped(input)
        return prefix.count > typed.count ? prefix : typed
    }

    public static func complete(_ input: String, profiles: [String] = []) -> String {
        complete(input, choices: Choices(profiles: profiles))
    }

    /// What the palette says when no completion is listed: an id opens its resource; anything else matches no
    /// command.
    public static func emptyCompletionHint(for input: String) -> String {
        let text = stripped(input).trimmingLeadingSpaces
        if let kind = ResourceIDKind(id: text) ?? ResourceIDKind.allCases.first(where: { $0.prefix == text }) {
            return "⏎ opens the \(kind.rawValue) with this id, wherever it lives"
        }
        return "no command matches — Tab completes, ⏎ runs, Esc closes"
    }

    /// Parses a full command line; unknown commands are a clear error naming the known ones.
    public static func parse(_ input: String) -> Result<Command, ParseError> {
        let text = stripped(input).trimmingLeadingSpaces
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first else {
            return .failure(ParseError(description: "type a command: \(summary)"))
        }
        if words.count == 1, ResourceIDKind(id: first) != nil { return .success(.open(id: first)) }
        guard let entry = entry(named: first) else {
            return .failure(ParseError(description: "unknown command :\(first.lowercased()) — try \(summary)"))
        }
        // The argument is the rest of the line as typed: a path may hold spaces.
        let rest = text.dropFirst(first.count).trimmingLeadingSpaces.trimmingCharacters(in: .whitespaces)
        let argument = rest.isEmpty ? nil : rest
        switch (entry.argument, argument) {
        case (.none, .some):
            return .failure(ParseError(description: ":\(entry.name) takes no arguments"))
        case (.required(let word), nil):
            return .failure(ParseError(description: ":\(entry.name) needs a \(word.lowercased()), e.g. \(entry.synopsis)"))
        default:
            if let argument, let problem = entry.check(argument) { return .failure(ParseError(description: problem)) }
            return .success(entry.make(argument))
        }
    }
}

extension CommandPalette.Argument {
    var isRequired: Bool {
        if case .required = self { return true }
        return false
    }
}

extension Substring {
    fileprivate var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}

extension String {
    fileprivate var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
