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

    /// Mine on the fields only I changed, theirs on the rest.
    public var merged: UserFormValues {
        var result = theirs.formValues
        for field in UserFormValues.fields(base, mine) where mine[field] != base[field] || mine.has(field) != base.has(field) {
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
    /// Re-send my version with their ETag.
    case overwrite
    /// Keep their version, drop mine.
    case takeTheirs
    /// Mine where only I changed, theirs elsewhere; back to the form.
    case merge
    /// Back to the form as it was.
    case cancel
}
