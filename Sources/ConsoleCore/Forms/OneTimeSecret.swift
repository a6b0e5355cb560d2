import AuthPIAdmin
import Foundation

/// A secret the API returns once (`secret_plain`, `token_plain`, a client or webhook secret). It never prints:
/// `description`, `debugDescription`, `dump` and `Codable` all show `<redacted>`. Its bytes are held in one
/// buffer that `wipe()` overwrites with zeros when the dialog showing it closes; every copy of the state holds
/// the same buffer, so none keeps the secret after that.
public final class OneTimeSecret: @unchecked Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable, Codable
{
    private let lock = NSLock()
    private var bytes: [UInt8]

    public init(_ text: String) { bytes = Array(text.utf8) }

    /// The secret, for the one dialog that shows it and for the clipboard; empty once wiped.
    public func reveal() -> String {
        lock.withLock { String(decoding: bytes, as: UTF8.self) }
    }

    /// Overwrites the buffer with zeros and empties it.
    public func wipe() {
        lock.withLock {
            for index in bytes.indices { bytes[index] = 0 }
            bytes.removeAll()
        }
    }

    public var isWiped: Bool { lock.withLock { bytes.isEmpty } }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "OneTimeSecret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: ["value": "<redacted>"]) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode("<redacted>")
    }

    /// Decoding never yields a secret (nothing encodes one): an empty, wiped value.
    public required init(from decoder: any Decoder) throws { bytes = [] }

    public static func == (left: OneTimeSecret, right: OneTimeSecret) -> Bool { left === right }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    deinit { for index in bytes.indices { bytes[index] = 0 } }
}

/// The dialog after a create or a rotation that returned a secret: shown once, with copy.
public struct SecretReveal: Sendable, Hashable {
    /// "API key created", "Client secret rotated".
    public var title: String
    /// What the secret belongs to ("key_01H… · ci-deploy").
    public var subject: String
    /// The field it came in ("secret_plain").
    public var label: String
    public var secret: OneTimeSecret
    /// Whether it was copied (OSC 52) while shown.
    public var copied = false

    public init(title: String, subject: String, label: String, secret: OneTimeSecret) {
        self.title = title
        self.subject = subject
        self.label = label
        self.secret = secret
    }
}

/// Field names whose values are one-time secrets: removed from a created or rotated resource's row (list, describe)
/// before it reaches the state.
enum SecretFields {
    // `codes`: regenerated backup codes.
    static let names: Set<String> = ["secret", "secret_plain", "token_plain", "client_secret", "key_secret", "codes"]

    /// The object without secret fields, also inside nested objects (a webhook's `auth.secret`).
    static func stripped(_ object: JSONObject) -> JSONObject {
        var result = JSONObject(minimumCapacity: object.count)
        for (key, value) in object where !names.contains(key) {
            if case .object(let nested) = value { result[key] = .object(stripped(nested)) } else { result[key] = value }
        }
        return result
    }

    /// The first secret in the answer: a top-level field, or one inside an object (`auth.secret`).
    static func find(in object: JSONObject) -> (label: String, value: String)? {
        for name in ["secret_plain", "token_plain", "client_secret", "secret", "key_secret"] {
            if let value = object[name]?.stringValue, !value.isEmpty { return (name, value) }
        }
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            if case .object(let nested) = value, let found = find(in: nested) { return (key + "." + found.label, found.value) }
        }
        return nil
    }
}
