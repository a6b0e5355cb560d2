/// A resource together with the `ETag` the API sent with it.
///
/// Every `get`, `create`, `update` and action returns one. Read fields straight through it
/// (`user.username`, thanks to dynamic member lookup) and pass ``etag`` back as `ifMatch:`
/// to make a write conditional.
@dynamicMemberLookup
public struct Versioned<Value: Sendable>: Sendable {
    /// The resource itself, to send back whole or to edit.
    public var value: Value
    /// The `ETag` response header, when the API sent one.
    public var etag: String?

    /// A resource with its `ETag`.
    public init(_ value: Value, etag: String?) {
        self.value = value
        self.etag = etag
    }

    /// A field of ``value``, read straight through: `user.username`.
    public subscript<T>(dynamicMember keyPath: KeyPath<Value, T>) -> T {
        value[keyPath: keyPath]
    }

    /// A settable field of ``value``, read and set straight through.
    public subscript<T>(dynamicMember keyPath: WritableKeyPath<Value, T>) -> T {
        get { value[keyPath: keyPath] }
        set { value[keyPath: keyPath] = newValue }
    }
}

extension Versioned: Equatable where Value: Equatable {}
extension Versioned: Hashable where Value: Hashable {}
