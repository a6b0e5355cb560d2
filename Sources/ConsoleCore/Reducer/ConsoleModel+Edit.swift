extension ConsoleModel {
    /// `e`: fetches the user fresh (its ETag is what the save will send as If-Match) and opens the form.
    mutating func editUser(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, pane.kind.canEditUser, state.dialog == nil else { return [] }
        if let refused = refusedAsReadOnly("editing", environment) { return refused }
        let userID: String?
        if pane.kind == .userDetail { userID = pane.context.userID } else { userID = pane.selectedRow?.id }
        guard let issuerID = pane.context.issuerID, let userID else {
            return info("Nothing selected", detail: "select a user first", environment)
        }
        let token = makeToken()
        editRead = token
        state.header.requestsInFlight += 1
        return [.readForEdit(issuerID: issuerID, userID: userID, token: token)]
    }

    /// The user to edit as read now (`result` nil: cancelled).
    mutating func editRecordArrived(
        _ result: Result<UserRecord, ConsoleFailure>?, userID: String, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard editRead == token, let result else { return [] }
        editRead = nil
        switch result {
        case .success(let record):
            guard state.dialog == nil else { return [] }
            state.dialog = .edit(UserEditForm(base: record))
            applySaved(record)
            return []
        case .failure(let failure):
            return raise(Banner.failure(failure, subject: "opening user \(userID)", now: environment.now), environment)
        }
    }

    /// Enter in the form: validate here, then PATCH only the changed fields with If-Match.
    mutating func save(_ environment: ConsoleEnvironment) -> [Effect] {
        guard case .edit(var form) = state.dialog, !form.isSaving else { return [] }
        if let refused = refusedAsReadOnly("saving", environment) { return refused }
        let errors = form.validate()
        guard errors.isEmpty else {
            form.fieldErrors = errors
            state.dialog = .edit(form)
            return raise(
                Banner(
                    severity: .warning, kind: .validation,
                    title: "Fix \(errors.count) \(errors.count == 1 ? "field" : "fields") before saving",
                    detail: errors.keys.map(\.label).sorted().joined(separator: ", ")), environment)
        }
        guard form.isDirty else { return info("No changes to save", environment) }
        form.isSaving = true
        form.fieldErrors = [:]
        state.dialog = .edit(form)
        state.header.requestsInFlight += 1
        return [.saveUser(form.changes, ifMatch: form.base.etag, form: form)]
    }

    /// The PATCH of a save (or an overwrite) answered.
    mutating func saveFinished(
        _ result: Result<UserRecord, ConsoleFailure>, form: UserEditForm, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        var form = form
        form.isSaving = false
        let name = form.base.username.isEmpty ? form.base.id : form.base.username
        switch result {
        case .success(let record):
            state.dialog = nil
            applySaved(record)
            return info(
                "Saved \(record.username.isEmpty ? record.id : record.username)", kind: .success, severity: .success,
                environment)
        case .failure(let failure):
            switch failure.kind {
            case .preconditionFailed:
                // Theirs, fetched fresh, for the three-way view.
                state.header.requestsInFlight += 1
                return [.readTheirs(form: form, failure: failure)]
            case .validation:
                for field in failure.fields {
                    if let formField = FormField(serverPath: field.field) { form.fieldErrors[formField] = field.message }
                }
                state.dialog = .edit(form)
            default:
                // Transport, 5xx, anything: the form stays with every keystroke.
                state.dialog = .edit(form)
            }
            return raise(Banner.failure(failure, subject: "saving \(name)", now: environment.now), environment)
        }
    }

    /// After a 412 on save: their version, for the three-way view.
    mutating func theirsArrived(
        _ result: Result<UserRecord, ConsoleFailure>, form: UserEditForm, failure: ConsoleFailure,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        let name = form.base.username.isEmpty ? form.base.id : form.base.username
        switch result {
        case .success(let theirs):
            state.dialog = .conflict(EditConflict(form: form, theirs: theirs))
            var banner = Banner.failure(failure, subject: "saving \(name)", now: environment.now)
            banner.detail = "\(name) changed since you opened it — [o] overwrite [t] take theirs [m] merge [c] cancel"
            return raise(banner, environment)
        case .failure(let error):
            state.dialog = .edit(form)
            return raise(
                Banner.failure(error, subject: "fetching the current version of \(name)", now: environment.now), environment)
        }
    }

    mutating func resolveConflict(_ choice: ConflictChoice, _ environment: ConsoleEnvironment) -> [Effect] {
        guard case .conflict(var conflict) = state.dialog, !conflict.isWorking else { return [] }
        switch choice {
        case .overwrite:
            if let refused = refusedAsReadOnly("overwriting", environment) { return refused }
            // Only the fields I changed, against their version: what they changed elsewhere stays theirs.
            let changes = conflict.overwriteChanges
            if changes.isEmpty {
                state.dialog = nil
                applySaved(conflict.theirs)
                return info("Nothing to overwrite: their version already has your changes", environment)
            }
            conflict.isWorking = true
            state.dialog = .conflict(conflict)
            // With their ETag: a newer change makes this a conflict again, computed against the same base.
            var form = conflict.form
            form.isSaving = true
            state.header.requestsInFlight += 1
            return [.saveUser(changes, ifMatch: conflict.theirs.etag, form: form)]
        case .takeTheirs:
            state.dialog = nil
            dropFormBanner()
            applySaved(conflict.theirs)
            return info("Kept their version of \(conflict.theirs.username)", environment)
        case .merge:
            var form = UserEditForm(base: conflict.theirs)
            form.values = conflict.merged
            let conflicting = conflict.conflictingFields
            form.keptTheirs = Dictionary(uniqueKeysWithValues: conflicting.map { ($0, conflict.mine[$0]) })
            form.focus = conflicting.first ?? conflict.form.focus
            state.dialog = .edit(form)
            applySaved(conflict.theirs)
            if conflicting.isEmpty {
                return info("Merged: yours on the fields only you changed, theirs elsewhere", detail: "⏎ saves", environment)
            }
            return info(
                "Kept theirs on \(conflicting.count) \(conflicting.count == 1 ? "field" : "fields") you both changed",
                detail: conflicting.map(\.label).joined(separator: ", ") + " — highlighted; retype yours there or ⏎ saves",
                severity: .warning, environment)
        case .cancel:
            state.dialog = .edit(conflict.form)
            return []
        }
    }

    /// A user changed on the server: update its row everywhere, the detail pane and the cache.
    mutating func applySaved(_ record: UserRecord) {
        let row = record.usersRow
        hydrationCache.set(row, for: record.id)
        for pane in state.stack {
            if pane.kind == .users {
                withPane(pane.id) { pane in
                    pane.list.replace(row)
                    pane.recomputeDisplay()
                }
            } else if pane.kind == .userDetail, pane.context.userID == record.id, pane.list.hasFirstPage {
                showUserDetail(record, paneID: pane.id)
            }
        }
    }
}
