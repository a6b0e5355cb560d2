public import Foundation

/// A webhook (`GET {acct}/webhooks/{id}`; list items carry `auth_type` instead of `auth`).
public struct Webhook: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var accountID: String? { string("account_id") }
    public var name: String? { get { string("name") } set { set("name", newValue) } }
    public var descriptionText: String? { get { string("description") } set { set("description", newValue) } }
    public var url: String? { get { string("url") } set { set("url", newValue) } }
    public var status: String? { get { string("status") } set { set("status", newValue) } }
    public var auth: JSONObject? { object("auth") }
    /// `auth.type`, or `auth_type` on list items.
    public var authType: String? { auth?["type"]?.stringValue ?? string("auth_type") }
    public var events: [String] { get { strings("events") ?? [] } set { set("events", newValue) } }
    public var retry: JSONObject? { object("retry") }
    public var circuitBreaker: JSONObject? { object("circuit_breaker") }
    public var createdAt: Date? { date("created_at") }
    public var updatedAt: Date? { date("updated_at") }
}

/// One delivery of an event to a webhook. Redelivery answers with the delivery plus ``success``.
public struct Delivery: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var webhookID: String? { string("webhook_id") }
    public var eventID: String? { string("event_id") }
    public var eventType: String? { string("event_type") }
    public var status: String? { string("status") }
    public var attemptCount: Int? { int("attempt_count") }
    public var firstAttemptedAt: Date? { date("first_attempted_at") }
    public var lastAttemptedAt: Date? { date("last_attempted_at") }
    public var nextAttemptAt: Date? { date("next_attempt_at") }
    public var lastError: String? { string("last_error") }
    public var lastResponseStatus: Int? { int("last_response_status") }
    /// Set on a redelivery's answer: whether this attempt succeeded.
    public var success: Bool? { bool("success") }
    public var createdAt: Date? { date("created_at") }
    public var updatedAt: Date? { date("updated_at") }
}

/// An audit event, e.g. `user.updated`, `session.terminated`.
public struct Event: AuthPIModel {
    public var json: JSONObject
    public init(json: JSONObject) { self.json = json }
    public static var requiredKeys: [String] { ["id"] }

    public var id: String { string("id") ?? "" }
    public var spec: String? { string("spec") }
    public var type: String? { string("type") }
    public var source: String? { string("source") }
    public var trigger: String? { string("trigger") }
    public var subject: JSONObject? { object("subject") }
    public var timestamp: Date? { date("timestamp") }
    public var data: JSONObject? { object("data") }
}
