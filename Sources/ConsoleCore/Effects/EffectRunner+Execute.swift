import AuthPIAdmin
import Foundation

/// Executes the reducer's effects: each request against the data source and each timer on the clock, sending
/// what comes back as one `ConsoleEvent` (exactly one per request, cancelled or not, so the header's count of
/// requests in flight stays true).
extension EffectRunner {
    func execute(
        _ effects: [Effect], source: any ConsoleDataSource, send: @escaping @MainActor (ConsoleEvent) -> Void
    ) {
        for effect in effects { execute(effect, source: source, send: send) }
    }

    private func execute(
        _ effect: Effect, source: any ConsoleDataSource, send: @escaping @MainActor (ConsoleEvent) -> Void
    ) {
        let clock = self.clock
        let handle: EffectHandle
        switch effect {
        case .listAccounts, .connectToAccount:
            // The store's shell executes these (they need its directory and replace its data source).
            return
        case .cancel(let id):
            cancel(id)
            return
        case .fetchPage(let request, let paneID, let fetch, let token):
            handle = run {
                let started = clock.elapsed
                do {
                    let page = try await source.fetchPage(request)
                    send(.pageArrived(paneID: paneID, fetch: fetch, token: token, page: page, latency: clock.elapsed - started))
                } catch {
                    send(.pageFailed(
                        paneID: paneID, fetch: fetch, token: token, failure: Self.failure(error),
                        latency: clock.elapsed - started))
                }
            }
        case .fetchUser(let issuerID, let userID, let paneID, let token):
            handle = run {
                let started = clock.elapsed
                do {
                    let record = try await source.fetchUser(issuerID: issuerID, userID: userID)
                    send(.userHydrated(paneID: paneID, token: token, record: record, latency: clock.elapsed - started))
                } catch {
                    send(.userHydrationFailed(
                        paneID: paneID, userID: userID, token: token, failure: Self.failure(error),
                        latency: clock.elapsed - started))
                }
            }
        case .walkToEnd(let request, let paneID, let token, let mappedTail):
            handle = run {
                await Self.walk(
                    from: request, paneID: paneID, token: token, mappedTail: mappedTail, source: source, clock: clock,
                    send: send)
            }
        case .export(let job, let token):
            handle = run { await Self.export(job, token: token, source: source, send: send) }
        case .loadUserDetail(let issuerID, let userID, let context, let limit, let paneID, let token):
            handle = run {
                await Self.loadUserDetail(
                    issuerID: issuerID, userID: userID, context: context, paneID: paneID, token: token,
                    limit: limit, source: source, clock: clock, send: send)
            }
        case .fetchScanPage(let request, let paneID, let token):
            handle = run {
                let started = clock.elapsed
                do {
                    let page = try await source.fetchPage(request)
                    send(.scanPageArrived(
                        paneID: paneID, token: token, cursor: request.cursor, page: page, latency: clock.elapsed - started))
                } catch {
                    send(.scanFailed(paneID: paneID, token: token, failure: Self.failure(error), latency: clock.elapsed - started))
                }
            }
        case .fetchScanUsers(let ids, let issuerID, let concurrency, let paneID, let token):
            handle = run {
                let started = clock.elapsed
                let users = await Self.fetchUsers(ids, issuerID: issuerID, source: source, limit: concurrency)
                guard !Task.isCancelled else {
                    send(.scanFailed(paneID: paneID, token: token, failure: nil, latency: clock.elapsed - started))
                    return
                }
                send(.scanUsersArrived(paneID: paneID, token: token, users: users, latency: clock.elapsed - started))
            }
        case .readForDescribe(let kind, let rowID, let context, let token):
            handle = run {
                let started = clock.elapsed
                let result: Result<ConsoleRow?, ConsoleFailure>?
                do {
                    result = .success(try await source.fetchCurrent(kind, rowID: rowID, context: context))
                } catch {
                    result = Self.failure(error).map { .failure($0) }
                }
                send(.describeArrived(token: token, rowID: rowID, result: result, latency: clock.elapsed - started))
            }
        case .performAction(let action, let targets, let paneID, let context, let columns, let concurrency):
            handle = run {
                let started = clock.elapsed
                let outcomes = await Self.runBounded(targets, limit: concurrency) { target in
                    await Self.attempt(action, on: target, context: context, columns: columns, source: source)
                }
                send(.actionFinished(
                    action: action, paneID: paneID, context: context, outcomes: outcomes, latency: clock.elapsed - started))
            }
        case .revokeAllTrustedDevices(let issuerID, let userID, let action, let paneID):
            handle = run {
                let started = clock.elapsed
                let result: Result<Int, ConsoleFailure>
                do {
                    result = .success(try await source.revokeAllTrustedDevices(issuerID: issuerID, userID: userID))
                } catch {
                    result = .failure(ConsoleFailure.from(error))
                }
                send(.devicesRevoked(action: action, userID: userID, paneID: paneID, result: result, latency: clock.elapsed - started))
            }
        case .readForEdit(let issuerID, let userID, let token):
            handle = run {
                let started = clock.elapsed
                let result: Result<UserRecord, ConsoleFailure>?
                do {
                    result = .success(try await source.fetchUser(issuerID: issuerID, userID: userID))
                } catch {
                    result = error is CancellationError ? nil : .failure(ConsoleFailure.from(error))
                }
                send(.editRecordArrived(token: token, userID: userID, result: result, latency: clock.elapsed - started))
            }
        case .saveUser(let changes, let ifMatch, let form):
            handle = run {
                let started = clock.elapsed
                let result: Result<UserRecord, ConsoleFailure>
                do {
                    result = .success(try await source.updateUser(
                        issuerID: form.base.issuerID, userID: form.base.id, changes: changes, ifMatch: ifMatch))
                } catch {
                    result = .failure(ConsoleFailure.from(error))
                }
                send(.saveFinished(form: form, result: result, latency: clock.elapsed - started))
            }
        case .readTheirs(let form, let failure):
            handle = run {
                let started = clock.elapsed
                let result: Result<UserRecord, ConsoleFailure>
                do {
                    result = .success(try await source.fetchUser(issuerID: form.base.issuerID, userID: form.base.id))
                } catch {
                    result = .failure(ConsoleFailure.from(error))
                }
                send(.theirsArrived(form: form, failure: failure, result: result, latency: clock.elapsed - started))
            }
        case .readForForm(let action, let rowID, let context, let token):
            handle = run {
                let started = clock.elapsed
                let result: Result<FormRecord, ConsoleFailure>?
                do {
                    result = .success(try await source.loadForm(action, rowID: rowID, context: context))
                } catch {
                    result = error is CancellationError ? nil : .failure(ConsoleFailure.from(error))
                }
                send(.formRecordArrived(token: token, action: action, result: result, latency: clock.elapsed - started))
            }
        case .submitForm(let form):
            // A create keeps its key across retries of the same input; new input gets a new one.
            let key = form.isCreate ? (form.idempotencyKey ?? "console-" + UUID().uuidString.lowercased()) : nil
            let submission = FormSubmission(
                values: form.submittedValues, context: form.context, rowID: form.rowID, ifMatch: form.etag,
                idempotencyKey: key)
            handle = run {
                let started = clock.elapsed
                let result: Result<FormResult, ConsoleFailure>
                do {
                    result = .success(try await source.submitForm(form.action, submission))
                } catch {
                    result = .failure(ConsoleFailure.from(error))
                }
                send(.formSubmitted(form: form, idempotencyKey: key, result: result, latency: clock.elapsed - started))
            }
        case .readTheirsForForm(let form, let failure):
            handle = run {
                let started = clock.elapsed
                let result: Result<FormRecord, ConsoleFailure>
                do {
                    result = .success(try await source.loadForm(form.action, rowID: form.rowID ?? "", context: form.context))
                } catch {
                    result = .failure(ConsoleFailure.from(error))
                }
                send(.formTheirsArrived(form: form, failure: failure, result: result, latency: clock.elapsed - started))
            }
        case .startTimer(let timer, let delay):
            handle = after(delay) { send(.timerFired(timer)) }
        case .pollEvents(let request, let known, let maxPages, let paneID, let token):
            handle = run {
                let started = clock.elapsed
                let result: Result<PolledEvents, ConsoleFailure>?
                do {
                    result = .success(try await Self.newEvents(request, known: known, maxPages: maxPages, source: source))
                } catch {
                    result = Self.failure(error).map { .failure($0) }
                }
                send(.eventsPolled(paneID: paneID, token: token, result: result, latency: clock.elapsed - started))
            }
        case .fetchEventCounts(let request, let paneID, let token):
            handle = run {
                let started = clock.elapsed
                let result: Result<EventCounts, ConsoleFailure>?
                do {
                    result = .success(try await source.eventCounts(request))
                } catch {
                    result = Self.failure(error).map { .failure($0) }
                }
                send(.eventCountsArrived(paneID: paneID, token: token, result: result, latency: clock.elapsed - started))
            }
        case .readRequestLog(let paneID):
            handle = run {
                let entries = source.recentRequests()
                send(.requestLogRead(paneID: paneID, entries: entries))
            }
        case .locate(let id, let issuerLimit, let token):
            handle = run {
                let started = clock.elapsed
                let result: Result<LocateOutcome, ConsoleFailure>?
                do {
                    result = .success(try await source.locate(id, issuerLimit: issuerLimit) { tried, total in
                        send(.locateProgress(token: token, tried: tried, total: total))
                    })
                } catch {
                    result = Self.failure(error).map { .failure($0) }
                }
                send(.located(token: token, id: id, result: result, latency: clock.elapsed - started))
            }
        }
        guard let id = effect.id else { return }
        // A new effect under a name replaces the one running under it.
        remember(handle, as: id)
    }

    /// The events after the request's `after`, newest first, without the known ids: pages until one that ends the
    /// list or holds a known id (older ones follow it), at most `maxPages`.
    nonisolated private static func newEvents(
        _ request: PageRequest, known: Set<String>, maxPages: Int, source: any ConsoleDataSource
    ) async throws -> PolledEvents {
        var rows: [ConsoleRow] = []
        var seen = known
        var request = request
        for _ in 0..<max(maxPages, 1) {
            let page = try await source.fetchPage(request)
            var reachedKnown = false
            for row in page.rows {
                if seen.contains(row.id) {
                    reachedKnown = true
                    continue
                }
                seen.insert(row.id)
                rows.append(row)
            }
            guard page.hasMore, !reachedKnown, let cursor = page.nextCursor else {
                return PolledEvents(rows: rows, truncated: false)
            }
            request.cursor = cursor
        }
        return PolledEvents(rows: rows, truncated: true)
    }

    /// The User detail: the user, then the counts of the user's lists, each from its first page ("100+" when
    /// more pages exist), sent as they arrive.
    private static func loadUserDetail(
        issuerID: String, userID: String, context: PaneContext, paneID: Int, token: Int, limit: Int,
        source: any ConsoleDataSource, clock: ConsoleClock, send: @MainActor (ConsoleEvent) -> Void
    ) async {
        defer { send(.userDetailEnded(paneID: paneID, token: token)) }
        let started = clock.elapsed
        do {
            let record = try await source.fetchUser(issuerID: issuerID, userID: userID)
            send(.userDetailArrived(paneID: paneID, token: token, record: record, latency: clock.elapsed - started))
        } catch {
            send(.userDetailFailed(
                paneID: paneID, userID: userID, token: token, failure: failure(error), latency: clock.elapsed - started))
            return
        }
        // Struct child results, not tuples: see `ActionOutcome` (a release-only miscompile).
        await withTaskGroup(of: ListCount.self) { group in
            for kind in PaneKind.userScope {
                group.addTask {
                    let request = PageRequest(kind: kind, context: context, cursor: nil, limit: limit)
                    do {
                        let page = try await source.fetchPage(request)
                        return ListCount(kind: kind, text: DisplayFormat.count(page.rows.count) + (page.hasMore ? "+" : ""))
                    } catch {
                        return ListCount(kind: kind, text: "unavailable (\(ConsoleFailure.from(error).description))")
                    }
                }
            }
            for await count in group {
                guard !Task.isCancelled else { return }
                send(.userDetailCounted(paneID: paneID, token: token, kind: count.kind, text: count.text))
            }
        }
    }

    /// Users' details, at most `limit` at once; each a record or a failure.
    nonisolated private static func fetchUsers(
        _ ids: [ScanUserID], issuerID: String, source: any ConsoleDataSource, limit: Int
    ) async -> [ScannedUser] {
        await withTaskGroup(of: ScannedUser.self) { group in
            var results: [ScannedUser] = []
            var pending = ids[...]
            func fetch(_ entry: ScanUserID) -> @Sendable () async -> ScannedUser {
                { () async -> ScannedUser in
                    do {
                        return ScannedUser(
                            index: entry.index, result: .success(try await source.fetchUser(issuerID: issuerID, userID: entry.id)))
                    } catch {
                        return ScannedUser(index: entry.index, result: .failure(ConsoleFailure.from(error)))
                    }
                }
            }
            for _ in 0..<min(limit, ids.count) {
                if let entry = pending.popFirst() { group.addTask(operation: fetch(entry)) }
            }
            while let result = await group.next() {
                results.append(result)
                if let entry = pending.popFirst() { group.addTask(operation: fetch(entry)) }
            }
            return results
        }
    }

    /// How often the walk of `G` hands the pages it skipped to the main actor: one hop per page was a cost of its own.
    nonisolated static let walkHandOverInterval: Duration = .milliseconds(100)

    /// The walk of `G`: pages in order with one page requested ahead (the next cursor is known as soon as a page's
    /// body arrives, so the server works while the client parses the page and the console stores it). Bounded by
    /// the list's end; ends with exactly one `.walkEnded`.
    /// Off the main actor: the next page is requested the moment a page arrives, even while the main actor is
    /// busy drawing a frame; only handing the page over waits for it.
    /// With `mappedTail`, the last `mappedTail` pages wait here unmapped until the next ones push them out (they go
    /// over as counts and cursors, batched) or the end is reached (they are mapped and go over as pages).
    nonisolated private static func walk(
        from request: PageRequest, paneID: Int, token: Int, mappedTail: Int?, source: any ConsoleDataSource,
        clock: ConsoleClock, send: @escaping @MainActor @Sendable (ConsoleEvent) -> Void
    ) async {
        // The client's read-ahead: the next page is requested as soon as this page's body arrives (before it is
        // parsed), one page ahead at most, and cancelled with the walk (the runner owns the walk; the walk owns
        // the iterator). One element per page: the walk hands over pages, not items.
        let pages = PageSequence<UnmappedRowPage>(fetching: .readAhead) { cursor in
            var next = request
            next.cursor = cursor ?? request.cursor
            let page = try await source.fetchUnmappedPage(next)
            return Page(data: [page], hasMore: page.hasMore, nextCursor: page.nextCursor)
        }
        var iterator = pages.makeAsyncIterator()
        var tail: [(cursor: String?, page: UnmappedRowPage)] = []
        var skipped: [PagedList.SkippedPage] = []
        var handedOver = clock.elapsed
        var failed: (fetch: PagedList.Fetch, failure: ConsoleFailure?)?
        var latency = Duration.zero
        // The cursor of the page being read.
        var upcoming = request.cursor
        while !Task.isCancelled {
            let requested = clock.elapsed
            let page: UnmappedRowPage
            do {
                guard let arrived = try await iterator.next() else { break }
                page = arrived
            } catch {
                failed = (.append(cursor: upcoming), Self.failure(error))
                break
            }
            let cursor = upcoming
            upcoming = page.nextCursor
            latency = clock.elapsed - requested
            guard let mappedTail else {
                await send(.walkPageArrived(
                    paneID: paneID, fetch: .append(cursor: cursor), token: token, page: page.mapped(), latency: latency))
                continue
            }
            tail.append((cursor, page))
            if tail.count > mappedTail {
                let (passedCursor, passed) = tail.removeFirst()
                skipped.append(PagedList.SkippedPage(
                    cursor: passedCursor, count: passed.count, nextCursor: passed.nextCursor, hasMore: passed.hasMore))
            }
            if !skipped.isEmpty, clock.elapsed - handedOver >= Self.walkHandOverInterval {
                let pendingRows = tail.reduce(0) { $0 + $1.page.count }
                await send(.walkPagesSkipped(
                    paneID: paneID, token: token, pages: skipped, pendingRows: pendingRows, latency: latency))
                skipped = []
                handedOver = clock.elapsed
            }
        }
        // The end, a failure or a stop: what was read goes over, the tail mapped (after a stop the reducer drops it).
        if !Task.isCancelled {
            if !skipped.isEmpty {
                await send(.walkPagesSkipped(paneID: paneID, token: token, pages: skipped, pendingRows: 0, latency: latency))
            }
            for (cursor, page) in tail {
                await send(.walkPageArrived(
                    paneID: paneID, fetch: .append(cursor: cursor), token: token, page: page.mapped(), latency: latency))
            }
        }
        await send(.walkEnded(paneID: paneID, token: token, failedFetch: failed?.fetch, failure: failed?.failure))
    }

    /// The failure an answer reports; nil when the request was cancelled.
    nonisolated private static func failure(_ error: any Error) -> ConsoleFailure? {
        error is CancellationError || Task.isCancelled ? nil : ConsoleFailure.from(error)
    }
}
