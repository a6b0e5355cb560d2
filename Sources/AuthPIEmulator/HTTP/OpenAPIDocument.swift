/// `GET /openapi.json`: an OpenAPI 3.0 document generated from the route table, so every route the
/// emulator serves is described, with the body rules its handlers validate against.
enum OpenAPIDocument {
    /// Statuses any `/v1` operation may answer with the JSON error body.
    static let errorStatuses = [400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 429]

    /// Example path parameters: the demo seed's well-known ids, so generated requests reach real resources.
    static let examples: [String: String] = [
        "acct": EmulatorDemo.accountID, "iss": EmulatorDemo.issuerID, "usr": EmulatorDemo.userWithSessionsID, "session": EmulatorDemo.activeSessionID,
        "wh": EmulatorDemo.webhookWithDeliveriesID, "org": EmulatorDemo.organizationID, "client": EmulatorDemo.clientID,
        "agent": EmulatorDemo.agentID, "key": EmulatorDemo.apiKeyID,
    ]

    static func make(_ table: RouteTable) -> JSON {
        var paths: [String: [String: JSON]] = [:]
        for route in table.routes {
            paths[route.template, default: [:]][route.method.lowercased()] = operation(route)
        }
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "AuthPI Core API (authpi-emulator)",
                "version": "1.4.0",
                "description": .string(
                    "What the local emulator implements of the AuthPI Core API. Generated from its route table. "
                        + "Demo credentials: HTTP Basic key_demo:demo_secret (API keys are only ever sent as Basic key_id:secret); "
                        + "Bearer is for access tokens. There is no /v1/accounts/me alias: GET /v1/me lists the caller's accounts."),
            ],
            "paths": .object(paths.mapValues { .object($0) }),
            "security": [["basicAuth": []], ["bearerAuth": []]],
            "components": [
                "securitySchemes": [
                    "basicAuth": ["type": "http", "scheme": "basic", "description": "An API key: key_id:secret"],
                    "bearerAuth": ["type": "http", "scheme": "bearer", "description": "An access token (tok_…); never an API key"],
                ],
                "schemas": ["Error": errorSchema],
                "responses": .object(Dictionary(uniqueKeysWithValues: errorStatuses.map { (String($0), errorResponse($0)) })),
            ],
        ]
    }

    static let errorSchema: JSON = [
        "type": "object",
        "additionalProperties": false,
        "required": ["error", "error_description", "retryable", "reference"],
        "properties": [
            "error": ["type": "string"],
            "error_description": ["type": "string"],
            "retryable": ["type": "boolean"],
            "reference": ["type": "string", "pattern": "^req_[0-9]{16}$"],
            "fields": [
                "type": "array",
                "items": [
                    "type": "object", "required": ["field", "code", "message"],
                    "properties": ["field": ["type": "string"], "code": ["type": "string"], "message": ["type": "string"]],
                ],
            ],
            "current_etag": ["type": "string"],
            "retry_after": ["type": "integer", "minimum": 0],
        ],
    ]

    static func errorResponse(_ status: Int) -> JSON {
        var response: [String: JSON] = [
            "description": .string(errorDescription(status)),
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
        ]
        switch status {
        case 401: response["headers"] = ["WWW-Authenticate": ["required": true, "schema": ["type": "string"]]]
        case 405: response["headers"] = ["Allow": ["required": true, "schema": ["type": "string"]]]
        case 429: response["headers"] = ["Retry-After": ["schema": ["type": "integer"]]]
        default: break
        }
        return .object(response)
    }

    static func errorDescription(_ status: Int) -> String {
        switch status {
        case 400: return "Invalid request: bad query parameter, cursor, path segment or JSON"
        case 401: return "Missing, wrong, inactive or expired credentials"
        case 403: return "Another account"
        case 404: return "Unknown id or path"
        case 405: return "Method not allowed (see Allow)"
        case 409: return "Conflict: state transition, uniqueness, protected demo key, reused Idempotency-Key"
        case 412: return "If-Match does not match the current ETag (see current_etag)"
        case 413: return "Body over 1 MiB"
        case 415: return "Body is not application/json"
        case 422: return "Body fails validation (see fields)"
        case 429: return "Rate limited (injected)"
        default: return "Error"
        }
    }

    static func operation(_ route: RouteTable.Route) -> JSON {
        let doc = route.doc
        var parameters: [JSON] = route.pattern.compactMap { segment in
            guard case .param(let name) = segment else { return nil }
            var parameter: [String: JSON] = ["name": .string(name), "in": "path", "required": true, "schema": ["type": "string", "minLength": 1]]
            if let example = examples[name] { parameter["example"] = .string(example) }
            return .object(parameter)
        }
        parameters += doc.query.map { query in
            ["name": .string(query.name), "in": "query", "required": .bool(query.required), "schema": querySchema(query.kind)]
        }
        if route.method != "GET" {
            parameters.append(["name": "If-Match", "in": "header", "required": false, "schema": ["type": "string"]])
        }
        if route.method == "POST" || route.method == "PATCH" {
            parameters.append(["name": "Idempotency-Key", "in": "header", "required": false, "schema": ["type": "string", "maxLength": 255]])
        }
        var responses: [String: JSON] = [:]
        for status in errorStatuses { responses[String(status)] = ["$ref": .string("#/components/responses/\(status)")] }
        switch doc.success {
        case .single(let status, let etag):
            var response: [String: JSON] = [
                "description": "The resource (or the action's result) in a data envelope",
                "content": ["application/json": ["schema": [
                    "type": "object", "additionalProperties": false, "required": ["data"], "properties": ["data": ["type": "object"]],
                ]]],
            ]
            if etag { response["headers"] = ["ETag": ["required": true, "schema": ["type": "string", "minLength": 1]]] }
            responses[String(status)] = .object(response)
        case .list:
            responses["200"] = [
                "description": "One page",
                "content": ["application/json": ["schema": [
                    "type": "object", "additionalProperties": false, "required": ["data", "has_more", "next_cursor"],
                    "properties": [
                        "data": ["type": "array", "items": ["type": "object"]],
                        "has_more": ["type": "boolean"],
                        "next_cursor": ["type": "string", "nullable": true],
                    ],
                ]]],
            ]
        case .array:
            responses["200"] = [
                "description": "All matching items",
                "content": ["application/json": ["schema": [
                    "type": "object", "additionalProperties": false, "required": ["data"],
                    "properties": ["data": ["type": "array", "items": ["type": "object"]]],
                ]]],
            ]
        case .noContent:
            responses["204"] = ["description": "Deleted"]
        }
        var operation: [String: JSON] = [
            "operationId": .string(operationID(route)),
            "parameters": .array(parameters),
            "responses": .object(responses),
        ]
        if doc.deprecated {
            operation["deprecated"] = true
            operation["description"] = "0.3.0 alias, kept for authpi-admin 0.3.0"
        }
        if case .object(let rules, let required) = doc.body {
            var schema = bodySchema(rules)
            if !doc.oneOfRequired.isEmpty {
                schema["anyOf"] = .array(doc.oneOfRequired.map { ["required": [.string($0)]] })
            }
            operation["requestBody"] = [
                "required": .bool(required),
                "content": ["application/json": ["schema": schema]],
            ]
        }
        return .object(operation)
    }

    static func operationID(_ route: RouteTable.Route) -> String {
        let parts = route.pattern.map { segment -> String in
            switch segment {
            case .literal(let text): return text
            case .param(let name): return "by_" + name
            }
        }
        return route.method.lowercased() + "_" + parts.joined(separator: "_").replacingOccurrences(of: "-", with: "_")
    }

    static func querySchema(_ kind: RouteDoc.Query.Kind) -> JSON {
        switch kind {
        case .string: return ["type": "string"]
        case .limit: return ["type": "integer", "minimum": 1, "maximum": .int(ListQuery.maximumLimit)]
        case .bool: return ["type": "boolean"]
        case .timestamp: return ["type": "number"]
        case .oneOf(let values): return ["type": "string", "enum": JSON.strings(values)]
        }
    }

    static func bodySchema(_ rules: [FieldRule]) -> JSON {
        var properties: [String: JSON] = [:]
        for rule in rules {
            var schema = fieldSchema(rule.kind)
            if !rule.required { schema["nullable"] = true }
            properties[rule.name] = schema
        }
        var schema: [String: JSON] = ["type": "object", "properties": .object(properties)]
        let required = rules.filter(\.required).map(\.name)
        if !required.isEmpty { schema["required"] = JSON.strings(required) }
        return .object(schema)
    }

    static func fieldSchema(_ kind: FieldRule.Kind) -> JSON {
        switch kind {
        case .string: return ["type": "string"]
        case .nonEmptyString: return ["type": "string", "minLength": 1, "pattern": "\\S"]
        case .email: return ["type": "string", "format": "email"]
        case .url: return ["type": "string", "format": "uri", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"]
        case .bool: return ["type": "boolean"]
        case .int: return ["type": "integer"]
        case .number: return ["type": "number"]
        case .object: return ["type": "object"]
        case .stringArray: return ["type": "array", "items": ["type": "string"]]
        case .array: return ["type": "array"]
        case .any: return [:]
        case .oneOf(let values): return ["type": "string", "enum": JSON.strings(values)]
        case .listOf(let values): return ["type": "array", "items": ["type": "string", "enum": JSON.strings(values)]]
        case .shape(let rules): return bodySchema(rules)
        }
    }
}
