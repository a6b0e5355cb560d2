/// Typed body for creating a user, in the API's shape:
/// `{"username_type": "email", "username": "alice@example.com", "profile": {"first_name": "Alice"}}`.
/// Unknown keys can go in ``extra``.
public struct CreateUserInput: RequestBody {
    /// How the user signs in: `email`, `phone` or `username`.
    public enum UsernameType: String, Sendable, Hashable, CaseIterable {
        /// Signs in with an email address.
        case email
        /// Signs in with a phone number.
        case phone
        /// Signs in with a user name.
        case username
    }

    /// The `username_type` field, sent when set.
    public var usernameType: UsernameType?
    /// The `username` field, sent when set.
    public var username: String?
    /// `first_name`, `last_name`, `display_name`, …
    public var profile: JSONObject?
    /// The `scopes` field, sent when set.
    public var scopes: [String]?
    /// The `status` field, sent when set.
    public var status: String?
    /// The `custom_fields` field, sent when set.
    public var customFields: JSONObject?
    /// The `metadata` field, sent when set.
    public var metadata: JSONObject?
    /// Any other field, sent as is.
    public var extra: JSONObject

    /// The API's own fields.
    public init(
        usernameType: UsernameType, username: String, profile: JSONObject? = nil, scopes: [String]? = nil,
        status: String? = nil, customFields: JSONObject? = nil, metadata: JSONObject? = nil, extra: JSONObject = [:]
    ) {
        self.usernameType = usernameType
        self.username = username
        self.profile = profile
        self.scopes = scopes
        self.status = status
        self.customFields = customFields
        self.metadata = metadata
        self.extra = extra
    }

    /// A user named by exactly one of `email`, `phone` or `username` (which sets ``usernameType``);
    /// `firstName`, `lastName` and `displayName` go into `profile`. Naming none or several is refused when
    /// the body is built, before any request.
    public init(
        email: String? = nil, phone: String? = nil, username: String? = nil, firstName: String? = nil,
        lastName: String? = nil, displayName: String? = nil, profile: JSONObject? = nil, scopes: [String]? = nil,
        status: String? = nil, metadata: JSONObject? = nil, extra: JSONObject = [:]
    ) {
        let candidates: [(UsernameType, String?)] = [(.email, email), (.phone, phone), (.username, username)]
        let names: [(UsernameType, String)] = candidates.compactMap { type, value in value.map { (type, $0) } }
        self.usernameType = names.count == 1 ? names[0].0 : nil
        self.username = names.count == 1 ? names[0].1 : nil
        var merged = profile ?? [:]
        if let firstName { merged["first_name"] = .string(firstName) }
        if let lastName { merged["last_name"] = .string(lastName) }
        if let displayName { merged["display_name"] = .string(displayName) }
        self.profile = merged.isEmpty ? nil : merged
        self.scopes = scopes
        self.status = status
        self.customFields = nil
        self.metadata = metadata
        self.extra = extra
        self.nameCount = names.count
    }

    /// How many of email, phone and username the convenience initializer was given (for the error message).
    private var nameCount = 1

    /// The JSON object sent as the request body.
    public func jsonObject() throws -> JSONObject {
        guard let usernameType, let username else {
            throw AuthPIError.invalidArgument(
                "a user is created with exactly one username: pass one of email, phone or username (got \(nameCount))")
        }
        var object = extra
        object["username_type"] = .string(usernameType.rawValue)
        object["username"] = .string(username)
        object["profile"] = .object(profile ?? [:])
        object["scopes"] = scopes.map(JSONValue.init)
        object["status"] = status.map(JSONValue.string)
        object["custom_fields"] = customFields.map(JSONValue.object)
        object["metadata"] = metadata.map(JSONValue.object)
        return object
    }
}

/// Typed body for updating a user: only the fields set are sent.
public struct UpdateUserInput: RequestBody {
    /// The `status` field, sent when set.
    public var status: String?
    /// The `status_reason` field, sent when set.
    public var statusReason: String?
    /// The `profile` field, sent when set.
    public var profile: JSONObject?
    /// The `scopes` field, sent when set.
    public var scopes: [String]?
    /// The `custom_fields` field, sent when set.
    public var customFields: JSONObject?
    /// The `metadata` field, sent when set.
    public var metadata: JSONObject?
    /// Any other field, sent as is (the typed fields win over a key of the same name).
    public var extra: JSONObject

    /// A body with these fields; those left `nil` are not sent.
    public init(
        status: String? = nil, statusReason: String? = nil, profile: JSONObject? = nil, scopes: [String]? = nil,
        customFields: JSONObject? = nil, metadata: JSONObject? = nil, extra: JSONObject = [:]
    ) {
        self.status = status
        self.statusReason = statusReason
        self.profile = profile
        self.scopes = scopes
        self.customFields = customFields
        self.metadata = metadata
        self.extra = extra
    }

    /// The JSON object sent as the request body.
    public func jsonObject() throws -> JSONObject {
        var object = extra
        object["status"] = status.map(JSONValue.string)
        object["status_reason"] = statusReason.map(JSONValue.string)
        object["profile"] = profile.map(JSONValue.object)
        object["scopes"] = scopes.map(JSONValue.init)
        object["custom_fields"] = customFields.map(JSONValue.object)
        object["metadata"] = metadata.map(JSONValue.object)
        return object
    }
}

/// Typed body for creating an issuer.
public struct CreateIssuerInput: RequestBody {
    /// The `name` field.
    public var name: String
    /// The `description` field, sent when set.
    public var description: String?
    /// The `available_scopes` field, sent when set.
    public var availableScopes: [String]?
    /// The `status` field, sent when set.
    public var status: String?
    /// The `settings` field, sent when set.
    public var settings: JSONObject?
    /// The `metadata` field, sent when set.
    public var metadata: JSONObject?
    /// Any other field, sent as is (the typed fields win over a key of the same name).
    public var extra: JSONObject

    /// A body with these fields; those left `nil` are not sent.
    public init(
        name: String, description: String? = nil, availableScopes: [String]? = nil, status: String? = nil,
        settings: JSONObject? = nil, metadata: JSONObject? = nil, extra: JSONObject = [:]
    ) {
        self.name = name
        self.description = description
        self.availableScopes = availableScopes
        self.status = status
        self.settings = settings
        self.metadata = metadata
        self.extra = extra
    }

    /// The JSON object sent as the request body.
    public func jsonObject() throws -> JSONObject {
        var object = extra
        object["name"] = .string(name)
        object["description"] = description.map(JSONValue.string)
        object["available_scopes"] = availableScopes.map(JSONValue.init)
        object["status"] = status.map(JSONValue.string)
        object["settings"] = settings.map(JSONValue.object)
        object["metadata"] = metadata.map(JSONValue.object)
        return object
    }
}

/// Typed body for creating a webhook, in the API's shape:
/// `{"name", "url", "auth": {"type": "signature"}, "events": ["user.created", …]}`.
/// Event types are exact names (``WebhookEventType``); there are no wildcards.
public struct CreateWebhookInput: RequestBody {
    /// The `name` field.
    public var name: String
    /// The `url` field.
    public var url: String
    /// The `events` field.
    public var events: [String]
    /// `{"type": "signature"}` by default: deliveries are signed with the webhook's secret.
    public var auth: JSONObject
    /// The `description` field, sent when set.
    public var description: String?
    /// The `status` field, sent when set.
    public var status: String?
    /// Any other field, sent as is (the typed fields win over a key of the same name).
    public var extra: JSONObject

    /// A body with these fields; those left `nil` are not sent.
    public init(
        name: String, url: String, events: [WebhookEventType], auth: JSONObject = ["type": "signature"],
        description: String? = nil, status: String? = nil, extra: JSONObject = [:]
    ) {
        self.init(name: name, url: url, events: events.map(\.rawValue), auth: auth, description: description, status: status, extra: extra)
    }

    /// Event types by name, for a name newer than ``WebhookEventType`` (the server checks them).
    public init(
        name: String, url: String, events: [String], auth: JSONObject = ["type": "signature"], description: String? = nil,
        status: String? = nil, extra: JSONObject = [:]
    ) {
        self.name = name
        self.url = url
        self.events = events
        self.auth = auth
        self.description = description
        self.status = status
        self.extra = extra
    }

    /// The JSON object sent as the request body.
    public func jsonObject() throws -> JSONObject {
        if let wildcard = events.first(where: { $0.contains("*") }) {
            throw AuthPIError.invalidArgument("webhook event types are exact names, not patterns: \"\(wildcard)\"")
        }
        var object = extra
        object["name"] = .string(name)
        object["url"] = .string(url)
        object["events"] = JSONValue(events)
        object["auth"] = .object(auth)
        object["description"] = description.map(JSONValue.string)
        object["status"] = status.map(JSONValue.string)
        return object
    }
}
