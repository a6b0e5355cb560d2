// swift-tools-version: 6.1
// AuthPI: the Swift client core, a local emulator of the AuthPI Core API, and the terminal console.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "authpi-console",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "AuthPIAdmin", targets: ["AuthPIAdmin"]),
        .library(name: "AuthPIEmulator", targets: ["AuthPIEmulator"]),
        .library(name: "ConsoleCore", targets: ["ConsoleCore"]),
        .executable(name: "authpi-emulator", targets: ["authpi-emulator"]),
        .executable(name: "authpi-console", targets: ["authpi-console"]),
        .executable(name: "authpi-examples", targets: ["authpi-examples"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        // rel-emu: NIOHTTPTypes (HTTPRequestPart / HTTPResponsePart) for the emulator's malformed-request handler;
        // already resolved as a dependency of hummingbird.
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        // Client core: async, Sendable, at parity with the official Python SDK.
        .target(
            name: "AuthPIAdmin",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Local AuthPI Core API server (Hummingbird 2).
        .target(
            name: "AuthPIEmulator",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                // Graceful shutdown of the in-process server (cancelling its task can trap inside NIO).
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                // rel-emu: a JSON 400 for requests that are not valid HTTP (HTTPParserError).
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "authpi-emulator",
            dependencies: [
                "AuthPIEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Console state store: no terminal in it.
        .target(
            name: "ConsoleCore",
            dependencies: [
                "AuthPIAdmin",
                .product(name: "Collections", package: "swift-collections"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // ncursesw, wide-character build.
        .systemLibrary(
            name: "CNcurses",
            // No pkgConfig: ncursesw.pc adds -D_XOPEN_SOURCE=600, which SwiftPM prohibits and warns
            // about; the shim defines what it needs and the headers are on the default path.
            providers: [.apt(["libncurses-dev"])]
        ),
        // View layer: screen buffer, views, key map, theme, terminal backends.
        .target(
            name: "ConsoleUI",
            dependencies: ["ConsoleCore", "CNcurses"],
            swiftSettings: strict
        ),
        // Start-up decisions of the console: flags, environment, profiles, URL policy.
        .target(
            name: "ConsoleLaunch",
            dependencies: [
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "authpi-console",
            dependencies: [
                "ConsoleUI", "ConsoleCore", "ConsoleLaunch", "AuthPIAdmin", "AuthPIEmulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // The README's Swift snippets, compiled and run against the emulator by the test command.
        .executableTarget(
            name: "authpi-examples",
            dependencies: [
                "AuthPIAdmin", "AuthPIEmulator",
                // The "custom HTTP client" and "logging" snippets build an HTTPClient and a Logger.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AuthPIAdminTests",
            dependencies: ["AuthPIAdmin", "AuthPIEmulator", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AuthPIEmulatorTests",
            dependencies: [
                "AuthPIEmulator",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                // rel-emu: raw TCP clients for bad input, load and slow-client tests.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConsoleCoreTests",
            dependencies: ["ConsoleCore", "AuthPIAdmin", "AuthPIEmulator"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConsoleLaunchTests",
            dependencies: ["ConsoleLaunch"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConsoleUITests",
            dependencies: ["ConsoleUI", "ConsoleCore", "AuthPIEmulator"],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)

// bench-main (issue 6): the loopback ceiling `scripts/bench` measures the emulator against — a minimal
// Hummingbird server with one constant route (Benchmarks/Ceiling). Not part of the library products.
package.products.append(.executable(name: "authpi-bench-ceiling", targets: ["authpi-bench-ceiling"]))
package.targets.append(
    .executableTarget(
        name: "authpi-bench-ceiling",
        dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ],
        path: "Benchmarks/Ceiling",
        swiftSettings: strict
    ))

// MARK: bench-client (issue 6, parts 1–2): client-core benchmarks.
// `authpi-bench-client` runs one scenario against a running emulator and prints JSON (compared with the
// Python SDK by scripts/bench-parts/10-client); `ClientOverhead` (package-benchmark) compares the client
// core with raw AsyncHTTPClient making the same requests.
package.dependencies += [
    // MallocInterposer only: the default RuntimeInterposer trait pulls in a package not available here.
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
]
package.products += [
    .executable(name: "authpi-bench-client", targets: ["authpi-bench-client"]),
]
package.targets += [
    .executableTarget(
        name: "authpi-bench-client",
        dependencies: [
            "AuthPIAdmin",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ],
        path: "Benchmarks/ClientVsPython",
        swiftSettings: strict
    ),
    .executableTarget(
        name: "ClientOverhead",
        dependencies: [
            "AuthPIAdmin", "AuthPIEmulator",
            .product(name: "Benchmark", package: "benchmark"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOFoundationCompat", package: "swift-nio"),
        ],
        path: "Benchmarks/ClientOverhead",
        swiftSettings: strict,
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
]
