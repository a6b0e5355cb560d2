public import AuthPIAdmin

/// The JSON a row shows in describe (`d`), written out only when it is read: a page walk (`G`, a scan) maps
/// thousands of rows whose JSON nobody opens, and pretty-printing each one cost more than fetching it.
/// Secrets are masked when it is written, as before.
public struct RowDetail: Sendable {
    private enum Storage: Sendable {
        case text(String)
        case json(JSONObject)
    }

    private let storage: Storage

    /// JSON text as is.
    public init(_ text: String) { storage = .text(text) }

    /// A resource's JSON, pretty-printed with secrets masked when read.
    public init(json: JSONObject) { storage = .json(json) }

    /// The resource's JSON object as the API sent it (secrets not masked: callers remove them), or nil for text.
    public var object: JSONObject? {
        switch storage {
        case .text: nil
        case .json(let json): json
        }
    }

    public var text: String {
        switch storage {
        case .text(let text): text
        case .json(let json): RowMapping.prettyJSON(json)
        }
    }
}

extension RowDetail: Hashable {
    /// Equal when they read the same; two resources' JSON objects compare without being written out.
    public static func == (left: RowDetail, right: RowDetail) -> Bool {
        switch (left.storage, right.storage) {
        case (.json(let a), .json(let b)): a == b
        case (.text(let a), .text(let b)): a == b
        default: left.text == right.text
        }
    }

    /// Nothing: equal values may be stored differently (text or object), and rows hash by their other fields.
    public func hash(into hasher: inout Hasher) {}
}
