/// The console's state changes as one pure function: an event and the model in, the changed model and the
/// effects to run out. No store, no await, no task, no clock: the time comes in `environment`.
enum ConsoleReducer {
    /// Changes the model for `event` and returns the effects to run (the `EffectRunner` executes them and sends
    /// what comes back as further events).
    static func reduce(
        _ model: inout ConsoleModel, _ event: ConsoleEvent, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        switch event {
        case .intent(let intent):
            return reduce(&model, intent, environment)
        case .pageArrived(let paneID, let fetch, let token, let page, let latency):
            model.requestEnded(latency: latency)
            return model.pageArrived(page, for: fetch, paneID: paneID, token: token, environment)
        case .pageFailed(let paneID, let fetch, let token, let failure, let latency):
            model.requestEnded(latency: latency)
            return model.pageFailed(failure, for: fetch, paneID: paneID, token: token, environment)
        case .userHydrated(let paneID, let token, let record, let latency):
            model.requestEnded(latency: latency)
            return model.hydrated(record, paneID: paneID, token: token, environment)
        case .userHydrationFailed(let paneID, let userID, let token, let failure, let latency):
            model.requestEnded(latency: latency)
            return model.hydrationFailed(failure, userID: userID, paneID: paneID, token: token, environment)
        case .userDetailArrived(let paneID, let token, let record, let latency):
            model.requestEnded(latency: latency)
            return model.userDetailArrived(record, paneID: paneID, token: token)
        case .userDetailFailed(let paneID, let userID, let token, let failure, let latency):
            model.requestEnded(latency: latency)
            return model.userDetailFailed(failure, userID: userID, paneID: paneID, token: token, environment)
        case .userDetailCounted(let paneID, let token, let kind, let text):
            return model.userDetailCounted(kind, text: text, paneID: paneID, token: token)
        case .userDetailEnded(let paneID, let token):
            return model.userDetailEnded(paneID: paneID, token: token)
        case .scanPageArrived(let paneID, let token, let cursor, let page, let latency):
            model.requestEnded(latency: latency)
            return model.scanPageArrived(page, cursor: cursor, paneID: paneID, token: token, environment)
        case .scanUsersArrived(let paneID, let token, let users, let latency):
            model.requestEnded(latency: latency)
            return model.scanUsersArrived(users, paneID: paneID, token: token, environment)
        case .scanFailed(let paneID, let token, let failure, let latency):
            model.requestEnded(latency: latency)
            return model.scanFailed(failure, paneID: paneID, token: token, environment)
        case .describeArrived(let token, let rowID, let result, let latency):
            model.requestEnded(latency: latency)
            return model.describeArrived(result, rowID: rowID, token: token)
        case .actionFinished(let action, let paneID, let context, let outcomes, let latency):
            model.requestEnded(latency: latency)
            return model.applyActionOutcomes(outcomes, action: action, paneID: paneID, context: context, environment)
        case .devicesRevoked(let action, let userID, let paneID, let result, let latency):
            model.requestEnded(latency: latency)
            return model.devicesRevoked(result, action: action, userID: userID, paneID: paneID, environment)
        case .editRecordArrived(let token, let userID, let result, let latency):
            model.requestEnded(latency: latency)
            return model.editRecordArrived(result, userID: userID, token: token, environment)
        case .saveFinished(let form, let result, let latency):
            model.requestEnded(latency: latency)
            return model.saveFinished(result, form: form, environment)
        case .theirsArrived(let form, let failure, let result, let latency):
            model.requestEnded(latency: latency)
            return model.theirsArrived(result, form: form, failure: failure, environment)
        case .formRecordArrived(let token, let action, let result, let latency):
            model.requestEnded(latency: latency)
            return model.formRecordArrived(result, action: action, token: token, environment)
        case .formSubmitted(let form, let key, let result, let latency):
            model.requestEnded(latency: latency)
            return model.formSubmitted(result, form: form, idempotencyKey: key, environment)
        case .formTheirsArrived(let form, let failure, let result, let latency):
            model.requestEnded(latency: latency)
            return model.formTheirsArrived(result, form: form, failure: failure, environment)
        case .opened:
            return model.state.stack.isEmpty ? model.push(.issuers, context: PaneContext(), environment) : []
        case .shutDown:
            model.autoRetries = [:]
            return model.state.stack.map(\.id).flatMap { model.cancelRequests(ofPane: $0) }
        case .accountPickerOpened:
            return model.openAccountPicker()
        case .accountsListed(let token, let result, let latency):
            model.requestEnded(latency: latency)
            return model.accountsListed(result, token: token, environment)
        case .walkPageArrived(let paneID, let fetch, let token, let page, let latency):
            return model.walkPageArrived(page, for: fetch, paneID: paneID, token: token, latency: latency, environment)
        case .walkPagesSkipped(let paneID, let token, let pages, let pendingRows, let latency):
            return model.walkPagesSkipped(
                pages, pendingRows: pendingRows, paneID: paneID, token: token, latency: latency, environment)
        case .walkEnded(let paneID, let token, let failedFetch, let failure):
            return model.walkEnded(paneID: paneID, token: token, failedFetch: failedFetch, failure: failure, environment)
        case .eventsPolled(let paneID, let token, let result, let latency):
            model.requestEnded(latency: latency)
            return model.eventsPolled(result, paneID: paneID, token: token, environment)
        case .eventCountsArrived(let paneID, let token, let result, let latency):
            model.requestEnded(latency: latency)
            return model.eventCountsArrived(result, paneID: paneID, token: token, environment)
        case .requestLogRead(let paneID, let entries):
            return model.requestLogRead(entries, paneID: paneID, environment)
        case .timerFired(.follow(let paneID)):
            return model.followDue(paneID: paneID, environment)
        case .exportProgressed(let token, let rows, let pages):
            return model.exportProgressed(token: token, rows: rows, pages: pages, environment)
        case .exportEnded(let token, let outcome):
            return model.exportEnded(token: token, outcome: outcome, environment)
        case .locateProgress(let token, let tried, let total):
            return model.locateProgress(token: token, tried: tried, total: total, environment)
        case .located(let token, let id, let result, let latency):
            return model.located(result, id: id, token: token, latency: latency, environment)
        case .timerFired(.filterDebounce(let paneID)):
            return model.filterPauseEnded(paneID: paneID, environment)
        case .timerFired(.countdown):
            return model.countdownTicked(environment)
        case .timerFired(.autoRetry(let paneID)):
            return model.autoRetryDue(paneID: paneID, environment)
        case .timerFired(.autoRefresh):
            return model.autoRefreshDue(environment)
        }
    }

    private static func reduce(
        _ model: inout ConsoleModel, _ intent: ConsoleIntent, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        if let picked = model.accountPickerIntent(intent, environment) { return picked }
        let viewport = model.viewport
        switch intent {
        case .setViewport(let rows): return model.setViewport(rows: rows, environment)
        case .move(let delta): return model.moveSelection({ $0 + delta }, environment)
        case .pageDown: return model.moveSelection({ $0 + viewport }, environment)
        case .pageUp: return model.moveSelection({ $0 - viewport }, environment)
        case .moveToTop: return model.moveSelection({ _ in 0 }, environment)
        case .select(let index): return model.moveSelection({ _ in index }, environment)
        case .moveToEnd: return model.loadToEnd(environment)
        case .stopLoading: return model.stopLoadToEnd(environment)
        case .export(let path): return model.startExport(path: path, overwrite: false, environment)
        case .cancelExport: return model.cancelExport()
        case .retry: return model.retry(environment)
        case .dismissBanner:
            model.state.banner = nil
            return []
        case .open: return model.open(environment)
        case .back: return model.back(environment)
        case .escape: return model.escape(environment)
        case .nextSibling: return model.sibling(step: 1, environment)
        case .previousSibling: return model.sibling(step: -1, environment)
        case .jump(let target): return model.jumping { $0.jump(target, environment) }
        case .jumpInIssuer(let target, let issuer): return model.jump(target, issuer: issuer, environment)
        case .jumpToID(let id): return model.jumpToID(id, environment)
        case .setFilter(let text): return model.setFilter(text, environment)
        case .clearFilter: return model.setFilter("", environment)
        case .sort(let column): return model.sort(column: column, environment)
        case .sortNextColumn: return model.sortNextColumn(environment)
        case .reverseSort: return model.reverseSort(environment)
        case .toggleMark: return model.toggleMark(environment)
        case .clearMarks: return model.clearMarks(environment)
        case .markAll: return model.markAll(environment)
        case .markRange: return model.markRange(environment)
        case .typeFilter(let text): return model.typeFilter(text, environment)
        case .refresh: return model.refreshCurrentPane(environment)
        case .setAutoRefresh(let seconds): return model.setAutoRefresh(seconds)
        case .setField(let field, let value):
            model.updateForm { $0.values[field] = value; $0.fieldErrors[field] = nil }
            return []
        case .addCustomField(let key):
            model.updateForm { form in
                if form.values.customFields[key] == nil { form.values.customFields[key] = "" }
                form.focus = .custom(key)
            }
            return []
        case .removeCustomField(let key):
            model.updateForm { $0.values.customFields[key] = nil; $0.fieldErrors[.custom(key)] = nil }
            return []
        case .focusNextField:
            model.updateForm { $0.focus = ConsoleModel.neighbour(of: $0.focus, in: $0.fields, step: 1) }
            model.updateResourceForm { $0.moveFocus(1) }
            return []
        case .focusPreviousField:
            model.updateForm { $0.focus = ConsoleModel.neighbour(of: $0.focus, in: $0.fields, step: -1) }
            model.updateResourceForm { $0.moveFocus(-1) }
            return []
        case .setFormValue(let name, let value):
            model.updateResourceForm { $0.set(name, value) }
            return []
        case .stepOption(let delta):
            model.stepOption(delta)
            return []
        case .toggleOption:
            model.updateResourceForm { $0.toggleOption() }
            return []
        case .secretCopied:
            if case .secret(var reveal) = model.state.dialog {
                reveal.copied = true
                model.state.dialog = .secret(reveal)
            }
            return []
        case .newResource: return model.newResource(environment)
        case .edit: return model.editSelected(environment)
        case .describe: return model.describe()
        case .clientWaitsForRateLimit(let seconds): return model.clientWaitsForRateLimit(seconds, environment)
        case .action(let key): return model.requestAction(key, environment)
        case .confirm: return model.confirm(environment)
        case .cancelDialog: return model.cancelDialog(environment)
        case .editUser: return model.editUser(environment)
        case .save:
            if case .form = model.state.dialog { return model.submitForm(environment) }
            return model.save(environment)
        case .resolveConflict(let choice):
            if case .formConflict = model.state.dialog { return model.resolveFormConflict(choice, environment) }
            return model.resolveConflict(choice, environment)
        case .paneCommand(let command): return model.paneCommand(command, environment)
        case .openBannerRequest: return model.openBannerRequest(environment)
        case .quit:
            model.quit()
            return []
        }
    }
}
