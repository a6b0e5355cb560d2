import Foundation
@testable import ConsoleCore

/// An in-memory data source for engine tests: deterministic lists, users with ETags, injectable failures and a
/// gate that holds page fetches until released (to observe in-flight and cancelled requests).
actor MemorySource: ConsoleDataSource {
    var userCount: Int
    var users: [String: UserRecord] = [:]
    var sessions: [String: ConsoleRow] = [:]
    private(set) var pageRequests: [PageRequest] = []
    private(set) var userFetches: [String] = []
    private(set) var cancelledFetches = 0
    private(set) var updates: [(UserChanges, String?)] = []
    private(set) var performed: [(RowActionKind, String)] = []
    var failNextPages: [ConsoleFailure] = []
    var failingRows: [String: ConsoleFailure] = [:]
    var holdPages = false
    var updateFailure: ConsoleFailure?
    var lightUsers = true

    init(userCount: Int = 1000) {
        self.userCount = userCount
    }

    func setHoldPages(_ value: Bool) {
        holdPages = value
        guard !value else { return }
        let held = heldFetches
        heldFetches = [:]
        for fetch in held.values { fetch.resume() }
    }

    /// Page fetches waiting for `setHoldPages(false)` (or their cancellation), by id.
    private var heldFetches: [Int: CheckedContinuation<Void, any Error>] = [:]
    private var nextHeldID = 0
    /// Page fetches held now (a test waits for its request to be held before acting on it).
    var heldFetchCount: Int { heldFetches.count }

    /// Waits, without polling, until the test releases the held pages or the fetch is cancelled.
    private func hold() async throws {
        let id = nextHeldID
        nextHeldID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    heldFetches[id] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancelHold(id) }
        }
    }

    private func cancelHold(_ id: Int) {
        heldFetches.removeValue(forKey: id)?.resume(throwing: CancellationError())
    }
    func failPages(_ failures: [ConsoleFailure]) { failNextPages = failures }
    func failRow(_ id: String, with failure: ConsoleFailure) { failingRows[id] = failure }
    func setUpdateFailure(_ failure: ConsoleFailure?) { updateFailure = failure }
    func setUserCount(_ count: Int) { userCount = count }

    static func userID(_ index: Int) -> String { "usr_\(String(format: "%07d", index))" }

    func record(_ id: String) -> UserRecord {
        if let user = users[id] { return user }
        let index = Int(id.dropFirst(4)) ?? 0
        let user = UserRecord(
            id: id, issuerID: "iss_1", username: "user\(index)@acme.test", usernameType: "email",
            displayName: "User \(index)", firstName: "First\(index)", lastName: "Last\(index)", status: "active",
            customFields: ["plan": "free"], createdAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(index)),
            etag: "\"v1\"")
        users[id] = user
        return user
    }

    /// Simulates a concurrent edit by someone else.
    func edit(_ id: String, _ change: @Sendable (inout UserRecord) -> Void) {
        var user = record(id)
        change(&user)
        user.etag = "\"v\(Int(user.etag?.filter(\.isNumber) ?? "1").map { $0 + 1 } ?? 2)\""
        users[id] = user
    }

    func fetchPage(_ request: PageRequest) async throws -> RowPage {
        pageRequests.append(request)
        if holdPages {
            do { try await hold() } catch {
                cancelledFetches += 1
                throw error
            }
        }
        if !failNextPages.isEmpty { throw failNextPages.removeFirst() }
        let start = Int(request.cursor ?? "0") ?? 0
        let total: Int
        switch request.kind {
        case .users: total = userCount
        case .sessions: total = 7
        default: total = 250
        }
        let end = min(start + request.limit, total)
        let rows = (start..<max(end, start)).map { row(kind: request.kind, index: $0, status: request.query["status"]) }
            .compactMap { $0 }
        return RowPage(rows: rows, nextCursor: end < total ? String(end) : nil, hasMore: end < total)
    }

    private func row(kind: PaneKind, index: Int, status: String?) -> ConsoleRow? {
        switch kind {
        case .users:
            let id = Self.userID(index)
            let userStatus = users[id]?.status ?? (index % 3 == 0 ? "blocked" : "active")
            if let status, status != userStatus { return nil }
            if lightUsers {
                return ConsoleRow(
                    id: id, cells: [id, "…", "", userStatus, ""], status: userStatus, needsHydration: true)
            }
            return record(id).usersRow
        case .sessions:
            let id = "ses_\(index)"
            if let row = sessions[id] { return row }
            return ConsoleRow(id: id, cells: [id, "active", "laptop", "Paris", "", ""], status: "active")
        default:
            let id = "\(kind.rawValue)_\(index)"
            return ConsoleRow(id: id, cells: [id, "Name \(index)", "active", "ready", ""], title: "Name \(index)")
        }
    }

    func fetchUser(issuerID: String, userID: String) async throws -> UserRecord {
        userFetches.append(userID)
        // An answer that comes later, as over a network, without a real wait.
        await Task.yield()
        return record(userID)
    }

    func updateUser(issuerID: String, userID: String, changes: UserChanges, ifMatch: String?) async throws
        -> UserRecord
    {
        updates.append((changes, ifMatch))
        if let updateFailure { throw updateFailure }
        var user = record(userID)
        if let ifMatch, ifMatch != user.etag {
            throw ConsoleFailure(
                kind: .preconditionFailed, statusCode: 412, code: "precondition_failed", message: "etag mismatch",
                currentETag: user.etag)
        }
        if let value = changes.username { user.username = value }
        if let value = changes.displayName { user.displayName = value }
        if let value = changes.firstName { user.firstName = value }
        if let value = changes.lastName { user.lastName = value }
        if let value = changes.status { user.status = value }
        for (key, value) in changes.customFields ?? [:] { user.customFields[key] = value }
        for key in changes.removedCustomFields { user.customFields[key] = nil }
        users[userID] = user
        edit(userID) { _ in }
        return users[userID] ?? user
    }

    func fetchCurrent(_ kind: PaneKind, rowID: String, context: PaneContext) async throws -> ConsoleRow? { nil }

    func perform(_ action: RowActionKind, rowID: String, context: PaneContext, ifMatch: String?) async throws
        -> ConsoleRow?
    {
        performed.append((action, rowID))
        if let failure = failingRows[rowID] { throw failure }
        if action.removesRow { return nil }
        let status = action == .suspendSession ? "suspended" : (action == .reactivateSession ? "active" : "revoked")
        let row = ConsoleRow(id: rowID, cells: [rowID, status, "laptop", "Paris", "", ""], status: status)
        sessions[rowID] = row
        return row
    }

    func revokeAllTrustedDevices(issuerID: String, userID: String) async throws -> Int { 3 }
}

extension ConsoleFailure {
    static let notFoundForTest = ConsoleFailure(kind: .notFound, statusCode: 404, code: "not_found", message: "no such session")
    static let unavailableForTest = ConsoleFailure(
        kind: .serverError, statusCode: 503, code: "unavailable", message: "try later", wasRetried: true)
}
