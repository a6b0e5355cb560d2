extension ConsoleStore {
    /// `e`: fetches the user fresh (its ETag is what the save will send as If-Match) and opens the form.
    func editUser() {
        guard let pane = state.current, pane.kind.canEditUser, state.dialog == nil else { return }
        if refusedAsReadOnly("editing") { return }
        let userID: String?
        if pane.kind == .userDetail { userID = pane.context.userID } else { userID = pane.selectedRow?.id }
        guard let issuerID = pane.context.issuerID, let userID else {
            info("Nothing selected", detail: "select a user first")
            return
        }
        let source = self.source
        otherTasks[-1_000_000 - pane.id]?.cancel()
        otherTasks[-1_000_000 - pane.id] = effects.run {
            do {
                let record = try await self.measured { try await source.fetchUser(issuerID: issuerID, userID: userID) }
                guard self.state.dialog == nil else { return }
                self.state.dialog = .edit(UserEditForm(base: record))
                self.applySaved(record)
            } catch {
                guard !(error is CancellationError) else { return }
                self.raise(ConsoleFailure.from(error), while: "opening user \(userID)")
            }
            self.publish()
        }
    }

    func updateForm(_ change: (inout UserEditForm) -> Void) { model.updateForm(change) }

    /// Enter in the form: validate here, then PATCH only the changed fields with If-Match.
    func save() {
        guard case .edit(var form) = state.dialog, !form.isSaving else { return }
        if refusedAsReadOnly("saving") { return }
        let errors = form.validate()
        guard errors.isEmpty else {
            form.fieldErrors = errors
            state.dialog = .edit(form)
            raise(
                Banner(
                    severity: .warning, kind: .validation,
                    title: "Fix \(errors.count) \(errors.count == 1 ? "field" : "fields") before saving",
                    detail: errors.keys.map(\.label).sorted().joined(separator: ", ")))
            return
        }
        guard form.isDirty else {
            info("No changes to save")
            return
        }
        form.isSaving = true
        form.fieldErrors = [:]
        state.dialog = .edit(form)
        send(changes: form.changes, ifMatch: form.base.etag, form: form)
    }

    /// Sends a PATCH for the form (a save, or an overwrite with their ETag) and handles every outcome.
    private func send(changes: UserChanges, ifMatch: String?, form: UserEditForm) {
        let source = self.source
        let issuerID = form.base.issuerID
        let userID = form.base.id
        effects.run {
            do {
                let record = try await self.measured {
                    try await source.updateUser(issuerID: issuerID, userID: userID, changes: changes, ifMatch: ifMatch)
                }
                self.state.dialog = nil
                self.applySaved(record)
                self.info("Saved \(record.username.isEmpty ? record.id : record.username)", kind: .success, severity: .success)
            } catch {
                await self.saveFailed(ConsoleFailure.from(error), form: form)
            }
            self.publish()
        }
    }

    private func saveFailed(_ failure: ConsoleFailure, form: UserEditForm) async {
        var form = form
        form.isSaving = false
        let name = form.base.username.isEmpty ? form.base.id : form.base.username
        switch failure.kind {
        case .preconditionFailed:
            // Theirs, fetched fresh, for the three-way view.
            do {
                let source = self.source
                let issuerID = form.base.issuerID
                let userID = form.base.id
                let theirs = try await measured { try await source.fetchUser(issuerID: issuerID, userID: userID) }
                state.dialog = .conflict(EditConflict(form: form, theirs: theirs))
                var banner = Banner.failure(failure, subject: "saving \(name)")
                banner.detail = "\(name) changed since you opened it — [o] overwrite [t] take theirs [m] merge [c] cancel"
                raise(banner)
            } catch {
                state.dialog = .edit(form)
                raise(ConsoleFailure.from(error), while: "fetching the current version of \(name)")
            }
        case .validation:
            for field in failure.fields {
                if let formField = FormField(serverPath: field.field) { form.fieldErrors[formField] = field.message }
            }
            state.dialog = .edit(form)
            raise(failure, while: "saving \(name)")
        default:
            // Transport, 5xx, anything: the form stays with every keystroke.
            state.dialog = .edit(form)
            raise(failure, while: "saving \(name)")
        }
    }

    func resolveConflict(_ choice: ConflictChoice) {
        guard case .conflict(var conflict) = state.dialog, !conflict.isWorking else { return }
        switch choice {
        case .overwrite:
            if refusedAsReadOnly("overwriting") { return }
            // Only the fields I changed, against their version: what they changed elsewhere stays theirs.
            let changes = conflict.overwriteChanges
            if changes.isEmpty {
                state.dialog = nil
                applySaved(conflict.theirs)
                info("Nothing to overwrite: their version already has your changes")
                return
            }
            conflict.isWorking = true
            state.dialog = .conflict(conflict)
            // With their ETag: a newer change makes this a conflict again, computed against the same base.
            var form = conflict.form
            form.isSaving = true
            send(changes: changes, ifMatch: conflict.theirs.etag, form: form)
        case .takeTheirs:
            state.dialog = nil
            dropFormBanner()
            applySaved(conflict.theirs)
            info("Kept their version of \(conflict.theirs.username)")
        case .merge:
            var form = UserEditForm(base: conflict.theirs)
            form.values = conflict.merged
            let conflicting = conflict.conflictingFields
            form.keptTheirs = Dictionary(uniqueKeysWithValues: conflicting.map { ($0, conflict.mine[$0]) })
            form.focus = conflicting.first ?? conflict.form.focus
            state.dialog = .edit(form)
            applySaved(conflict.theirs)
            if conflicting.isEmpty {
                info("Merged: yours on the fields only you changed, theirs elsewhere", detail: "⏎ saves")
            } else {
                info(
                    "Kept theirs on \(conflicting.count) \(conflicting.count == 1 ? "field" : "fields") you both changed",
                    detail: conflicting.map(\.label).joined(separator: ", ") + " — highlighted; retype yours there or ⏎ saves",
                    severity: .warning)
            }
        case .cancel:
            state.dialog = .edit(conflict.form)
        }
    }

    /// A user changed on the server: update its row everywhere, the detail pane and the cache.
    func applySaved(_ record: UserRecord) {
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
