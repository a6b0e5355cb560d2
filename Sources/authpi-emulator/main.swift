import ArgumentParser
import AuthPIEmulator
import Foundation

/// `authpi-emulator`: a local AuthPI Core API server.
struct EmulatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authpi-emulator",
        abstract: "A local AuthPI Core API server (demo credentials: HTTP Basic key_demo:demo_secret, account acc_demo).",
        discussion: """
            Prints 'AuthPI emulator listening on http://HOST:PORT' when ready. Control API under /_emulator (loopback only).
            By default it answers like the real API: API keys only as HTTP Basic key_id:secret, no /v1/accounts/me alias.
            --compat 0.3 also accepts the seed SDK authpi-admin 0.3.0 (Bearer key_…, accounts/me, bare single resources).
            Fault spec: 'METHOD PATH STATUS [count=N] [retry_after=S] [delay_ms=MS]' or the JSON object of POST /_emulator/faults.
            Exit codes: 0 clean shutdown, 1 cannot listen / start, 2 bad flags.
            """
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free port).") var port = 4010
    @Option(help: "Seed data: demo or empty.") var seed = "demo"
    @Option(help: "Fill the first issuer with N users (0...1000000), generated on demand.") var users: Int?
    @Option(name: .customLong("latency-ms"), help: "Latency added to every /v1 request, in milliseconds.") var latencyMilliseconds = 0
    @Option(name: .customLong("fault"), help: "Arm a fault at start (repeatable).") var faults: [String] = []
    @Option(name: .customLong("idle-timeout"), help: "Close connections that send nothing for this many seconds (0.1...3600).")
    var idleTimeout = EmulatorOptions.defaultIdleTimeoutSeconds
    @Option(help: "Also accept an older client's forms: 0.3 (authpi-admin 0.3.0). Default: the real API's rules only.")
    var compat: String?

    func validate() throws {
        guard EmulatorSeed(rawValue: seed) != nil else { throw ValidationError("--seed must be demo or empty") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let users, !(0...EmulatorOptions.maximumUsers).contains(users) {
            throw ValidationError("--users must be between 0 and \(EmulatorOptions.maximumUsers)")
        }
        guard (0...60_000).contains(latencyMilliseconds) else { throw ValidationError("--latency-ms must be between 0 and 60000") }
        guard EmulatorOptions.idleTimeoutRange.contains(idleTimeout) else { throw ValidationError("--idle-timeout must be between 0.1 and 3600") }
        if let compat, EmulatorCompatibility(rawValue: compat) == nil {
            throw ValidationError("--compat must be \(EmulatorCompatibility.allCases.map(\.rawValue).joined(separator: " or "))")
        }
        for spec in faults {
            do { _ = try FaultRule(spec: spec) } catch { throw ValidationError("--fault: \(error.description)") }
        }
    }

    func options() throws -> EmulatorOptions {
        EmulatorOptions(
            host: host, port: port, seed: EmulatorSeed(rawValue: seed) ?? .demo, users: users,
            latencyMilliseconds: latencyMilliseconds, faults: try faults.map { try FaultRule(spec: $0) }, idleTimeoutSeconds: idleTimeout,
            compatibility: compat.flatMap(EmulatorCompatibility.init(rawValue:))
        )
    }
}

func writeError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}

let command: EmulatorCommand
do {
    // `parse()`, not `parseAsRoot()`: for --help / -h the latter returns a help command, not an EmulatorCommand,
    // while `parse()` throws the help request that the catch below prints with exit 0.
    command = try EmulatorCommand.parse()
} catch {
    if EmulatorCommand.exitCode(for: error) == .success {
        print(EmulatorCommand.fullMessage(for: error))
        exit(0)
    }
    writeError("authpi-emulator: \(EmulatorCommand.message(for: error))")
    writeError("Usage: " + EmulatorCommand.usageString() + "\nSee authpi-emulator --help.")
    exit(2)
}

do {
    let options = try command.options()
    let application = try buildApplication(options: options) { host, port in
        let shown = host.contains(":") ? "[\(host)]" : host
        // Unbuffered: scripts wait for this line on a pipe.
        FileHandle.standardOutput.write(Data("AuthPI emulator listening on http://\(shown):\(port)\n".utf8))
    }
    try await application.runService()
} catch {
    let text = "\(error)"
    if text.contains("Address already in use") || text.contains("errno: 98") || text.localizedLowercase.contains("address already in use") {
        writeError("authpi-emulator: cannot listen on \(command.host):\(command.port): address already in use")
    } else {
        writeError("authpi-emulator: cannot start: \(text)")
    }
    exit(1)
}
