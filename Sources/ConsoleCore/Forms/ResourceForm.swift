/// An open create or edit form: what was typed, the version it started from, the messages under fields.
/// One model for every resource's form; the view draws every one with the same dialog.
public struct ResourceForm: Sendable, Hashable {
    public let action: FormAction
    /// "New webhook", "Edit client Acme CLI".
    public var title: String
    /// What was typed, by field name.
    public var values: [String: String]
    /// The version the form started from (edit), or the initial values (create): dirty fields differ from it.
    public var base: [String: String]
    /// The field with the cursor.
    public var focus = 0
    /// The highlighted option of a multi-choice list.
    public var optionCursor = 0
    /// Messages under fields: from the form's own checks or the server (400 / 422).
    public var fieldErrors: [String: String] = [:]
    /// A write is in flight; input waits for its answer.
    public var isSaving = false
    /// Create: the Idempotency-Key of the last submit, sent again when the same input is submitted again (so a
    /// retry after a lost answer cannot create twice); any change to the input drops it.
    public var idempotencyKey: String?
    /// Edit: the resource and the ETag sent as If-Match.
    public var rowID: String?
    public var etag: String?
    /// After a merge: fields both sides changed, where the form holds theirs, with what you had typed.
    public var keptTheirs: [String: String] = [:]
    let paneID: Int
    let context: PaneContext

    init(create action: FormAction, paneID: Int, context: PaneContext) {
        self.action = action
        self.title = "New \(action.noun)"
        let initial = Dictionary(uniqueKeysWithValues: action.fields.map { ($0.name, $0.initial) })
        self.values = initial
        self.base = initial
        self.paneID = paneID
        self.context = context
    }

    init(edit action: FormAction, record: FormRecord, paneID: Int, context: PaneContext) {
        self.action = action
        self.title = "Edit \(action.noun) \(record.title)"
        var values: [String: String] = [:]
        for field in action.fields { values[field.name] = record.values[field.name] ?? "" }
        self.values = values
        self.base = values
        self.rowID = record.id
        self.etag = record.etag
        self.paneID = paneID
        self.context = context
    }

    public var fields: [FormFieldSpec] { action.fields }
    public var focusedField: FormFieldSpec? { fields.indices.contains(focus) ? fields[focus] : nil }
    public var isCreate: Bool { action.purpose == .create }

    public subscript(name: String) -> String { values[name] ?? "" }

    public var dirtyFields: Set<String> { Set(fields.map(\.name).filter { self[$0] != (base[$0] ?? "") }) }
    public var isDirty: Bool { !dirtyFields.isEmpty }

    /// The form's own checks, before any request: field name → message.
    public func validate() -> [String: String] {
        var errors: [String: String] = [:]
        for field in fields {
            // An edit never asks for a field the user left as the server had it.
            if !isCreate, !dirtyFields.contains(field.name) { continue }
            if let problem = field.problem(with: self[field.name]) { errors[field.name] = problem }
        }
        for (name, message) in action.check(values) where errors[name] == nil { errors[name] = message }
        return errors
    }

    /// What a submit sends: create — every non-empty value; edit — the changed ones.
    public var submittedValues: [String: String] {
        if isCreate { return values.filter { !$0.value.trimmingCharacters(in: .whitespaces).isEmpty } }
        return values.filter { dirtyFields.contains($0.key) }
    }

    /// Sets a field's text, dropping its message and the idempotency key (new input is a new request).
    mutating func set(_ name: String, _ value: String) {
        guard values[name] != value else { return }
        values[name] = value
        fieldErrors[name] = nil
        keptTheirs[name] = nil
        idempotencyKey = nil
    }

    /// ←→ on a picker: the next / previous option (a single choice), or moves the highlight (a list).
    mutating func step(_ delta: Int) {
        guard let field = focusedField, !field.options.isEmpty else { return }
        let options = field.options
        switch field.kind {
        case .choice:
            let current = options.firstIndex(of: self[field.name]) ?? (delta > 0 ? -1 : options.count)
            set(field.name, options[(current + delta + options.count) % options.count])
        default:
            optionCursor = (optionCursor + delta + options.count) % options.count
        }
    }

    /// Space on a multi-choice list: picks or unpicks the highlighted option (kept in the options' order).
    mutating func toggleOption() {
        guard let field = focusedField, case .choices(let options) = field.kind, options.indices.contains(optionCursor)
        else { return }
        var picked = Set(FormFieldSpec.list(self[field.name]))
        let option = options[optionCursor]
        if picked.contains(option) { picked.remove(option) } else { picked.insert(option) }
        set(field.name, options.filter(picked.contains).joined(separator: ","))
    }

    mutating func moveFocus(_ step: Int) {
        guard !fields.isEmpty else { return }
        focus = (focus + step + fields.count) % fields.count
        optionCursor = 0
    }
}

/// After a 412 on an edit form: the form as it was, their version read fresh, and the field-by-field diff.
public struct FormConflict: Sendable, Hashable {
    public var form: ResourceForm
    public var theirs: FormRecord
    public var isWorking = false

    public init(form: ResourceForm, theirs: FormRecord) {
        self.form = form
        self.theirs = theirs
    }

    /// Field name, label, base | mine | theirs, for every field.
    public var diffs: [(name: String, label: String, base: String, mine: String, theirs: String)] {
        form.fields.map { field in
            (field.name, field.label, form.base[field.name] ?? "", form[field.name], theirs.values[field.name] ?? "")
        }
    }

    var myChangedFields: [String] { Array(form.dirtyFields).sorted() }

    /// Fields both changed, differently.
    public var conflictingFields: [String] {
        myChangedFields.filter {
            let their = theirs.values[$0] ?? ""
            return their != (form.base[$0] ?? "") && their != form[$0]
        }
    }
}

import Foundation
