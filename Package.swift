// swift-tools-version: 6.1
// AuthPI: the Swift client core, a local emulator of the AuthPI Core API, and the terminal console.
//
// A library user who needs only the client depends on this package with `traits: []`: the emulator's and the
// console's dependencies (Hummingbird, TOMLKit, ArgumentParser, …) are then neither resolved nor fetched.
// `traits: ["Emulator"]` adds the in-process emulator for tests. Built here, as the root package, every
// default trait is on. Benchmarks live in their own package (Benchmarks/Package.swift).
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

/// A product of a package that only the emulator needs.
func emulatorOnly(_ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: .when(traits: ["Emulator"]))
}

/// A product of a package that only the console (and the executables) need.
func consoleOnly(_ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: .when(traits: ["Console"]))
}

let package = Package(
    name: "authpi-console",
    // The console is Linux-first (ncursesw, `/proc/self/exe` for `:profile`); the client core and the emulator
    // build on macOS too, so the package keeps its macOS floor for them.
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "AuthPIAdmin", targets: ["AuthPIAdmin"]),
        .library(name: "AuthPIEmulator", targets: ["AuthPIEmulator"]),
        .library(name: "ConsoleCore", targets: ["ConsoleCore"]),
        .executable(name: "authpi-emulator", targets: ["authpi-emulator"]),
        .executable(name: "authpi-console", targets: ["authpi-console"]),
    ],
    traits: [
        .trait(name: "Emulator", description: "The local AuthPI server (Hummingbird) and its executable."),
        .trait(
            name: "Console", description: "The terminal console and its launcher (TOMLKit, ArgumentParser).",
            enabledTraits: ["Emulator"]),
        .default(enabledTraits: ["Console"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        // `swift package generate-documentation` for the DocC catalogs; no target depends on it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin.git", from: "1.5.0"),
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
                emulatorOnly("Hummingbird", "hummingbird"),
                // The HTTP/1.1 child channel, wrapped so a connection dropped at shutdown cannot trap (ConnectionGuard).
                emulatorOnly("HummingbirdCore", "hummingbird"),
                // Graceful shutdown of the in-process server (cancelling its task can trap inside NIO).
                emulatorOnly("ServiceLifecycle", "swift-service-lifecycle"),
                // A JSON 400 for requests that are not valid HTTP (HTTPParserError → HTTPRequestPart).
                emulatorOnly("NIOHTTPTypes", "swift-nio-extras"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "authpi-emulator",
            dependencies: [
                "AuthPIEmulator",
                consoleOnly("ArgumentParser", "swift-argument-parser"),
                emulatorOnly("Hummingbird", "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Console state store: no terminal in it.
        .target(
            name: "ConsoleCore",
            dependencies: [
                "AuthPIAdmin",
                consoleOnly("Collections", "swift-collections"),
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
                consoleOnly("TOMLKit", "TOMLKit"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "authpi-console",
            dependencies: [
                "ConsoleUI", "ConsoleCore", "ConsoleLaunch", "AuthPIAdmin", "AuthPIEmulator",
                consoleOnly("ArgumentParser", "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // What more than one test target needs (the emulator's control API): one copy.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(
            name: "AuthPIAdminTests",
            dependencies: ["AuthPIAdmin", "AuthPIEmulator", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AuthPIEmulatorTests",
            dependencies: [
                "AuthPIEmulator",
                emulatorOnly("Hummingbird", "hummingbird"),
                emulatorOnly("HummingbirdTesting", "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                // Raw TCP clients for bad input, load and slow-client tests.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                // A connection set up, activated and dropped unserved, as NIO's accept loop can at shutdown.
                emulatorOnly("HummingbirdCore", "hummingbird"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            // Recorded response bytes, read from the source tree by GoldenResponseTests.
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConsoleCoreTests",
            dependencies: ["ConsoleCore", "AuthPIAdmin", "AuthPIEmulator", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConsoleLaunchTests",
            dependencies: ["ConsoleLaunch"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConsoleUITests",
            dependencies: ["ConsoleUI", "ConsoleCore", "AuthPIEmulator", "TestSupport"],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
