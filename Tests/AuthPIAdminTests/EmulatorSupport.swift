import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Logging
import Testing

/// Starts an emulator on a free loopback port for one test and talks to its control API.
struct TestEmulator {
    let running: RunningEmulator
    let control = AsyncHTTPClientTransport()

    var baseURL: String { running.baseURL }

    static func start(_ options: EmulatorOptions = EmulatorOptions()) async throws -> TestEmulator {
        TestEmulator(running: try await Emulator.start(options))
    }

    func stop() async {
        try? await control.shutdown()
        await running.shutdown()
    }

    @discardableResult
    func controlRequest(_ method: String, _ path: String, _ body: JSONObject? = nil) async throws -> JSONValue? {
        let bytes = try body.map { Array(try JSONEncoder().encode(JSONValue.object($0))) }
        let response = try await control.send(
            TransportRequest(
                method: method, url: baseURL + path, headers: [("Content-Type", "application/json")], body: bytes,
                timeout: .seconds(10)))
        guard (200...299).contains(response.status) else {
            throw ControlError(message: "\(method) \(path) -> \(response.status) \(String(decoding: response.body, as: UTF8.self))")
        }
        return response.body.isEmpty ? nil : try JSONDecoder().decode(JSONValue.self, from: Data(response.body))
    }

    /// The next `count` requests matching method + path get `status` (0 drops the connection).
    func fault(
        method: String, path: String, status: Int?, count: Int = 1, retryAfter: Int? = nil, delayMilliseconds: Int? = nil
    ) async throws {
        var body: JSONObject = ["method": .string(method), "path": .string(path), "count": .int(Int64(count))]
        if let status { body["status"] = .int(Int64(status)) }
        if let retryAfter { body["retry_after"] = .int(Int64(retryAfter)) }
        if let delayMilliseconds { body["delay_ms"] = .int(Int64(delayMilliseconds)) }
        try await controlRequest("POST", "/_emulator/faults", body)
    }

    /// API requests the emulator received, oldest first (method, path, query, status, headers).
    func requests() async throws -> [JSONValue] {
        let value = try await controlRequest("GET", "/_emulator/requests?limit=500")
        let all = value?["data"]?.arrayValue ?? value?.arrayValue ?? []
        return all.filter { $0["path"]?.stringValue?.hasPrefix("/v1") == true }
    }

    /// The most recent API request the emulator received.
    func lastRequest() async throws -> JSONValue? {
        let value = try await controlRequest("GET", "/_emulator/requests?limit=5")
        let all = value?["data"]?.arrayValue ?? value?.arrayValue ?? []
        return all.last { $0["path"]?.stringValue?.hasPrefix("/v1") == true }
    }

    func accessToken(ttlSeconds: Int = 300) async throws -> String {
        let value = try await controlRequest(
            "POST", "/_emulator/access-tokens", ["account_id": .string(EmulatorDemo.accountID), "ttl_seconds": .int(Int64(ttlSeconds))])
        guard let token = (value?["access_token"] ?? value?["data"]?["access_token"])?.stringValue else {
            throw ControlError(message: "no access token in \(String(describing: value))")
        }
        return token
    }

    func expire(_ token: String) async throws {
        try await controlRequest("POST", "/_emulator/access-tokens/\(token)/expire")
    }

    /// A client on this emulator with the demo key pair. Its account is the demo account, named explicitly
    /// (as 1.4.0's tests do) so that no `GET /v1/me` joins the request log, unless `resolvingAccount` is true.
    func client(_ configuration: Configuration = Configuration(), credentials: Credentials? = nil, resolvingAccount: Bool = false) throws -> AuthPIClient {
        var configuration = configuration
        configuration.baseURL = baseURL
        if configuration.accountID == nil && !resolvingAccount { configuration.accountID = EmulatorDemo.accountID }
        return try AuthPIClient(
            credentials: credentials ?? .apiKey(id: EmulatorDemo.apiKeyID, secret: EmulatorDemo.apiKeySecret),
            configuration: configuration)
    }
}

struct ControlError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Runs `body` against a fresh emulator and always stops it.
func withTestEmulator<T: Sendable>(
    _ options: EmulatorOptions = EmulatorOptions(), _ body: (TestEmulator) async throws -> T
) async throws -> T {
    let emulator = try await TestEmulator.start(options)
    do {
        let result = try await body(emulator)
        await emulator.stop()
        return result
    } catch {
        await emulator.stop()
        throw error
    }
}

/// Tiny retry delays so that retry tests stay fast.
let fastRetries = RetryPolicy(limit: 3, delay: .milliseconds(10), backoff: .exponential, maxWait: .seconds(5))
