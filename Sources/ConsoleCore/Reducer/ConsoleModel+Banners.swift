import Foundation

extension ConsoleModel {
    /// Shows a banner and keeps warnings and errors in the history of the Errors pane; a rate limit starts the
    /// countdown's ticks.
    mutating func raise(_ banner: Banner, _ environment: ConsoleEnvironment) -> [Effect] {
        var banner = banner
        // Stamped with the event's time: a banner is raised when it is shown.
        banner.time = environment.now
        banner.id = nextBannerID
        nextBannerID += 1
        state.banner = banner
        if banner.severity == .warning || banner.severity == .error {
            state.bannerHistory.append(banner)
            if state.bannerHistory.count > ConsoleState.bannerHistoryLimit {
                state.bannerHistory.removeFirst(state.bannerHistory.count - ConsoleState.bannerHistoryLimit)
            }
            for pane in state.stack where pane.kind == .errors { fillErrorsPane(pane.id) }
        }
        guard banner.retryAt != nil else { return [] }
        countdownRunning = true
        return [.startTimer(.countdown, after: .seconds(1))]
    }

    /// A countdown tick: the state's time moves (the shell stamps it); ticking goes on while the retry is ahead.
    mutating func countdownTicked(_ environment: ConsoleEnvironment) -> [Effect] {
        guard let retryAt = state.banner?.retryAt, retryAt > environment.now else {
            countdownRunning = false
            return []
        }
        return [.startTimer(.countdown, after: .seconds(1))]
    }

    /// Raises the banner of a failed read; when the server said when to come back (429 with Retry-After), the
    /// read is asked again by itself then, if the pane is still on screen. Writes never come here.
    mutating func raiseRead(
        _ failure: ConsoleFailure, while subject: String, paneID: Int, retry: AutoRetry, note: String? = nil,
        _ environment: ConsoleEnvironment
    ) -> [Effect] {
        var banner = Banner.failure(failure, subject: subject, now: environment.now)
        if let note { banner.detail += (banner.detail.isEmpty ? "" : " — ") + note }
        guard let retryAt = banner.retryAt else {
            let effects = raise(banner, environment)
            readFailureBanners[paneID] = state.banner?.id
            return effects
        }
        banner.retriesAutomatically = true
        var effects = raise(banner, environment)
        let bannerID = state.banner?.id
        readFailureBanners[paneID] = bannerID
        autoRetries[paneID] = (retry, bannerID)
        let wait = max(0, retryAt.timeIntervalSince(environment.now))
        effects.append(.startTimer(.autoRetry(paneID: paneID), after: .milliseconds(Int((wait * 1000).rounded(.up)))))
        return effects
    }

    /// A read of the pane succeeded: its failure banner, if still the one on screen, has been answered.
    mutating func readSucceeded(paneID: Int) {
        guard let bannerID = readFailureBanners.removeValue(forKey: paneID) else { return }
        if state.banner?.id == bannerID { state.banner = nil }
    }

    mutating func fillErrorsPane(_ paneID: Int) {
        let rows = state.bannerHistory.reversed().compactMap(\.errorsRow)
        let viewport = self.viewport
        withPane(paneID) { pane in
            let selectedID = pane.selectedRow?.id
            pane.list.setLocalRows(rows)
            pane.recomputeDisplay()
            if let selectedID, let index = pane.displayIndex(ofID: selectedID) { pane.selection = index }
            pane.clampSelection(viewport: viewport)
        }
    }
}
