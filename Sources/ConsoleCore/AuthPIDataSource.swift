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
    /// The client's requests, when its configuration has this log's `recorder` among its middlewares.
    let requestLog: RequestLog?

    public init(
        client: AuthPIClient, credentialSource: String? = nil, readsAreRetried: Bool = true,
        requestLog: RequestLog? = nil
    ) {
        self.client = client
        self.credentialSource = credentialSource
        self.readsAreRetried = readsAreRetried
        self.requestLog = requestLog
    }

    public func recentRequests() -> [RequestLogEntry] { requestLog?.entries() ?? [] }

    public func eventCounts(_ request: EventCountsRequest) async throws -> EventCounts {
        try await mapped { try await EventCountsReader(client: client).read(request) }
    }

    public func fetchPage(_ request: PageRequest) async throws -> RowPage {
        guard let source = request.kind.descriptor.source else { return RowPage(rows: [], nextCursor: nil, hasMore: false) }
        return try await mapped { try await source.fetchPage(client, request) }
    }

    public func fetchUnmappedPage(_ request: PageRequest) async throws -> UnmappedRowPage {
        guard let source = request.kind.descriptor.source else {
            return UnmappedRowPage(RowPage(rows: [], nextCursor: nil, hasMore: false))
        }
        return try await mapped { try await source.fetchUnmappedPage(client, request) }
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
            return UserRecord(user.value, issuerID: issuerID, etag: user.etag)
        }
    }

    public func updateUser(issuerID: String, userID: String, changes: UserChanges, ifMatch: String?) async throws
        -> UserRecord
    {
        try await mapped {
            let user = try await client.issuer(issuerID).user(userID).update(Self.body(changes), ifMatch: ifMatch)
            return UserRecord(user.value, issuerID: issuerID, etag: user.etag)
        }
    }

    public func perform(_ action: RowActionKind, rowID: String, context: PaneContext, ifMatch: String?) async throws
        -> ConsoleRow?
    {
        try await mapped { try await action.run(client, rowID, context, ifMatch) }
    }

    public func fetchCurrent(_ kind: PaneKind, rowID: String, context: PaneContext) async throws -> ConsoleRow? {
        // The user detail is a user: read as the Users pane reads one.
        let reader = kind == .userDetail ? PaneKind.users : kind
        guard let readOne = reader.descriptor.source?.readOne else { return nil }
        return try await mapped { try await readOne(client, rowID, context) }
    }

    public func performRevealing(_ action: RowActionKind, rowID: String, context: PaneContext, ifMatch: String?)
        async throws -> FormResult
    {
        guard let reveal = action.reveal else {
            return FormResult(row: try await perform(action, rowID: rowID, context: context, ifMatch: ifMatch))
        }
        return try await mapped { try await reveal(client, rowID, context, ifMatch) }
    }

    public func loadForm(_ action: FormAction, rowID: String, context: PaneContext) async throws -> FormRecord {
        guard let load = action.load else {
            throw ConsoleFailure(kind: .configuration, code: "unsupported", message: "\(action.noun) has no edit form")
        }
        return try await mapped { try await load(client, rowID, context) }
    }

    public func submitForm(_ action: FormAction, _ submission: FormSubmission) async throws -> FormResult {
        try await mapped { try await action.submit(client, submission) }
    }

    public func revokeAllTrustedDevices(issuerID: String, userID: String) async throws -> Int {
        try await mapped {
            let result = try await client.issuer(issuerID).user(userID).trustedDevices.revokeAll()
            return result.value.revokedCount ?? 0
        }
    }

    // MARK: - Helpers

    /// Runs a client call, turning its errors into `ConsoleFailure`s (cancellation passes through).
    private func mapped<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as AuthPIError {
            throw failure(from: error)
        }
    }

    /// The mapping of every client error to what the console shows: its code, and what the banner says of it.
    func failure(from error: AuthPIError) -> ConsoleFailure {
        let isRead = error.operation?.hasPrefix("GET") ?? false
        return ConsoleFailure(
            kind: error.code, statusCode: error.statusCode == 0 ? nil : error.statusCode, code: error.errorCode,
            message: error.errorDescription, reference: error.reference,
            fields: error.fields.map { FieldMessage(field: $0.field, code: $0.code, message: $0.message) },
            retryAfterSeconds: error.retryAfter, credentialSource: credentialSource, currentETag: error.currentETag,
            wasRetried: readsAreRetried && isRead && error.retryable, host: error.host)
    }

    // MARK: - Users

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
