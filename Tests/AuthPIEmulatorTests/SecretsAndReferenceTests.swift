import Foundation
import Testing
@testable import AuthPIEmulator

@Suite("Error references and secrets")
struct SecretsAndReferenceTests {
    @Test("every error carries its own reference, also found in the request log")
    func uniqueReferences() async throws {
        try await withTestEmulator { client in
            var references: [String] = []
            let paths = ["/v1/accounts/\(EmulatorDemo.accountID)/issuers?limit=0", "/v1/accounts/\(EmulatorDemo.accountID)/issuers/iss_missing", "/v1/nowhere", "/v1/accounts/acc_other/issuers"]
            for round in 0..<15 {
                for path in paths {
                    let answer = try await client.get(path)
                    #expect(answer.status >= 400 && answer.status < 500, "\(path) round \(round)")
                    let reference = try #require(answer.json?["reference"]?.stringValue)
                    #expect(reference.wholeMatch(of: /req_[0-9]{16}/) != nil, "\(reference)")
                    references.append(reference)
                }
            }
            var unauthenticated = client
            unauthenticated.authorization = nil
            references.append(try #require(try await unauthenticated.get("/v1/me").json?["reference"]?.stringValue))
            #expect(Set(references).count == references.count, "references repeat: \(references.count - Set(references).count)")

            let log = try await client.get("/_emulator/requests?limit=100")
            let logged = Set(log.data?.arrayValue?.compactMap { $0["reference"]?.stringValue } ?? [])
            #expect(references.allSatisfy(logged.contains), "every error's reference is in the request log")
        }
    }

    @Test("the demo secret, a created key's secret and an access token never appear in the log or error bodies")
    func secretsStayOut() async throws {
        try await withTestEmulator { client in
            let created = try await client.send(.post, "/v1/accounts/\(EmulatorDemo.accountID)/api-keys", body: ["name": "leak check"])
            #expect(created.status == 201)
            let keyID = try #require(created.data?["id"]?.stringValue)
            let keySecret = try #require(created.data?["secret_plain"]?.stringValue)
            let minted = try await client.send(.post, "/_emulator/access-tokens", body: ["ttl_seconds": 300])
            let token = try #require(minted.json?["access_token"]?.stringValue)
            let secrets = ["demo secret": EmulatorDemo.apiKeySecret, "created key secret": keySecret, "access token": token]
            func basic(_ id: String, _ secret: String) -> String { "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString() }

            var said: [(String, String)] = []
            let attempts: [(String?, String, [String: String])] = [
                (basic(keyID, keySecret), "/v1/me", [:]),
                ("Bearer " + token, "/v1/me", [:]),
                (basic(keyID, EmulatorDemo.apiKeySecret), "/v1/me", [:]),
                (basic(EmulatorDemo.apiKeyID, keySecret), "/v1/me", [:]),
                ("Bearer " + token + "x", "/v1/me", [:]),
                (token, "/v1/me", [:]),
                (keySecret, "/v1/me", [:]),
                ("Basic " + token, "/v1/me", [:]),
                (basic(keyID, keySecret), "/v1/accounts/acc_other/issuers", [:]),
                (basic(keyID, keySecret), "/v1/accounts/\(EmulatorDemo.accountID)/issuers?access_token=\(token)&client_secret=\(keySecret)", [:]),
                (basic(keyID, keySecret), "/v1/accounts/\(EmulatorDemo.accountID)/issuers?limit=0", ["X-Api-Key": keySecret, "X-Auth-Token": token, "Cookie": "s=\(token)"]),
            ]
            for (authorization, path, headers) in attempts {
                var caller = client
                caller.authorization = authorization
                let answer = try await caller.get(path, headers: headers)
                said.append(("\(path) -> \(answer.status)", answer.rawBody + "\(answer.headers)"))
            }
            for path in ["/_emulator/requests?limit=500", "/v1/accounts/\(EmulatorDemo.accountID)/api-keys?limit=100", "/v1/accounts/\(EmulatorDemo.accountID)/api-keys/\(keyID)",
                         "/v1/accounts/\(EmulatorDemo.accountID)/events?limit=100&event_types=api-key.created"] {
                let answer = try await client.get(path)
                #expect(answer.status == 200, "\(path)")
                said.append((path, answer.rawBody))
            }
            for (where_, text) in said {
                for (name, value) in secrets {
                    #expect(!text.contains(value), "the \(name) appears in \(where_)")
                }
            }
            // The log did record those requests (redacted), so the check above looked at them.
            let log = said.first { $0.0.hasPrefix("/_emulator/requests") }?.1 ?? ""
            #expect(log.contains("[redacted]") && log.contains("Basic [redacted]") && log.contains("Bearer [redacted]"))
        }
    }

    @Test("redaction keeps only a scheme word and hides every credential-like header")
    func redactionRules() {
        #expect(Redaction.header(name: "Authorization", value: "Bearer tok_abc") == "Bearer [redacted]")
        #expect(Redaction.header(name: "Authorization", value: "tok_abc") == "[redacted]")
        #expect(Redaction.header(name: "Authorization", value: "tok_abc more") == "[redacted]")
        for name in ["X-Api-Key", "X-Auth-Token", "Cookie", "Proxy-Authorization", "X-Client-Secret", "X-Session-Id"] {
            #expect(Redaction.header(name: name, value: "s3cr3t") != "s3cr3t", "\(name)")
        }
        #expect(Redaction.header(name: "User-Agent", value: "curl/8") == "curl/8")
    }

    @Test("the demo key cannot be blocked through PATCH nor deleted")
    func demoKeyIsProtected() async throws {
        try await withTestEmulator { client in
            let path = "/v1/accounts/\(EmulatorDemo.accountID)/api-keys/\(EmulatorDemo.apiKeyID)"
            let patched = try await client.send(.patch, path, body: ["status": "blocked"])
            #expect(patched.status == 409 && patched.errorCode == "protected_key")
            let deleted = try await client.send(.delete, path)
            #expect(deleted.status == 409 && deleted.errorCode == "protected_key")
            let renamed = try await client.send(.patch, path, body: ["name": "Renamed demo key"])
            #expect(renamed.status == 200)
            #expect(try await client.get("/v1/me").status == 200)
        }
    }
}
