/// Anything that can be sent as a JSON object body: a raw ``JSONObject`` (`["email": "alice@example.com"]`),
/// a model read from the API, or a typed input such as ``CreateUserInput``.
/// Keys that start with `_` are removed, recursively, before sending.
public protocol RequestBody: Sendable {
    func jsonObject() throws -> JSONObject
}

extension Dictionary: RequestBody where Key == String, Value == JSONValue {
    /// The JSON object sent as the request body.
    public func jsonObject() throws -> JSONObject { self }
}

extension RequestBody where Self: Encodable {
    /// The JSON object sent as the request body.
    public func jsonObject() throws -> JSONObject {
        let value = try JSONValue(encoding: self)
        guard case .object(let object) = value else {
            throw AuthPIError.invalidArgument("a request body must encode to a JSON object, got \(value.kindName)")
        }
        return object
    }
}

extension AuthPIModel {
    /// The JSON object sent as the request body.
    public func jsonObject() throws -> JSONObject { json }
}
