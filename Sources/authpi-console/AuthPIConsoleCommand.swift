import ArgumentParser
import AuthPIAdmin
import AuthPIEmulator
import ConsoleCore
import ConsoleLaunch
import ConsoleUI
import Foundation
import Logging

@main
struct AuthPIConsoleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authpi-console",
        abstract: "A keyboard-first terminal console for the AuthPI admin API.",
        discussion: """
            Credentials, one of:
              AUTHPI_API_KEY_ID=key_… and AUTHPI_API_KEY_SECRET=…    (an API key: sent as HTTP Basic)
              AUTHPI_API_KEY=key_…:secret                            (the same pair in one variable)
              AUTHPI_ACCESS_TOKEN=…                                  (sent as Bearer)
              --profile NAME from ~/.config/authpi/config.toml (must not be readable by others: chmod 600)
            A key id without its secret is refused (exit 2): AuthPI API keys are an id + secret pair.
            Without --account-id (or AUTHPI_ACCOUNT_ID, or the profile's account_id) the console asks GET /v1/me
            and, when the credential acts on several accounts, opens on an account picker.
            AUTHPI_BASE_URL sets the server when --base-url is not given. NO_COLOR=1 turns colours off.

            Exit codes: 0 after quitting; 1 when the terminal or the demo server cannot start;
            2 for usage and configuration errors (bad flags, missing credentials, bad config, not a terminal).
            """
    )

    @Flag(help: "Start a local AuthPI emulator with demo data in-process and connect to it.")
    var demo = false

    @Option(name: .customLong("demo-users"), help: ArgumentHelp("With --demo: fill the first issuer with N users.", valueName: "N"))
    var demoUsers: Int?

    @Option(name: .customLong("base-url"), help: "API root (default https://api.authpi.com, or AUTHPI_BASE_URL).")
    var baseURL: String?

    @Option(name: .customLong("account-id"), help: "Account to act on (skips the account picker).")
    var accountID: String?

    @Option(help: "Profile from ~/.config/authpi/config.toml.")
    var profile: String?

    @Flag(name: .customLong("read-only"), help: "Refuse every change (revoke, edit, delete…) before any request.")
    var readOnly = false

    @Flag(name: .customLong("no-mouse"),
          help: "Do not take the mouse (clicks, wheel); the terminal's own selection then works without Shift.")
    var noMouse = false

    @Option(name: .customLong("log-file"), help: ArgumentHelp("Write debug logs to PATH (never to the terminal).", valueName: "PATH"))
    var logFile: String?

    @Flag(name: .customLong("allow-insecure-http"), help: "Allow plain http:// to a host that is not loopback.")
    var allowInsecureHTTP = false

    @Option(name: .customLong("refresh-interval"), help: ArgumentHelp("Refresh the pane every N seconds.", valueName: "N"))
    var refreshInterval: Int?

    func validate() throws {
        if demo, baseURL != nil || profile != nil || accountID != nil {
            throw ValidationError("--demo runs its own server; it does not combine with --base-url, --profile or --account-id")
        }
        if let demoUsers, !(0...1_000_000).contains(demoUsers) {
            throw ValidationError("--demo-users must be between 0 and 1000000")
        }
        if demoUsers != nil, !demo { throw ValidationError("--demo-users goes with --demo") }
        if let refreshInterval, refreshInterval < 1 { throw ValidationError("--refresh-interval must be at least 1 second") }
    }

    /// ArgumentParser exits 64 on a bad flag; the console documents one code for every usage and configuration
    /// problem (2), so a script can tell "fix the invocation" from "could not start" (1) whatever the cause.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error).rawValue == ExitCode.validationFailure.rawValue {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    func run() async throws {
        do {
            try await launch()
        } catch let error as LaunchError {
            FileHandle.standardError.write(Data("authpi-console: \(error.description)\n".utf8))
            throw ExitCode(error.exitCode)
        }
    }

    private func launch() async throws {
        let environment = ProcessInfo.processInfo.environment

        var emulator: RunningEmulator?
        let plan: LaunchPlan
        if demo {
            plan = LaunchPlan(
                baseURL: "", // filled below once the emulator listens
                credentials: LaunchCredentials(kind: .apiKeyPair(id: EmulatorDemo.apiKeyID, secret: EmulatorDemo.apiKeySecret),
                                               accountID: EmulatorDemo.accountID, source: "the demo emulator"),
                profileName: "demo", readOnly: readOnly, mouse: !noMouse)
        } else {
            plan = try LaunchResolver.resolve(
                flags: LaunchFlags(baseURL: baseURL, accountID: accountID, profile: profile,
                                   readOnly: readOnly, allowInsecureHTTP: allowInsecureHTTP, noMouse: noMouse),
                environment: environment)
        }
        let logger = try makeLogger(secrets: plan.credentials.secretValues)
        // Configuration problems are reported first (they name what to fix, also in a script); then, before any
        // server starts or any request is sent: without a terminal there is nothing to draw on.
        guard isatty(STDIN_FILENO) == 1 else { throw LaunchError.notATerminal("standard input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw LaunchError.notATerminal("standard output") }

        if demo {
            do {
                var options = EmulatorOptions()
                options.users = demoUsers
                emulator = try await Emulator.start(options)
            } catch {
                FileHandle.standardError.write(Data("authpi-console: the demo emulator could not start: \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
        let base = emulator?.baseURL ?? plan.baseURL

        let relay = StoreRelay()
        let waitObserver = RateLimitWaitObserver { seconds in
            Task { @MainActor in relay.store?.send(.clientWaitsForRateLimit(seconds: seconds)) }
        }
        // The console's own requests, for :requests (method, path, status, latency, attempt, reference; no secret).
        let requestLog = RequestLog()
        let makeClient: @Sendable (String?) throws -> AuthPIClient = { accountID in
            let configuration = Configuration(baseURL: base, accountID: accountID, timeout: .seconds(15), logger: logger,
                                              middlewares: [waitObserver, requestLog.recorder])
            switch plan.credentials.kind {
            case .apiKeyPair(let id, let secret):
                return try AuthPIClient(keyID: id, keySecret: secret, configuration: configuration)
            case .accessToken(let token):
                if let accountID { return try AuthPIClient(accessToken: token, accountID: accountID, configuration: configuration) }
                // Without an account: only `GET /v1/me` is asked of this client, to list the accounts.
                return try AuthPIClient(credentials: .accessToken(token), configuration: configuration)
            }
        }
        let client: AuthPIClient
        do {
            client = try makeClient(plan.credentials.accountID)
        } catch {
            await emulator?.shutdown()
            FileHandle.standardError.write(Data("authpi-console: \(error)\n".utf8))
            throw ExitCode(2)
        }

        let screen = await runScreen(client: client, makeClient: makeClient, plan: plan, baseURL: base,
                                     environment: environment, logger: logger, relay: relay, requestLog: requestLog)
        for opened in screen.clients { try? await opened.close() }
        try? await client.close()
        await emulator?.shutdown()
        switch screen.outcome {
        case .quit: return
        case .failed(let code): throw ExitCode(code)
        case .switchProfile(let name): restart(withProfile: name)
        }
    }

    enum ScreenOutcome { case quit, failed(Int32), switchProfile(String) }

    /// `:profile NAME`: the simplest switch that cannot leak state from the old connection is a new process
    /// with the same flags and the new profile. The terminal is already restored; the new one takes it over.
    private func restart(withProfile name: String) -> Never {
        var arguments = ["authpi-console", "--profile", name]
        if readOnly { arguments.append("--read-only") }
        if noMouse { arguments.append("--no-mouse") }
        if allowInsecureHTTP { arguments.append("--allow-insecure-http") }
        if let logFile { arguments += ["--log-file", logFile] }
        if let refreshInterval { arguments += ["--refresh-interval", String(refreshInterval)] }
        let cArguments = arguments.map { strdup($0) } + [nil]
        // Foundation finds the running binary on each platform (/proc/self/exe on Linux, the loader's path on macOS).
        let executable = Bundle.main.executablePath ?? CommandLine.arguments[0]
        execv(executable, cArguments)
        FileHandle.standardError.write(Data("authpi-console: could not restart with profile \(name): \(String(cString: strerror(errno)))\n".utf8))
        Foundation.exit(1)
    }

    /// How the screen ended, and the clients it opened for a chosen account (closed by the caller).
    struct ScreenResult {
        var outcome: ScreenOutcome
        var clients: [AuthPIClient]
    }

    /// Lets the clients' middleware reach the store, which exists only once the clients do.
    @MainActor
    final class StoreRelay {
        weak var store: ConsoleStore?
    }

    /// Clients opened after the account picker, kept to be closed when the screen ends.
    @MainActor
    final class OpenedClients {
        var clients: [AuthPIClient] = []
    }

    @MainActor
    private func runScreen(client: AuthPIClient, makeClient: @escaping @Sendable (String?) throws -> AuthPIClient,
                           plan: LaunchPlan, baseURL: String,
                           environment: [String: String], logger: Logger, relay: StoreRelay,
                           requestLog: RequestLog) async -> ScreenResult {
        let credential = plan.credentials.sentDescription
        let source = AuthPIDataSource(client: client, credentialSource: credential, requestLog: requestLog)
        let store = ConsoleStore(
            source: source,
            header: HeaderInfo(account: plan.credentials.accountID ?? "no account chosen", baseURL: baseURL,
                               profile: plan.profileName),
            configuration: ConsoleConfiguration(isReadOnly: plan.readOnly))
        relay.store = store
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(environment: environment, mouse: plan.mouse)
        } catch {
            FileHandle.standardError.write(Data("authpi-console: \(error)\n".utf8))
            return ScreenResult(outcome: .failed(1), clients: [])
        }
        if let refreshInterval { store.send(.setAutoRefresh(seconds: refreshInterval)) }
        let opened = OpenedClients()
        if plan.credentials.accountID == nil {
            // No account named: the credential's accounts from GET /v1/me; several → the picker.
            store.startPickingAccount(from: source) { accountID in
                guard let chosen = try? makeClient(accountID) else { return source }
                opened.clients.append(chosen)
                return AuthPIDataSource(client: chosen, credentialSource: credential, requestLog: requestLog)
            }
        } else {
            store.start()
        }
        let configPath = ProfileConfig.defaultPath(environment: environment)
        let profileNames = ((try? ProfileConfig.load(path: configPath))??.profiles.keys).map { Array($0).sorted() } ?? []
        let driver = StoreDriver(store: store, profiles: profileNames)
        var switchTo: String?
        if !demo {
            driver.onProfileSwitch = { [readOnly, allowInsecureHTTP] name in
                // Check the profile now, so a typo or a refused credential costs a banner, not the session.
                let plan: LaunchPlan
                do {
                    plan = try LaunchResolver.resolve(
                        flags: LaunchFlags(profile: name, readOnly: readOnly, allowInsecureHTTP: allowInsecureHTTP),
                        environment: environment, configPath: configPath)
                } catch let error as LaunchError {
                    return error.description
                } catch {
                    return "the profile could not be read"
                }
                if let problem = await Self.credentialProblem(plan) { return problem }
                switchTo = name
                store.send(.quit)
                return nil
            }
        }
        let app = ConsoleApp(terminal: terminal, driver: driver,
                             theme: Theme.forEnvironment(environment, terminalHasColor: terminal.supportsColor))
        await app.run()
        store.shutdown()
        logger.info("console closed")
        return ScreenResult(outcome: switchTo.map { .switchProfile($0) } ?? .quit, clients: opened.clients)
    }

    /// One `GET /v1/me` with the plan's credential: nil when it is accepted, else what the server said (the form
    /// and source of the credential, never the secret).
    private static func credentialProblem(_ plan: LaunchPlan) async -> String? {
        let configuration = Configuration(baseURL: plan.baseURL, accountID: plan.credentials.accountID,
                                          timeout: .seconds(10), retries: .disabled)
        let client: AuthPIClient
        do {
            switch plan.credentials.kind {
            case .apiKeyPair(let id, let secret):
                client = try AuthPIClient(keyID: id, keySecret: secret, configuration: configuration)
            case .accessToken(let token):
                client = try AuthPIClient(credentials: .accessToken(token), configuration: configuration)
            }
        } catch {
            return "its settings are not usable: \(type(of: error))"
        }
        let problem: String?
        do {
            _ = try await client.whoami()
            problem = nil
        } catch let error as AuthPIError {
            let status = error.statusCode == 0 ? "" : "\(error.statusCode) "
            problem = "\(status)\(error.errorCode): the \(plan.credentials.sentDescription) was not accepted by \(plan.baseURL)"
        } catch {
            problem = "it could not be checked: \(type(of: error))"
        }
        try? await client.close()
        return problem
    }

    private func makeLogger(secrets: [String]) throws(LaunchError) -> Logger {
        guard let logFile else {
            return Logger(label: "authpi.console") { _ in SwiftLogNoOpLogHandler() }
        }
        let sink = try FileLogSink(path: logFile, secrets: secrets)
        var logger = Logger(label: "authpi.console") { FileLogHandler(label: $0, sink: sink, level: .debug) }
        logger.logLevel = .debug
        return logger
    }
}

extension LaunchCredentials {
    /// Values the log file masks if anything ever tried to write them.
    var secretValues: [String] {
        switch kind {
        case .apiKeyPair(_, let secret): [secret]
        case .accessToken(let token): [token]
        }
    }
}
