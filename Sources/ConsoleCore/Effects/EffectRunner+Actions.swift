/// How the runner acts on rows: each target conditional on the version shown, `bulkConcurrency` at a time.
extension EffectRunner {
    /// One target: If-Match with the ETag of the version shown. A row listed without an ETag is read first and
    /// acted on only when it still looks as shown; a 412 reads the current version for the dialog.
    nonisolated static func attempt(
        _ action: RowActionKind, on target: ActionTarget, context: PaneContext, columns: [String],
        source: any ConsoleDataSource
    ) async -> ActionOutcome {
        do {
            var ifMatch = target.shown?.etag
            if ifMatch == nil, action.sendsIfMatch, let current = try await source.fetchCurrent(
                action.paneKind, rowID: target.id, context: context)
            {
                if let shown = target.shown {
                    let changes = shown.changes(to: current, columns: columns)
                    if !changes.isEmpty {
                        return ActionOutcome(id: target.id, result: .changed(current: current, changes: changes))
                    }
                }
                ifMatch = current.etag
            }
            if action.revealsSecret {
                let answer = try await source.performRevealing(action, rowID: target.id, context: context, ifMatch: ifMatch)
                return ActionOutcome(id: target.id, result: .done(answer.row), revealed: answer)
            }
            let row = try await source.perform(action, rowID: target.id, context: context, ifMatch: ifMatch)
            return ActionOutcome(id: target.id, result: .done(row))
        } catch {
            let failure = ConsoleFailure.from(error)
            guard case .preconditionFailed = failure.kind else {
                return ActionOutcome(id: target.id, result: .failed(failure))
            }
            guard let current = try? await source.fetchCurrent(action.paneKind, rowID: target.id, context: context) else {
                return ActionOutcome(id: target.id, result: .failed(failure))
            }
            let changes = target.shown?.changes(to: current, columns: columns) ?? []
            return ActionOutcome(id: target.id, result: .changed(current: current, changes: changes))
        }
    }

    /// Runs `body` for every target, at most `limit` at a time.
    nonisolated static func runBounded<T: Sendable>(
        _ targets: [ActionTarget], limit: Int, _ body: @escaping @Sendable (ActionTarget) async -> T
    ) async -> [T] {
        await withTaskGroup(of: T.self) { group in
            var results: [T] = []
            var pending = targets[...]
            for _ in 0..<min(limit, targets.count) {
                if let target = pending.popFirst() { group.addTask { await body(target) } }
            }
            while let result = await group.next() {
                results.append(result)
                if let target = pending.popFirst() { group.addTask { await body(target) } }
            }
            return results
        }
    }

}
