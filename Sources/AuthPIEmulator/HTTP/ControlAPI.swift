import Foundation
import Hummingbird

/// `/_emulator/…`: faults, reset, the request log and access tokens. No credentials; loopback only.
struct ControlAPI {
    let store: EmulatorStore

    func respond(method: String, segments: [String], query: [String: String], body: [UInt8]?, reference: String) -> Response {
        EmulatorResponder.render(result(method: method, segments: segments, query: query, body: body), reference: reference)
    }

    private func result(method: String, segments: [String], query: [String: String], body raw: [UInt8]?) -> Result<APIResponse, APIError> {
        guard let raw else { return .failure(.tooLarge(limit: EmulatorResponder.maximumBodyBytes)) }
        var body: JSON?
        if !raw.isEmpty {
            guard let parsed = try? JSON.parse(raw) else { return .failure(APIError(status: 400, code: "invalid_json", message: "The request body is not valid JSON")) }
            body = parsed
        }
        switch (method, segments) {
        case ("GET", ["health"]):
            return .success(APIResponse(status: 200, body: ["status": "ok"]))
        case ("GET", ["faults"]):
            return .success(APIResponse(status: 200, body: ["data": store.faults]))
        case ("POST", ["faults"]):
            guard let body else { return .failure(.badRequest("A fault object (or an array of them) is required")) }
            let items = body.arrayValue ?? [body]
            var rules: [FaultRule] = []
            for item in items {
                do { rules.append(try FaultRule(json: item)) } catch {
                    return .failure(.validation([.init(field: "fault", code: "invalid", message: error.description)], message: error.description))
                }
            }
            for rule in rules { store.addFault(rule) }
            return .success(APIResponse(status: 201, body: ["data": store.faults]))
        case ("DELETE", ["faults"]):
            store.clearFaults()
            return .success(.noContent)
        case ("POST", ["reset"]):
            store.reset()
            return .success(APIResponse(status: 200, body: ["reset": true]))
        case ("GET", ["requests"]):
            let limit = query["limit"].flatMap(Int.init) ?? 100
            guard (1...EmulatorState.requestLogLimit).contains(limit) else {
                return .failure(.badRequest("limit must be between 1 and \(EmulatorState.requestLogLimit)", field: "limit"))
            }
            return .success(APIResponse(status: 200, body: ["data": store.requests(limit: limit)]))
        case ("POST", ["events"]):
            // Events as if they had happened (now, or `ago_seconds` before): following and charts can be shown and
            // tested. They are listed in the order recorded, like every event.
            let object = body?.objectValue ?? [:]
            guard let items = object["events"]?.arrayValue else { return .failure(.badRequest("{\"events\": [{\"type\": …}]} is required", field: "events")) }
            let account = object["account_id"]?.stringValue ?? EmulatorDemo.accountID
            do {
                let ids = try store.appendEvents(items, account: account, now: Int(Date().timeIntervalSince1970))
                return .success(APIResponse(status: 201, body: ["data": .array(ids.map { .string($0) })]))
            } catch { return .failure(error) }
        case ("POST", ["access-tokens"]):
            let object = body?.objectValue ?? [:]
            if body != nil && body?.objectValue == nil { return .failure(.badRequest("The body must be a JSON object")) }
            let account = object["account_id"]?.stringValue ?? EmulatorDemo.accountID
            let ttlValue = object["ttl_seconds"] ?? .int(3600)
            guard let ttl = ttlValue.intValue, ttlValue.boolValue == nil, (1...604_800).contains(ttl) else {
                return .failure(.invalidField("ttl_seconds", "invalid", "ttl_seconds must be an integer between 1 and 604800"))
            }
            do {
                let (token, expiresAt) = try store.mintAccessToken(account: account, ttl: ttl, userID: object["user_id"]?.stringValue)
                return .success(APIResponse(status: 201, body: [
                    "access_token": .string(token), "token_type": "Bearer", "account_id": .string(account),
                    "expires_in": .int(ttl), "expires_at": .int(Int(expiresAt)),
                ]))
            } catch { return .failure(error) }
        case ("POST", let parts) where parts.count == 3 && parts[0] == "access-tokens" && parts[2] == "expire":
            guard store.expireAccessToken(parts[1]) else { return .failure(.notFound("Access token")) }
            return .success(APIResponse(status: 200, body: ["expired": true]))
        default:
            let known: [[String]: [String]] = [["health"]: ["GET"], ["faults"]: ["GET", "POST", "DELETE"], ["reset"]: ["POST"], ["requests"]: ["GET"], ["access-tokens"]: ["POST"], ["events"]: ["POST"]]
            if let allowed = known[segments] { return .failure(.methodNotAllowed(allowed)) }
            if segments.count == 3, segments[0] == "access-tokens", segments[2] == "expire" { return .failure(.methodNotAllowed(["POST"])) }
            return .failure(.routeNotFound("/_emulator/" + segments.joined(separator: "/")))
        }
    }
}
