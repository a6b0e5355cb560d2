import Foundation

/// One field of a form (create or edit): its name on the wire, its label, how it is entered, and its checks.
public struct FormFieldSpec: Sendable, Hashable {
    /// How a field is entered.
    public enum Kind: Sendable, Hashable {
        /// One line of text.
        case text
        /// One of these values, picked with ←→ (never free text).
        case choice([String])
        /// Any of these values, picked from a list with ←→ and space.
        case choices([String])
        /// Custom fields as `key=value` pairs, separated by commas.
        case keyValues
    }

    /// What the text must look like.
    public enum Format: Sendable, Hashable {
        case plain, email, url
        /// Comma-separated words (sent as a list).
        case list
        /// A whole number within the range.
        case integer(ClosedRange<Int>)
    }

    /// The field's path on the wire: "name", "profile.display_name", "auth.type".
    public var name: String
    public var label: String
    public var kind: Kind
    public var isRequired: Bool
    public var format: Format
    /// The value a create form starts with ("" when none; a picker's first option when it must have one).
    public var initial: String
    /// A short note after the input ("seconds", "comma-separated").
    public var note: String?
    /// The JSON type it is sent as.
    public var wire: Wire

    /// The JSON type of a field's value on the wire.
    public enum Wire: Sendable, Hashable {
        case string, bool, int, stringList, object
    }

    public init(
        _ name: String, _ label: String, kind: Kind = .text, required: Bool = false, format: Format = .plain,
        initial: String? = nil, note: String? = nil, wire: Wire? = nil
    ) {
        self.name = name
        self.label = label
        self.kind = kind
        self.isRequired = required
        self.format = format
        self.note = note
        self.wire = wire ?? {
            switch (kind, format) {
            case (.choices, _), (.text, .list): .stringList
            case (.keyValues, _): .object
            case (.text, .integer): .int
            default: .string
            }
        }()
        if let initial {
            self.initial = initial
        } else if case .choice(let options) = kind, required, let first = options.first {
            self.initial = first
        } else {
            self.initial = ""
        }
    }

    /// The options of a picker (empty for text).
    public var options: [String] {
        switch kind {
        case .choice(let options), .choices(let options): options
        case .text, .keyValues: []
        }
    }

    public var isPicker: Bool { !options.isEmpty }

    /// A yes / no picker sent as a boolean.
    public static func yesNo(_ name: String, _ label: String, initial: Bool = false) -> FormFieldSpec {
        FormFieldSpec(name, label, kind: .choice(["no", "yes"]), required: true, initial: initial ? "yes" : "no", wire: .bool)
    }

    /// The message under the field for `value`, or nil when it is fine.
    public func problem(with value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return isRequired ? "required" : nil }
        if value.contains(where: \.isNewline) { return "must be one line" }
        switch kind {
        case .text:
            if value.count > 2_048 { return "at most 2048 characters" }
            switch format {
            case .plain, .list: return value.count > 255 ? "at most 255 characters" : nil
            case .email: return FormFieldSpec.looksLikeEmail(trimmed) ? nil : "must be an email address"
            case .url:
                return trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://") ? nil : "must be an http(s) URL"
            case .integer(let range):
                guard let number = Int(trimmed) else { return "must be a whole number" }
                return range.contains(number) ? nil : "between \(range.lowerBound) and \(range.upperBound)"
            }
        case .choice(let options):
            return options.contains(value) ? nil : "one of: " + options.joined(separator: ", ")
        case .choices(let options):
            let picked = FormFieldSpec.list(value)
            if isRequired && picked.isEmpty { return "pick at least one" }
            let unknown = picked.filter { !options.contains($0) }
            return unknown.isEmpty ? nil : "unknown: " + unknown.joined(separator: ", ")
        case .keyValues:
            for pair in FormFieldSpec.list(value) {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].trimmingCharacters(in: .whitespaces).isEmpty else {
                    return "write key=value pairs, separated by commas (“\(pair)”)"
                }
            }
            return nil
        }
    }

    /// The items of a comma-separated value, trimmed, without empty ones.
    public static func list(_ value: String) -> [String] {
        value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `key=value, …` as pairs (in the order written; a later key wins).
    public static func pairs(_ value: String) -> [(key: String, value: String)] {
        list(value).compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            return (parts[0].trimmingCharacters(in: .whitespaces), parts[1].trimmingCharacters(in: .whitespaces))
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}
