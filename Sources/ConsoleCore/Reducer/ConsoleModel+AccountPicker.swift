extension ConsoleModel {
    /// Opens on the account picker and lists the credential's accounts.
    mutating func openAccountPicker() -> [Effect] {
        guard state.stack.isEmpty else { return [] }
        state.accountPicker = AccountPicker()
        return listAccounts()
    }

    private mutating func listAccounts() -> [Effect] {
        state.accountPicker?.phase = .loading
        let token = makeToken()
        accountListing = token
        state.header.requestsInFlight += 1
        return [.listAccounts(token: token)]
    }

    /// The credential's accounts (`result` nil: cancelled): one connects at once, several are offered.
    mutating func accountsListed(
        _ result: Result<[AccountOption], ConsoleFailure>?, token: Int, _ environment: ConsoleEnvironment
    ) -> [Effect] {
        guard accountListing == token, let result, state.accountPicker != nil else { return [] }
        accountListing = nil
        switch result {
        case .success(let accounts):
            switch accounts.count {
            case 0:
                state.accountPicker?.phase = .failed("the credential can act on no account (GET /v1/me lists none)")
                return []
            case 1:
                return choose(accounts[0].id, environment)
            default:
                state.accountPicker = AccountPicker(phase: .choosing, accounts: accounts, selection: 0)
                return []
            }
        case .failure(let failure):
            state.accountPicker?.phase = .failed(failure.description)
            return raise(
                Banner.failure(failure, subject: "listing the accounts of the credential (GET /v1/me)", now: environment.now),
                environment)
        }
    }

    /// An intent while the picker is up; nil for the intents it leaves to the rest of the reducer.
    mutating func accountPickerIntent(_ intent: ConsoleIntent, _ environment: ConsoleEnvironment) -> [Effect]? {
        guard var picker = state.accountPicker else { return nil }
        switch intent {
        case .setViewport, .dismissBanner, .quit, .setAutoRefresh:
            return nil
        case .move(let delta):
            picker.selection = max(0, min(picker.accounts.count - 1, picker.selection + delta))
        case .moveToTop, .pageUp:
            picker.selection = 0
        case .moveToEnd, .pageDown:
            picker.selection = max(0, picker.accounts.count - 1)
        case .select(let index):
            picker.selection = max(0, min(picker.accounts.count - 1, index))
        case .open:
            if case .choosing = picker.phase, let account = picker.selected { return choose(account.id, environment) }
            return []
        case .refresh, .retry:
            if case .failed = picker.phase { return listAccounts() }
            return []
        default:
            return []
        }
        state.accountPicker = picker
        return []
    }

    /// Connects to `accountID` (the shell swaps the data source first): the header names it, and the console
    /// opens on its Issuers.
    private mutating func choose(_ accountID: String, _ environment: ConsoleEnvironment) -> [Effect] {
        state.header.account = accountID
        state.accountPicker = nil
        if state.banner?.kind == .authentication { state.banner = nil }
        return [.connectToAccount(accountID)] + push(.issuers, context: PaneContext(), environment)
    }
}
