/// `:export`: the walk of `G` (pages in order, one requested ahead) writing each page to the file as it
/// arrives, instead of storing it: memory holds at most two pages, and no row is hydrated, kept or drawn.
extension EffectRunner {
    /// The most pages an export walks: every loop is bounded (10 million rows at the default page size).
    nonisolated static let exportPageLimit = 100_000

    /// Runs the export of `job`: one `.exportProgressed` per page written, then exactly one `.exportEnded`.
    nonisolated static func export(
        _ job: ExportJob, token: Int, source: any ConsoleDataSource,
        send: @escaping @MainActor @Sendable (ConsoleEvent) -> Void
    ) async {
        let outcome = await write(job, token: token, source: source, send: send)
        await send(.exportEnded(token: token, outcome: outcome))
    }

    nonisolated private static func write(
        _ job: ExportJob, token: Int, source: any ConsoleDataSource,
        send: @escaping @MainActor @Sendable (ConsoleEvent) -> Void
    ) async -> ExportOutcome {
        if !job.overwrite, ExportFile.exists(job) { return .exists }
        let file: ExportFile
        do {
            file = try ExportFile(job)
            if job.format == .csv { try file.append(ExportEncoding.csvHeader(job.columns)) }
        } catch {
            return .writeFailed(error.description, rows: 0)
        }
        func pageTask(at cursor: String?) -> Task<RowPage, any Error> {
            var next = job.request
            next.cursor = cursor
            return Task { try await source.fetchPage(next) }
        }
        var rows = 0
        var pages = 0
        var pending: Task<RowPage, any Error>? = pageTask(at: job.request.cursor)
        defer { pending?.cancel() }
        while let task = pending, pages < exportPageLimit {
            let result = await withTaskCancellationHandler { await task.result } onCancel: { task.cancel() }
            if Task.isCancelled {
                file.abandon()
                return .cancelled(rows: rows)
            }
            switch result {
            case .success(let page):
                pending = page.hasMore ? pageTask(at: page.nextCursor) : nil
                let lines = ExportEncoding.lines(of: page.rows, format: job.format, clientText: job.clientText)
                do {
                    try file.append(lines.text)
                } catch {
                    file.abandon()
                    return .writeFailed(error.description, rows: rows)
                }
                rows += lines.count
                pages += 1
                await send(.exportProgressed(token: token, rows: rows, pages: pages))
            case .failure(let error):
                pending = nil
                file.abandon()
                if error is CancellationError { return .cancelled(rows: rows) }
                return .readFailed(ConsoleFailure.from(error), rows: rows)
            }
        }
        if pending != nil {
            file.abandon()
            return .writeFailed("stopped after \(exportPageLimit) pages (the limit of one export)", rows: rows)
        }
        do {
            try file.finish()
        } catch {
            return .writeFailed(error.description, rows: rows)
        }
        return .finished(rows: rows, pages: pages)
    }
}
