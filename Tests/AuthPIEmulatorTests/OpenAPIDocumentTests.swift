import Foundation
import HTTPTypes
import Testing
@testable import AuthPIEmulator

@Suite("GET /openapi.json")
struct OpenAPIDocumentTests {
    static let methods = ["get", "post", "patch", "delete", "put"]

    /// `(template, method)` of every documented operation.
    static func operations(_ document: JSON) -> [(path: String, method: String, operation: JSON)] {
        var result: [(String, String, JSON)] = []
        for (path, item) in document["paths"]?.objectValue ?? [:] {
            for (method, operation) in item.objectValue ?? [:] where methods.contains(method) { result.append((path, method, operation)) }
        }
        return result.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }

    /// The template with each `{param}` replaced by its example (a demo id) or an unknown id.
    static func concrete(_ template: String, _ operation: JSON) -> String {
        var path = template
        for parameter in operation["parameters"]?.arrayValue ?? [] where parameter["in"]?.stringValue == "path" {
            let name = parameter["name"]?.stringValue ?? ""
            path = path.replacingOccurrences(of: "{\(name)}", with: parameter["example"]?.stringValue ?? "zz_unknown")
        }
        return path
    }

    @Test("is served without credentials as OpenAPI 3.0 JSON")
    func served() async throws {
        try await withTestEmulator { client in
            var anonymous = client
            anonymous.authorization = nil
            let answer = try await anonymous.get("/openapi.json")
            #expect(answer.status == 200)
            #expect(answer.headers[.contentType]?.hasPrefix("application/json") == true)
            let document = try #require(answer.json)
            #expect(document["openapi"]?.stringValue?.hasPrefix("3.0") == true)
            #expect(document["components"]?["securitySchemes"]?["basicAuth"]?["scheme"]?.stringValue == "basic")
            #expect(document["components"]?["securitySchemes"]?["bearerAuth"]?["scheme"]?.stringValue == "bearer")
            let posted = try await anonymous.send(.post, "/openapi.json", body: [:])
            #expect(posted.status == 405 && posted.headers[.allow] == "GET")
        }
    }

    @Test("documents every route of the table and nothing else")
    func everyRouteDocumented() async throws {
        try await withTestEmulator { client in
            let document = try #require(try await client.get("/openapi.json").json)
            let documented = Set(Self.operations(document).map { "\($0.method.uppercased()) \($0.path)" })
            let served = Set(APIRoutes.table.routes.map { "\($0.method) \($0.template)" })
            #expect(served.subtracting(documented).isEmpty, "served but not documented: \(served.subtracting(documented).sorted())")
            #expect(documented.subtracting(served).isEmpty, "documented but not served: \(documented.subtracting(served).sorted())")
            #expect(served.count == APIRoutes.table.routes.count, "no route registered twice")
            #expect(documented.count > 140)
        }
    }

    @Test("every documented operation is routed by the running server (no route-level 404 or 405)")
    func everyOperationRouted() async throws {
        try await withTestEmulator { client in
            let document = try #require(try await client.get("/openapi.json").json)
            var checked = 0
            for (template, method, operation) in Self.operations(document) {
                let path = Self.concrete(template, operation)
                let hasBody = method == "post" || method == "patch"
                let answer = try await client.send(try #require(HTTPRequest.Method(method.uppercased())), path, body: hasBody ? [:] : nil)
                #expect(answer.status != 405, "\(method) \(path): \(answer.rawBody)")
                let description = answer.json?["error_description"]?.stringValue ?? ""
                #expect(!description.hasPrefix("No route"), "\(method) \(path)")
                #expect(answer.status < 500, "\(method) \(path)")
                if answer.status < 300 {
                    // A success is one the operation documents.
                    #expect(operation["responses"]?[String(answer.status)] != nil, "\(method) \(path) answered undocumented \(answer.status)")
                }
                checked += 1
                if answer.status < 300 { _ = try await client.send(.post, "/_emulator/reset") }
            }
            #expect(checked == APIRoutes.table.routes.count)
        }
    }

    @Test("required body fields in the document are the ones the emulator asks for")
    func requiredFieldsMatchValidation() async throws {
        try await withTestEmulator { client in
            let document = try #require(try await client.get("/openapi.json").json)
            var compared = 0
            for (template, method, operation) in Self.operations(document) {
                guard let schema = operation["requestBody"]?["content"]?["application/json"]?["schema"] else { continue }
                let alternatives = (schema["anyOf"]?.arrayValue ?? []).flatMap { $0["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
                let required = Set(schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                let answer = try await client.send(try #require(HTTPRequest.Method(method.uppercased())), Self.concrete(template, operation), body: [:])
                guard answer.status == 422 else { continue }
                let named = Set(answer.json?["fields"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? [])
                let missing = Set(answer.json?["fields"]?.arrayValue?.filter { $0["code"]?.stringValue == "required" }.compactMap { $0["field"]?.stringValue } ?? [])
                #expect(missing.isSubset(of: required.union(alternatives)), "\(method) \(template): the emulator requires \(missing.subtracting(required).sorted()) undocumented")
                #expect(required.isSubset(of: named), "\(method) \(template): documented required \(required.subtracting(named).sorted()) not asked for")
                compared += 1
            }
            #expect(compared >= 15, "only \(compared) operations compared")
        }
    }

    @Test("every operation documents its success, the JSON errors and the auth")
    func responsesDocumented() async throws {
        let document = OpenAPIDocument.make(APIRoutes.table)
        for (template, method, operation) in Self.operations(document) {
            let responses = operation["responses"]?.objectValue ?? [:]
            #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(template)")
            for status in [400, 401, 403, 404, 409, 412, 413, 415, 422, 429] {
                #expect(responses[String(status)]?["$ref"]?.stringValue == "#/components/responses/\(status)", "\(method) \(template) \(status)")
            }
            if method == "get", template.hasSuffix("}"), responses["200"]?["headers"]?["ETag"] == nil, !template.hasSuffix("/v1/me") {
                Issue.record("\(method) \(template) reads a resource without documenting its ETag")
            }
        }
        #expect(document["components"]?["schemas"]?["Error"]?["required"]?.arrayValue?.count == 4)
    }
}
