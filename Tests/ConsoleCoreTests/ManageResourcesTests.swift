import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing
@testable import ConsoleCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Issue 13 item 2: what was listed but dead-ended is managed — an organization's members, groups, invitations and
/// API keys, the account's API keys, an agent's verifiers, and the actions on clients, webhooks, invitations,
/// API keys, members, groups and verifiers. Each over real HTTP against the in-process emulator: the request sent
/// (with If-Match where the contract takes it), what the server then holds, the changed-since-shown dialog on a
/// 412, and read-only mode refusing before any request.
@MainActor
@Suite("Managing organizations, API keys, webhooks, clients and verifiers", .serialized)
struct ManageResourcesTests {
    // MARK: Navigation

    @Test func anOrganizationOpensItsMembersAndTabCyclesItsFourPanes() async throws {
        try await withHarness { h in
            try await openOrganizations(h)
            #expect(h.select(EmulatorDemo.organizationID))
            let organizationName = try #require(h.store.state.current?.selectedRow?.title)
            h.store.send(.open)
            #expect(await h.waitForRows(.members))
            #expect(h.store.state.current?.context.organizationID == EmulatorDemo.organizationID)
            #expect((h.store.state.current?.rowCount ?? 0) > 0)
            #expect(h.store.state.breadcrumb.contains(organizationName))
            #expect(h.store.state.breadcrumbText.contains("Organizations › \(organizationName) › Members ("))

            var visited: [PaneKind] = [.members]
            for _ in 0..<4 {
                h.store.send(.nextSibling)
                let kind = try #require(h.store.state.current?.kind)
                #expect(await h.waitForRows(kind))
                #expect((h.store.state.current?.rowCount ?? 0) > 0, "\(kind) shows nothing on --demo")
                #expect(h.store.state.current?.context.organizationID == EmulatorDemo.organizationID)
                visited.append(kind)
            }
            #expect(visited == [.members, .groups, .invitations, .organizationAPIKeys, .members])
            h.store.send(.previousSibling)
            #expect(h.store.state.current?.kind == .organizationAPIKeys)
            #expect(h.store.state.breadcrumbText.contains("\(organizationName) › Organization API keys"))

            // Each list was read under the organization's path.
            let paths = try await h.requests().map(\.path)
            for child in ["members", "groups", "invitations", "api-keys"] {
                #expect(paths.contains { $0.hasSuffix("/organizations/\(EmulatorDemo.organizationID)/\(child)") }, "\(child)")
            }

            // Back: the organizations, with the organization still selected.
            h.store.send(.back)
            #expect(h.store.state.current?.kind == .organizations)
            #expect(h.store.state.current?.selectedRow?.id == EmulatorDemo.organizationID)
        }
    }

    @Test func anAgentOpensItsVerifiersWithoutTheirCredential() async throws {
        try await withHarness { h in
            try await openAgentVerifiers(h)
            let row = try #require(h.store.state.current?.selectedRow)
            #expect(row.id.hasPrefix("avf_"))
            #expect(h.store.state.breadcrumbText.contains("Agents › Support Assistant › Agent verifiers ("))
            // The credential (its hint included) is left out of describe.
            #expect(!row.detailJSON.contains("credential"))
            #expect(row.detailJSON.contains(row.id))
        }
    }

    @Test func thePaletteOpensTheAccountsAPIKeysInSeveralStatuses() async throws {
        try await withHarness { h in
            try await openAccountAPIKeys(h)
            let pane = try #require(h.store.state.current)
            let statuses = Set((0..<pane.rowCount).compactMap { pane.row(at: $0)?.status })
            #expect(statuses.isSuperset(of: ["active", "blocked", "revoked"]))
            #expect(h.store.state.breadcrumbText.hasPrefix("API keys ("))
        }
    }

    // MARK: API keys

    @Test func blockSendsIfMatchAndTheRowShowsTheServersAnswer() async throws {
        try await withHarness { h in
            try await openAccountAPIKeys(h)
            let keyID = try activeKey(h)
            #expect(h.select(keyID))
            h.store.send(.action(.block))
            guard case .confirm(let confirmation) = h.store.state.dialog else {
                Issue.record("block did not ask first")
                return
            }
            #expect(confirmation.message.hasPrefix("Block API key "))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [keyID] })
            #expect(h.store.state.current?.selectedRow?.status == "blocked")
            let block = try #require(try await requestLog(h).last { ($0["path"] as? String)?.hasSuffix("/\(keyID)/block") == true })
            #expect((block["method"] as? String) == "POST")
            #expect((block["status"] as? Int) == 200)
            #expect(ifMatch(of: block) != nil)
            let other = try h.otherClient()
            #expect(try await other.apiKeys.get(keyID).value.status == "blocked")
        }
    }

    @Test func unblockAfterAChangeBehindTheConsolesBackIsA412AndAsks() async throws {
        try await withHarness { h in
            try await openAccountAPIKeys(h)
            let keyID = try activeKey(h)
            #expect(h.select(keyID))
            h.store.send(.action(.block))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [keyID] })
            // The blocked row now carries the ETag of the answer; another administrator renames the key.
            #expect(h.store.state.current?.selectedRow?.etag != nil)
            let other = try h.otherClient()
            _ = try await other.apiKeys.update(keyID, ["name": "Renamed elsewhere"])

            h.store.send(.action(.unblock))
            h.store.send(.confirm)
            guard await h.store.waitUntil({ if case .actionConflict = $0.dialog { true } else { false } }),
                case .actionConflict(let conflict) = h.store.state.dialog
            else {
                Issue.record("no changed-since-shown dialog; dialog: \(String(describing: h.store.state.dialog))")
                return
            }
            #expect(conflict.lines.first?.contains("→ Renamed elsewhere") == true)
            let unblocks = try await requestLog(h).filter { ($0["path"] as? String)?.hasSuffix("/\(keyID)/unblock") == true }
            #expect(unblocks.count == 1)
            #expect((unblocks.first?["status"] as? Int) == 412)
            #expect(ifMatch(of: unblocks.first) != nil)
            #expect(try await other.apiKeys.get(keyID).value.status == "blocked")

            // y: unblock anyway, conditional on the version the dialog showed.
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [keyID] && $0.dialog == nil })
            #expect(try await other.apiKeys.get(keyID).value.status == "active")
            let last = try await requestLog(h).last { ($0["path"] as? String)?.hasSuffix("/\(keyID)/unblock") == true }
            #expect((last?["status"] as? Int) == 200)
            #expect(ifMatch(of: last) != nil)
        }
    }

    @Test func revokeActsOnEveryMarkedKeyAndDeleteRemovesTheRow() async throws {
        try await withHarness { h in
            try await openAccountAPIKeys(h)
            let pane = try #require(h.store.state.current)
            let candidates = (0..<pane.rowCount).compactMap { pane.row(at: $0) }
                .filter { $0.id != EmulatorDemo.apiKeyID && ($0.status == "active" || $0.status == "blocked") }
                .map(\.id)
            #expect(candidates.count >= 2)
            for id in candidates.prefix(2) {
                #expect(h.select(id))
                h.store.send(.toggleMark)
            }
            h.store.send(.action(.revoke))
            guard case .confirm(let confirmation) = h.store.state.dialog else {
                Issue.record("revoke did not ask first")
                return
            }
            #expect(confirmation.message == "Revoke 2 marked API keys?")
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded.count == 2 })
            let other = try h.otherClient()
            for id in candidates.prefix(2) {
                #expect(try await other.apiKeys.get(id).value.status == "revoked")
            }

            let deleted = candidates[0]
            #expect(h.select(deleted))
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [deleted] })
            #expect(h.store.state.current?.list.index(ofID: deleted) == nil)
            let delete = try await requestLog(h).last { ($0["method"] as? String) == "DELETE" }
            #expect((delete?["status"] as? Int) == 204 || (delete?["status"] as? Int) == 200)
            #expect(ifMatch(of: delete) != nil)
            await #expect(throws: AuthPIError.self) { try await other.apiKeys.get(deleted) }
        }
    }

    // MARK: Webhooks

    @Test func disableAndEnablePatchTheStatusWithIfMatchAndDeleteRemovesTheWebhook() async throws {
        try await withHarness { h in
            h.store.send(.jump(.webhooks))
            #expect(await h.waitForRows(.webhooks))
            let webhookID = EmulatorDemo.webhookWithDeliveriesID
            #expect(h.select(webhookID))
            h.store.send(.action(.disable))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [webhookID] })
            #expect(h.store.state.current?.selectedRow?.status == "disabled")
            let other = try h.otherClient()
            #expect(try await other.webhooks.get(webhookID).value.status == "disabled")
            var patch = try await requestLog(h).last { ($0["method"] as? String) == "PATCH" }
            #expect((patch?["path"] as? String)?.hasSuffix("/webhooks/\(webhookID)") == true)
            #expect(ifMatch(of: patch) != nil)

            h.store.send(.action(.enable))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [webhookID] && $0.current?.selectedRow?.status == "active" })
            #expect(try await other.webhooks.get(webhookID).value.status == "active")
            patch = try await requestLog(h).last { ($0["method"] as? String) == "PATCH" }
            #expect(ifMatch(of: patch) != nil)

            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.current?.list.index(ofID: webhookID) == nil })
            let delete = try await requestLog(h).last { ($0["method"] as? String) == "DELETE" }
            #expect(ifMatch(of: delete) != nil)
            await #expect(throws: AuthPIError.self) { try await other.webhooks.get(webhookID) }
        }
    }

    @Test func disablingAWebhookChangedMeanwhileAsksFirstAndSendsNothing() async throws {
        try await withHarness { h in
            h.store.send(.jump(.webhooks))
            #expect(await h.waitForRows(.webhooks))
            let webhookID = EmulatorDemo.webhookWithDeliveriesID
            #expect(h.select(webhookID))
            let other = try h.otherClient()
            _ = try await other.webhooks.update(webhookID, ["name": "Renamed elsewhere"])
            h.store.send(.action(.disable))
            h.store.send(.confirm)
            guard await h.store.waitUntil({ if case .actionConflict = $0.dialog { true } else { false } }),
                case .actionConflict(let conflict) = h.store.state.dialog
            else {
                Issue.record("no changed-since-shown dialog")
                return
            }
            #expect(conflict.lines.first?.contains("NAME Primary → Renamed elsewhere") == true)
            // The console's only PATCH would have been the disable: none was sent.
            let patches = try await requestLog(h).filter { ($0["method"] as? String) == "PATCH" }
            #expect(patches.count == 1)
            #expect(try await other.webhooks.get(webhookID).value.status == "active")
            h.store.send(.cancelDialog)
            #expect(h.store.state.dialog == nil)
        }
    }

    // MARK: Organization children

    @Test func invitationsAreRevokedInBulkAndResent() async throws {
        try await withHarness { h in
            try await openOrganizationPane(.invitations, h)
            let pane = try #require(h.store.state.current)
            let pending = (0..<pane.rowCount).compactMap { pane.row(at: $0) }.filter { $0.status == "pending" }.map(\.id)
            #expect(pending.count >= 2)
            let organization = try h.otherClient().issuer(EmulatorDemo.issuerID).organization(EmulatorDemo.organizationID)

            #expect(h.select(pending[0]))
            h.store.send(.action(.resend))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [pending[0]] })
            let resend = try await requestLog(h).last { ($0["path"] as? String)?.hasSuffix("/\(pending[0])/resend") == true }
            #expect((resend?["status"] as? Int) == 200)
            #expect(ifMatch(of: resend) != nil)
            #expect(h.store.state.current?.list.index(ofID: pending[0]) != nil, "a resent invitation stays listed")
            #expect(try await organization.invitations.get(pending[0]).value.lastEmailSentAt != nil)

            for id in pending.prefix(2) {
                #expect(h.select(id))
                h.store.send(.toggleMark)
            }
            h.store.send(.action(.revoke))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded.count == 2 })
            for id in pending.prefix(2) {
                #expect(try await organization.invitations.get(id).value.status == "revoked")
                let row = h.store.state.current?.list.index(ofID: id).flatMap { h.store.state.current?.list.row(at: $0) }
                #expect(row?.status == "revoked")
            }
        }
    }

    @Test func membersAreRemovedAndAGroupIsDeletedConditionally() async throws {
        try await withHarness { h in
            try await openOrganizationPane(.members, h)
            let pane = try #require(h.store.state.current)
            let members = (0..<min(2, pane.rowCount)).compactMap { pane.row(at: $0)?.id }
            #expect(members.count == 2)
            for id in members {
                #expect(h.select(id))
                h.store.send(.toggleMark)
            }
            h.store.send(.action(.delete))
            guard case .confirm(let confirmation) = h.store.state.dialog else {
                Issue.record("remove did not ask first")
                return
            }
            #expect(confirmation.message == "Remove 2 marked members?")
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded.count == 2 })
            for id in members { #expect(h.store.state.current?.list.index(ofID: id) == nil) }
            let organization = try h.otherClient().issuer(EmulatorDemo.issuerID).organization(EmulatorDemo.organizationID)
            let left = try await organization.members.list().data.compactMap(\.memberID)
            #expect(Set(left).isDisjoint(with: members))

            h.store.send(.nextSibling)
            #expect(await h.waitForRows(.groups))
            let groupID = try #require(h.store.state.current?.selectedRow?.id)
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [groupID] })
            let delete = try await requestLog(h).last { ($0["method"] as? String) == "DELETE" }
            #expect((delete?["path"] as? String)?.hasSuffix("/groups/\(groupID)") == true)
            #expect(ifMatch(of: delete) != nil)
            await #expect(throws: AuthPIError.self) { try await organization.groups.get(groupID) }
        }
    }

    // MARK: Clients and verifiers

    @Test func aClientAndAUsersVerifierAreDeletedWithIfMatch() async throws {
        try await withHarness { h in
            h.store.start()
            #expect(await h.waitForRows(.issuers))
            #expect(h.select(EmulatorDemo.issuerID))
            h.store.send(.nextSibling)
            #expect(await h.waitForRows(.clients))
            #expect(h.select(EmulatorDemo.clientID))
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [EmulatorDemo.clientID] })
            var delete = try await requestLog(h).last { ($0["method"] as? String) == "DELETE" }
            #expect((delete?["path"] as? String)?.hasSuffix("/clients/\(EmulatorDemo.clientID)") == true)
            #expect(ifMatch(of: delete) != nil)
            let issuer = try h.otherClient().issuer(EmulatorDemo.issuerID)
            await #expect(throws: AuthPIError.self) { try await issuer.clients.get(EmulatorDemo.clientID) }

            h.store.send(.jump(.issuers))
            try await h.openUserList(.verifiers, of: EmulatorDemo.userWithSessionsID)
            let verifierID = try #require(h.store.state.current?.selectedRow?.id)
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [verifierID] })
            delete = try await requestLog(h).last { ($0["method"] as? String) == "DELETE" }
            #expect((delete?["path"] as? String)?.hasSuffix("/verifiers/\(verifierID)") == true)
            #expect(ifMatch(of: delete) != nil)
            #expect(h.store.state.current?.list.index(ofID: verifierID) == nil)
        }
    }

    @Test func anAgentsVerifierIsDeleted() async throws {
        try await withHarness { h in
            try await openAgentVerifiers(h)
            let verifierID = try #require(h.store.state.current?.selectedRow?.id)
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [verifierID] })
            let delete = try await requestLog(h).last { ($0["method"] as? String) == "DELETE" }
            #expect((delete?["path"] as? String)?.hasSuffix("/agents/\(EmulatorDemo.agentID)/verifiers/\(verifierID)") == true)
            let left = try await h.otherClient().issuer(EmulatorDemo.issuerID).agent(EmulatorDemo.agentID).verifiers.list()
            #expect(!left.data.contains { $0.id == verifierID })
        }
    }

    // MARK: Read-only

    /// `--read-only`: every new action is refused with a banner before any request: the emulator's log holds no
    /// request but reads.
    @Test func readOnlyRefusesEveryNewActionWithoutARequest() async throws {
        try await withHarness(readOnly: true) { h in
            var refused: [String] = []
            @MainActor func tryEvery(_ keys: [ActionKey]) {
                for key in keys {
                    h.store.send(.action(key))
                    if h.store.state.banner?.kind == .readOnly, h.store.state.dialog == nil {
                        refused.append("\(h.store.state.current?.kind.rawValue ?? "?"):\(key.rawValue)")
                    }
                }
            }
            try await openAccountAPIKeys(h)
            tryEvery([.block, .unblock, .revoke, .delete])
            h.store.send(.jump(.webhooks))
            #expect(await h.waitForRows(.webhooks))
            tryEvery([.enable, .disable, .delete])
            try await openOrganizationPane(.members, h)
            tryEvery([.delete])
            h.store.send(.nextSibling)
            #expect(await h.waitForRows(.groups))
            tryEvery([.delete])
            h.store.send(.nextSibling)
            #expect(await h.waitForRows(.invitations))
            tryEvery([.resend, .revoke])
            h.store.send(.jump(.issuers))
            #expect(await h.waitForRows(.issuers))
            h.store.send(.nextSibling)
            #expect(await h.waitForRows(.clients))
            tryEvery([.delete])
            h.store.send(.nextSibling)
            #expect(await h.waitForRows(.agents))
            h.store.send(.open)
            #expect(await h.waitForRows(.agentVerifiers))
            tryEvery([.delete])
            h.store.send(.jump(.issuers))
            #expect(await h.waitForRows(.issuers))
            try await h.openUserList(.verifiers, of: EmulatorDemo.userWithSessionsID)
            tryEvery([.delete, .rotate])  // R regenerates backup codes there
            #expect(refused == [
                "apiKeys:block", "apiKeys:unblock", "apiKeys:revoke", "apiKeys:delete", "webhooks:enable",
                "webhooks:disable", "webhooks:delete", "members:delete", "groups:delete", "invitations:resend",
                "invitations:revoke", "clients:delete", "agentVerifiers:delete", "verifiers:delete", "verifiers:rotate",
            ])
            await h.store.settle()
            let writes = try await h.requests().filter { $0.method != "GET" }
            #expect(writes.isEmpty, "read-only sent \(writes.map { "\($0.method) \($0.path)" })")
        }
    }

    // MARK: - Helpers

    private func openOrganizations(_ h: Harness) async throws {
        h.store.start()
        guard await h.waitForRows(.issuers), h.select(EmulatorDemo.issuerID) else { throw HarnessError("no issuer") }
        h.store.send(.previousSibling)
        guard await h.waitForRows(.organizations) else { throw HarnessError("organizations did not load") }
    }

    /// Organizations → the demo organization → Tab until `kind`.
    private func openOrganizationPane(_ kind: PaneKind, _ h: Harness) async throws {
        if h.store.state.current == nil || h.store.state.current?.kind != .organizations {
            if h.store.state.stack.isEmpty { try await openOrganizations(h) } else {
                h.store.send(.jump(.issuers))
                guard await h.waitForRows(.issuers), h.select(EmulatorDemo.issuerID) else { throw HarnessError("no issuer") }
                h.store.send(.previousSibling)
                guard await h.waitForRows(.organizations) else { throw HarnessError("organizations did not load") }
            }
        }
        guard h.select(EmulatorDemo.organizationID) else { throw HarnessError("no organization") }
        h.store.send(.open)
        for _ in 0..<4 where h.store.state.current?.kind != kind { h.store.send(.nextSibling) }
        guard await h.waitForRows(kind) else { throw HarnessError("\(kind) did not load") }
    }

    private func openAgentVerifiers(_ h: Harness) async throws {
        h.store.start()
        guard await h.waitForRows(.issuers), h.select(EmulatorDemo.issuerID) else { throw HarnessError("no issuer") }
        h.store.send(.nextSibling)
        h.store.send(.nextSibling)
        guard await h.waitForRows(.agents), h.select(EmulatorDemo.agentID) else { throw HarnessError("no agent") }
        h.store.send(.open)
        guard await h.waitForRows(.agentVerifiers), (h.store.state.current?.rowCount ?? 0) > 0 else {
            throw HarnessError("the agent's verifiers did not load")
        }
    }

    private func openAccountAPIKeys(_ h: Harness) async throws {
        h.store.send(.jump(.apiKeys))
        guard await h.waitForRows(.apiKeys) else { throw HarnessError("API keys did not load") }
    }

    /// An active key that is not the demo credential (which the emulator protects).
    private func activeKey(_ h: Harness) throws -> String {
        let pane = try #require(h.store.state.current)
        let row = (0..<pane.rowCount).compactMap { pane.row(at: $0) }.first {
            $0.status == "active" && $0.id != EmulatorDemo.apiKeyID
        }
        return try #require(row?.id)
    }

    private func ifMatch(of entry: [String: Any]?) -> String? {
        let headers = entry?["headers"] as? [String: String] ?? [:]
        return headers.first { $0.key.lowercased() == "if-match" }?.value
    }

    /// The emulator's request log, with headers (credentials redacted by the emulator).
    private func requestLog(_ h: Harness) async throws -> [[String: Any]] {
        let data = try await emulatorControl(h.emulator, "GET", "/_emulator/requests?limit=500")
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (object?["data"] as? [[String: Any]] ?? []).filter {
            !(($0["path"] as? String) ?? "").hasPrefix("/_emulator")
        }
    }
}
