/// What a row action did, row by row.
public struct ActionReport: Sendable, Hashable {
    public var action: RowActionKind
    public var succeeded: [String]
    /// Rows that failed, with the reason.
    public var failed: [String: ConsoleFailure]
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
            dropFormBanner()
        case .confirmQuit:
            state.dialog = nil
            state.shouldQuit = true
        case .actionConflict(let conflict):
            confirmAnyway(conflict)
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
        case .actionConflict(let conflict):
            state.dialog = nil
            // The 412 banner belongs to the dialog: it goes with it.
            if state.banner?.kind == .preconditionFailed { state.banner = nil }
            info("Cancelled: nothing \(conflict.action.pastTense)", detail: "the list shows the current version")
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
            let task = effects.run {
                do {
                    let count = try await self.measured {
                        try await source.revokeAllTrustedDevices(issuerID: issuerID, userID: userID)
                    }
                    self.state.lastActionReport = ActionReport(action: action, succeeded: [userID], failed: [:])
                    self.userDetailIsStale(userID: userID)
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
        // The version each target had on screen: the action must act on that one and no other.
        let targets = confirmation.targetIDs.map { id in
            ActionTarget(id: id, shown: pane.list.index(ofID: id).flatMap { pane.list.row(at: $0) })
        }
        runAction(action, targets: targets, paneID: pane.id, context: pane.context)
    }

    /// Runs `action` on every target, at most `bulkConcurrency` at a time, each conditional on its version.
    private func runAction(_ action: RowActionKind, targets: [ActionTarget], paneID: Int, context: PaneContext) {
        let source = self.source
        let limit = configuration.bulkConcurrency
        let columns = position(ofPane: paneID).map { state.stack[$0].kind.columns } ?? []
        effects.run {
            let outcomes: [ActionOutcome] = (try? await self.measured {
                await Self.runBounded(targets, limit: limit) { target in
                    await Self.attempt(action, on: target, context: context, columns: columns, source: source)
                }
            }) ?? []
            self.applyActionOutcomes(outcomes, action: action, paneID: paneID, context: context)
        }
    }

    /// One target: If-Match with the ETag of the version shown. A row listed without an ETag is read first and
    /// acted on only when it still looks as shown; a 412 reads the current version for the dialog.
    nonisolated private static func attempt(
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
    nonisolated private static func runBounded<T: Sendable>(
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

    private func applyActionOutcomes(
        _ outcomes: [ActionOutcome], action: RowActionKind, paneID: Int, context: PaneContext
    ) {
        var succeeded: [String] = []
        var failed: [String: ConsoleFailure] = [:]
        var changed: [ChangedTarget] = []
        withPane(paneID) { pane in
            for outcome in outcomes {
                switch outcome.result {
                case .done(let row):
                    succeeded.append(outcome.id)
                    if let row, !action.removesRow {
                        pane.list.replace(row)
                    } else {
                        pane.list.remove(id: outcome.id)
                    }
                    pane.marks.remove(outcome.id)
                case .failed(let failure):
                    failed[outcome.id] = failure
                case .changed(let current, let changes):
                    // The list shows the version that is true now; the dialog says what changed.
                    if let current { pane.list.replace(current) }
                    changed.append(
                        ChangedTarget(id: outcome.id, title: current?.title ?? outcome.id, changes: changes, current: current))
                }
            }
            pane.recomputeDisplay()
            pane.clampSelection(viewport: viewport)
        }
        if action == .deleteUser { for id in succeeded { hydrationCache.remove(id) } }
        if !succeeded.isEmpty, let userID = context.userID { userDetailIsStale(userID: userID) }
        for target in changed where action == .deleteUser {
            if let current = target.current { hydrationCache.set(current, for: target.id) }
        }
        state.lastActionReport = ActionReport(action: action, succeeded: succeeded.sorted(), failed: failed)
        let total = outcomes.count
        if !changed.isEmpty {
            state.dialog = .actionConflict(
                ActionConflict(
                    action: action, targets: changed.sorted { $0.id < $1.id }, succeeded: succeeded.count,
                    failed: failed.count, paneID: paneID, context: context))
            raise(
                Banner(
                    severity: .warning, kind: .preconditionFailed,
                    title: "\(changed.count) \(action.noun(changed.count)) changed since shown: nothing done to "
                        + (changed.count == 1 ? "it" : "them"),
                    detail: "[y] \(action.anywayLabel) · [n] cancel", statusCode: 412))
        } else if failed.isEmpty {
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

    /// The user's detail further down the stack counts sessions, tokens and devices: after a change to them it
    /// loads again when it is shown, instead of showing the counts from before.
    func userDetailIsStale(userID: String) {
        for pane in state.stack where pane.kind == .userDetail && pane.context.userID == userID && !isCurrent(pane.id) {
            withPane(pane.id) { $0.list.reset() }
        }
    }

    /// `y` in the changed-since-shown dialog: the action again, conditional on the version the dialog showed.
    func confirmAnyway(_ conflict: ActionConflict) {
        state.dialog = nil
        if refusedAsReadOnly(conflict.action.verb.lowercased()) { return }
        guard position(ofPane: conflict.paneID) != nil else { return }
        let targets = conflict.targets.map { ActionTarget(id: $0.id, shown: $0.current) }
        runAction(conflict.action, targets: targets, paneID: conflict.paneID, context: conflict.context)
    }
}

/// One target of an action: the row as shown (nil when not on screen; after a 412 dialog, the version the
/// dialog showed).
struct ActionTarget: Sendable {
    var id: String
    var shown: ConsoleRow?
}

/// How one target of an action ended. A struct, not a tuple: Swift 6.3.1 with -O miscompiles a task group whose
/// child result is a tuple holding a `Result` built from an awaited existential call (the group yields nothing,
/// or the copy reads freed memory: the release build crashed on every confirmed action). The reduction is in
/// docs/reliability/console.md; every task group of the console returns a struct for this reason.
struct ActionOutcome: Sendable {
    enum Result: Sendable {
        case done(ConsoleRow?)
        case failed(ConsoleFailure)
        /// Not acted on: it changed since it was shown (412, or a listed row that reads differently now).
        case changed(current: ConsoleRow?, changes: [RowChange])
    }

    var id: String
    var result: Result
}

extension ConsoleStore {
    /// A banner about the form (a 412, invalid fields) means nothing once the form is gone.
    func dropFormBanner() {
        guard let kind = state.banner?.kind else { return }
        if kind == .preconditionFailed || kind == .validation { state.banner = nil }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
