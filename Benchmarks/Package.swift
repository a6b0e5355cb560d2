// swift-tools-version: 6.1
// Benchmarks of the AuthPI package, kept out of the root package so that a library user never resolves
// ordo-one/benchmark. `scripts/bench` builds and runs them (BENCHMARKS.md); `scripts/test` builds them in its
// bench-quick stage so that they cannot rot.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "authpi-benchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "authpi-bench-ceiling", targets: ["authpi-bench-ceiling"]),
        .executable(name: "authpi-bench-client", targets: ["authpi-bench-client"]),
    ],
    dependencies: [
        // The root package, with its default traits (the emulator is needed by ClientOverhead).
        .package(name: "authpi-console", path: ".."),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // MallocInterposer only: the default RuntimeInterposer trait pulls in a package not available here.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The loopback ceiling the emulator is measured against: a minimal Hummingbird server, one constant route.
        .executableTarget(
            name: "authpi-bench-ceiling",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Ceiling",
            swiftSettings: strict
        ),
        // One client scenario against a running emulator, printed as JSON (compared with the Python SDK).
        .executableTarget(
            name: "authpi-bench-client",
            dependencies: [
                .product(name: "AuthPIAdmin", package: "authpi-console"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "ClientVsPython",
            swiftSettings: strict
        ),
        // package-benchmark: the client core against raw AsyncHTTPClient making the same requests. The plugin
        // finds benchmark targets by their folder's parent being named "Benchmarks", which this folder is.
        .executableTarget(
            name: "ClientOverhead",
            dependencies: [
                .product(name: "AuthPIAdmin", package: "authpi-console"),
                .product(name: "AuthPIEmulator", package: "authpi-console"),
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            path: "ClientOverhead",
            swiftSettings: strict,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
