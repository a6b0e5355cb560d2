extension ConsoleStore {
    /// Opens on the account picker: lists the credential's accounts, connects at once when there is one, else
    /// lets the user choose. `connect` builds the data source for the chosen account (a client bound to it).
    public func startPickingAccount(
        from directory: any AccountDirectory, connect: @escaping @MainActor (String) -> any ConsoleDataSource
    ) {
        guard state.stack.isEmpty else { return }
        connectToAccount = connect
        accountDirectory = directory
        send(.accountPickerOpened)
    }

    /// The account picker's two effects need the shell's objects (the directory, and the data source it replaces).
    /// Returns false for the effects the runner executes.
    func executeInShell(_ effect: Effect) -> Bool {
        switch effect {
        case .listAccounts(let token):
            guard let directory = accountDirectory else { return true }
            let clock = self.clock
            effects.run { [weak self] in
                let started = clock.elapsed
                let result: Result<[AccountOption], ConsoleFailure>?
                do {
                    result = .success(try await directory.accounts())
                } catch {
                    result = error is CancellationError ? nil : .failure(ConsoleFailure.from(error))
                }
                self?.send(.accountsListed(token: token, result: result, latency: clock.elapsed - started))
            }
            return true
        case .connectToAccount(let accountID):
            guard let connect = connectToAccount else { return true }
            source = connect(accountID)
            connectToAccount = nil
            accountDirectory = nil
            return true
        default:
            return false
        }
    }
}
