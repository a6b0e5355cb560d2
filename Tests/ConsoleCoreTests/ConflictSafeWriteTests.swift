import AuthPIAdmin
import AuthPIEmulator
import Foundation
import Testing
@testable import ConsoleCore
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Every write the console makes is conditional on the version the user saw, and never undoes what another
/// writer changed meanwhile: overwrite, merge, delete and the session / token actions, each against a second
/// client changing the same resource over real HTTP.
@MainActor
@Suite("Conflict-safe writes against the emulator", .serialized)
struct ConflictSafeWriteTests {
    // MARK: Overwrite and merge (issue 11 item 3)

    @Test func overwriteSendsOnlyMyFieldsAndKeepsTheirs() async throws {
        try await withHarness() { h in
            let userID = EmulatorDemo.userWithSessionsID
            let form = try await openEditForm(h, user: userID)
            let other = try h.otherClient()
            // They change the last name and the status; I change the first name and the display name, which they
            // change too.
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(
                ["profile": ["last_name": "Theirs", "display_name": "Their Display"], "status": "blocked"])
            h.store.send(.setField(.firstName, "MyFirst"))
            h.store.send(.setField(.displayName, "My Display"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .conflict = $0.dialog { true } else { false } })
            h.store.send(.resolveConflict(.overwrite))
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })

            let server = try await other.issuer(EmulatorDemo.issuerID).user(userID).get()
            let profile = server.value.json["profile"]?.objectValue
            #expect(profile?["first_name"]?.stringValue == "MyFirst")
            #expect(profile?["display_name"]?.stringValue == "My Display")
            // Theirs only: untouched by the overwrite.
            #expect(profile?["last_name"]?.stringValue == "Theirs")
            #expect(server.value.json["status"]?.stringValue == "blocked")
            #expect(form.base.lastName != "Theirs")

            // The overwrite was conditional on their version, and its body held only my two fields.
            let patches = try await requestLog(h).filter { ($0["method"] as? String) == "PATCH" }
            let overwrite = try #require(patches.last)
            let headers = overwrite["headers"] as? [String: String] ?? [:]
            #expect(headers.first { $0.key.lowercased() == "if-match" }?.value.isEmpty == false)
            #expect((overwrite["status"] as? Int) == 200)
        }
    }

    @Test func overwriteMeetingANewerChangeIsAConflictAgain() async throws {
        try await withHarness() { h in
            let userID = EmulatorDemo.userWithSessionsID
            _ = try await openEditForm(h, user: userID)
            let other = try h.otherClient()
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(["profile": ["last_name": "Theirs"]])
            h.store.send(.setField(.firstName, "MyFirst"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .conflict = $0.dialog { true } else { false } })
            // A third change lands while the conflict dialog is open.
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(["profile": ["first_name": "Newest"]])
            h.store.send(.resolveConflict(.overwrite))
            #expect(await h.store.waitUntil {
                if case .conflict(let conflict) = $0.dialog { conflict.theirs.firstName == "Newest" && !conflict.isWorking }
                else { false }
            })
            let server = try await other.issuer(EmulatorDemo.issuerID).user(userID).get()
            #expect(server.value.json["profile"]?.objectValue?["first_name"]?.stringValue == "Newest")
            #expect(server.value.json["profile"]?.objectValue?["last_name"]?.stringValue == "Theirs")
        }
    }

    @Test func mergeKeepsTheirsOnFieldsBothChangedAndHighlightsThem() async throws {
        try await withHarness() { h in
            let userID = EmulatorDemo.userWithSessionsID
            _ = try await openEditForm(h, user: userID)
            let other = try h.otherClient()
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(
                ["profile": ["display_name": "Their Display", "last_name": "Theirs"]])
            h.store.send(.setField(.displayName, "My Display"))
            h.store.send(.setField(.firstName, "MyFirst"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { if case .conflict = $0.dialog { true } else { false } })
            let patchesBeforeMerge = try await requestLog(h).filter { ($0["method"] as? String) == "PATCH" }.count
            h.store.send(.resolveConflict(.merge))
            guard case .edit(let merged) = h.store.state.dialog else {
                Issue.record("merge did not return to the form")
                return
            }
            // Mine where only I changed; theirs where only they changed and where both did — highlighted there,
            // with what I had typed, and the cursor on it.
            #expect(merged.values.firstName == "MyFirst")
            #expect(merged.values.lastName == "Theirs")
            #expect(merged.values.displayName == "Their Display")
            #expect(merged.keptTheirs == [.displayName: "My Display"])
            #expect(merged.focus == .displayName)
            #expect(h.store.state.banner?.title.contains("Kept theirs on 1 field") == true)
            // Nothing was written by the merge itself.
            let patches = try await requestLog(h).filter { ($0["method"] as? String) == "PATCH" }
            #expect(patches.count == patchesBeforeMerge)
            // I decide: mine on the highlighted field, then save (conditional on their version).
            h.store.send(.setField(.displayName, "My Display"))
            h.store.send(.save)
            #expect(await h.store.waitUntil { $0.dialog == nil && $0.banner?.kind == .success })
            let server = try await other.issuer(EmulatorDemo.issuerID).user(userID).get()
            let profile = server.value.json["profile"]?.objectValue
            #expect(profile?["display_name"]?.stringValue == "My Display")
            #expect(profile?["last_name"]?.stringValue == "Theirs")
            #expect(profile?["first_name"]?.stringValue == "MyFirst")
        }
    }

    @Test func conflictFieldSetsArePure() {
        let base = UserRecord(
            id: "u", issuerID: "i", username: "a@x.test", usernameType: "email", displayName: "D", firstName: "F",
            lastName: "L", status: "active", customFields: ["team": "red", "gone": "x"], createdAt: nil, updatedAt: nil,
            etag: "\"1\"", detailJSON: "{}")
        var form = UserEditForm(base: base)
        form.values.firstName = "Mine"
        form.values.displayName = "Same"
        form.values.customFields["gone"] = nil
        var theirs = base
        theirs.etag = "\"2\""
        theirs.lastName = "Theirs"
        theirs.displayName = "Same"
        theirs.customFields["gone"] = "changed"
        let conflict = EditConflict(form: form, theirs: theirs)
        // Same value on both sides is no conflict; removed by me and changed by them is one.
        #expect(conflict.conflictingFields == [.custom("gone")])
        #expect(conflict.merged.customFields["gone"] == "changed")
        #expect(conflict.merged.lastName == "Theirs")
        let overwrite = conflict.overwriteChanges
        #expect(overwrite.firstName == "Mine")
        #expect(overwrite.lastName == nil)
        #expect(overwrite.displayName == nil)
        #expect(overwrite.removedCustomFields == ["gone"])
    }

    // MARK: Delete and actions send If-Match (issue 11 item 4)

    @Test func deleteOfAUserChangedMeanwhileAsksFirst() async throws {
        try await withHarness() { h in
            try await h.openUsers()
            let userID = try await hydratedRow(h, at: 2)
            let other = try h.otherClient()
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(["status": "blocked"])
            h.store.send(.select(index: 2))
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            guard await h.store.waitUntil({ if case .actionConflict = $0.dialog { true } else { false } }),
                case .actionConflict(let conflict) = h.store.state.dialog
            else {
                Issue.record("no changed-since-shown dialog; dialog: \(String(describing: h.store.state.dialog))")
                return
            }
            #expect(conflict.targets.map(\.id) == [userID])
            #expect(conflict.lines.first?.contains("STATUS active → blocked") == true)
            // The delete was sent with the ETag shown and refused: the user still exists.
            let deletes = try await requestLog(h).filter { ($0["method"] as? String) == "DELETE" }
            #expect(deletes.count == 1)
            #expect((deletes.first?["status"] as? Int) == 412)
            #expect(ifMatch(of: deletes.first) != nil)
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).get()
            // The list shows the current version meanwhile.
            #expect(h.store.state.current?.row(at: 2)?.status == "blocked")

            // Cancel: nothing deleted.
            h.store.send(.cancelDialog)
            #expect(h.store.state.dialog == nil)
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).get()

            // Again, then "delete anyway": conditional on the version the dialog showed.
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(["status": "active"])
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { if case .actionConflict = $0.dialog { true } else { false } })
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [userID] })
            await #expect(throws: AuthPIError.self) { try await other.issuer(EmulatorDemo.issuerID).user(userID).get() }
            let last = try await requestLog(h).last { ($0["method"] as? String) == "DELETE" }
            #expect(ifMatch(of: last) != nil)
        }
    }

    @Test func deleteAnywayMeetingANewerChangeAsksAgain() async throws {
        try await withHarness() { h in
            try await h.openUsers()
            let userID = try await hydratedRow(h, at: 1)
            let other = try h.otherClient()
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(["status": "blocked"])
            h.store.send(.select(index: 1))
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { if case .actionConflict = $0.dialog { true } else { false } })
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).update(["status": "pending"])
            h.store.send(.confirm)
            #expect(await h.store.waitUntil {
                if case .actionConflict(let conflict) = $0.dialog {
                    conflict.lines.first?.contains("blocked → pending") == true
                } else { false }
            })
            _ = try await other.issuer(EmulatorDemo.issuerID).user(userID).get()
        }
    }

    @Test func unchangedUserIsDeletedWithTheETagShown() async throws {
        try await withHarness() { h in
            try await h.openUsers()
            let userID = try await hydratedRow(h, at: 0)
            let shown = h.store.state.current?.row(at: 0)?.etag
            #expect(shown != nil)
            h.store.send(.select(index: 0))
            h.store.send(.action(.delete))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.lastActionReport?.succeeded == [userID] })
            let delete = try await requestLog(h).last { ($0["method"] as? String) == "DELETE" }
            #expect(ifMatch(of: delete) == shown)
        }
    }

    @Test func sessionActionsAreConditionalOnTheVersionShown() async throws {
        try await withHarness() { h in
            try await h.openUserList(.sessions, of: EmulatorDemo.userWithSessionsID)
            let sessionID = EmulatorDemo.activeSessionID
            #expect(h.select(sessionID))
            // Another admin suspends it meanwhile: revoking what is shown as active must ask first.
            let other = try h.otherClient()
            _ = try await other.issuer(EmulatorDemo.issuerID).sessions.suspend(sessionID)
            h.store.send(.action(.revoke))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { if case .actionConflict = $0.dialog { true } else { false } })
            guard case .actionConflict(let conflict) = h.store.state.dialog else { return }
            #expect(conflict.lines.first?.contains("active → suspended") == true)
            let stillSuspended = try await other.issuer(EmulatorDemo.issuerID).sessions.get(sessionID)
            #expect(stillSuspended.value.json["status"]?.stringValue == "suspended")
            #expect(h.store.state.current?.selectedRow?.status == "suspended")
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.current?.selectedRow?.status == "revoked" })
            let revoke = try await requestLog(h).last { ($0["path"] as? String)?.hasSuffix("/revoke") == true }
            #expect(ifMatch(of: revoke) != nil)
            #expect((revoke?["status"] as? Int) == 200)

            // Unchanged: one read for the ETag, then the action with it.
            h.store.send(.jump(.issuers))
            try await h.openUserList(.sessions, of: EmulatorDemo.userWithSessionsID)
            let active = try #require((0..<(h.store.state.current?.rowCount ?? 0)).compactMap {
                h.store.state.current?.row(at: $0)
            }.first { $0.status == "active" })
            h.select(active.id)
            h.store.send(.action(.suspend))
            h.store.send(.confirm)
            #expect(await h.store.waitUntil { $0.current?.selectedRow?.status == "suspended" })
            let suspend = try await requestLog(h).last { ($0["path"] as? String)?.hasSuffix("/suspend") == true }
            #expect(ifMatch(of: suspend) != nil)
        }
    }

    // MARK: Helpers

    private func openEditForm(_ h: Harness, user userID: String) async throws -> UserEditForm {
        try await h.openUser(userID)
        h.store.send(.editUser)
        guard await h.store.waitUntil({ if case .edit = $0.dialog { true } else { false } }),
            case .edit(let form) = h.store.state.dialog
        else { throw HarnessError("form did not open") }
        return form
    }

    /// Waits for the row at `index` of the Users pane to show its details (so its ETag is known); its id.
    private func hydratedRow(_ h: Harness, at index: Int) async throws -> String {
        guard await h.store.waitUntil({ $0.current?.row(at: index)?.etag != nil }),
            let id = h.store.state.current?.row(at: index)?.id
        else { throw HarnessError("row \(index) did not load its details") }
        return id
    }

    private func ifMatch(of entry: [String: Any]?) -> String? {
        let headers = entry?["headers"] as? [String: String] ?? [:]
        return headers.first { $0.key.lowercased() == "if-match" }?.value
    }

    /// The emulator's request log, with headers (credentials redacted by the emulator).
    private func requestLog(_ h: Harness) async throws -> [[String: Any]] {
        guard let url = URL(string: h.emulator.baseURL + "/_emulator/requests?limit=500") else { throw HarnessError("bad url") }
        var request = URLRequest(url: url)
        request.setValue("close", forHTTPHeaderField: "Connection")
        let (data, _) = try await URLSession.shared.data(for: request)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (object?["data"] as? [[String: Any]] ?? []).filter {
            !(($0["path"] as? String) ?? "").hasPrefix("/_emulator")
        }
    }
}
