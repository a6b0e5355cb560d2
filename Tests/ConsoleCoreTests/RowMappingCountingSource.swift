import ConsoleCore
import Synchronization

/// The client's data source, counting the rows it maps into `ConsoleRow`s: shows which pages `G` mapped.
final class RowMappingCountingSource: ConsoleDataSource {
    let base: any ConsoleDataSource
    private let counted = Mutex(0)

    init(_ base: any ConsoleDataSource) { self.base = base }

    /// Rows mapped so far.
    var mappedRows: Int { counted.withLock { $0 } }

    func fetchPage(_ request: PageRequest) async throws -> RowPage {
        let page = try await base.fetchPage(request)
        counted.withLock { $0 += page.rows.count }
        return page
    }

    func fetchUnmappedPage(_ request: PageRequest) async throws -> UnmappedRowPage {
        let page = try await base.fetchUnmappedPage(request)
        return UnmappedRowPage(count: page.count, nextCursor: page.nextCursor, hasMore: page.hasMore) { [self] in
            let rows = page.mapped().rows
            counted.withLock { $0 += rows.count }
            return rows
        }
    }

    func fetchUser(issuerID: String, userID: String) async throws -> UserRecord {
        try await base.fetchUser(issuerID: issuerID, userID: userID)
    }

    func updateUser(issuerID: String, userID: String, changes: UserChanges, ifMatch: String?) async throws -> UserRecord {
        try await base.updateUser(issuerID: issuerID, userID: userID, changes: changes, ifMatch: ifMatch)
    }

    func perform(_ action: RowActionKind, rowID: String, context: PaneContext, ifMatch: String?) async throws -> ConsoleRow? {
        try await base.perform(action, rowID: rowID, context: context, ifMatch: ifMatch)
    }

    func fetchCurrent(_ kind: PaneKind, rowID: String, context: PaneContext) async throws -> ConsoleRow? {
        try await base.fetchCurrent(kind, rowID: rowID, context: context)
    }

    func revokeAllTrustedDevices(issuerID: String, userID: String) async throws -> Int {
        try await base.revokeAllTrustedDevices(issuerID: issuerID, userID: userID)
    }
}
