public import AuthPIAdmin

/// A form a pane offers (`n` new, `e` edit): its fields and the typed client calls behind it. Each pane's file
/// declares its own (`UsersPane.create`, `ClientsPane.edit`, …) and lists it in its descriptor.
public struct FormAction: Sendable, Hashable, CustomStringConvertible {
    public enum Purpose: Sendable, Hashable {
        /// `n`: POST a new resource (with an Idempotency-Key kept across retries of the same input).
        case create
        /// `e`: PATCH the changed fields with If-Match = the ETag of the version the form started from.
        case edit
    }

    /// A stable name ("createUser").
    public let name: String
    public let purpose: Purpose
    /// "user", "webhook": what the form makes or changes.
    public let noun: String
    public let paneKind: PaneKind
    public let fields: [FormFieldSpec]
    /// The line in help.
    public let help: String
    /// Edit: the resource read now, as the form's values, with its ETag.
    let load: (@Sendable (AuthPIClient, _ rowID: String, PaneContext) async throws -> FormRecord)?
    /// Checks across fields, before any request: field name → message.
    let check: @Sendable (_ values: [String: String]) -> [String: String]
    /// The write: create or update, with the values (create: every non-empty value; edit: the changed ones).
    let submit: @Sendable (AuthPIClient, FormSubmission) async throws -> FormResult

    public init(
        _ name: String, purpose: Purpose, noun: String, on paneKind: PaneKind, fields: [FormFieldSpec], help: String,
        load: (@Sendable (AuthPIClient, _ rowID: String, PaneContext) async throws -> FormRecord)? = nil,
        check: @escaping @Sendable (_ values: [String: String]) -> [String: String] = { _ in [:] },
        submit: @escaping @Sendable (AuthPIClient, FormSubmission) async throws -> FormResult
    ) {
        self.name = name
        self.purpose = purpose
        self.noun = noun
        self.paneKind = paneKind
        self.fields = fields
        self.help = help
        self.load = load
        self.check = check
        self.submit = submit
    }

    public var description: String { name }

    public static func == (lhs: FormAction, rhs: FormAction) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

/// A resource as an edit form starts from it: its values by field name and the ETag of that version.
public struct FormRecord: Sendable, Hashable {
    public var id: String
    public var title: String
    public var values: [String: String]
    public var etag: String?
    /// The row of that version (the list takes it).
    public var row: ConsoleRow?

    public init(id: String, title: String, values: [String: String], etag: String?, row: ConsoleRow?) {
        self.id = id
        self.title = title
        self.values = values
        self.etag = etag
        self.row = row
    }
}

/// What a form sends.
public struct FormSubmission: Sendable, Hashable {
    /// Create: every non-empty value. Edit: the changed values ("" clears a field).
    public var values: [String: String]
    public var context: PaneContext
    /// Edit: the resource.
    public var rowID: String?
    public var ifMatch: String?
    public var idempotencyKey: String?

    public init(
        values: [String: String], context: PaneContext, rowID: String? = nil, ifMatch: String? = nil,
        idempotencyKey: String? = nil
    ) {
        self.values = values
        self.context = context
        self.rowID = rowID
        self.ifMatch = ifMatch
        self.idempotencyKey = idempotencyKey
    }

    public subscript(name: String) -> String? { values[name] }
}

/// What a write answered: the resource's row (its secrets removed) and the one-time secret, if it returned one.
public struct FormResult: Sendable, Hashable {
    public var row: ConsoleRow?
    public var secret: OneTimeSecret?
    /// The field the secret came in ("secret_plain").
    public var secretLabel: String?

    public init(row: ConsoleRow?, secret: OneTimeSecret? = nil, secretLabel: String? = nil) {
        self.row = row
        self.secret = secret
        self.secretLabel = secretLabel
    }

    /// The answer of a create or rotate: the row from the object without its secret fields, and the secret.
    static func revealing<Model: AuthPIModel>(
        _ answer: Versioned<Model>, row: (Versioned<Model>) -> ConsoleRow?
    ) -> FormResult {
        let found = SecretFields.find(in: answer.value.json)
        let clean = Versioned(Model(json: SecretFields.stripped(answer.value.json)), etag: answer.etag)
        return FormResult(row: row(clean), secret: found.map { OneTimeSecret($0.value) }, secretLabel: found?.label)
    }
}
