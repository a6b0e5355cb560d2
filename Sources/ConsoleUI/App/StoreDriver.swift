public import ConsoleCore
import Foundation

/// Binds the view to the state store: builds each frame's models from `ConsoleState`, turns keys into
/// `ConsoleIntent`s, and keeps the few things that are only about the view (cursor in a form field, the filter
/// being typed, the describe scroll).
@MainActor
public final class StoreDriver: ConsoleDriver {
    public let store: ConsoleStore
    /// Moves with every change of the store and of the view-side state kept here.
    public var revision: Int { store.revision &+ localRevision }
    private var localRevision = 0
    public var profiles: [String]
    /// Called for `:profile NAME`; returns why the switch cannot happen (shown as a banner), or nil when it
    /// will. Nil when switching profiles is not possible (the palette then says so).
    /// The check may ask the server (a profile whose credential is refused must not end this session).
    public var onProfileSwitch: (@MainActor (String) async -> String?)?
    private var profileCheck: EffectHandle?
    /// The run loop's wake-up for changes that come by themselves.
    private var onChange: (@MainActor () -> Void)?
    // The view's own state lives in `ConsoleState.view` (a frame depends on the state alone); these name its parts.
    private var view: ViewState { store.state.view }
    /// The filter while it is being typed (applied on ⏎).
    private var filterDraft: String? {
        get { view.filterDraft }
        set { store.updateView { $0.filterDraft = newValue } }
    }
    /// `/` reopens with the applied filter as if selected: the first character typed replaces it (Backspace or
    /// Ctrl-U clear it), any other key keeps it for editing.
    private var filterDraftIsSelected: Bool {
        get { view.filterDraftIsSelected }
        set { store.updateView { $0.filterDraftIsSelected = newValue } }
    }
    private var describeScroll: Int {
        get { view.describe.scroll }
        set { store.updateView { $0.describe.scroll = newValue } }
    }
    /// Describe: wrapped or cut lines, the sideways offset, the applied search and the one being typed.
    private var describeWraps: Bool {
        get { view.describe.wraps }
        set { store.updateView { $0.describe.wraps = newValue } }
    }
    private var describeColumn: Int {
        get { view.describe.column }
        set { store.updateView { $0.describe.column = newValue } }
    }
    private var describeSearch: String? {
        get { view.describe.search }
        set { store.updateView { $0.describe.search = newValue } }
    }
    private var describeSearchDraft: String? {
        get { view.describe.searchDraft }
        set { store.updateView { $0.describe.searchDraft = newValue } }
    }
    private var conflictScroll: Int {
        get { view.conflictScroll }
        set { store.updateView { $0.conflictScroll = newValue } }
    }
    private var formCursor: [FormField: Int] {
        get { view.formCursor }
        set { store.updateView { $0.formCursor = newValue } }
    }
    private var resourceFormCursor: [String: Int] {
        get { view.resourceFormCursor }
        set { store.updateView { $0.resourceFormCursor = newValue } }
    }
    /// A view-side message (e.g. a palette command that cannot run here), shown until the next key.
    private var notice: BannerModel? {
        get { view.notice.map { BannerModel($0) } }
        set { store.updateView { $0.notice = newValue.map { ViewNotice($0) } } }
    }

    public init(store: ConsoleStore, profiles: [String] = []) {
        self.store = store
        self.profiles = profiles
    }

    public var clock: ConsoleClock { store.clock }

    public var viewState: ViewState { store.state.view }

    public func updateView(_ body: (inout ViewState) -> Void) { store.updateView(body) }

    public func observeChanges(_ onChange: @escaping @MainActor () -> Void) {
        self.onChange = onChange
        store.observeChanges(onChange)
    }

    public func resize(to size: TerminalSize) {
        let rows = ScreenRenderer.bodyRows(for: size)
        guard rows != store.state.viewportHeight else { return }
        store.send(.setViewport(rows: rows))
    }

    public var isFinished: Bool { store.state.shouldQuit }

    public var selectedID: String? {
        let state = store.state
        guard let pane = state.current else { return nil }
        if pane.kind == .userDetail { return pane.context.userID }
        return pane.selectedRow?.id
    }

    public var selectedRowJSON: String? {
        let state = store.state
        guard let pane = state.current else { return nil }
        if pane.kind == .userDetail {
            guard let record = pane.userRecord else { return nil }
            return ExportEncoding.jsonLine(ConsoleRow(id: record.id, cells: [], detail: record.detail))
                .trimmingCharacters(in: .newlines)
        }
        return pane.selectedRow.map { ExportEncoding.jsonLine($0).trimmingCharacters(in: .newlines) }
    }

    private func send(_ intent: ConsoleIntent) {
        notice = nil
        store.send(intent)
    }

    private func changed() { localRevision += 1 }

    // MARK: Frame

    public func screen(size: TerminalSize) -> ScreenModel {
        let rows = ScreenRenderer.bodyRows(for: size)
        let state = store.state
        let header = HeaderModel(
            account: state.header.account, baseURL: Self.displayedURL(state.header.baseURL), profile: state.header.profile,
            requestsInFlight: state.header.requestsInFlight,
            lastLatency: state.header.lastLatencyText.isEmpty ? nil : state.header.lastLatencyText,
            readOnly: state.isReadOnly, status: state.current?.follow?.text)
        if let picker = state.accountPicker {
            return ScreenModel(
                scope: .pane(.issuers), header: header,
                breadcrumb: BreadcrumbModel(crumbs: ["Choose an account"], filter: nil, isEditingFilter: false),
                body: accountPickerBody(picker, rows: rows), bodyTitle: nil, banner: notice ?? banner(state),
                overlay: nil)
        }
        let pane = state.current
        // A scan's progress stays in sight next to its filter (the line under the rows is off screen while the
        // matches fill it).
        let applied = pane.map { pane in
            pane.filterScan.map { "\(pane.filterText) · \($0.summary(shown: pane.rowCount))" } ?? pane.filterText
        }
        let segments = state.breadcrumbSegments
        var breadcrumb = BreadcrumbModel(
            crumbs: segments.map(\.text), filter: filterDraft ?? applied, isEditingFilter: filterDraft != nil,
            note: pane?.sortCaveat)
        breadcrumb.backLevels = segments.map { state.stack.count - 1 - $0.stackPosition }
        if case .describe = state.dialog, describeSearchDraft != nil || describeSearch != nil {
            // In describe, the line shows the search instead of the pane's filter.
            breadcrumb.filter = describeSearchDraft ?? describeSearch
            breadcrumb.isEditingFilter = describeSearchDraft != nil
        }
        var scope = KeyScope.pane(pane?.kind ?? .issuers)
        var body: BodyModel
        var overlay: OverlayModel?
        var bodyTitle: String?
        if let pane {
            if let before = state.panesBeforeRefresh[pane.id] {
                // Refreshing: the rows from before stay on screen until the new ones arrive.
                var model = table(for: before, state: state)
                model.footer = .loading
                body = .table(model)
            } else {
                body = .table(table(for: pane, state: state))
            }
        } else {
            body = .message("starting…")
        }
        switch state.dialog {
        case .none: break
        case .describe(let description):
            scope = .describe
            body = .describe(DescribeModel(
                title: description.title, json: description.json, scrollOffset: describeScroll, wraps: describeWraps,
                column: describeColumn, search: describeSearch, note: description.note))
            bodyTitle = description.title
        case .confirm(let confirmation):
            overlay = .confirm(ConfirmModel(
                // A pane-wide action acts on every row: "Revoke all trusted devices".
                title: "\(confirmation.action.verb) \(confirmation.action.noun(confirmation.action.isPaneWide ? 2 : max(1, confirmation.targetIDs.count)))",
                message: confirmation.message, isDestructive: true))
        case .edit(let form):
            overlay = .editForm(editForm(form))
        case .discardEdit:
            overlay = .confirm(ConfirmModel(
                title: "Discard changes", message: "Discard your changes to this user? [n] goes back to the form.",
                isDestructive: true))
        case .confirmQuit:
            overlay = .confirm(ConfirmModel(
                title: "Quit", message: "An edit is not saved. Quit anyway and lose it? [n] goes back to the form.",
                isDestructive: true))
        case .form(let form):
            overlay = .editForm(resourceForm(form))
        case .discardForm(let form, let quits):
            overlay = .confirm(ConfirmModel(
                title: quits ? "Quit" : "Discard input",
                message: quits
                    ? "The \(form.action.noun) form is not sent. Quit anyway and lose it? [n] goes back to the form."
                    : "Discard what you typed in the \(form.action.noun) form? [n] goes back to the form.",
                isDestructive: true))
        case .formConflict(let conflict):
            overlay = .conflict(ConflictModel(
                title: "Conflict: \(conflict.theirs.title) changed since you opened it" + (conflict.isWorking ? " · saving…" : ""),
                fields: conflict.diffs.map {
                    ConflictModel.Field(label: $0.label, base: $0.base, yours: $0.mine, theirs: $0.theirs)
                },
                scrollOffset: conflictScroll))
        case .secret(let reveal):
            overlay = .secret(SecretModel(
                title: reveal.title, subject: reveal.subject, label: reveal.label, secret: reveal.secret.reveal(),
                copied: reveal.copied))
        case .actionConflict(let conflict):
            let count = conflict.targets.count
            var message = "\(count == 1 ? "It" : "\(count) of them") changed since shown; nothing was done to "
                + (count == 1 ? "it" : "them") + ":\n" + conflict.lines.joined(separator: "\n")
            if conflict.succeeded > 0 { message += "\n\(conflict.succeeded) other \(conflict.action.noun(conflict.succeeded)) \(conflict.action.pastTense)." }
            overlay = .confirm(ConfirmModel(
                title: "Changed: \(conflict.action.verb.lowercased()) \(conflict.action.noun(count)) anyway?",
                message: message, isDestructive: true, yesLabel: conflict.action.anywayLabel, noLabel: "cancel"))
        case .confirmOverwrite(let job):
            overlay = .confirm(ConfirmModel(
                title: "Replace \((job.path as NSString).lastPathComponent)?",
                message: "\(job.path) or \(job.partialPath) exists. Replace it with this export? [n] keeps it.",
                isDestructive: true, yesLabel: "replace", noLabel: "keep"))
        case .conflict(let conflict):
            overlay = .conflict(ConflictModel(
                title: "Conflict: \(conflict.form.base.username) changed since you opened it"
                    + (conflict.isWorking ? " · saving…" : ""),
                fields: conflict.diffs.map {
                    ConflictModel.Field(label: $0.field.label, base: $0.base, yours: $0.mine, theirs: $0.theirs)
                },
                scrollOffset: conflictScroll))
        }
        return ScreenModel(
            scope: scope, header: header, breadcrumb: breadcrumb, body: body, bodyTitle: bodyTitle,
            banner: notice ?? exportBanner(state) ?? banner(state), overlay: overlay)
    }

    /// The accounts `GET /v1/me` listed, one per row; ⏎ connects to the selected one.
    private func accountPickerBody(_ picker: AccountPicker, rows: Int) -> BodyModel {
        switch picker.phase {
        case .loading:
            return .message("asking the API which accounts this credential can act on (GET /v1/me)…")
        case .failed(let reason):
            return .message("cannot list the accounts of this credential: \(reason) — r asks again, q quits")
        case .choosing:
            let columns = [
                TableColumn("ACCOUNT", min: 10, max: 40, priority: 10, truncatesInMiddle: true),
                TableColumn("ORGANIZATION", min: 8, max: 30, priority: 5),
                TableColumn("SCOPES", min: 8, max: 60, priority: 3),
            ]
            let top = max(0, picker.selection - max(1, rows) + 1)
            let shown = picker.accounts.enumerated().dropFirst(top).prefix(max(1, rows)).map { _, account in
                TableRow(id: account.id, cells: [
                    TableCell(account.id), TableCell(account.organizationID ?? ""),
                    TableCell(account.scopes.joined(separator: " ")),
                ])
            }
            return .table(TableModel(
                columns: columns, rows: Array(shown), firstRowIndex: top, selectedIndex: picker.selection,
                scrollOffset: top, footer: .end,
                emptyMessage: "no account"))
        }
    }

    /// The base URL as the header shows it: without user info or query, which could hold a credential.
    static func displayedURL(_ text: String) -> String {
        guard var components = URLComponents(string: text) else { return text }
        if components.user != nil || components.password != nil {
            components.user = nil
            components.password = nil
        }
        components.query = nil
        components.fragment = nil
        return components.string ?? text
    }

    private func table(for pane: PaneState, state: ConsoleState) -> TableModel {
        let visible = pane.visibleRows(height: state.viewportHeight)
        let statusColumn = pane.kind.statusColumn
        let width = pane.kind.columns.count
        let rows = visible.map { display -> TableRow in
            guard let row = display.row else {
                return TableRow(id: "placeholder-\(display.index)", cells: Array(repeating: TableCell("⋯", role: .dim), count: width))
            }
            var cells = row.cells.enumerated().map { index, text -> TableCell in
                if index == statusColumn { return TableCell(text, role: ColumnSpecs.role(forStatus: text)) }
                if display.isHydrating, text.isEmpty { return TableCell("⋯", role: .dim) }
                return TableCell(text)
            }
            if cells.count < width { cells += Array(repeating: TableCell(""), count: width - cells.count) }
            return TableRow(id: row.id, cells: cells, isMarked: display.isMarked)
        }
        var footer: TableFooter
        switch pane.footer {
        case .loading: footer = .loading
        // Nothing is loading: say that more rows exist, never "loading".
        case .more: footer = .note("⋯ more on the server")
        case .end: footer = .end
        case .failed(let message): footer = .failed(message)
        }
        let scope = [pane.filterScope, pane.sortScope].compactMap { $0 }.joined(separator: " · ")
        if !scope.isEmpty, pane.filterScan != nil || footer != .loading {
            // A filter says what it searched (and a scan how far it got), a sort of a list not all loaded what it
            // put in order, instead of a bare end or "more".
            if case .failed = footer {} else { footer = .note(scope) }
        }
        if let progress = state.loadToEnd, progress.paneID == pane.id { footer = .loadingAll(loaded: progress.loadedRows, rowsPerSecond: progress.rowsPerSecond) }
        var empty = pane.filterText.isEmpty ? "nothing here" : "no row matches the filter “\(pane.filterText)” (Esc clears)"
        if let chart = pane.chart {
            // The chart says what it counted: its window, buckets and time axis, or that the server counted none.
            if chart.counts != nil, pane.filterText.isEmpty { empty = chart.emptyText }
            if let summary = chart.summary, footer == .end { footer = .note(summary) }
        }
        var columns = ColumnSpecs.columns(for: pane.kind)
        if let sort = pane.sort, sort.column < columns.count {
            // The sorted column says so in its header: `NAME ▲`.
            columns[sort.column].title += sort.ascending ? " ▲" : " ▼"
            columns[sort.column].minWidth = max(columns[sort.column].minWidth, columns[sort.column].title.count)
        }
        return TableModel(
            columns: columns, rows: rows, firstRowIndex: pane.scrollTop,
            selectedIndex: pane.rowCount == 0 ? nil : pane.selection, scrollOffset: pane.scrollTop, footer: footer,
            emptyMessage: empty)
    }

    private func editForm(_ form: UserEditForm) -> EditFormModel {
        let dirty = form.dirtyFields
        let fields = form.fields.map { field -> FormFieldModel in
            let value = form.values[field]
            return FormFieldModel(
                label: field.label, value: value, cursor: min(formCursor[field] ?? value.count, value.count),
                error: form.fieldErrors[field], isDirty: dirty.contains(field),
                choices: field == .status ? UserEditForm.allowedStatuses : [],
                keptTheirsOverYours: form.keptTheirs[field], picker: field == .status ? .single : .none)
        }
        let title = "Edit " + (form.base.username.isEmpty ? form.base.id : form.base.username)
        return EditFormModel(
            title: title, fields: fields, focusedIndex: form.fields.firstIndex(of: form.focus) ?? 0,
            isSaving: form.isSaving)
    }

    /// A create / edit form of any resource, drawn by the same dialog as the user's form.
    private func resourceForm(_ form: ResourceForm) -> EditFormModel {
        let dirty = form.dirtyFields
        let fields = form.fields.enumerated().map { index, field -> FormFieldModel in
            let value = form[field.name]
            let picker: FormFieldModel.Picker = switch field.kind {
            case .choice: .single
            case .choices: .multiple(highlighted: index == form.focus ? form.optionCursor : 0)
            case .text, .keyValues: .none
            }
            return FormFieldModel(
                // A single choice always holds a value; text and lists that must not stay empty are marked.
                label: field.label + (field.isRequired && picker != .single ? " *" : ""), value: value,
                cursor: min(resourceFormCursor[field.name] ?? value.count, value.count),
                error: form.fieldErrors[field.name], isDirty: !form.isCreate && dirty.contains(field.name),
                choices: field.options, keptTheirsOverYours: form.keptTheirs[field.name], picker: picker,
                note: field.note)
        }
        return EditFormModel(title: form.title, fields: fields, focusedIndex: form.focus, isSaving: form.isSaving)
    }

    /// The export's progress, in the banner line while it runs.
    private func exportBanner(_ state: ConsoleState) -> BannerModel? {
        guard let export = state.export else { return nil }
        // The file's name while it runs (the counts must fit); the banners at the end give the whole path.
        return BannerModel(
            severity: .info, title: "Exporting to \((export.path as NSString).lastPathComponent)", detail: export.summary)
    }

    private func banner(_ state: ConsoleState) -> BannerModel? {
        guard let banner = state.banner else { return nil }
        let severity: BannerSeverity = switch banner.severity {
        case .info: .info
        case .success: .success
        case .warning: .warning
        case .error: .error
        }
        // Offer only keys that work here and can help: r retries a read from a pane (not inside a form, where r
        // types, and not for 401 / 403 / 404, where the same request fails the same way); in the form ⏎ saves
        // again.
        let retryHelps = banner.kind.offersRetry
        let hint: String? = switch state.dialog {
        case .none:
            // L opens the request the banner names in the request log.
            [retryHelps && !banner.retriesAutomatically ? "[r] retry" : nil, banner.reference == nil ? nil : "[L] request"]
                .compactMap { $0 }.joined(separator: " ").nilIfEmpty
        case .edit, .form: retryHelps ? "[⏎] save again" : nil
        default: nil
        }
        return BannerModel(severity: severity, title: banner.title, detail: banner.detail, reference: banner.reference,
                           hint: hint, countdown: banner.countdownText(now: state.now))
    }

    // MARK: Keys

    public func perform(_ action: KeyAction, size: TerminalSize) {
        notice = nil
        if case .describe = store.state.dialog {
            performInDescribe(action, size: size)
            return
        }
        switch action {
        case .moveUp: send(.move(by: -1))
        case .moveDown: send(.move(by: 1))
        case .pageUp: send(.pageUp)
        case .pageDown: send(.pageDown)
        case .top: send(.moveToTop)
        case .bottom: send(.moveToEnd)
        case .open: send(.open)
        case .back: send(.escape)
        case .nextSibling: send(.nextSibling)
        case .previousSibling: send(.previousSibling)
        case .filter:
            filterDraft = store.state.current?.filterText ?? ""
            filterDraftIsSelected = !(filterDraft ?? "").isEmpty
            changed()
        case .refresh:
            if case .failed = store.state.current?.footer { send(.retry) } else { send(.refresh) }
        case .mark: send(.toggleMark)
        case .markAll: send(.markAll)
        case .clearMarks: send(.clearMarks)
        case .markRange: send(.markRange)
        case .sortNextColumn: send(.sortNextColumn)
        case .reverseSort: send(.reverseSort)
        case .describe:
            describeScroll = 0
            describeWraps = true
            describeColumn = 0
            describeSearch = nil
            describeSearchDraft = nil
            send(.describe)
        case .edit:
            formCursor = [:]
            resourceFormCursor = [:]
            send(.edit)
        case .create:
            resourceFormCursor = [:]
            send(.newResource)
        case .row(let key): send(.action(key))
        case .stop: send(.stopLoading)
        case .quit: send(.quit)
        case .copyID, .copyRow, .help, .palette, .suspendToShell: break  // the app's own
        case .toggleWrap, .scrollLeft, .scrollRight, .nextMatch: break  // describe only
        case .pane(let command): send(.paneCommand(command))
        case .openBannerRequest: send(.openBannerRequest)
        }
    }

    public func mouse(_ action: MouseAction, size: TerminalSize) {
        notice = nil
        if case .describe = store.state.dialog {
            if case .scroll(let rows) = action {
                for _ in 0..<min(abs(rows), 10) { performInDescribe(rows < 0 ? .moveUp : .moveDown, size: size) }
            }
            return
        }
        switch action {
        case .scroll(let rows): send(.move(by: rows))
        case .select(let index): send(.select(index: index))
        case .open(let index):
            send(.select(index: index))
            send(.open)
        case .back(let levels):
            // Bounded by the stack: each back pops one pane.
            for _ in 0..<min(levels, store.state.stack.count - 1) { send(.back) }
        }
    }

    private func performInDescribe(_ action: KeyAction, size: TerminalSize) {
        let page = max(1, ScreenRenderer.bodyRows(for: size))
        switch action {
        case .moveUp: describeScroll = max(0, describeScroll - 1)
        case .moveDown: describeScroll += 1
        case .pageUp: describeScroll = max(0, describeScroll - page)
        case .pageDown: describeScroll += page
        case .top: describeScroll = 0
        case .bottom: describeScroll = Int.max / 2
        case .toggleWrap:
            describeWraps.toggle()
            describeColumn = 0
            describeScroll = 0
        case .scrollLeft: describeColumn = max(0, describeColumn - Self.sidewaysStep)
        case .scrollRight: if !describeWraps { describeColumn += Self.sidewaysStep }
        case .filter:
            describeSearchDraft = describeSearch ?? ""
        case .nextMatch:
            jumpToMatch(after: describeScroll, size: size)
        case .back:
            if describeSearch != nil {
                // Esc clears the search first, then leaves.
                describeSearch = nil
                changed()
                return
            }
            send(.escape)
            return
        case .quit:
            send(.quit)
            return
        default: return
        }
        clampDescribeScroll(size: size)
        changed()
    }

    /// Columns ←/→ move the cut lines by.
    static let sidewaysStep = 8

    /// The describe text's width on screen: the body box and a column of padding on each side.
    private static func describeWidth(_ size: TerminalSize) -> Int { max(1, size.columns - 4) }

    private func clampDescribeScroll(size: TerminalSize) {
        guard case .describe(let description) = store.state.dialog else { return }
        let rows = DescribeView.rows(description.json, width: Self.describeWidth(size), wraps: describeWraps).count
        let visible = ScreenRenderer.bodyRows(for: size) + 1 - (description.note == nil ? 0 : 1)
        describeScroll = max(0, min(describeScroll, rows - visible))
        if !describeWraps {
            let longest = description.json.split(separator: "\n").map { String($0).displayWidth }.max() ?? 0
            describeColumn = max(0, min(describeColumn, longest - Self.describeWidth(size) + 1))
        }
    }

    /// Scrolls to the first match below `row` (wrapping to the top); a notice when nothing matches.
    private func jumpToMatch(after row: Int, size: TerminalSize, including: Bool = false) {
        guard case .describe(let description) = store.state.dialog, let search = describeSearch, !search.isEmpty else {
            return
        }
        let matches = DescribeView.matchingRows(
            of: search, in: description.json, width: Self.describeWidth(size), wraps: describeWraps)
        guard let first = matches.first else {
            notice = BannerModel(severity: .warning, title: "No match", detail: "“\(search)” is not in \(description.title)")
            return
        }
        let next = matches.first { including ? $0 >= row : $0 > row } ?? first
        describeScroll = next
        if !describeWraps { describeColumn = 0 }
        let position = (matches.firstIndex(of: next) ?? 0) + 1
        notice = BannerModel(severity: .info, title: "Match \(position) of \(matches.count)", detail: "n: next · Esc clears")
    }

    /// Typing the describe search: ⏎ applies it and goes to the first match, Esc drops it.
    private func describeSearchInput(_ key: KeyEvent, size: TerminalSize) {
        var draft = describeSearchDraft ?? ""
        switch key {
        case .enter:
            describeSearchDraft = nil
            describeSearch = draft.isEmpty ? nil : draft
            jumpToMatch(after: describeScroll, size: size, including: true)
            clampDescribeScroll(size: size)
        case .escape:
            describeSearchDraft = nil
        case .backspace:
            if draft.isEmpty { describeSearchDraft = nil } else { draft.removeLast(); describeSearchDraft = draft }
        case .control("u"):
            describeSearchDraft = ""
        case .character(let character):
            guard draft.count < Self.maxFilterLength else { return }
            draft.append(character)
            describeSearchDraft = draft
        default:
            return
        }
        changed()
    }

    public func input(_ key: KeyEvent, size: TerminalSize) {
        notice = nil
        if describeSearchDraft != nil, case .describe = store.state.dialog {
            describeSearchInput(key, size: size)
            return
        }
        if filterDraft != nil {
            filterInput(key)
            return
        }
        switch store.state.dialog {
        case .confirm, .discardEdit, .confirmQuit, .actionConflict, .discardForm, .confirmOverwrite:
            if case .send(let intent) = DialogKeys.action(for: key, in: DialogKeys.confirm()) { send(intent) }
        case .edit(let form):
            formInput(key, form: form)
        case .form(let form):
            resourceFormInput(key, form: form)
        case .secret:
            // Copy is the app's (it owns the terminal); closing goes to the store, which drops the secret.
            if case .send(let intent) = DialogKeys.action(for: key, in: DialogKeys.secret) { send(intent) }
        case .conflict, .formConflict:
            switch DialogKeys.action(for: key, in: DialogKeys.conflict) {
            case .send(let intent): send(intent)
            case .scrollDown:
                conflictScroll += 1
                changed()
            case .scrollUp:
                conflictScroll = max(0, conflictScroll - 1)
                changed()
            default: break
            }
        case .describe, .none:
            break
        }
    }

    /// Longest filter that can be typed (a paste beyond it is cut, with a notice).
    public static let maxFilterLength = 256
    /// Longest value a form field takes (the API allows 255; longer input still shows the form's own error).
    public static let maxFieldLength = 1_000

    private func filterInput(_ key: KeyEvent) {
        var draft = filterDraft ?? ""
        let replacesSelection = filterDraftIsSelected
        filterDraftIsSelected = false
        switch key {
        case .control("u"):
            filterDraft = ""
            typed("")
            return
        case .backspace where replacesSelection:
            filterDraft = ""
            typed("")
            return
        case .character where replacesSelection:
            draft = ""
        default:
            break
        }
        switch key {
        case .enter:
            filterDraft = nil
            send(.setFilter(draft))
            return
        case .escape:
            filterDraft = nil
            send(.clearFilter)
            return
        case .backspace:
            if draft.isEmpty {
                // Backspace on an empty filter closes it, with the list unfiltered (as typed so far).
                filterDraft = nil
                send(.setFilter(""))
                return
            }
            draft.removeLast()
        case .character(let character):
            // A huge paste must not make every key cost more than the last: the filter is bounded.
            guard draft.count < Self.maxFilterLength else {
                notice = BannerModel(severity: .warning, title: "Filter too long",
                                     detail: "at most \(Self.maxFilterLength) characters; the rest was not typed")
                changed()
                return
            }
            draft.append(character)
        default:
            return
        }
        filterDraft = draft
        typed(draft)
    }

    /// The filter as typed so far: the store applies it once the typing pauses (debounced on its clock).
    private func typed(_ draft: String) {
        store.send(.typeFilter(draft))
        changed()
    }

    /// The secret of the open one-time secret dialog, for the clipboard (nil when none is open); marks it copied.
    public func copySecret() -> String? {
        guard case .secret(let reveal) = store.state.dialog, !reveal.secret.isWiped else { return nil }
        send(.secretCopied)
        return reveal.secret.reveal()
    }

    private func resourceFormInput(_ key: KeyEvent, form: ResourceForm) {
        if form.isSaving { return }
        guard let field = form.focusedField else { return }
        if field.isPicker {
            // A picker is never typed into: ←→ choose, space picks in a list, the form's other keys as usual.
            let multiple: Bool = if case .choices = field.kind { true } else { false }
            let table = DialogKeys.picker(multiple: multiple)
            switch DialogKeys.action(for: key, in: table) {
            case .moveCursor: send(.stepOption(key == .left ? -1 : 1))
            case .send(let intent): send(intent)
            default:
                if case .send(let intent) = DialogKeys.action(for: key, in: DialogKeys.editForm) { send(intent) }
            }
            return
        }
        let name = field.name
        if case .send(let intent) = DialogKeys.action(for: key, in: DialogKeys.editForm) {
            send(intent)
            return
        }
        let cursor = resourceFormCursor[name] ?? form[name].count
        switch TextFieldEditing.apply(key, to: form[name], cursor: cursor, maxLength: Self.maxFieldLength) {
        case .moved(let cursor):
            resourceFormCursor[name] = cursor
            changed()
        case .edited(let text, let cursor):
            resourceFormCursor[name] = cursor
            send(.setFormValue(name, text))
        case .tooLong: fieldTooLong(field.label)
        case .ignored: break
        }
    }

    private func formInput(_ key: KeyEvent, form: UserEditForm) {
        if form.isSaving { return }
        if form.focus == .status {
            // Status is a picker: ←→ choose among the allowed values; it is not typed into.
            switch DialogKeys.action(for: key, in: DialogKeys.picker(multiple: false)) {
            case .moveCursor: send(.stepOption(key == .left ? -1 : 1))
            default:
                if case .send(let intent) = DialogKeys.action(for: key, in: DialogKeys.editForm) { send(intent) }
            }
            return
        }
        let field = form.focus
        if case .send(let intent) = DialogKeys.action(for: key, in: DialogKeys.editForm) {
            send(intent)
            return
        }
        let cursor = formCursor[field] ?? form.values[field].count
        switch TextFieldEditing.apply(key, to: form.values[field], cursor: cursor, maxLength: Self.maxFieldLength) {
        case .moved(let cursor):
            formCursor[field] = cursor
            changed()
        case .edited(let text, let cursor):
            formCursor[field] = cursor
            send(.setField(field, text))
        case .tooLong: fieldTooLong(field.label)
        case .ignored: break
        }
    }

    /// A character not typed because the field is full: said, not dropped silently.
    private func fieldTooLong(_ label: String) {
        notice = BannerModel(severity: .warning, title: "\(label) too long",
                             detail: "at most \(Self.maxFieldLength) characters in a field; the rest was not typed")
        changed()
    }

    /// The issuers loaded on the Issuers pane, for `:users ` completion.
    public var paletteIssuers: [CommandPalette.IssuerChoice] {
        store.state.knownIssuers.map { CommandPalette.IssuerChoice(id: $0.id, name: $0.name) }
    }

    public func run(_ command: CommandPalette.Command) {
        switch command {
        case .jump(let target): send(.jump(target))
        case .jumpInIssuer(let target, let issuer): send(.jumpInIssuer(target, issuer: issuer))
        case .open(let id): send(.jumpToID(id))
        case .unavailable(let message):
            notice = BannerModel(severity: .warning, title: "Not available", detail: message)
            changed()
        case .quit: send(.quit)
        case .export(let path):
            // Absolute, so that the banners say where the file is whatever the directory the console started in.
            let expanded = (path as NSString).expandingTildeInPath
            send(.export(path: expanded.hasPrefix("/") ? expanded : URL(fileURLWithPath: expanded).standardizedFileURL.path))
        case .profile(let name):
            if let onProfileSwitch {
                notice = BannerModel(severity: .info, title: "Checking profile \(name)…",
                                     detail: "one request with its credential before switching")
                profileCheck?.cancel()
                profileCheck = store.effects.run { [weak self] in
                    let problem = await onProfileSwitch(name)
                    guard let self, !Task.isCancelled else { return }
                    self.notice = problem.map {
                        BannerModel(severity: .error, title: "Cannot switch to profile \(name)", detail: $0)
                    }
                    self.changed()
                    self.onChange?()
                }
            } else {
                notice = BannerModel(
                    severity: .warning, title: "Cannot switch profile here",
                    detail: "restart with --profile \(name)")
            }
            changed()
        }
    }
}

extension BannerModel {
    /// A view notice drawn as a banner.
    init(_ notice: ViewNotice) {
        self.init(severity: BannerSeverity(rawValue: notice.severity.rawValue) ?? .info, title: notice.title,
                  detail: notice.detail)
    }
}

extension ViewNotice {
    /// A banner of the view kept as a notice (its hint and countdown are not used by notices).
    init(_ banner: BannerModel, expiresAt: Duration? = nil) {
        self.init(severity: Severity(rawValue: banner.severity.rawValue) ?? .info, title: banner.title,
                  detail: banner.detail, expiresAt: expiresAt)
    }
}

extension String {
    /// Nil for the empty string.
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
