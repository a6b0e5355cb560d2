import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Logging
import Testing

/// Everything the client can output — trace logs, every error's texts and dump, the descriptions and
/// dumps of clients, configurations, credentials, requests, responses and models — is searched for an
/// API key secret, an access token, and secrets the API returned (a webhook signing secret, a new API
/// key's secret): none may appear.
@Suite("Secrets never leak", .timeLimit(.minutes(2)))
struct SecretLeakTests {
    /// Records what a careless middleware would print of every request and response.
    @available(macOS 15, *)
    struct PrintingMiddleware: ClientMiddleware {
        let capture: LogCapture

        func intercept(_ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse) async throws -> TransportResponse {
            var dumped = ""
            dump(request, to: &dumped)
            capture.append("\(request) | \(String(reflecting: request)) | \(dumped)")
            let response = try await next(request)
            var responseDump = ""
            dump(response, to: &responseDump)
            capture.append("\(response) | \(String(reflecting: response)) | \(responseDump)")
            return response
        }
    }

    static func texts(of value: Any) -> [String] {
        var dumped = ""
        dump(value, to: &dumped)
        return [String(describing: value), String(reflecting: value), dumped]
    }

    @available(macOS 15, *)
    @Test func noSecretInAnyOutput() async throws {
        try await withTestEmulator { emulator in
            let capture = LogCapture()
            var logger = Logger(label: "secrets") { _ in CapturingLogHandler(capture: capture) }
            logger.logLevel = .trace
            let keySecret = EmulatorDemo.apiKeySecret
            let accessToken = try await emulator.accessToken(ttlSeconds: 600)
            let configuration = Configuration(
                defaultHeaders: ["X-Api-Key": keySecret, "Cookie": "session=\(accessToken)"], retries: fastRetries,
                logger: logger, middlewares: [PrintingMiddleware(capture: capture)])
            var outputs: [String] = []
            func record(_ error: any Error) {
                outputs += Self.texts(of: error)
                if let error = error as? AuthPIError {
                    outputs += [error.description, error.debugDescription, error.errorDescription, error.rawBody ?? ""]
                }
            }

            let byKey = try emulator.client(configuration, credentials: .apiKey(id: EmulatorDemo.apiKeyID, secret: keySecret))
            let byToken = try emulator.client(
                { var c = configuration; c.accountID = EmulatorDemo.accountID; return c }(), credentials: .accessToken(accessToken))
            outputs += Self.texts(of: byKey) + Self.texts(of: byToken) + Self.texts(of: configuration)
            outputs += Self.texts(of: byKey.configuration)
            outputs += Self.texts(of: Credentials.apiKey(id: EmulatorDemo.apiKeyID, secret: keySecret))
            outputs += Self.texts(of: Credentials.accessToken(accessToken))
            outputs += Self.texts(of: Credentials.apiKey(keySecret))

            // Secrets the API hands back.
            let webhook = try await byKey.webhooks.create([
                "name": "audit", "url": "https://hooks.example.com/x", "events": ["user.created"], "auth": ["type": "signature"],
            ])
            let webhookSecret = try #require(webhook.value["auth"]?["secret"]?.stringValue)
            outputs += Self.texts(of: webhook.value) + [webhook.value.description]
            let newKey = try await byKey.apiKeys.create(["name": "ci"])
            let newKeySecret = try #require((newKey.value["secret_plain"] ?? newKey.value["secret"])?.stringValue)
            outputs += Self.texts(of: newKey.value)

            // Successes, retries and failures of every kind, through both clients.
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/issuers", status: 503, count: 2)
            _ = try await byKey.issuers.list()
            _ = try await byToken.issuers.list()
            do { _ = try await byKey.issuer("iss_missing").get() } catch { record(error) }
            do { _ = try await byKey.issuers.list(options: RequestOptions(headers: ["X-Bad": "a\r\n\(keySecret)"])) } catch { record(error) }
            // A proxy or server that echoes the credential it refused: each client scrubs its own.
            let basic = Data("\(EmulatorDemo.apiKeyID):\(keySecret)".utf8).base64EncodedString()
            try await emulator.faultBody(
                path: "/v1/accounts/*/issuers/*", status: 502, bytes: Array("<html>bad key \(keySecret) (Basic \(basic))</html>".utf8), count: 4)
            do { _ = try await byKey.issuer("iss_1").get() } catch { record(error) }
            try await emulator.faultBody(
                path: "/v1/accounts/*/issuers/*", status: 401,
                bytes: Array(#"{"error":"invalid_token","error_description":"token \#(accessToken) is not valid","fields":[{"field":"\#(accessToken)","code":"x","message":"\#(accessToken)"}]}"#.utf8))
            do { _ = try await byToken.issuer("iss_1").get() } catch { record(error) }
            try await emulator.fault(method: "GET", path: "/v1/accounts/*/webhooks", status: 0)
            do { _ = try await byKey.webhooks.list() } catch { record(error) }
            try await emulator.expire(accessToken)
            do { _ = try await byToken.issuers.list() } catch { record(error) }
            let wrong = try emulator.client(configuration, credentials: .apiKey(id: EmulatorDemo.apiKeyID, secret: keySecret + "x"))
            do { _ = try await wrong.issuers.list() } catch { record(error) }
            let refreshing = try emulator.client(
                { var c = configuration; c.accountID = EmulatorDemo.accountID; return c }(),
                credentials: .accessToken(accessToken, refresh: { () async throws -> String in throw SecretCarryingError(secret: "never") }))
            do { _ = try await refreshing.issuers.list() } catch { record(error) }
            do { _ = try AuthPIClient(apiKey: "key_demo:" + keySecret + "\n", configuration: Configuration(baseURL: emulator.baseURL)) } catch { record(error) }
            do { _ = try AuthPIClient(apiKey: keySecret, configuration: Configuration(baseURL: emulator.baseURL)) } catch { record(error) }
            do { _ = try AuthPIClient(accessToken: "key_demo" + keySecret, configuration: Configuration(baseURL: emulator.baseURL)) } catch { record(error) }
            do { _ = try AuthPIClient(apiKey: "key_demo:demo_secret", configuration: Configuration(baseURL: "https://key_demo:\(keySecret)@api.authpi.com")) } catch { record(error) }

            let lines = capture.lines
            #expect(lines.contains { $0.contains("TransportRequest(GET") }, "the middleware saw the requests")
            #expect(lines.contains { $0.contains("status=503") })
            let secrets = [keySecret, accessToken, webhookSecret, newKeySecret, basic]
            var checked = 0
            for text in outputs + lines {
                for secret in secrets {
                    checked += 1
                    #expect(!text.contains(secret), "\(secret.prefix(6))… leaked in: \(text.prefix(300))")
                }
            }
            print("secrets: \(outputs.count) outputs and \(lines.count) log lines checked for \(secrets.count) secrets (\(checked) checks)")
            // What the API returned is still readable on purpose.
            #expect(webhook.value["auth"]?["secret"]?.stringValue == webhookSecret)
            for client in [byKey, byToken, wrong, refreshing] { try await client.close() }
        }
    }
}

struct SecretCarryingError: Error {
    let secret: String
}
