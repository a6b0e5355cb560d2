import Foundation

extension ConsoleModel {
    /// `:export PATH`: checks what can be checked without the file system (the format, the pane), then hands the
    /// job to the runner; the file system's answer (the file exists) comes back as an outcome.
    mutating func startExport(path: String, overwrite: Bool, _ environment: ConsoleEnvironment) -> [Effect] {
        let trimmed = path.trimmingCharacters(in: .whitespaces)
        let job: ExportJob
        switch exportJob(path: trimmed, overwrite: overwrite, environment) {
        case .success(let made): job = made
        case .failure(let error): return raise(Self.exportBanner(error), environment)
        }
        return startExport(job, environment)
    }

    mutating func startExport(_ job: ExportJob, _ environment: ConsoleEnvironment) -> [Effect] {
        guard state.export == nil else { return raise(Self.exportBanner(.alreadyRunning), environment) }
        let token = makeToken()
        exportRun = (token, lastShown: environment.elapsed, job: job)
        state.export = ExportProgress(
            path: job.path, partialPath: job.partialPath, rows: 0, pages: 0, startedAt: environment.elapsed)
        state.header.requestsInFlight += 1
        return [.export(job, token: token)]
    }

    private func exportJob(path: String, overwrite: Bool, _ environment: ConsoleEnvironment) -> Result<ExportJob, ExportError> {
        guard !path.isEmpty else { return .failure(.emptyPath) }
        let format: ExportFormat
        switch ExportFormat.of(path: path) {
        case .success(let found): format = found
        case .failure(let error): return .failure(error)
        }
        guard let pane = state.current, pane.kind.isServerList else {
            return .failure(.notAList(state.current?.kind.title ?? "This screen"))
        }
        if Self.needsFilterScan(pane) { return .failure(.textFilterNeedsScan) }
        let request = PageRequest(
            kind: pane.kind, context: pane.context, cursor: nil, limit: environment.configuration.pageSize,
            query: pane.filter.serverQuery)
        return .success(ExportJob(
            path: (path as NSString).expandingTildeInPath, format: format, request: request,
            clientText: pane.filter.clientText, columns: pane.kind.columns, overwrite: overwrite))
    }

    /// A page was written: published only when the progress is due to show again (4 times a second), like `G`.
    mutating func exportProgressed(token: Int, rows: Int, pages: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let run = exportRun, run.token == token, var progress = state.export else { return [] }
        progress.rows = rows
        progress.pages = pages
        guard environment.elapsed - run.lastShown >= Self.loadToEndProgressInterval else {
            state.export = progress
            isQuiet = true
            return []
        }
        exportRun?.lastShown = environment.elapsed
        let seconds = (environment.elapsed - progress.startedAt) / .seconds(1)
        progress.rowsPerSecond = seconds > 0 ? Int(Double(rows) / seconds) : nil
        state.export = progress
        return []
    }

    /// Esc: the runner stops after the page it is writing and says how many rows the partial file holds.
    mutating func cancelExport() -> [Effect] {
        guard exportRun != nil, state.export?.isCancelling == false else { return [] }
        state.export?.isCancelling = true
        return [.cancel(.export)]
    }

    mutating func exportEnded(token: Int, outcome: ExportOutcome, _ environment: ConsoleEnvironment) -> [Effect] {
        state.header.requestsInFlight = max(state.header.requestsInFlight - 1, 0)
        guard let run = exportRun, run.token == token, let progress = state.export else { return [] }
        exportRun = nil
        state.export = nil
        let path = progress.path
        let partial = progress.partialPath
        // Titles name the file (they must fit a banner line); details give the whole path.
        let name = (path as NSString).lastPathComponent
        let partialName = (partial as NSString).lastPathComponent
        switch outcome {
        case .finished(let rows, let pages):
            return info(
                "Exported \(DisplayFormat.count(rows)) \(rows == 1 ? "row" : "rows") to \(name)",
                detail: "\(path) · \(DisplayFormat.count(pages)) \(pages == 1 ? "page" : "pages"); secrets are never exported",
                kind: .success, severity: .success, environment)
        case .exists:
            // Nothing was written: the same job runs once the user says it may replace the file.
            state.dialog = .confirmOverwrite(run.job)
            return []
        case .cancelled(let rows):
            return info(
                "Export cancelled: \(DisplayFormat.count(rows)) complete \(rows == 1 ? "row" : "rows") in \(partialName)",
                detail: "\(partial) ends with a whole row; \(path) was not written", kind: .info, severity: .warning,
                environment)
        case .readFailed(let failure, let rows):
            var banner = Banner.failure(failure, subject: "exporting to \(path)", now: environment.now)
            banner.detail += (banner.detail.isEmpty ? "" : " — ")
                + "\(DisplayFormat.count(rows)) complete \(rows == 1 ? "row" : "rows") kept in \(partial)"
            return raise(banner, environment)
        case .writeFailed(let message, let rows):
            return raise(Banner(
                severity: .error, kind: .info, title: "Export failed: \(message)",
                detail: rows > 0 ? "\(DisplayFormat.count(rows)) complete rows kept in \(partial)" : "nothing was exported"),
                environment)
        }
    }

    static func exportBanner(_ error: ExportError) -> Banner {
        Banner(severity: .error, kind: .info, title: "Cannot export", detail: error.description)
    }
}
