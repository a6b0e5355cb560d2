/// One page of a list endpoint.
public struct Page<Item: Sendable>: Sendable {
    /// The items of this page, in the server's order.
    public var data: [Item]
    /// Whether the server has more items after this page (`has_more`).
    public var hasMore: Bool
    /// The cursor of the next page, when there is one.
    public var nextCursor: String?
    /// Items the server could not serialize (1.4.0 servers may report it).
    public var invalidCount: Int?

    /// A page, for page walks of your own (``PageSequence/init(fetching:fetch:)``) and tests.
    public init(data: [Item], hasMore: Bool, nextCursor: String? = nil, invalidCount: Int? = nil) {
        self.data = data
        self.hasMore = hasMore
        self.nextCursor = nextCursor
        self.invalidCount = invalidCount
    }
}

extension Page: Equatable where Item: Equatable {}

extension Page where Item: AuthPIModel {
    /// Reads `{"data": [...], "has_more": bool, "next_cursor": str|null}`; each item must be an object.
    init(decoding body: JSONValue?) throws {
        guard let body else {
            throw AuthPIError.malformedResponse("expected a list object, got an empty body")
        }
        guard case .object(let object) = body else {
            throw AuthPIError.malformedResponse("expected a list object, got \(body.kindName)")
        }
        let items: [JSONValue]
        switch object["data"] {
        case .none, .null?: items = []
        case .array(let values)?: items = values
        case let other?: throw AuthPIError.malformedResponse("expected \"data\" to be an array, got \(other.kindName)")
        }
        self.init(
            data: try items.map { try Item(validating: $0) },
            hasMore: object["has_more"]?.boolValue ?? false,
            nextCursor: object["next_cursor"]?.stringValue,
            invalidCount: object["invalid_count"]?.intValue
        )
    }
}
