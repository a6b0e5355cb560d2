import Foundation

extension ConsoleModel {
    /// `d`: the resource as JSON. What the list holds is shown at once; resources the API can read alone (users,
    /// sessions, tokens) are read again, so describe never shows an old version (after a 412, for one).
    mutating func describe() -> [Effect] {
        guard let pane = state.current else { return [] }
        let shown: (id: String, title: String, json: String)
        if pane.kind == .userDetail, let record = pane.userRecord {
            shown = (record.id, record.username.isEmpty ? record.id : record.username, record.detailJSON)
        } else if let row = pane.selectedRow {
            shown = (row.id, row.title, row.detailJSON)
        } else {
            return []
        }
        let kind = pane.kind == .userDetail ? PaneKind.users : pane.kind
        guard kind.canBeReadAlone else {
            state.dialog = .describe(Description(title: shown.title, json: shown.json))
            return []
        }
        var description = Description(title: shown.title, json: shown.json, note: "loading the current version…")
        description.resourceID = shown.id
        state.dialog = .describe(description)
        let token = makeToken()
        describeRead = token
        state.header.requestsInFlight += 1
        return [.readForDescribe(kind, rowID: shown.id, context: pane.context, token: token)]
    }

    /// The current version of the described resource (`result` nil: cancelled).
    mutating func describeArrived(
        _ result: Result<ConsoleRow?, ConsoleFailure>?, rowID: String, token: Int
    ) -> [Effect] {
        guard describeRead == token, let result else { return [] }
        describeRead = nil
        guard case .describe(var open) = state.dialog, open.resourceID == rowID else { return [] }
        switch result {
        case .success(let current):
            if let current { open.json = current.detailJSON }
            open.note = nil
        case .failure(let failure):
            open.note = "the version listed: the current one could not be read (\(failure.description))"
        }
        state.dialog = .describe(open)
        return []
    }

    static let clientWaitRequest = "a read the client retries after Retry-After"

    /// The client core waits out a 429 on a read before retrying it: say so, with the countdown, instead of a
    /// silent screen; the banner goes when an answer arrives (or is replaced by the failure if it gives up).
    mutating func clientWaitsForRateLimit(_ seconds: Int?, _ environment: ConsoleEnvironment) -> [Effect] {
        let isWaitBanner = state.banner?.kind == .rateLimited && state.banner?.retriesAutomatically == true
            && state.banner?.request == Self.clientWaitRequest
        guard let seconds else {
            // Nothing shown to clear: nothing to publish either.
            if isWaitBanner { state.banner = nil } else { isQuiet = true }
            return []
        }
        var banner = Banner(
            severity: .warning, kind: .rateLimited, title: "429 Rate limited: waiting before asking again",
            detail: "the server asked for \(seconds)s (Retry-After); the request is retried then, nothing to do",
            statusCode: 429, retryAt: environment.now.addingTimeInterval(TimeInterval(seconds)))
        banner.retriesAutomatically = true
        banner.request = Self.clientWaitRequest
        return raise(banner, environment)
    }
}

extension PaneKind {
    /// Resources the console reads one by one (for describe, and for If-Match on actions).
    var canBeReadAlone: Bool { self == .users || self == .sessions || self == .tokens }
}
