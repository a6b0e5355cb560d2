import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import AuthPIEmulator

/// A parsed answer from the emulator.
struct Answer: Sendable {
    let status: Int
    let headers: HTTPFields
    let json: JSON?
    let rawBody: String

    var data: JSON? { json?["data"] }
    var etag: String? { headers[.eTag] }
    var errorCode: String? { json?["error"]?.stringValue }
}

/// Talks to an emulator over real HTTP (HummingbirdTesting's live client).
struct Client: Sendable {
    let client: any TestClientProtocol
    var authorization: String? = "Basic " + Data("key_demo:demo_secret".utf8).base64EncodedString()

    func send(
        _ method: HTTPRequest.Method, _ path: String, body: JSON? = nil, rawBody: String? = nil,
        headers extra: [String: String] = [:]
    ) async throws -> Answer {
        var headers = HTTPFields()
        if let authorization { headers[.authorization] = authorization }
        headers[.accept] = "application/json"
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        var buffer: ByteBuffer?
        if let body {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: body.serialized())
        } else if let rawBody {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(string: rawBody)
        }
        let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: buffer)
        let text = String(buffer: response.body)
        let json = text.isEmpty ? nil : try? JSON.parse(Array(text.utf8))
        return Answer(status: Int(response.status.code), headers: response.headers, json: json, rawBody: text)
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> Answer { try await send(.get, path, headers: headers) }
}

/// Runs `body` against a fresh emulator on a free loopback port.
func withTestEmulator(
    _ options: EmulatorOptions = .init(), _ body: @escaping @Sendable (Client) async throws -> Void
) async throws {
    let app = try buildApplication(options: options)
    try await app.test(.live) { client in try await body(Client(client: client)) }
}

let demoIssuerPath = "/v1/accounts/\(EmulatorDemo.accountID)/issuers/\(EmulatorDemo.issuerID)"
