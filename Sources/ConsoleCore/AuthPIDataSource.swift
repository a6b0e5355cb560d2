public import AuthPIAdmin
import Foundation

/// The store's data layer over the client core: the one place that turns AuthPIAdmin resources into rows and
/// AuthPIAdmin errors into `ConsoleFailure`s (and so into banners).
public struct AuthPIDataSource: ConsoleDataSource, AccountDirectory {
    let client: AuthPIClient
    /// The credential's form and where it came from ("Basic key pair key_abc from environment variable
    /// AUTHPI_API_KEY"), for authentication banners. Never the secret.
    let credentialSource: String?
    /// Whether the client retries GETs (so a 5xx on a read was already retried).
    let readsAreRetried: Bool

    public init(client: AuthPIClient, credentialSource: String? = nil, readsAreRetried: Bool = true) {
        self.client = client
        self.credentialSource = credentialSource
        self.readsAreRetried = readsAreRetried
    }

    public func fetchPage(_ request: PageRequest) async throws -> RowPage {
        try await mapped {
            let context = request.context
            let limit = request.limit
            let cursor = request.cursor
            let query = request.query
            switch request.kind {
            case .issuers:
                let page = try await client.issuers.list(
                    limit: limit, cursor: cursor, q: query["q"], status: query["status"])
                return rows(page, kind: .issuers)
            case .users:
                let page = try await client.issuer(try need(context.issuerID)).users.list(
                    limit: limit, cursor: cursor, status: query["status"])
                return rows(page, kind: .users)
            case .clients:
                let page = try await client.issuer(try need(context.issuerID)).clients.list(
                    limit: limit, cursor: cursor, q: query["q"], status: query["status"])
                return rows(page, kind: .clients)
            case .agents:
                let page = try await client.issuer(try need(context.issuerID)).agents.list(
                    limit: limit, cursor: cursor, status: query["status"])
                return rows(page, kind: .agents)
            case .organizations:
                let page = try await client.issuer(try need(context.issuerID)).organizations.list(
                    limit: limit, cursor: cursor, status: query["status"])
                return rows(page, kind: .organizations)
            case .sessions:
                let page = try await user(context).sessions.list(status: query["status"], limit: limit, cursor: cursor)
                return rows(page, kind: .sessions)
            case .tokens:
                let page = try await user(context).tokens.list(limit: limit, cursor: cursor, status: query["status"])
                return rows(page, kind: .tokens)
            case .trustedDevices:
                let page = try await user(context).trustedDevices.list(limit: limit, cursor: cursor)
                return rows(page, kind: .trustedDevices)
            case .verifiers:
                let page = try await user(context).verifiers.list(limit: limit, cursor: cursor)
                return rows(page, kind: .verifiers)
            case .webhooks:
                let page = try await client.webhooks.list(limit: limit, cursor: cursor, status: query["status"])
                return rows(page, kind: .webhooks)
            case .deliveries:
                let page = try await client.webhook(try need(context.webhookID)).deliveries.list(
                    limit: limit, cursor: cursor, eventType: query["event_type"], status: query["status"])
                return rows(page, kind: .deliveries)
            case .events:
                let page = try await client.events.list(
                    limit: limit, cursor: cursor, issuerID: query["issuer_id"], userID: query["user_id"],
                    eventTypes: query["event_types"].map { [$0] })
                return rows(page, kind: .events)
            case .userDetail, .errors:
                return RowPage(rows: [], nextCursor: nil, hasMore: false)
            }
        }
    }

    public func accounts() async throws -> [AccountOption] {
        try await mapped {
            try await client.whoami().accounts.map {
                AccountOption(id: $0.accountID, organizationID: $0.orgID, scopes: $0.scopes)
            }
        }
    }

    public func fetchUser(issuerID: String, userID: String) async throws -> UserRecord {
        try await mapped {
            let user = try await client.issuer(issuerID).user(userID).get()
            return Self.record(user.value.json, issuerID: issuerID, etag: user.etag)
        }
    }

    public func updateUser(issuerID: String, userID: String, changes: UserChanges, ifMatch: String?) async throws
        -> UserRecord
    {
        try await mapped {
            let user = try await client.issuer(issuerID).user(userID).update(Self.body(changes), ifMatch: ifMatch)
            return Self.record(user.value.json, issuerID: issuerID, etag: user.etag)
        }
    }

    public func perform(_ action: RowActionKind, rowID: String, context: PaneContext, ifMatch: String?) async throws
        -> ConsoleRow?
    {
        try await mapped {
            switch action {
            case .revokeSession:
                let session = try await client.issuer(try need(context.issuerID)).sessions.revoke(rowID, ifMatch: ifMatch)
                return Self.row(session, kind: .sessions)
            case .suspendSession:
                let session = try await client.issuer(try need(context.issuerID)).sessions.suspend(rowID, ifMatch: ifMatch)
                return Self.row(session, kind: .sessions)
            case .reactivateSession:
                let session = try await client.issuer(try need(context.issuerID)).sessions.reactivate(
                    rowID, ifMatch: ifMatch)
                return Self.row(session, kind: .sessions)
            case .revokeToken:
                let token = try await client.tokens.revoke(rowID, ifMatch: ifMatch)
                return Self.row(token, kind: .tokens)
            case .deleteTrustedDevice:
                try await user(context).trustedDevices.delete(rowID, ifMatch: ifMatch)
                return nil
            case .redeliver:
                let delivery = try await client.webhook(try need(context.webhookID)).deliveries.redeliver(
                    rowID, ifMatch: ifMatch)
                return Self.row(delivery, kind: .deliveries)
            case .deleteUser:
                try await client.issuer(try need(context.issuerID)).user(rowID).delete(ifMatch: ifMatch)
                return nil
            case .revokeAllTrustedDevices:
                _ = try await user(context).trustedDevices.revokeAll(ifMatch: ifMatch)
                return nil
            }
        }
    }

    public func fetchCurrent(_ kind: PaneKind, rowID: String, context: PaneContext) async throws -> ConsoleRow? {
        try await mapped {
            switch kind {
            case .sessions:
                return Self.row(try await client.issuer(try need(context.issuerID)).sessions.get(rowID), kind: .sessions)
            case .tokens:
                return Self.row(try await client.tokens.get(rowID), kind: .tokens)
            case .users, .userDetail:
                let issuerID = try need(context.issuerID)
                let user = try await client.issuer(issuerID).user(rowID).get()
                return Self.record(user.value.json, issuerID: issuerID, etag: user.etag).usersRow
            default:
                return nil
            }
        }
    }

    /// The row of a single resource, carrying the ETag of this version.
    private static func row<Item: AuthPIModel>(_ item: Versioned<Item>, kind: PaneKind) -> ConsoleRow? {
        var row = RowMapping.row(item.value.json, kind: kind)
        row?.etag = item.etag
        return row
    }

    public func revokeAllTrustedDevices(issuerID: String, userID: String) async throws -> Int {
        try await mapped {
            let result = try await client.issuer(issuerID).user(userID).trustedDevices.revokeAll()
            return result.value.json["revoked_count"]?.intValue ?? 0
        }
    }

    // MARK: - Helpers

    private func user(_ context: PaneContext) throws -> UserScope {
        client.issuer(try need(context.issuerID)).user(try need(context.userID))
    }

    private func need(_ id: String?) throws -> String {
        guard let id, !id.isEmpty else {
            throw ConsoleFailure(kind: .configuration, code: "missing_scope", message: "no resource in context")
        }
        return id
    }

    private func rows<Item: AuthPIModel>(_ page: Page<Item>, kind: PaneKind) -> RowPage {
        RowPage(
            rows: page.data.compactMap { RowMapping.row($0.json, kind: kind) }, nextCursor: page.nextCursor,
            hasMore: page.hasMore)
    }

    /// Runs a client call, turning its errors into `ConsoleFailure`s (cancellation passes through).
    private func mapped<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as AuthPIError {
            throw failure(from: error)
        }
    }

    /// The mapping of every client error to what the console shows.
    func failure(from error: AuthPIError) -> ConsoleFailure {
        let status = error.statusCode == 0 ? nil : error.statusCode
        let isRead = error.operation?.hasPrefix("GET") ?? false
        let kind: ConsoleFailure.Kind
        switch error.code {
        case .rateLimited: kind = .rateLimited(retryAfterSeconds: error.retryAfter)
        case .notFound: kind = .notFound
        case .authentication: kind = .authentication(credentialSource: credentialSource)
        case .forbidden: kind = .forbidden
        case .validation, .invalidArgument:
            kind = .validation(error.fields.map { FieldMessage(field: $0.field, code: $0.code, message: $0.message) })
        case .conflict: kind = .conflict
        case .preconditionFailed: kind = .preconditionFailed(currentETag: error.currentETag)
        case .transport: kind = .transport(host: error.host ?? "the server")
        case .configuration: kind = .configuration
        case .malformedResponse, .responseTooLarge: kind = .malformedResponse
        case .closedClient: kind = .closedClient
        default:
            if error.isServerError {
                kind = .server(retried: readsAreRetried && isRead && error.retryable)
            } else {
                kind = .unexpected
            }
        }
        return ConsoleFailure(
            kind: kind, statusCode: status, code: error.errorCode, message: error.errorDescription,
            reference: error.reference)
    }

    // MARK: - Users

    static func record(_ json: JSONObject, issuerID: String, etag: String?) -> UserRecord {
        let profile = json["profile"]?.objectValue ?? [:]
        var custom: [String: String] = [:]
        for (key, value) in json["custom_fields"]?.objectValue ?? [:] { custom[key] = RowMapping.text(value) }
        return UserRecord(
            id: json["id"]?.stringValue ?? json["user_id"]?.stringValue ?? "",
            issuerID: json["issuer_id"]?.stringValue ?? issuerID,
            username: json["username"]?.stringValue ?? json["email"]?.stringValue ?? "",
            usernameType: json["username_type"]?.stringValue,
            displayName: profile["display_name"]?.stringValue ?? json["display_name"]?.stringValue ?? "",
            firstName: profile["first_name"]?.stringValue ?? "",
            lastName: profile["last_name"]?.stringValue ?? "",
            status: json["status"]?.stringValue ?? "",
            customFields: custom,
            createdAt: RowMapping.date(json["created_at"]),
            updatedAt: RowMapping.date(json["updated_at"]),
            etag: etag,
            detailJSON: RowMapping.prettyJSON(json))
    }

    /// The PATCH body: only what changed; profile fields inside `profile`.
    static func body(_ changes: UserChanges) -> JSONObject {
        var body: JSONObject = [:]
        if let value = changes.username { body["username"] = .string(value) }
        if let value = changes.status { body["status"] = .string(value) }
        var profile: JSONObject = [:]
        if let value = changes.displayName { profile["display_name"] = .string(value) }
        if let value = changes.firstName { profile["first_name"] = .string(value) }
        if let value = changes.lastName { profile["last_name"] = .string(value) }
        if !profile.isEmpty { body["profile"] = .object(profile) }
        if changes.customFields != nil || !changes.removedCustomFields.isEmpty {
            var custom: JSONObject = (changes.customFields ?? [:]).mapValues { .string($0) }
            for key in changes.removedCustomFields { custom[key] = .null }
            body["custom_fields"] = .object(custom)
        }
        return body
    }
}
