/// Typed body for creating a user. Unknown keys can go in ``extra``.
public struct CreateUserInput: RequestBody {
    public var email: String?
    public var phone: String?
    public var username: String?
    public var displayName: String?
    public var profile: JSONObject?
    public var scopes: [String]?
    public var status: String?
    public var metadata: JSONObject?
    /// Any other field, sent as is.
    public var extra: JSONObject

    public init(
        email: String? = nil, phone: String? = nil, username: String? = nil, displayName: String? = nil,
        profile: JSONObject? = nil, scopes: [String]? = nil, status: String? = nil, metadata: JSONObject? = nil,
        extra: JSONObject = [:]
    ) {
        self.email = email
        self.phone = phone
        self.username = username
        self.displayName = displayName
        self.profile = profile
        self.scopes = scopes
        self.status = status
        self.metadata = metadata
        self.extra = extra
    }

    public func jsonObject() throws -> JSONObject {
        var object = extra
        object["email"] = email.map(JSONValue.string)
        object["phone"] = phone.map(JSONValue.string)
        object["username"] = username.map(JSONValue.string)
        object["display_name"] = displayName.map(JSONValue.string)
        object["profile"] = profile.map(JSONValue.object)
        object["scopes"] = scopes.map(JSONValue.init)
        object["status"] = status.map(JSONValue.string)
        object["metadata"] = metadata.map(JSONValue.object)
        return object
    }
}

/// Typed body for updating a user: only the fields set are sent.
public struct UpdateUserInput: RequestBody {
    public var status: String?
    public var statusReason: String?
    public var profile: JSONObject?
    public var scopes: [String]?
    public var customFields: JSONObject?
    public var metadata: JSONObject?
    public var extra: JSONObject

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
    public var name: String
    public var description: String?
    public var availableScopes: [String]?
    public var status: String?
    public var settings: JSONObject?
    public var metadata: JSONObject?
    public var extra: JSONObject

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

/// Typed body for creating a webhook. Event types are exact names (`user.created`); no wildcards.
public struct CreateWebhookInput: RequestBody {
    public var name: String
    public var url: String
    public var events: [String]
    /// e.g. `["type": "hmac"]`.
    public var auth: JSONObject
    public var description: String?
    public var status: String?
    public var extra: JSONObject

    public init(
        name: String, url: String, events: [String], auth: JSONObject = ["type": "hmac"], description: String? = nil,
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

    public func jsonObject() throws -> JSONObject {
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
