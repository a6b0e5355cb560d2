public import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Starts emulators in-process.
public enum Emulator {
    /// Starts the server in-process; returns once it is listening.
    public static func start(_ options: EmulatorOptions = .init()) async throws -> RunningEmulator {
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let application = try buildApplication(options: options) { _, port in continuation.yield(.success(port)) }
        // Run under a ServiceGroup so shutdown is graceful: cancelling the server's task drops connections
        // accepted meanwhile unserved (see ConnectionGuard for what keeps those from trapping).
        let group = ServiceGroup(configuration: .init(
            services: [application], gracefulShutdownSignals: [],
            logger: Logger(label: "authpi-emulator", factory: { _ in SwiftLogNoOpLogHandler() })))
        let task = Task {
            do { try await group.run() } catch { continuation.yield(.failure(error)) }
            continuation.yield(.failure(EmulatorError.stoppedBeforeListening))
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .success(let port): return RunningEmulator(host: options.host, port: port, group: group, task: task)
            case .failure(let error):
                await group.triggerGracefulShutdown()
                await task.value
                throw EmulatorError.cannotListen(host: options.host, port: options.port, reason: "\(error)")
            }
        }
        throw EmulatorError.stoppedBeforeListening
    }
}

/// A running in-process emulator.
public final class RunningEmulator: Sendable {
    /// The address it listens on.
    public let host: String
    /// The bound port (the free port picked when the options said 0).
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    /// How long shutdown lets requests in flight finish (a fault may be delaying one) before it forces them.
    static let gracePeriod: Duration = .seconds(5)

    init(host: String, port: Int, group: ServiceGroup, task: Task<Void, Never>) {
        self.host = host
        self.port = port
        self.group = group
        self.task = task
    }

    /// `http://HOST:PORT`, with IPv6 hosts in brackets.
    public var baseURL: String { host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)" }

    /// Stops accepting connections, lets requests in flight finish (at most `gracePeriod`), and waits for the
    /// server to end. Safe to call more than once.
    public func shutdown() async {
        await group.triggerGracefulShutdown()
        let task = self.task
        let watchdog = Task {
            try await Task.sleep(for: Self.gracePeriod)
            task.cancel()
        }
        await task.value
        watchdog.cancel()
    }
}

/// Starts an emulator, runs `body`, and always shuts it down.
public func withEmulator<T: Sendable>(
    _ options: EmulatorOptions = .init(),
    _ body: (RunningEmulator) async throws -> T
) async throws -> T {
    let emulator = try await Emulator.start(options)
    do {
        let result = try await body(emulator)
        await emulator.shutdown()
        return result
    } catch {
        await emulator.shutdown()
        throw error
    }
}

/// Why an emulator could not start; safe to show.
public struct EmulatorError: Error, CustomStringConvertible, Sendable {
    private enum Code: Sendable {
        case invalidOptions(String)
        case cannotListen(String)
        case stoppedBeforeListening
    }

    private let code: Code

    /// Why it could not start; safe to show.
    public var description: String {
        switch code {
        case .invalidOptions(let reason): return "invalid emulator options: \(reason)"
        case .cannotListen(let reason): return reason
        case .stoppedBeforeListening: return "the emulator stopped before it was listening"
        }
    }

    /// True when the address could not be bound (port in use, bad host).
    public var isListenFailure: Bool { if case .cannotListen = code { return true } else { return false } }

    static func invalidOptions(_ reason: String) -> EmulatorError { .init(code: .invalidOptions(reason)) }
    static func cannotListen(host: String, port: Int, reason: String) -> EmulatorError {
        let inUse = reason.localizedLowercase.contains("address already in use") || reason.contains("EADDRINUSE") || reason.contains("errno: 98")
        return .init(code: .cannotListen(inUse ? "cannot listen on \(host):\(port): address already in use" : "cannot listen on \(host):\(port): \(reason)"))
    }
    static let stoppedBeforeListening = EmulatorError(code: .stoppedBeforeListening)
}

/// Builds the emulator application: shared by the `authpi-emulator` executable, the console's
/// `--demo` and the tests. `onServerRunning` receives the host and the bound port.
public func buildApplication(
    options: EmulatorOptions,
    onServerRunning: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
) throws -> some ApplicationProtocol {
    if let users = options.users, !(0...EmulatorOptions.maximumUsers).contains(users) {
        throw EmulatorError.invalidOptions("users must be between 0 and \(EmulatorOptions.maximumUsers)")
    }
    guard (0...65_535).contains(options.port) else { throw EmulatorError.invalidOptions("port must be between 0 and 65535") }
    guard (0...60_000).contains(options.latencyMilliseconds) else { throw EmulatorError.invalidOptions("latency must be between 0 and 60000 ms") }
    guard EmulatorOptions.idleTimeoutRange.contains(options.idleTimeoutSeconds) else {
        throw EmulatorError.invalidOptions("idle timeout must be between 0.1 and 3600 seconds")
    }
    let store = EmulatorStore(
        seed: options.seed, users: options.users, faults: options.faults, routes: APIRoutes.table, compatibility: options.compatibility
    )
    let responder = EmulatorResponder(store: store, latencyMilliseconds: options.latencyMilliseconds, compatibility: options.compatibility)
    let host = options.host
    return Application(
        responder: responder,
        server: .guardedHTTP1(configuration: .init(
            additionalChannelHandlers: [MalformedRequestHandler()],
            idleTimeout: .milliseconds(Int64(options.idleTimeoutSeconds * 1000))
        )),
        configuration: .init(address: .hostname(options.host, port: options.port), serverName: "authpi-emulator"),
        onServerRunning: { channel in
            await onServerRunning(host, channel.localAddress?.port ?? options.port)
        },
        logger: Logger(label: "authpi-emulator", factory: { _ in SwiftLogNoOpLogHandler() })
    )
}
