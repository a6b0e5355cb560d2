/// What a row action did, row by row.
public struct ActionReport: Sendable, Hashable {
    public var action: RowActionKind
    public var succeeded: [String]
    /// Rows that failed, with the reason.
    public var failed: [String: ConsoleFailure]
}

/// What one row's action came to. A struct, not a tuple: Swift 6.3.1 with -O miscompiles a task group whose
/// child result is the tuple `(String, Result<ConsoleRow?, ConsoleFailure>)` built from an awaited existential
/// call (the group yields nothing, or the copy reads freed memory: the release build crashed on every confirmed
/// action). See docs/reliability for the reduction.
struct RowActionOutcome: Sendable {
    var id: String
    var result: Result<ConsoleRow?, ConsoleFailure>
}

extension ConsoleStore {
    func requestAction(_ key: ActionKey) {
        guard let pane = state.current else { return }
        guard let action = key.action(in: pane.kind) else {
            info("Nothing to \(key.rawValue) here", detail: "\(pane.kind.title) has no such action")
            return
        }
        if refusedAsReadOnly(action.verb.lowercased()) { return }
        if action.isPaneWide {
            let owner = pane.context.userName ?? pane.context.userID ?? "this user"
            state.dialog = .confirm(
                Confirmation(
                    action: action, targetIDs: [], usesMarks: false, hiddenByFilter: 0,
                    message: "\(action.verb) \(action.noun(2)) of \(owner)?", paneID: pane.id))
            return
        }
        let usesMarks = !pane.marks.isEmpty
        let targets = usesMarks ? pane.marks.sorted() : (pane.selectedRow.map { [$0.id] } ?? [])
        guard !targets.isEmpty else {
            info("Nothing selected", detail: "select or mark a row first")
            return
        }
        let hidden = usesMarks ? pane.marksHiddenByFilter : 0
        var message: String
        if usesMarks {
            message = "\(action.verb) \(targets.count) marked \(action.noun(targets.count))?"
            if hidden > 0 { message += " \(hidden) of them \(hidden == 1 ? "is" : "are") hidden by the filter." }
        } else {
            let title = pane.selectedRow?.title ?? targets[0]
            message = "\(action.verb) \(action.noun(1)) \(title)?"
        }
        state.dialog = .confirm(
            Confirmation(
                action: action, targetIDs: targets, usesMarks: usesMarks, hiddenByFilter: hidden, message: message,
                paneID: pane.id))
    }

    func confirm() {
        switch state.dialog {
        case .confirm(let confirmation):
            state.dialog = nil
            run(confirmation)
        case .discardEdit:
            state.dialog = nil
        case .confirmQuit:
            state.dialog = nil
            state.shouldQuit = true
        default:
            break
        }
    }

    func cancelDialog() {
        switch state.dialog {
        case .edit(let form):
            if form.isSaving { return }
            state.dialog = form.isDirty ? .discardEdit(form) : nil
        case .discardEdit(let form), .confirmQuit(let form):
            state.dialog = .edit(form)
        case .conflict(let conflict):
            if !conflict.isWorking { state.dialog = .edit(conflict.form) }
        default:
            state.dialog = nil
        }
    }

    private func run(_ confirmation: Confirmation) {
        // Checked again: the confirmation may predate nothing, but a mutation must never slip through.
        if refusedAsReadOnly(confirmation.action.verb.lowercased()) { return }
        guard let position = position(ofPane: confirmation.paneID) else { return }
        let pane = state.stack[position]
        let action = confirmation.action
        let source = self.source
        if action.isPaneWide {
            guard let issuerID = pane.context.issuerID, let userID = pane.context.userID else { return }
            let task = Task {
                do {
                    let count = try await self.measured {
                        try await source.revokeAllTrustedDevices(issuerID: issuerID, userID: userID)
                    }
                    self.state.lastActionReport = ActionReport(action: action, succeeded: [userID], failed: [:])
                    self.info("Revoked \(count) \(action.noun(count))", kind: .success, severity: .success)
                    if self.isCurrent(pane.id) { self.refreshCurrentPane() }
                } catch {
                    let failure = ConsoleFailure.from(error)
                    self.state.lastActionReport = ActionReport(action: action, succeeded: [], failed: [userID: failure])
                    self.raise(failure, while: "revoking all trusted devices")
                }
                self.publish()
            }
            otherTasks[-pane.id] = task
            return
        }
        let context = pane.context
        let targets = confirmation.targetIDs
        let limit = configuration.bulkConcurrency
        Task {
            let results: [RowActionOutcome] = (try? await self.measured {
                await Self.runBounded(targets, limit: limit) { (id: String) -> RowActionOutcome in
                    do {
                        return RowActionOutcome(
                            id: id, result: .success(try await source.perform(action, rowID: id, context: context)))
                    } catch {
                        return RowActionOutcome(id: id, result: .failure(ConsoleFailure.from(error)))
                    }
                }
            }) ?? []
            self.applyActionResults(results, action: action, paneID: pane.id, usedMarks: confirmation.usesMarks)
        }
    }

    /// Runs `body` for every id, at most `limit` at a time.
    nonisolated private static func runBounded<T: Sendable>(
        _ ids: [String], limit: Int, _ body: @escaping @Sendable (String) async -> T
    ) async -> [T] {
        await withTaskGroup(of: T.self) { group in
            var results: [T] = []
            var pending = ids[...]
            for _ in 0..<min(limit, ids.count) {
                if let id = pending.popFirst() { group.addTask { await body(id) } }
            }
            while let result = await group.next() {
                results.append(result)
                if let id = pending.popFirst() { group.addTask { await body(id) } }
            }
            return results
        }
    }

    private func applyActionResults(
        _ results: [RowActionOutcome], action: RowActionKind, paneID: Int, usedMarks: Bool
    ) {
        var succeeded: [String] = []
        var failed: [String: ConsoleFailure] = [:]
        withPane(paneID) { pane in
            for outcome in results {
                let id = outcome.id
                switch outcome.result {
                case .success(let row):
                    succeeded.append(id)
                    if let row, !action.removesRow {
                        pane.list.replace(row)
                    } else {
                        pane.list.remove(id: id)
                    }
                    pane.marks.remove(id)
                case .failure(let failure):
                    failed[id] = failure
                }
            }
            pane.recomputeDisplay()
            pane.clampSelection(viewport: viewport)
        }
        if action == .deleteUser { for id in succeeded { hydrationCache.remove(id) } }
        state.lastActionReport = ActionReport(action: action, succeeded: succeeded.sorted(), failed: failed)
        let total = results.count
        if failed.isEmpty {
            info("\(action.pastTense.capitalizedFirst) \(total) \(action.noun(total))", kind: .success, severity: .success)
        } else if total == 1, let (id, failure) = failed.first {
            raise(failure, while: "\(action.gerund) \(action.noun(1)) \(id)")
        } else {
            let detail = failed.keys.sorted().map { "\($0): \(failed[$0]?.description ?? "")" }.joined(separator: "; ")
            raise(
                Banner(
                    severity: .error, kind: .partialFailure,
                    title: "\(action.verb) failed for \(failed.count) of \(total) \(action.noun(total))",
                    detail: detail, statusCode: failed.values.first?.statusCode))
        }
        if isCurrent(paneID) { selectionChanged() }
        publish()
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
