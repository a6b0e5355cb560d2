import AsyncHTTPClient
import AuthPIAdmin
import AuthPIEmulator
import Benchmark
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

// The client core against raw AsyncHTTPClient making the same requests (issue 6, part 2).
//
// "The same request": same URL, same HTTPClient instance (so the same connection pool), same headers
// (Basic auth, Accept, User-Agent), the whole body collected, status checked, and the JSON decoded.
// The reference decodes with Foundation's JSONDecoder into hand-written Decodable structs covering every
// field the emulator sends — what code written straight on AsyncHTTPClient would do. A third contender
// ("bytes only") skips decoding: the floor no client can go under.
//
// Server: AUTHPI_BENCH_BASE_URL (an emulator started with enough users, pinned to another CPU by
// scripts/bench-parts/10-client), else an in-process emulator, whose own work and allocations are then
// counted too.

let benchmarks: @Sendable () -> Void = {
    let quick = ProcessInfo.processInfo.environment["BENCH_QUICK"] == "1"
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds,
        warmupIterations: quick ? 5 : 100,
        maxDuration: quick ? .milliseconds(300) : .seconds(4),
        maxIterations: quick ? 50 : 20_000
    )
    Benchmark.setup = { try await Fixture.shared.start() }
    Benchmark.teardown = { try await Fixture.shared.stop() }

    // MARK: one user

    Benchmark("GET user: AuthPIAdmin") { benchmark in
        let state = try await Fixture.shared.state()
        let users = state.client.issuer(Fixture.issuer).users
        for _ in benchmark.scaledIterations {
            let user = try await users.get(state.userID)
            blackHole(user.username)
        }
    }

    Benchmark("GET user: raw AHC + JSONDecoder") { benchmark in
        let state = try await Fixture.shared.state()
        let decoder = JSONDecoder()
        for _ in benchmark.scaledIterations {
            let (body, etag) = try await state.rawGet(state.userURL)
            let user = try decoder.decode(RawUserEnvelope.self, from: body).data
            blackHole(user.username)
            blackHole(etag)
        }
    }

    Benchmark("GET user: raw AHC, bytes only") { benchmark in
        let state = try await Fixture.shared.state()
        for _ in benchmark.scaledIterations {
            blackHole(try await state.rawGet(state.userURL).body.readableBytes)
        }
    }

    // MARK: a page of 100 users

    Benchmark("list 100 users: AuthPIAdmin") { benchmark in
        let state = try await Fixture.shared.state()
        let users = state.client.issuer(Fixture.issuer).users
        for _ in benchmark.scaledIterations {
            let page = try await users.list(limit: 100)
            blackHole(page.data.last?.id)
        }
    }

    Benchmark("list 100 users: raw AHC + JSONDecoder") { benchmark in
        let state = try await Fixture.shared.state()
        let decoder = JSONDecoder()
        for _ in benchmark.scaledIterations {
            let page = try decoder.decode(RawUserPage.self, from: try await state.rawGet(state.pageURL).body)
            blackHole(page.data.last?.userID)
        }
    }

    Benchmark("list 100 users: raw AHC, bytes only") { benchmark in
        let state = try await Fixture.shared.state()
        for _ in benchmark.scaledIterations {
            blackHole(try await state.rawGet(state.pageURL).body.readableBytes)
        }
    }
}

/// What every benchmark of one process shares: the server, one HTTPClient, the SDK client on top of it.
actor Fixture {
    static let shared = Fixture()
    static let issuer = EmulatorDemo.issuerID
    static let account = EmulatorDemo.accountID

    struct State: Sendable {
        let http: HTTPClient
        let client: AuthPIClient
        let emulator: RunningEmulator?
        let userID: String
        let userURL: String
        let pageURL: String
        let headers: HTTPHeaders

        /// The raw request: what the client core does, minus the client core.
        func rawGet(_ url: String) async throws -> (body: ByteBuffer, etag: String?) {
            var request = HTTPClientRequest(url: url)
            request.method = .GET
            request.headers = headers
            let response = try await http.execute(request, deadline: .now() + .seconds(30))
            let body = try await response.body.collect(upTo: 8 * 1024 * 1024)
            guard response.status == .ok else { throw FixtureError(message: "status \(response.status.code) for \(url)") }
            return (body, response.headers.first(name: "ETag"))
        }
    }

    private var current: State?

    func start() async throws {
        guard current == nil else { return }
        let environment = ProcessInfo.processInfo.environment
        let emulator: RunningEmulator?
        let baseURL: String
        if let external = environment["AUTHPI_BENCH_BASE_URL"], !external.isEmpty {
            emulator = nil
            baseURL = external
        } else {
            let started = try await Emulator.start(EmulatorOptions(users: 1_000))
            emulator = started
            baseURL = started.baseURL
        }
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = .disallow  // as the SDK's own transport
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let client = try AuthPIClient(
            keyID: "key_demo", keySecret: "demo_secret",
            configuration: Configuration(baseURL: baseURL, accountID: Self.account, retries: .disabled),
            httpClient: http)
        guard let userID = try await client.issuer(Self.issuer).users.list(limit: 1).data.first?.id else {
            throw FixtureError(message: "the emulator has no users in \(Self.issuer)")
        }
        var headers = HTTPHeaders()
        let basic = Data("key_demo:demo_secret".utf8).base64EncodedString()
        headers.add(name: "Authorization", value: "Basic \(basic)")
        headers.add(name: "Accept", value: "application/json")
        headers.add(name: "User-Agent", value: "authpi-admin-swift/\(AuthPIAdminVersion.string)")
        let users = "\(baseURL)/v1/accounts/\(Self.account)/issuers/\(Self.issuer)/users"
        current = State(
            http: http, client: client, emulator: emulator, userID: userID, userURL: "\(users)/\(userID)",
            pageURL: "\(users)?limit=100", headers: headers)
    }

    func state() throws -> State {
        guard let current else { throw FixtureError(message: "the fixture was not started") }
        return current
    }

    func stop() async throws {
        guard let state = current else { return }
        current = nil
        try await state.client.close()
        try await state.http.shutdown()
        await state.emulator?.shutdown()
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
