import Foundation

/// A resource a jump (`:usr_…`) found, with where it lives: the context its pane opens in.
public struct LocatedResource: Sendable, Hashable {
    public var kind: ResourceIDKind
    public var id: String
    /// Issuer, user or webhook ids and names of its parents (and of itself, for a user or webhook).
    public var context: PaneContext

    public init(kind: ResourceIDKind, id: String, context: PaneContext) {
        self.kind = kind
        self.id = id
        self.context = context
    }
}

/// What an id lookup found.
public enum LocateOutcome: Sendable, Hashable {
    case found(LocatedResource)
    /// Not in any of the `searched` issuers (or webhooks); `more` when the bound stopped the search first.
    case notFound(searched: Int, more: Bool)
}

/// The kinds of id a jump understands, by prefix (the id shapes of the wire contract).
public enum ResourceIDKind: String, Sendable, Hashable, CaseIterable {
    case issuer, user, session, webhook

    /// The prefix of its ids.
    public var prefix: String {
        switch self {
        case .issuer: "i_"
        case .user: "usr_"
        case .session: "ses_"
        case .webhook: "wh_"
        }
    }

    /// The kind an id names by its prefix, if any.
    public init?(id: String) {
        guard let kind = Self.allCases.first(where: { id.hasPrefix($0.prefix) && id.count > $0.prefix.count })
        else { return nil }
        self = kind
    }

    /// Whether finding it means trying the issuers one by one (the API has no account-wide lookup for it).
    public var searchesIssuers: Bool { self == .user || self == .session }
}

extension ConsoleDataSource {
    /// Finds where a resource lives. The API has no account-wide lookup by id: issuers and webhooks are found in
    /// their lists; a user or session is read in each issuer in turn (`GET {iss}/users/{id}`,
    /// `GET {iss}/sessions/{id}`), a 404 meaning "not this one", at most `issuerLimit` issuers. `progress` is
    /// told (tried, total) after each issuer.
    public func locate(
        _ id: String, issuerLimit: Int, progress: @escaping @MainActor @Sendable (Int, Int) -> Void
    ) async throws -> LocateOutcome {
        guard let kind = ResourceIDKind(id: id) else { return .notFound(searched: 0, more: false) }
        switch kind {
        case .webhook:
            let (webhooks, more) = try await listAll(.webhooks, limit: issuerLimit)
            guard let webhook = webhooks.first(where: { $0.id == id }) else {
                return .notFound(searched: webhooks.count, more: more)
            }
            return .found(LocatedResource(
                kind: .webhook, id: id, context: PaneContext(webhookID: id, webhookName: webhook.title)))
        case .issuer, .user, .session:
            let (issuers, more) = try await listAll(.issuers, limit: issuerLimit)
            if kind == .issuer {
                guard let issuer = issuers.first(where: { $0.id == id }) else {
                    return .notFound(searched: issuers.count, more: more)
                }
                return .found(LocatedResource(
                    kind: .issuer, id: id, context: PaneContext(issuerID: id, issuerName: issuer.title)))
            }
            for (number, issuer) in issuers.enumerated() {
                try Task.checkCancellation()
                let context = PaneContext(issuerID: issuer.id, issuerName: issuer.title)
                if let found = try await find(kind, id: id, in: context) { return .found(found) }
                await progress(number + 1, issuers.count)
            }
            return .notFound(searched: issuers.count, more: more)
        }
    }

    /// The user or session in one issuer, or nil when that issuer answers 404.
    private func find(_ kind: ResourceIDKind, id: String, in issuer: PaneContext) async throws -> LocatedResource? {
        do {
            var context = issuer
            let userID: String
            if kind == .session {
                guard let session = try await fetchCurrent(.sessions, rowID: id, context: issuer) else { return nil }
                guard let owner = Self.string("user_id", in: session.detailJSON) else { return nil }
                userID = owner
            } else {
                userID = id
            }
            let user = try await fetchUser(issuerID: issuer.issuerID ?? "", userID: userID)
            context.userID = userID
            context.userName = user.username.isEmpty ? nil : user.username
            return LocatedResource(kind: kind, id: id, context: context)
        } catch let failure as ConsoleFailure where failure.kind == .notFound {
            return nil
        }
    }

    /// Every row of a root list, up to `limit` rows; whether more exist.
    private func listAll(_ kind: PaneKind, limit: Int) async throws -> (rows: [ConsoleRow], more: Bool) {
        var rows: [ConsoleRow] = []
        var cursor: String?
        // Bounded: at most `limit` rows, and as many pages.
        for _ in 0..<max(1, limit) {
            let page = try await fetchPage(PageRequest(
                kind: kind, context: PaneContext(), cursor: cursor, limit: min(100, max(1, limit - rows.count))))
            rows += page.rows
            guard page.hasMore, rows.count < limit else { return (Array(rows.prefix(limit)), page.hasMore) }
            cursor = page.nextCursor
        }
        return (rows, true)
    }

    private static func string(_ key: String, in json: String) -> String? {
        guard let data = json.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object[key] as? String
    }
}
