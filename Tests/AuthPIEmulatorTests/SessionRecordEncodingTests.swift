import Testing
@testable import AuthPIEmulator

/// The typed session writer against the dictionary store it replaced: the same bytes for every seeded shape.
@Suite("Session record encoding")
struct SessionRecordEncodingTests {
    /// Every device, place, status, type and method mix: 16 numbers per user index cover every `index * 16 + number`.
    @Test func seededSessionsWriteTheBytesTheirDictionaryWrites() {
        for issuer in [EmulatorDemo.issuerID, EmulatorDemo.secondIssuerID] {
            let users = Seed.virtualUsers(issuer: issuer, count: 1_000)
            for index in 0..<200 {
                for number in 0..<16 {
                    let id = Seed.sessionID(userIndex: index, number: number, tag: Seed.issuerTags[issuer] ?? "x")
                    let user = users.id(at: index)
                    let typed = SessionRecord(seededID: id, user: user, issuer: issuer, index: index, number: number, base: Seed.t0).encoded
                    let expected = JSON.object(LegacySessionModel.session(id: id, user: user, issuer: issuer, index: index, number: number, base: Seed.t0)).serialized()
                    #expect(typed == expected, "session \(number) of user \(index): \(String(decoding: typed, as: UTF8.self))")
                    if typed != expected { return }
                }
            }
        }
    }

    /// Fields the seed never sets (a compromise time, non-ASCII reasons, metadata) still write what the dictionary would.
    @Test func changedFieldsWriteTheBytesTheirDictionaryWrites() {
        var session = SessionRecord(seededID: "ses_x", user: "usr_x", issuer: "i_x", index: 3, number: 1, base: Seed.t0)
        var object = LegacySessionModel.session(id: "ses_x", user: "usr_x", issuer: "i_x", index: 3, number: 1, base: Seed.t0)
        session.compromised = true
        session.compromisedAt = 1_800_000_000
        session.compromisedReason = "Phished — \"東京\"\n\u{1}"
        session.revokedAt = -5
        session.revokedReason = ""
        session.statusReason = nil
        session.statusBy = "usr_ü"
        object["compromised"] = true
        object["compromised_at"] = 1_800_000_000
        object["compromised_reason"] = "Phished — \"東京\"\n\u{1}"
        object["revoked_at"] = -5
        object["revoked_reason"] = ""
        object["status_reason"] = .null
        object["status_by"] = "usr_ü"
        #expect(session.encoded == JSON.object(object).serialized())
    }
}
