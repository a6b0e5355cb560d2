extension ConsoleModel {
    /// How many issuers a jump to a user or session id tries at most (the API has no account-wide lookup).
    static let locateIssuerLimit = 500

    /// Runs a jump, remembering the stack from before it: Back from the pane it opened puts that stack back.
    mutating func jumping(_ body: (inout ConsoleModel) -> [Effect]) -> [Effect] {
        let before = state.stack
        let effects = body(&self)
        if state.stack.map(\.id) != before.map(\.id), let top = state.stack.last {
            jumpReturn = (top.id, before)
        }
        return effects
    }

    /// Back right after a jump (from the pane it opened): the stack from before the jump, as it was.
    mutating func returnFromJump(_ environment: ConsoleEnvironment) -> [Effect]? {
        guard let saved = jumpReturn, state.current?.id == saved.paneID, let top = saved.stack.last else { return nil }
        jumpReturn = nil
        let kept = Set(saved.stack.map(\.id))
        var effects: [Effect] = []
        for pane in state.stack where !kept.contains(pane.id) {
            effects += cancelRequests(ofPane: pane.id)
            refreshTargets[pane.id] = nil
            hydrationFailures[pane.id] = nil
            hydrationPaused.remove(pane.id)
            pendingSelections[pane.id] = nil
        }
        // A pane still open (the root) is taken as it is now; the others as they were left.
        let open = Dictionary(state.stack.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        state.stack = saved.stack.map { pane in
            if let current = open[pane.id] { return current }
            var pane = pane
            pane.list.cancelInFlight()
            pane.hydratingIDs = []
            return pane
        }
        if state.banner?.severity == .info { state.banner = nil }
        return effects + startPane(top.id, environment)
    }

    mutating func jump(_ target: JumpTarget, _ environment: ConsoleEnvironment) -> [Effect] {
        if target.isIssuerScoped {
            // The issuer in context, or the one selected on the Issuers pane.
            let issuer =
                state.stack.last(where: { $0.context.issuerID != nil }).map {
                    (id: $0.context.issuerID ?? "", name: $0.context.issuerName)
                }
                ?? state.stack.first(where: { $0.kind == .issuers })?.selectedRow.map {
                    (id: $0.id, name: Optional($0.title))
                }
            guard let issuer else {
                // On Issuers, where one can be chosen.
                return popToRoot(keeping: .issuers, environment) + raise(
                    Banner(severity: .info, kind: .info, title: "Choose an issuer first",
                           detail: "the \(target.pane.title) pane lists those of one issuer: select one, or :\(target.rawValue) ISSUER"),
                    environment)
            }
            return openIssuerPane(target.pane, issuerID: issuer.id, issuerName: issuer.name, environment)
        }
        if target == .sessions {
            guard let detail = state.stack.lastIndex(where: { $0.kind == .userDetail }) else {
                return raise(
                    Banner(severity: .info, kind: .info, title: "Open a user first",
                           detail: ":sessions lists the sessions of the user in context (⏎ on a user, or :usr_…)"),
                    environment)
            }
            var effects: [Effect] = []
            while state.stack.count > detail + 1, let top = state.stack.last {
                effects += cancelRequests(ofPane: top.id)
                state.stack.removeLast()
            }
            let context = state.stack[detail].context
            return effects + push(.sessions, context: context, environment)
        }
        if target == .eventsChart {
            // The chart sits on Events (Esc goes back to them) and counts with the Events filter in use.
            let query = state.current?.filter.serverQuery ?? [:]
            return popToRoot(keeping: .events, environment) + openChart(query: query, environment)
        }
        return popToRoot(keeping: target.pane, environment)
    }

    /// `:users ISSUER`: the issuer named by id, or by the name shown on the Issuers pane (as loaded).
    mutating func jump(_ target: JumpTarget, issuer text: String, _ environment: ConsoleEnvironment) -> [Effect] {
        guard target.isIssuerScoped else { return jumping { $0.jump(target, environment) } }
        let loaded = state.knownIssuers
        let wanted = text.lowercased()
        if let issuer = loaded.first(where: { $0.id == text })
            ?? loaded.first(where: { $0.name.lowercased() == wanted })
            ?? Self.uniquePrefixMatch(wanted, in: loaded)
        {
            return jumping { $0.openIssuerPane(target.pane, issuerID: issuer.id, issuerName: issuer.name, environment) }
        }
        if ResourceIDKind(id: text) == .issuer {
            // An id not among the loaded issuers: the list answers for it (a 404 banner if there is none).
            return jumping { $0.openIssuerPane(target.pane, issuerID: text, issuerName: nil, environment) }
        }
        return raise(
            Banner(severity: .warning, kind: .info, title: "No issuer “\(text)”",
                   detail: "not among the \(loaded.count) issuers loaded: use its id (i_…) or Tab to complete a name"),
            environment)
    }

    private static func uniquePrefixMatch(_ prefix: String, in issuers: [KnownIssuer]) -> KnownIssuer? {
        let matches = issuers.filter { $0.name.lowercased().hasPrefix(prefix) }
        return matches.count == 1 ? matches[0] : nil
    }

    /// Issuers › (the issuer's) pane: the root Issuers pane is kept as it is when it is the root.
    private mutating func openIssuerPane(
        _ kind: PaneKind, issuerID: String, issuerName: String?, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        var effects = popToRoot(keeping: .issuers, environment)
        effects += push(kind, context: PaneContext(issuerID: issuerID, issuerName: issuerName), environment)
        return effects
    }

    /// Leaves only a root pane of this kind: the existing root when it is one (as it was), else a new one.
    mutating func popToRoot(keeping kind: PaneKind, _ environment: ConsoleEnvironment) -> [Effect] {
        var effects: [Effect] = []
        while state.stack.count > 1, let top = state.stack.last {
            effects += cancelRequests(ofPane: top.id)
            state.stack.removeLast()
        }
        if let root = state.stack.first, root.kind == kind { return effects + startPane(root.id, environment) }
        if let root = state.stack.first { effects += cancelRequests(ofPane: root.id) }
        state.stack = []
        return effects + push(kind, context: PaneContext(), environment)
    }

    /// `:usr_…`, `:ses_…`, `:wh_…`, `:i_…`: looks the id up (progress in the banner), then opens it.
    mutating func jumpToID(_ id: String, _ environment: ConsoleEnvironment) -> [Effect] {
        guard let kind = ResourceIDKind(id: id) else {
            let prefixes = ResourceIDKind.allCases.map { $0.prefix + "…" }.joined(separator: " ")
            return raise(
                Banner(severity: .warning, kind: .info, title: "Not an id the console can open: \(id)",
                       detail: "ids it opens start with \(prefixes)"), environment)
        }
        var effects: [Effect] = locating != nil ? [.cancel(.locate)] : []
        let token = makeToken()
        locating = token
        state.header.requestsInFlight += 1
        effects += raise(
            Banner(severity: .info, kind: .info, title: "Looking for \(id)…",
                   detail: kind.searchesIssuers ? "trying each issuer (Esc stops)" : "reading the list (Esc stops)"),
            environment)
        effects.append(.locate(id, issuerLimit: Self.locateIssuerLimit, token: token))
        return effects
    }

    mutating func locateProgress(token: Int, tried: Int, total: Int, _ environment: ConsoleEnvironment) -> [Effect] {
        guard locating == token, let banner = state.banner, banner.severity == .info else { return [] }
        state.banner?.detail = "tried \(tried) of \(total) issuers (Esc stops)"
        return []
    }

    /// Esc while a lookup runs stops it.
    mutating func stopLocating() -> [Effect]? {
        guard locating != nil else { return nil }
        locating = nil
        state.banner = nil
        return [.cancel(.locate)]
    }

    mutating func located(
        _ result: Result<LocateOutcome, ConsoleFailure>?, id: String, token: Int, latency: Duration,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        requestEnded(latency: latency)
        guard locating == token else { return [] }
        locating = nil
        switch result {
        case nil:
            return []
        case .failure(let failure):
            return raise(Banner.failure(failure, subject: "looking for \(id)", now: environment.now), environment)
        case .success(.notFound(let searched, let more)):
            let kind = ResourceIDKind(id: id)
            let place = kind == .webhook ? "webhooks" : "issuers"
            let scope = more ? "the first \(searched) \(place) (more exist)" : "\(searched) \(place)"
            let detail = kind?.searchesIssuers == true || kind == .issuer || kind == .webhook
                ? "not found in \(scope)" : "not found"
            return raise(Banner(severity: .warning, kind: .info, title: "\(id) not found", detail: detail), environment)
        case .success(.found(let resource)):
            state.banner = nil
            return jumping { $0.open(resource, environment) }
        }
    }

    /// Opens a located resource with its parents on the stack, as if the user had walked there: only the top
    /// pane starts loading (the others load when Back reaches them).
    private mutating func open(_ resource: LocatedResource, _ environment: ConsoleEnvironment) -> [Effect] {
        let context = resource.context
        let issuerContext = PaneContext(issuerID: context.issuerID, issuerName: context.issuerName)
        var panes: [(PaneKind, PaneContext)]
        switch resource.kind {
        case .issuer: panes = [(.issuers, PaneContext()), (.users, issuerContext)]
        case .user: panes = [(.issuers, PaneContext()), (.users, issuerContext), (.userDetail, context)]
        case .session:
            panes = [(.issuers, PaneContext()), (.users, issuerContext), (.userDetail, context), (.sessions, context)]
        case .webhook: panes = [(.webhooks, PaneContext()), (.deliveries, context)]
        }
        var effects: [Effect] = []
        let root = state.stack.first.flatMap { $0.kind == panes[0].0 ? $0 : nil }
        for pane in state.stack { effects += cancelRequests(ofPane: pane.id) }
        var stack: [PaneState] = root.map { [$0] } ?? []
        for (kind, paneContext) in panes.dropFirst(root == nil ? 0 : 1) {
            stack.append(PaneState(id: nextPaneID, kind: kind, context: paneContext))
            nextPaneID += 1
        }
        state.stack = stack
        guard let top = stack.last else { return effects }
        if resource.kind == .session { pendingSelections[top.id] = resource.id }
        return effects + startPane(top.id, environment)
    }
}
