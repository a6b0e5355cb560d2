/// Create and edit forms of every resource but users (whose form is `UserEditForm`), and the one-time secret
/// dialog that follows a create or a rotation returning a secret.
extension ConsoleModel {
    /// `n`: the pane's create form, empty (pickers on their first option where one is required).
    mutating func newResource(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, state.dialog == nil else { return [] }
        guard let action = pane.kind.descriptor.creates else {
            return info("Nothing to create here", detail: "\(pane.kind.title) has no create form", environment)
        }
        if let refused = refusedAsReadOnly("creating a \(action.noun)", environment) { return refused }
        state.dialog = .form(ResourceForm(create: action, paneID: pane.id, context: pane.context))
        return []
    }

    /// `e`: the user's own form where the pane edits users, else the pane's edit form, read fresh first.
    mutating func editSelected(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current, state.dialog == nil else { return [] }
        if pane.kind.canEditUser { return editUser(environment) }
        guard let action = pane.kind.descriptor.editForm else {
            return info("Nothing to edit here", detail: "\(pane.kind.title) has no edit form", environment)
        }
        if let refused = refusedAsReadOnly("editing", environment) { return refused }
        guard let rowID = pane.selectedRow?.id else {
            return info("Nothing selected", detail: "select a \(action.noun) first", environment)
        }
        let token = makeToken()
        editRead = token
        formPane = pane.id
        state.header.requestsInFlight += 1
        return [.readForForm(action, rowID: rowID, context: pane.context, token: token)]
    }

    mutating func formRecordArrived(
        _ result: Result<FormRecord, ConsoleFailure>?, action: FormAction, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard editRead == token, let result, let paneID = formPane, let position = position(ofPane: paneID) else {
            return []
        }
        editRead = nil
        switch result {
        case .success(let record):
            guard state.dialog == nil else { return [] }
            let pane = state.stack[position]
            state.dialog = .form(ResourceForm(edit: action, record: record, paneID: paneID, context: pane.context))
            if let row = record.row { replaceRow(row, paneID: paneID) }
            return []
        case .failure(let failure):
            return raise(Banner.failure(failure, subject: "opening \(action.noun)", now: environment.now), environment)
        }
    }

    /// Typing into the open create / edit form (not while it is being sent).
    mutating func updateResourceForm(_ change: (inout ResourceForm) -> Void) {
        guard case .form(var form) = state.dialog, !form.isSaving else { return }
        change(&form)
        state.dialog = .form(form)
    }

    /// ←→ on a picker: the user form's status cycles its allowed values; a resource form's picker its options.
    mutating func stepOption(_ delta: Int) {
        if case .edit = state.dialog {
            updateForm { form in
                guard form.focus == .status else { return }
                let options = UserEditForm.allowedStatuses
                let current = options.firstIndex(of: form.values.status) ?? (delta > 0 ? -1 : options.count)
                form.values.status = options[(current + delta + options.count) % options.count]
                form.fieldErrors[.status] = nil
            }
            return
        }
        updateResourceForm { $0.step(delta) }
    }

    /// ⏎ in the form: the form's own checks, then the write (create: Idempotency-Key; edit: If-Match).
    mutating func submitForm(_ environment: ConsoleEnvironment) -> [Effect] {
        guard case .form(var form) = state.dialog, !form.isSaving else { return [] }
        let verb = form.isCreate ? "creating a \(form.action.noun)" : "saving"
        if let refused = refusedAsReadOnly(verb, environment) { return refused }
        let errors = form.validate()
        guard errors.isEmpty else {
            form.fieldErrors = errors
            state.dialog = .form(form)
            let labels = form.fields.filter { errors[$0.name] != nil }.map(\.label)
            return raise(
                Banner(
                    severity: .warning, kind: .validation,
                    title: "Fix \(errors.count) \(errors.count == 1 ? "field" : "fields") before "
                        + (form.isCreate ? "creating" : "saving"),
                    detail: labels.joined(separator: ", ")), environment)
        }
        if !form.isCreate, !form.isDirty { return info("No changes to save", environment) }
        form.isSaving = true
        form.fieldErrors = [:]
        state.dialog = .form(form)
        state.header.requestsInFlight += 1
        return [.submitForm(form)]
    }

    mutating func formSubmitted(
        _ result: Result<FormResult, ConsoleFailure>, form sent: ResourceForm, idempotencyKey: String?,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        var form = sent
        form.isSaving = false
        // The same input sent again carries the same key: a create whose answer was lost is not made twice.
        form.idempotencyKey = idempotencyKey
        let noun = form.action.noun
        switch result {
        case .success(let answer):
            state.dialog = nil
            dropFormBanner()
            let name = answer.row?.title ?? answer.row?.id ?? noun
            var effects: [Effect]
            if form.isCreate {
                state.lastCreatedID = answer.row?.id
                effects = info("Created \(noun) \(name)", kind: .success, severity: .success, environment)
                if isCurrent(form.paneID) { effects += refreshSelecting(answer.row?.id, environment) }
            } else {
                if let row = answer.row { replaceRow(row, paneID: form.paneID) }
                effects = info("Saved \(noun) \(name)", kind: .success, severity: .success, environment)
            }
            if let secret = answer.secret {
                state.dialog = .secret(
                    SecretReveal(
                        title: "\(noun.capitalizedFirst) created: its secret is shown once",
                        subject: [answer.row?.id, answer.row?.title].compactMap { $0 }.joined(separator: " · "),
                        label: answer.secretLabel ?? "secret", secret: secret))
            }
            return effects
        case .failure(let failure):
            if failure.kind == .preconditionFailed, !form.isCreate {
                state.header.requestsInFlight += 1
                return [.readTheirsForForm(form, failure: failure)]
            }
            if failure.kind == .validation {
                for field in failure.fields {
                    if let name = Self.formFieldName(field.field, in: form) { form.fieldErrors[name] = field.message }
                }
            }
            // Every keystroke stays; the banner says why.
            state.dialog = .form(form)
            return raise(
                Banner.failure(failure, subject: form.isCreate ? "creating the \(noun)" : "saving the \(noun)",
                               now: environment.now), environment)
        }
    }

    /// The form field a server field path names: itself, or the field whose path ends with it (`profile.x` / `x`).
    static func formFieldName(_ path: String, in form: ResourceForm) -> String? {
        let names = form.fields.map(\.name)
        if names.contains(path) { return path }
        return names.first { $0.hasSuffix("." + path) || path.hasSuffix("." + $0) || path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[") }
    }

    mutating func formTheirsArrived(
        _ result: Result<FormRecord, ConsoleFailure>, form: ResourceForm, failure: ConsoleFailure,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        switch result {
        case .success(let theirs):
            state.dialog = .formConflict(FormConflict(form: form, theirs: theirs))
            if let row = theirs.row { replaceRow(row, paneID: form.paneID) }
            var banner = Banner.failure(failure, subject: "saving the \(form.action.noun)", now: environment.now)
            banner.detail = "\(theirs.title) changed since you opened it — [o] overwrite [t] take theirs [m] merge [c] cancel"
            return raise(banner, environment)
        case .failure(let error):
            state.dialog = .form(form)
            return raise(
                Banner.failure(error, subject: "reading the current \(form.action.noun)", now: environment.now),
                environment)
        }
    }

    mutating func resolveFormConflict(_ choice: ConflictChoice, _ environment: ConsoleEnvironment) -> [Effect] {
        guard case .formConflict(var conflict) = state.dialog, !conflict.isWorking else { return [] }
        switch choice {
        case .overwrite:
            if let refused = refusedAsReadOnly("overwriting", environment) { return refused }
            // Mine on the fields I changed, against their version (their ETag): their other changes stay.
            var form = conflict.form
            form.base = conflict.theirs.values
            form.etag = conflict.theirs.etag
            for name in conflict.myChangedFields { form.values[name] = conflict.form[name] }
            for field in form.fields where !conflict.myChangedFields.contains(field.name) {
                form.values[field.name] = conflict.theirs.values[field.name] ?? ""
            }
            guard form.isDirty else {
                state.dialog = nil
                return info("Nothing to overwrite: their version already has your changes", environment)
            }
            conflict.isWorking = true
            state.dialog = .formConflict(conflict)
            form.isSaving = true
            state.header.requestsInFlight += 1
            return [.submitForm(form)]
        case .takeTheirs:
            state.dialog = nil
            dropFormBanner()
            return info("Kept their version of \(conflict.theirs.title)", environment)
        case .merge:
            let conflicting = Set(conflict.conflictingFields)
            var form = conflict.form
            form.base = conflict.theirs.values
            form.etag = conflict.theirs.etag
            form.keptTheirs = [:]
            for field in form.fields {
                let name = field.name
                if conflict.myChangedFields.contains(name), !conflicting.contains(name) {
                    form.values[name] = conflict.form[name]
                } else {
                    form.values[name] = conflict.theirs.values[name] ?? ""
                    if conflicting.contains(name) { form.keptTheirs[name] = conflict.form[name] }
                }
            }
            state.dialog = .form(form)
            if conflicting.isEmpty {
                return info("Merged: yours on the fields only you changed, theirs elsewhere", detail: "⏎ saves", environment)
            }
            return info(
                "Kept theirs on \(conflicting.count) \(conflicting.count == 1 ? "field" : "fields") you both changed",
                detail: "highlighted; retype yours there or ⏎ saves", severity: .warning, environment)
        case .cancel:
            state.dialog = .form(conflict.form)
            return []
        }
    }

    /// Closing the one-time secret dialog: the secret's buffer is overwritten and the dialog forgets it.
    mutating func closeSecret() {
        if case .secret(let reveal) = state.dialog { reveal.secret.wipe() }
        state.dialog = nil
    }

    /// Refreshes the current pane and selects `id` when the fresh rows have it (a created resource).
    mutating func refreshSelecting(_ id: String?, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let pane = state.current else { return [] }
        let effects = refreshCurrentPane(environment)
        if let id, refreshTargets[pane.id] != nil {
            refreshTargets[pane.id] = (id, refreshTargets[pane.id]?.1 ?? 0)
        }
        return effects
    }

    /// A resource changed on the server: its row in the pane that shows it.
    mutating func replaceRow(_ row: ConsoleRow, paneID: Int) {
        withPane(paneID) { pane in
            if pane.list.replace(row) { pane.recomputeDisplay() }
        }
    }
}
