public import Foundation

/// A webhook (`GET {acct}/webhooks/{id}`; list items carry `auth_type` instead of `auth`).
public struct Webhook: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `account_id` field; `nil` when absent or of another type.
    public var accountID: String? { string("account_id") }
    /// The `name` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    /// The `description` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var descriptionText: String? { get { string("description") } set { set("description", newValue) } }
    /// The `url` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var url: String? { get { string("url") } set { set("url", newValue) } }
    /// The `status` field; `nil` when absent or of another type. Settable, to edit the model and send it back.
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    /// The `auth` field; `nil` when absent or of another type.
    public var auth: JSONObject? { object("auth") }
    /// `auth.type`, or `auth_type` on list items.
    public var authType: String? { auth?["type"]?.stringValue ?? string("auth_type") }
    /// The `events` field. Settable, to edit the model and send it back.
    public var events: [String] { get { strings("events") ?? [] } set { set("events", newValue) } }
    /// The `retry` field; `nil` when absent or of another type.
    public var retry: JSONObject? { object("retry") }
    /// The `circuit_breaker` field; `nil` when absent or of another type.
    public var circuitBreaker: JSONObject? { object("circuit_breaker") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
    /// The `updated_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var updatedAt: Date? { date("updated_at") }
}

/// One delivery of an event to a webhook. Redelivery answers with the delivery plus ``success``.
public struct Delivery: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `webhook_id` field; `nil` when absent or of another type.
    public var webhookID: String? { string("webhook_id") }
    /// The `event_id` field; `nil` when absent or of another type.
    public var eventID: String? { string("event_id") }
    /// The `event_type` field; `nil` when absent or of another type.
    public var eventType: String? { string("event_type") }
    /// The `status` field; `nil` when absent or of another type.
    public var status: String? { string("status") }
    /// The `attempt_count` field; `nil` when absent or of another type.
    public var attemptCount: Int? { int("attempt_count") }
    /// The `first_attempted_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var firstAttemptedAt: Date? { date("first_attempted_at") }
    /// The `last_attempted_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var lastAttemptedAt: Date? { date("last_attempted_at") }
    /// The `next_attempt_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var nextAttemptAt: Date? { date("next_attempt_at") }
    /// The `last_error` field; `nil` when absent or of another type.
    public var lastError: String? { string("last_error") }
    /// The `last_response_status` field; `nil` when absent or of another type.
    public var lastResponseStatus: Int? { int("last_response_status") }
    /// Set on a redelivery's answer: whether this attempt succeeded.
    public var success: Bool? { bool("success") }
    /// The `created_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var createdAt: Date? { date("created_at") }
    /// The `updated_at` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var updatedAt: Date? { date("updated_at") }
}

/// An audit event, e.g. `user.updated`, `session.terminated`.
public struct Event: AuthPIModel {
    /// The whole JSON object as read, fields this client does not know included.
    public var json: JSONObject
    /// Wraps a JSON object as read from the API (or built by hand).
    public init(json: JSONObject) { self.json = json }
    /// The keys a 2xx body must hold to be read as this model.
    public static var requiredKeys: [String] { ["id"] }

    /// The `id` field.
    public var id: String { string("id") ?? "" }
    /// The `spec` field; `nil` when absent or of another type.
    public var spec: String? { string("spec") }
    /// The `type` field; `nil` when absent or of another type.
    public var type: String? { string("type") }
    /// The `source` field; `nil` when absent or of another type.
    public var source: String? { string("source") }
    /// The `trigger` field; `nil` when absent or of another type.
    public var trigger: String? { string("trigger") }
    /// The `subject` field; `nil` when absent or of another type.
    public var subject: JSONObject? { object("subject") }
    /// The `timestamp` field, a date (the API sends Unix seconds); `nil` when absent or of another type.
    public var timestamp: Date? { date("timestamp") }
    /// The `data` field; `nil` when absent or of another type.
    public var data: JSONObject? { object("data") }
}
