/// One user session as a typed record: the seed computes its fields once, the session routes change them in place,
/// and reads write them straight to JSON bytes with the keys in sorted order — the bytes the dictionary store wrote
/// (`SessionRecordEncodingTests` and the golden copies hold them to that).
struct SessionRecord: Sendable {
    struct Device: Sendable {
        let type: String
        let os: String
        let browser: String
        let ip: String
        let userAgent: String
    }

    struct Location: Sendable {
        let city: String
        let country: String
        let timezone: String
    }

    /// Creation sequence (the page cursor) and ETag version, set by `EmulatorState.insertSession`.
    var seq = 0
    var version = 1

    let id: String
    let userID: String
    let issuerID: String
    /// `web` or `api`.
    let type: String
    var status: String
    var statusAt: Int
    var statusReason: String?
    var statusBy: String?
    let authenticationMethods: [String]
    let authenticatedAt: Int
    let opSessionID: String
    let device: Device
    let location: Location
    let origin: String
    let ttl: Int
    let idleTimeout: Int
    let lastActivityAt: Int
    let accessTokenIssuedAt: Int
    let refreshTokenIssuedAt: Int
    let refreshCount: Int
    var compromised: Bool
    var compromisedAt: Int?
    var compromisedReason: String?
    var revokedReason: String?
    /// Free-form by nature, so kept as JSON.
    let metadata: [String: JSON]
    let createdAt: Int
    var updatedAt: Int
    let expiresAt: Int
    var revokedAt: Int?
    let clientID: String
    let clientName: String

    var etag: String { Record.etag(id: id, version: version) }

    /// The JSON object, keys in sorted order (the order `JSON.serialized()` writes), in one pass.
    func write(to json: inout JSONWriter) {
        json.raw("{\"access_token_issued_at\":"); json.int(accessTokenIssuedAt)
        json.raw(",\"authentication\":{\"authenticated_at\":"); json.int(authenticatedAt)
        json.raw(",\"methods\":[")
        for (index, method) in authenticationMethods.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(method)
        }
        json.raw("]},\"client\":{\"id\":"); json.string(clientID)
        json.raw(",\"name\":"); json.string(clientName)
        json.raw("},\"compromised\":"); json.bool(compromised)
        json.raw(",\"compromised_at\":"); json.optionalInt(compromisedAt)
        json.raw(",\"compromised_reason\":"); json.optionalString(compromisedReason)
        json.raw(",\"created_at\":"); json.int(createdAt)
        json.raw(",\"device\":{\"browser\":"); json.string(device.browser)
        json.raw(",\"ip\":"); json.string(device.ip)
        json.raw(",\"os\":"); json.string(device.os)
        json.raw(",\"type\":"); json.string(device.type)
        json.raw(",\"user_agent\":"); json.string(device.userAgent)
        json.raw("},\"expires_at\":"); json.int(expiresAt)
        json.raw(",\"id\":"); json.string(id)
        json.raw(",\"idle_timeout\":"); json.int(idleTimeout)
        json.raw(",\"issuer_id\":"); json.string(issuerID)
        json.raw(",\"last_activity_at\":"); json.int(lastActivityAt)
        json.raw(",\"location\":{\"city\":"); json.string(location.city)
        json.raw(",\"country\":"); json.string(location.country)
        json.raw(",\"timezone\":"); json.string(location.timezone)
        json.raw("},\"metadata\":"); json.value(.object(metadata))
        json.raw(",\"op_session_id\":"); json.string(opSessionID)
        json.raw(",\"origin\":"); json.string(origin)
        json.raw(",\"refresh_count\":"); json.int(refreshCount)
        json.raw(",\"refresh_token_issued_at\":"); json.int(refreshTokenIssuedAt)
        json.raw(",\"revoked_at\":"); json.optionalInt(revokedAt)
        json.raw(",\"revoked_reason\":"); json.optionalString(revokedReason)
        json.raw(",\"status\":"); json.string(status)
        json.raw(",\"status_at\":"); json.int(statusAt)
        json.raw(",\"status_by\":"); json.optionalString(statusBy)
        json.raw(",\"status_reason\":"); json.optionalString(statusReason)
        json.raw(",\"ttl\":"); json.int(ttl)
        json.raw(",\"type\":"); json.string(type)
        json.raw(",\"updated_at\":"); json.int(updatedAt)
        json.raw(",\"user_id\":"); json.string(userID)
        json.raw("}")
    }

    /// The JSON bytes of this session alone (single GETs and transition answers).
    var encoded: [UInt8] {
        var json = JSONWriter(capacity: 1_100)
        write(to: &json)
        return json.out
    }
}
