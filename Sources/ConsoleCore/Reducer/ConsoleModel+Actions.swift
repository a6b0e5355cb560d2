extension ConsoleModel {
    mutating func requestAction(_ key: ActionKey, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current else { return [] }
        guard let action = key.action(in: pane.kind) else {
            return info("Nothing to \(key.rawValue) here", detail: "\(pane.kind.title) has no such action", environment)
        }
        if let refused = refusedAsReadOnly(action.verb.lowercased(), environment) { return refused }
        if action.isPaneWide {
            let owner = pane.context.userName ?? pane.context.userID ?? "this user"
            state.dialog = .confirm(
                Confirmation(
                    action: action, targetIDs: [], usesMarks: false, hiddenByFilter: 0,
                    message: "\(action.verb) \(action.noun(2)) of \(owner)?", paneID: pane.id))
            return []
        }
        // An action returning a secret shows it for one row: it never acts on marks.
        let usesMarks = !pane.marks.isEmpty && !action.revealsSecret
        let targets = usesMarks ? pane.marks.sorted() : (pane.selectedRow.map { [$0.id] } ?? [])
        guard !targets.isEmpty else {
            return info("Nothing selected", detail: "select or mark a row first", environment)
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
        return []
    }

    mutating func confirm(_ environment: ConsoleEnvironment) -> [Effect] {
        switch state.dialog {
        case .confirm(let confirmation):
            state.dialog = nil
            return run(confirmation, environment)
        case .discardEdit:
            state.dialog = nil
            dropFormBanner()
        case .confirmQuit:
            state.dialog = nil
            state.shouldQuit = true
        case .actionConflict(let conflict):
            return confirmAnyway(conflict, environment)
        case .discardForm(_, let quits):
            state.dialog = nil
            dropFormBanner()
            state.shouldQuit = quits
        case .confirmOverwrite(let job):
            state.dialog = nil
            var allowed = job
            allowed.overwrite = true
            return startExport(allowed, environment)
        default:
            break
        }
        return []
    }

    mutating func cancelDialog(_ environment: ConsoleEnvironment) -> [Effect] {
        switch state.dialog {
        case .edit(let form):
            if form.isSaving { return [] }
            state.dialog = form.isDirty ? .discardEdit(form) : nil
        case .discardEdit(let form), .confirmQuit(let form):
            state.dialog = .edit(form)
        case .conflict(let conflict):
            if !conflict.isWorking { state.dialog = .edit(conflict.form) }
        case .form(let form):
            if form.isSaving { return [] }
            state.dialog = form.isDirty ? .discardForm(form, quits: false) : nil
        case .discardForm(let form, _):
            state.dialog = .form(form)
        case .formConflict(let conflict):
            if !conflict.isWorking { state.dialog = .form(conflict.form) }
        case .secret:
            closeSecret()
        case .actionConflict(let conflict):
            state.dialog = nil
            // The 412 banner belongs to the dialog: it goes with it.
            if state.banner?.kind == .preconditionFailed { state.banner = nil }
            return info("Cancelled: nothing \(conflict.action.pastTense)", detail: "the list shows the current version", environment)
        default:
            state.dialog = nil
        }
        return []
    }

    private mutating func run(_ confirmation: Confirmation, _ environment: ConsoleEnvironment) -> [Effect] {
        // Checked again: the confirmation may predate nothing, but a mutation must never slip through.
        if let refused = refusedAsReadOnly(confirmation.action.verb.lowercased(), environment) { return refused }
        guard let position = position(ofPane: confirmation.paneID) else { return [] }
        let pane = state.stack[position]
        let action = confirmation.action
        state.header.requestsInFlight += 1
        if action.isPaneWide {
            guard let issuerID = pane.context.issuerID, let userID = pane.context.userID else {
                state.header.requestsInFlight -= 1
                return []
            }
            return [.revokeAllTrustedDevices(issuerID: issuerID, userID: userID, action: action, paneID: pane.id)]
        }
        // The version each target had on screen: the action must act on that one and no other.
        let targets = confirmation.targetIDs.map { id in
            ActionTarget(id: id, shown: pane.list.index(ofID: id).flatMap { pane.list.row(at: $0) })
        }
        return [.performAction(
            action, targets: targets, paneID: pane.id, context: pane.context, columns: pane.kind.columns,
            concurrency: environment.configuration.bulkConcurrency)]
    }

    /// The answer of revoke-all on a user's trusted devices.
    mutating func devicesRevoked(
        _ result: Result<Int, ConsoleFailure>, action: RowActionKind, userID: String, paneID: Int,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        switch result {
        case .success(let count):
            state.lastActionReport = ActionReport(action: action, succeeded: [userID], failed: [:])
            userDetailIsStale(userID: userID)
            let effects = info("Revoked \(count) \(action.noun(count))", kind: .success, severity: .success, environment)
            return effects + (isCurrent(paneID) ? refreshCurrentPane(environment) : [])
        case .failure(let failure):
            state.lastActionReport = ActionReport(action: action, succeeded: [], failed: [userID: failure])
            return raise(Banner.failure(failure, subject: "revoking all trusted devices", now: environment.now), environment)
        }
    }

    mutating func applyActionOutcomes(
        _ outcomes: [ActionOutcome], action: RowActionKind, paneID: Int, context: PaneContext,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        var succeeded: [String] = []
        var failed: [String: ConsoleFailure] = [:]
        var changed: [ChangedTarget] = []
        let viewport = self.viewport
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
        var effects: [Effect]
        if !changed.isEmpty {
            state.dialog = .actionConflict(
                ActionConflict(
                    action: action, targets: changed.sorted { $0.id < $1.id }, succeeded: succeeded.count,
                    failed: failed.count, paneID: paneID, context: context))
            effects = raise(
                Banner(
                    severity: .warning, kind: .preconditionFailed,
                    title: "\(changed.count) \(action.noun(changed.count)) changed since shown: nothing done to "
                        + (changed.count == 1 ? "it" : "them"),
                    detail: "[y] \(action.anywayLabel) · [n] cancel", statusCode: 412), environment)
        } else if failed.isEmpty, let revealed = outcomes.first(where: { $0.revealed?.secret != nil }),
            let answer = revealed.revealed, let secret = answer.secret
        {
            let title = answer.row?.title ?? revealed.id
            state.dialog = .secret(
                SecretReveal(
                    title: "\(action.noun(1).capitalizedFirst) \(action.pastTense): the new secret is shown once",
                    subject: answer.row?.title == nil ? revealed.id : "\(revealed.id) · \(title)",
                    label: answer.secretLabel ?? "secret", secret: secret))
            effects = info(
                "\(action.pastTense.capitalizedFirst) \(action.noun(1)) \(title)", detail: "the old secret no longer works",
                kind: .success, severity: .success, environment)
        } else if failed.isEmpty {
            effects = info(
                "\(action.pastTense.capitalizedFirst) \(total) \(action.noun(total))", kind: .success, severity: .success,
                environment)
        } else if total == 1, let (id, failure) = failed.first {
            effects = raise(
                Banner.failure(failure, subject: "\(action.gerund) \(action.noun(1)) \(id)", now: environment.now), environment)
        } else {
            let detail = failed.keys.sorted().map { "\($0): \(failed[$0]?.description ?? "")" }.joined(separator: "; ")
            effects = raise(
                Banner(
                    severity: .error, kind: .partialFailure,
                    title: "\(action.verb) failed for \(failed.count) of \(total) \(action.noun(total))",
                    detail: detail, statusCode: failed.values.first?.statusCode), environment)
        }
        return effects + (isCurrent(paneID) ? selectionChanged(environment) : [])
    }

    /// The user's detail further down the stack counts sessions, tokens and devices: after a change to them it
    /// loads again when it is shown, instead of showing the counts from before.
    mutating func userDetailIsStale(userID: String) {
        for pane in state.stack where pane.kind == .userDetail && pane.context.userID == userID && !isCurrent(pane.id) {
            withPane(pane.id) { $0.list.reset() }
        }
    }

    /// `y` in the changed-since-shown dialog: the action again, conditional on the version the dialog showed.
    mutating func confirmAnyway(_ conflict: ActionConflict, _ environment: ConsoleEnvironment) -> [Effect] {
        state.dialog = nil
        if let refused = refusedAsReadOnly(conflict.action.verb.lowercased(), environment) { return refused }
        guard let position = position(ofPane: conflict.paneID) else { return [] }
        let targets = conflict.targets.map { ActionTarget(id: $0.id, shown: $0.current) }
        state.header.requestsInFlight += 1
        return [.performAction(
            conflict.action, targets: targets, paneID: conflict.paneID, context: conflict.context,
            columns: state.stack[position].kind.columns, concurrency: environment.configuration.bulkConcurrency)]
    }

    /// Shows an info (or success) banner.
    mutating func info(
        _ title: String, detail: String = "", kind: Banner.Kind = .info, severity: Banner.Severity = .info,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        raise(Banner(severity: severity, kind: kind, title: title, detail: detail), environment)
    }

    /// Refuses a mutation in read-only mode: the banner's effects when refused, nil when allowed.
    mutating func refusedAsReadOnly(_ what: String, _ environment: ConsoleEnvironment) -> [Effect]? {
        guard state.isReadOnly else { return nil }
        return raise(
            Banner(
                severity: .warning, kind: .readOnly, title: "Read-only mode: \(what) refused",
                detail: "started with --read-only; no request was sent"), environment)
    }
}

