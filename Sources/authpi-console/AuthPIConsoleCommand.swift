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
              AUTHPI_API_KEY=key_…                                   (sent as Bearer)
              AUTHPI_API_KEY_ID=key_… and AUTHPI_API_KEY_SECRET=…    (sent as HTTP Basic)
              AUTHPI_ACCESS_TOKEN=… with --account-id acc_…
              --profile NAME from ~/.config/authpi/config.toml (must not be readable by others: chmod 600)
            AUTHPI_BASE_URL sets the server when --base-url is not given. NO_COLOR=1 turns colours off.

            Exit codes: 0 after quitting; 1 when the terminal or the demo server cannot start;
            2 for usage and configuration errors (bad flags, missing credentials, bad config, not a terminal).
            """
    )

    @Flag(help: "Start a local AuthPI emulator with demo data in-process and connect to it.")
    var demo = false

    @Option(name: .customLong("demo-users"), help: ArgumentHelp("With --demo: fill the first issuer with N users.", valueName: "N"))
    var demoUsers: Int?

    @Option(name: .customLong("base-url"), help: "API root (default https://api.authpi.dev, or AUTHPI_BASE_URL).")
    var baseURL: String?

    @Option(name: .customLong("account-id"), help: "Account to act on (needed with AUTHPI_ACCESS_TOKEN).")
    var accountID: String?

    @Option(help: "Profile from ~/.config/authpi/config.toml.")
    var profile: String?

    @Flag(name: .customLong("read-only"), help: "Refuse every change (revoke, edit, delete…) before any request.")
    var readOnly = false

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
                profileName: "demo", readOnly: readOnly)
        } else {
            plan = try LaunchResolver.resolve(
                flags: LaunchFlags(baseURL: baseURL, accountID: accountID, profile: profile,
                                   readOnly: readOnly, allowInsecureHTTP: allowInsecureHTTP),
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

        let credentials: Credentials
        switch plan.credentials.kind {
        case .apiKey(let key): credentials = .apiKey(key)
        case .apiKeyPair(let id, let secret): credentials = .apiKey(id: id, secret: secret)
        case .accessToken(let token): credentials = .accessToken(token)
        }
        let client: AuthPIClient
        do {
            client = try AuthPIClient(
                credentials: credentials,
                configuration: Configuration(baseURL: base, accountID: plan.credentials.accountID,
                                             timeout: .seconds(15), logger: logger))
        } catch {
            await emulator?.shutdown()
            FileHandle.standardError.write(Data("authpi-console: \(error)\n".utf8))
            throw ExitCode(2)
        }

        let outcome = await runScreen(client: client, plan: plan, baseURL: base, environment: environment, logger: logger)
        try? await client.close()
        await emulator?.shutdown()
        switch outcome {
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

    @MainActor
    private func runScreen(client: AuthPIClient, plan: LaunchPlan, baseURL: String,
                           environment: [String: String], logger: Logger) async -> ScreenOutcome {
        let store = ConsoleStore(
            source: AuthPIDataSource(client: client, credentialSource: plan.credentials.source),
            header: HeaderInfo(account: plan.credentials.accountID ?? "me", baseURL: baseURL, profile: plan.profileName),
            configuration: ConsoleConfiguration(isReadOnly: plan.readOnly))
        let terminal: NcursesTerminal
        do {
            terminal = try NcursesTerminal(environment: environment)
        } catch {
            FileHandle.standardError.write(Data("authpi-console: \(error)\n".utf8))
            return .failed(1)
        }
        if let refreshInterval { store.send(.setAutoRefresh(seconds: refreshInterval)) }
        store.start()
        // Started without an account id, paths use `me`; name the real account in the header once the API
        // says which it is. In the background: a slow server must not delay the first frame.
        let whoami: Task<Void, Never>? = plan.credentials.accountID == nil ? Task { @MainActor in
            guard let identity = try? await client.whoami() else { return }
            let accounts = identity.accounts.map(\.accountID)
            if accounts.count == 1 { store.send(.setHeaderAccount(accounts[0])) }
        } : nil
        defer { whoami?.cancel() }
        let configPath = ProfileConfig.defaultPath(environment: environment)
        let profileNames = ((try? ProfileConfig.load(path: configPath))??.profiles.keys).map { Array($0).sorted() } ?? []
        let driver = StoreDriver(store: store, profiles: profileNames)
        var switchTo: String?
        if !demo {
            driver.onProfileSwitch = { [readOnly, allowInsecureHTTP] name in
                // Check the profile now, so a typo costs a banner, not the session.
                do {
                    _ = try LaunchResolver.resolve(
                        flags: LaunchFlags(profile: name, readOnly: readOnly, allowInsecureHTTP: allowInsecureHTTP),
                        environment: environment, configPath: configPath)
                } catch let error as LaunchError {
                    return error.description
                } catch {
                    return "the profile could not be read"
                }
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
        return switchTo.map { .switchProfile($0) } ?? .quit
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
        case .apiKey(let key): [key]
        case .apiKeyPair(_, let secret): [secret]
        case .accessToken(let token): [token]
        }
    }
}
