import Foundation
import Testing
@testable import AuthPIEmulator

/// `key_multi` is the demo credential whose identity may act on two accounts (the console's account picker case).
@Suite("Multi-account demo key")
struct MultiAccountKeyTests {
    static let multiKey = "Basic " + Data("\(EmulatorDemo.multiAccountKeyID):\(EmulatorDemo.multiAccountKeySecret)".utf8).base64EncodedString()

    @Test(arguments: EmulatorSeed.allCases)
    func meListsBothAccounts(seed: EmulatorSeed) async throws {
        try await withTestEmulator(.init(seed: seed)) { demo in
            var client = demo
            client.authorization = Self.multiKey
            let me = try await client.get("/v1/me")
            #expect(me.status == 200)
            #expect(me.data?["key_id"]?.stringValue == EmulatorDemo.multiAccountKeyID)
            let accounts = me.data?["accounts"]?.arrayValue?.compactMap { $0["account_id"]?.stringValue }
            #expect(accounts == [EmulatorDemo.accountID, EmulatorDemo.otherAccountID])
        }
    }

    @Test func actsOnEitherAccount() async throws {
        try await withTestEmulator { demo in
            var client = demo
            client.authorization = Self.multiKey
            for account in [EmulatorDemo.accountID, EmulatorDemo.otherAccountID] {
                let issuers = try await client.get("/v1/accounts/\(account)/issuers")
                #expect(issuers.status == 200, "\(account)")
                #expect(try await client.get("/v1/accounts/\(account)").status == 200, "\(account)")
            }
            let listed = try await client.get("/v1/accounts")
            #expect(Set(listed.data?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []) == [EmulatorDemo.accountID, EmulatorDemo.otherAccountID])
            let stranger = try await client.get("/v1/accounts/acc_nobody/issuers")
            #expect(stranger.status == 403)
        }
    }

    @Test func theSingleAccountDemoKeyStillActsOnItsAccountOnly() async throws {
        try await withTestEmulator { client in
            let me = try await client.get("/v1/me")
            #expect(me.data?["accounts"]?.arrayValue?.compactMap { $0["account_id"]?.stringValue } == [EmulatorDemo.accountID])
            #expect(try await client.get("/v1/accounts/\(EmulatorDemo.accountID)/issuers").status == 200)
            let other = try await client.get("/v1/accounts/\(EmulatorDemo.otherAccountID)/issuers")
            #expect(other.status == 403)
            #expect(other.errorCode == "forbidden")
        }
    }
}
