import Foundation

/// The edit-user form: the version it started from (with its ETag), the user's input, field messages.
public struct UserEditForm: Sendable, Hashable {
    /// The version the form started from; its ETag is sent as If-Match.
    public var base: UserRecord
    /// What the user typed.
    public var values: UserFormValues
    /// The field with the cursor.
    public var focus: FormField = .username
    /// Messages under fields: from client-side validation or from the server (400 / 422).
    public var fieldErrors: [FormField: String] = [:]
    /// A save is in flight; input is held until it answers.
    public var isSaving = false
    /// After a merge: the fields both sides changed differently, where the form holds theirs, with what you had
    /// typed. Shown highlighted until the save, so nothing of yours is dropped without you seeing it.
    public var keptTheirs: [FormField: String] = [:]

    public static let allowedStatuses = ["active", "blocked", "pending", "suspended", "inactive"]

    public init(base: UserRecord) {
        self.base = base
        self.values = base.formValues
    }

    /// Fields in form order: the standard ones, then custom fields of the base and of the input.
    public var fields: [FormField] { UserFormValues.fields(base.formValues, values) }

    /// Fields whose input differs from the base.
    public var dirtyFields: Set<FormField> {
        Set(fields.filter { values[$0] != base.formValues[$0] || values.has($0) != base.formValues.has($0) })
    }

    public var isDirty: Bool { values != base.formValues }

    /// The changes a save sends.
    public var changes: UserChanges { UserChanges(from: base.formValues, to: values) }

    /// Client-side checks, before any request.
    public func validate() -> [FormField: String] {
        var errors: [FormField: String] = [:]
        let username = values.username.trimmingCharacters(in: .whitespaces)
        if username.isEmpty {
            errors[.username] = "required"
        } else if username.count > 255 {
            errors[.username] = "at most 255 characters"
        } else if base.usernameType == "email", !Self.looksLikeEmail(username) {
            errors[.username] = "must be an email address"
        } else if username.contains(where: { $0.isNewline }) {
            errors[.username] = "must be one line"
        }
        for field in [FormField.displayName, .firstName, .lastName] {
            if values[field].count > 255 { errors[field] = "at most 255 characters" }
            if values[field].contains(where: { $0.isNewline }) { errors[field] = "must be one line" }
        }
        if !Self.allowedStatuses.contains(values.status), values.status != base.status {
            errors[.status] = "one of: " + Self.allowedStatuses.joined(separator: ", ")
        }
        for key in values.customFields.keys where key.trimmingCharacters(in: .whitespaces).isEmpty {
            errors[.custom(key)] = "a custom field needs a name"
        }
        return errors
    }

    private static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
    }
}

/// One field of a conflict: the base version, mine and theirs.
public struct FieldDiff: Sendable, Hashable {
    public var field: FormField
    public var base: String
    public var mine: String
    public var theirs: String
    public var mineChanged: Bool { mine != base }
    public var theirsChanged: Bool { theirs != base }
    /// Both changed it, differently.
    public var isConflicting: Bool { mineChanged && theirsChanged && mine != theirs }
}

/// The state after a 412: the form as it was, their version fetched fresh, and the field-by-field diff.
public struct EditConflict: Sendable, Hashable {
    public var form: UserEditForm
    public var theirs: UserRecord
    /// An overwrite is in flight.
    public var isWorking = false

    public init(form: UserEditForm, theirs: UserRecord) {
        self.form = form
        self.theirs = theirs
    }

    public var base: UserFormValues { form.base.formValues }
    public var mine: UserFormValues { form.values }

    /// Every field, with base | mine | theirs.
    public var diffs: [FieldDiff] {
        UserFormValues.fields(base, mine, theirs.formValues).map {
            FieldDiff(field: $0, base: base[$0], mine: mine[$0], theirs: theirs.formValues[$0])
        }
    }

    /// Fields that changed on either side.
    public var changedDiffs: [FieldDiff] { diffs.filter { $0.mineChanged || $0.theirsChanged } }

    /// Fields I changed (value, or a custom field added or removed).
    var myChangedFields: [FormField] {
        UserFormValues.fields(base, mine).filter { mine[$0] != base[$0] || mine.has($0) != base.has($0) }
    }

    /// Fields both sides changed, to different values (marked `both`).
    public var conflictingFields: [FormField] {
        let theirs = theirs.formValues
        return myChangedFields.filter {
            (theirs[$0] != base[$0] || theirs.has($0) != base.has($0))
                && (theirs[$0] != mine[$0] || theirs.has($0) != mine.has($0))
        }
    }

    /// Mine on the fields only I changed, theirs everywhere else — including the fields both changed, which the
    /// form then highlights for a decision (`conflictingFields`).
    public var merged: UserFormValues {
        let conflicting = Set(conflictingFields)
        return applyingMine(to: theirs.formValues, on: myChangedFields.filter { !conflicting.contains($0) })
    }

    /// What an overwrite leaves on the server: theirs, with mine on every field I changed (and only those).
    public var overwritten: UserFormValues { applyingMine(to: theirs.formValues, on: myChangedFields) }

    /// The PATCH of an overwrite: the fields I changed whose value differs from theirs. Fields only they
    /// changed are not sent, so their change stays.
    public var overwriteChanges: UserChanges { UserChanges(from: theirs.formValues, to: overwritten) }

    private func applyingMine(to values: UserFormValues, on fields: [FormField]) -> UserFormValues {
        var result = values
        for field in fields {
            if case .custom(let key) = field, !mine.has(field) {
                result.customFields[key] = nil
            } else {
                result[field] = mine[field]
            }
        }
        return result
    }
}

/// How to resolve a conflict.
public enum ConflictChoice: String, Sendable, Hashable {
    /// Send the fields I changed, with their ETag; fields only they changed keep their value.
    case overwrite
    /// Keep their version, drop mine.
    case takeTheirs
    /// Mine where only I changed, theirs elsewhere (also where both changed); back to the form with the fields
    /// both changed highlighted.
    case merge
    /// Back to the form as it was.
    case cancel
}
