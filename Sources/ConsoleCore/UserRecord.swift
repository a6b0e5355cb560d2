public import Foundation

/// A full user as the edit form and the detail pane need it, with the ETag of this version.
public struct UserRecord: Sendable, Hashable {
    public var id: String
    public var issuerID: String
    public var username: String
    /// email, phone or username.
    public var usernameType: String?
    public var displayName: String
    public var firstName: String
    public var lastName: String
    public var status: String
    /// Custom field values as text (non-string JSON values are shown as their JSON text).
    public var customFields: [String: String]
    public var createdAt: Date?
    public var updatedAt: Date?
    public var etag: String?
    /// The whole resource's JSON, for describe (written when read).
    public var detail: RowDetail
    /// Pretty JSON of the whole resource, for describe.
    public var detailJSON: String {
        get { detail.text }
        set { detail = RowDetail(newValue) }
    }

    public init(
        id: String, issuerID: String, username: String, usernameType: String? = nil, displayName: String = "",
        firstName: String = "", lastName: String = "", status: String, customFields: [String: String] = [:],
        createdAt: Date? = nil, updatedAt: Date? = nil, etag: String? = nil, detailJSON: String = "{}"
    ) {
        self.init(
            id: id, issuerID: issuerID, username: username, usernameType: usernameType, displayName: displayName,
            firstName: firstName, lastName: lastName, status: status, customFields: customFields, createdAt: createdAt,
            updatedAt: updatedAt, etag: etag, detail: RowDetail(detailJSON))
    }

    public init(
        id: String, issuerID: String, username: String, usernameType: String? = nil, displayName: String = "",
        firstName: String = "", lastName: String = "", status: String, customFields: [String: String] = [:],
        createdAt: Date? = nil, updatedAt: Date? = nil, etag: String? = nil, detail: RowDetail
    ) {
        self.id = id
        self.issuerID = issuerID
        self.username = username
        self.usernameType = usernameType
        self.displayName = displayName
        self.firstName = firstName
        self.lastName = lastName
        self.status = status
        self.customFields = customFields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.etag = etag
        self.detail = detail
    }

    /// The editable values of this version.
    public var formValues: UserFormValues {
        UserFormValues(
            username: username, displayName: displayName, firstName: firstName, lastName: lastName, status: status,
            customFields: customFields)
    }

    /// The name shown for this user: display name, else first + last, else empty.
    public var fullName: String {
        if !displayName.isEmpty { return displayName }
        return [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The row of the Users pane.
    public var usersRow: ConsoleRow {
        var row = UsersPane.rows.anyRow(self)
        row.etag = etag
        return row
    }

    /// The rows of the User detail pane.
    public var detailRows: [ConsoleRow] {
        var rows: [(String, String)] = [
            ("id", id), ("username", username), ("username type", usernameType ?? ""),
            ("display name", displayName), ("first name", firstName), ("last name", lastName),
            ("status", status), ("created", DisplayFormat.dateTime(createdAt)),
            ("updated", DisplayFormat.dateTime(updatedAt)),
        ]
        for key in customFields.keys.sorted() { rows.append(("custom.\(key)", customFields[key] ?? "")) }
        return rows.map { ConsoleRow(id: "field:\($0.0)", cells: [$0.0, $0.1], title: $0.0, detail: detail) }
    }
}

/// The editable values of a user.
public struct UserFormValues: Sendable, Hashable {
    public var username: String
    public var displayName: String
    public var firstName: String
    public var lastName: String
    public var status: String
    public var customFields: [String: String]

    public init(
        username: String, displayName: String, firstName: String, lastName: String, status: String,
        customFields: [String: String]
    ) {
        self.username = username
        self.displayName = displayName
        self.firstName = firstName
        self.lastName = lastName
        self.status = status
        self.customFields = customFields
    }

    public subscript(field: FormField) -> String {
        get {
            switch field {
            case .username: username
            case .displayName: displayName
            case .firstName: firstName
            case .lastName: lastName
            case .status: status
            case .custom(let key): customFields[key] ?? ""
            }
        }
        set {
            switch field {
            case .username: username = newValue
            case .displayName: displayName = newValue
            case .firstName: firstName = newValue
            case .lastName: lastName = newValue
            case .status: status = newValue
            case .custom(let key): customFields[key] = newValue
            }
        }
    }

    /// Every field present in either version, in form order.
    public static func fields(_ versions: UserFormValues...) -> [FormField] {
        var keys = Set<String>()
        for version in versions { keys.formUnion(version.customFields.keys) }
        return FormField.standard + keys.sorted().map { FormField.custom($0) }
    }

    /// Whether a field exists in this version (custom fields may be absent).
    public func has(_ field: FormField) -> Bool {
        if case .custom(let key) = field { return customFields[key] != nil }
        return true
    }
}

/// One field of the edit form.
public enum FormField: Sendable, Hashable, CustomStringConvertible {
    case username, displayName, firstName, lastName, status
    case custom(String)

    public static let standard: [FormField] = [.username, .displayName, .firstName, .lastName, .status]

    public var label: String {
        switch self {
        case .username: "Username"
        case .displayName: "Display name"
        case .firstName: "First name"
        case .lastName: "Last name"
        case .status: "Status"
        case .custom(let key): "custom.\(key)"
        }
    }

    public var description: String { label }

    /// The field a server field path names (`username`, `profile.display_name`, `custom_fields.plan`, …).
    public init?(serverPath: String) {
        let path = serverPath.hasPrefix("body.") ? String(serverPath.dropFirst(5)) : serverPath
        switch path {
        case "username", "email", "phone": self = .username
        case "display_name", "profile.display_name", "name": self = .displayName
        case "first_name", "profile.first_name", "given_name": self = .firstName
        case "last_name", "profile.last_name", "family_name": self = .lastName
        case "status": self = .status
        default:
            for prefix in ["custom_fields.", "custom_fields/"] where path.hasPrefix(prefix) {
                self = .custom(String(path.dropFirst(prefix.count)))
                return
            }
            return nil
        }
    }
}

/// What a PATCH of a user sends: only the fields set here.
public struct UserChanges: Sendable, Hashable {
    public var username: String?
    public var displayName: String?
    public var firstName: String?
    public var lastName: String?
    public var status: String?
    /// Custom fields added or changed.
    public var customFields: [String: String]?
    /// Custom fields to remove (sent as null in the merge patch).
    public var removedCustomFields: Set<String> = []

    public init(
        username: String? = nil, displayName: String? = nil, firstName: String? = nil, lastName: String? = nil,
        status: String? = nil, customFields: [String: String]? = nil
    ) {
        self.username = username
        self.displayName = displayName
        self.firstName = firstName
        self.lastName = lastName
        self.status = status
        self.customFields = customFields
    }

    /// The changes that turn `from` into `to`.
    public init(from: UserFormValues, to: UserFormValues) {
        self.init()
        if from.username != to.username { username = to.username }
        if from.displayName != to.displayName { displayName = to.displayName }
        if from.firstName != to.firstName { firstName = to.firstName }
        if from.lastName != to.lastName { lastName = to.lastName }
        if from.status != to.status { status = to.status }
        if from.customFields != to.customFields {
            customFields = to.customFields.filter { from.customFields[$0.key] != $0.value }
            removedCustomFields = Set(from.customFields.keys).subtracting(to.customFields.keys)
        }
    }

    public var isEmpty: Bool {
        username == nil && displayName == nil && firstName == nil && lastName == nil && status == nil
            && customFields == nil
    }
}
