extension ConsoleStore {
    /// Opens on the account picker: lists the credential's accounts, connects at once when there is one, else
    /// lets the user choose. `connect` builds the data source for the chosen account (a client bound to it).
    public func startPickingAccount(
        from directory: any AccountDirectory, connect: @escaping @MainActor (String) -> any ConsoleDataSource
    ) {
        guard state.stack.isEmpty else { return }
        connectToAccount = connect
        accountDirectory = directory
        state.accountPicker = AccountPicker()
        loadAccounts()
        publish()
    }

    private func loadAccounts() {
        guard let directory = accountDirectory else { return }
        state.accountPicker?.phase = .loading
        otherTasks[Self.accountPickerTask]?.cancel()
        otherTasks[Self.accountPickerTask] = effects.run {
            do {
                let accounts = try await self.measured { try await directory.accounts() }
                guard self.state.accountPicker != nil else { return }
                switch accounts.count {
                case 0:
                    self.state.accountPicker?.phase = .failed(
                        "the credential can act on no account (GET /v1/me lists none)")
                case 1:
                    self.choose(accounts[0].id)
                default:
                    self.state.accountPicker = AccountPicker(phase: .choosing, accounts: accounts, selection: 0)
                }
            } catch {
                guard !(error is CancellationError) else { return }
                let failure = ConsoleFailure.from(error)
                self.state.accountPicker?.phase = .failed(failure.description)
                self.raise(failure, while: "listing the accounts of the credential (GET /v1/me)")
            }
            self.publish()
        }
    }

    /// Handles an intent while the picker is up; returns false for intents it leaves to the store.
    func handleAccountPicker(_ intent: ConsoleIntent) -> Bool {
        guard var picker = state.accountPicker else { return false }
        switch intent {
        case .setViewport, .dismissBanner, .quit, .setAutoRefresh:
            return false
        case .move(let delta):
            picker.selection = max(0, min(picker.accounts.count - 1, picker.selection + delta))
        case .moveToTop, .pageUp:
            picker.selection = 0
        case .moveToEnd, .pageDown:
            picker.selection = max(0, picker.accounts.count - 1)
        case .select(let index):
            picker.selection = max(0, min(picker.accounts.count - 1, index))
        case .open:
            if case .choosing = picker.phase, let account = picker.selected { choose(account.id) }
            return true
        case .refresh, .retry:
            if case .failed = picker.phase { loadAccounts() }
            return true
        default:
            return true
        }
        state.accountPicker = picker
        return true
    }

    /// Connects to `accountID`: the header names it, and the console opens on its Issuers.
    private func choose(_ accountID: String) {
        guard let connect = connectToAccount else { return }
        source = connect(accountID)
        state.header.account = accountID
        state.accountPicker = nil
        connectToAccount = nil
        accountDirectory = nil
        if state.banner?.kind == .authentication { state.banner = nil }
        start()
    }

    static let accountPickerTask = -2_000_000
}
