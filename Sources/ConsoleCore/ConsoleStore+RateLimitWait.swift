import Foundation

extension ConsoleStore {
    /// The client core waits out a 429 on a read before retrying it: say so, with the countdown, instead of a
    /// silent screen; the banner goes when an answer arrives (or is replaced by the failure if it gives up).
    func clientWaitsForRateLimit(_ seconds: Int?) {
        let isWaitBanner = state.banner?.kind == .rateLimited && state.banner?.retriesAutomatically == true
            && state.banner?.request == Self.clientWaitRequest
        guard let seconds else {
            if isWaitBanner { state.banner = nil }
            return
        }
        var banner = Banner(
            severity: .warning, kind: .rateLimited, title: "429 Rate limited: waiting before asking again",
            detail: "the server asked for \(seconds)s (Retry-After); the request is retried then, nothing to do",
            statusCode: 429, retryAt: clock.now.addingTimeInterval(TimeInterval(seconds)))
        banner.retriesAutomatically = true
        banner.request = Self.clientWaitRequest
        raise(banner)
    }

    static let clientWaitRequest = "a read the client retries after Retry-After"
}
