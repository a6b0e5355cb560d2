import Foundation
import Testing
@testable import ConsoleLaunch

/// A private temp dir per test with a config file of the given mode.
private func withConfig(_ text: String?, mode: mode_t = 0o600,
                        _ body: (String) throws -> Void) throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("authpi-launch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("config.toml").path
    if let text {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, mode)
    }
    try body(path)
}

private let sampleConfig = """
default_profile = "prod"

[profiles.prod]
base_url = "https://api.example.test"
account_id = "acc_prod"
api_key_id = "key_prod"
api_key_secret = "s3cret-prod-value"
read_only = true

[profiles.local]
base_url = "http://127.0.0.1:4010"
api_key = "key_demo:demo_secret"

[profiles.bare]
api_key = "key_bare_only"
"""

@Suite struct LaunchResolverTests {
    @Test func mouseIsOnUnlessTheFlagOrTheProfileSaysOff() throws {
        let config = """
        [profiles.quiet]
        api_key = "key_demo:demo_secret"
        mouse = false

        [profiles.plain]
        api_key = "key_demo:demo_secret"
        """
        try withConfig(config) { path in
            let plain = try LaunchResolver.resolve(flags: .init(profile: "plain"), environment: [:], configPath: path)
            let quiet = try LaunchResolver.resolve(flags: .init(profile: "quiet"), environment: [:], configPath: path)
            let flagged = try LaunchResolver.resolve(
                flags: .init(profile: "plain", noMouse: true), environment: [:], configPath: path)
            let fromEnvironment = try LaunchResolver.resolve(
                flags: .init(noMouse: true), environment: ["AUTHPI_API_KEY": "key_a:b"], configPath: path)
            #expect(plain.mouse)
            #expect(!quiet.mouse)
            #expect(!flagged.mouse)
            #expect(!fromEnvironment.mouse)
        }
        try withConfig("[profiles.bad]\napi_key = \"key_demo:demo_secret\"\nmouse = \"no\"\n") { path in
            #expect(throws: LaunchError.self) {
                _ = try LaunchResolver.resolve(flags: .init(profile: "bad"), environment: [:], configPath: path)
            }
        }
    }

    @Test func environmentAPIKeyPairInOneVariableIsSplit() throws {
        try withConfig(nil) { path in
            let plan = try LaunchResolver.resolve(
                flags: .init(), environment: ["AUTHPI_API_KEY": "key_abc:s3cret:with-colon"], configPath: path)
            #expect(plan.credentials.kind == .apiKeyPair(id: "key_abc", secret: "s3cret:with-colon"))
            #expect(plan.credentials.accountID == nil)
            #expect(plan.baseURL == "https://api.authpi.com")
            #expect(plan.credentials.source.contains("AUTHPI_API_KEY"))
            #expect(plan.credentials.sentDescription == "Basic key pair key_abc from environment variable AUTHPI_API_KEY")
            #expect(plan.readOnly == false)
        }
    }

    @Test func bareAPIKeyIsRefusedWithHowToPassThePair() throws {
        try withConfig(sampleConfig) { path in
            for bare in ["key_abc", "key_abc:", ":secret", "abc:secret"] {
                do {
                    _ = try LaunchResolver.resolve(flags: .init(), environment: ["AUTHPI_API_KEY": bare], configPath: path)
                    Issue.record("expected \(bare) to be refused")
                } catch let error as LaunchError {
                    #expect(error.isBareAPIKey)
                    #expect(error.exitCode == 2)
                    #expect(error.description.contains("AUTHPI_API_KEY=key_id:secret"))
                    #expect(error.description.contains("AUTHPI_API_KEY_ID and AUTHPI_API_KEY_SECRET"))
                    #expect(!error.description.contains("secret\"") && !error.description.contains("abc"))
                }
            }
            do {
                _ = try LaunchResolver.resolve(flags: .init(profile: "bare"), environment: [:], configPath: path)
                Issue.record("expected the bare profile key to be refused")
            } catch let error as LaunchError {
                #expect(error.isProfileInvalid)
                #expect(error.description.contains("api_key=key_id:secret"))
                #expect(error.description.contains("api_key_id and api_key_secret"))
                #expect(!error.description.contains("key_bare_only"))
            }
            let local = try LaunchResolver.resolve(flags: .init(profile: "local"), environment: [:], configPath: path)
            #expect(local.credentials.kind == .apiKeyPair(id: "key_demo", secret: "demo_secret"))
            #expect(local.credentials.source.contains("profile 'local' (--profile)"))
        }
    }

    @Test func keyPairNeedsBothHalvesAndKeyPrefix() throws {
        try withConfig(nil) { path in
            #expect(throws: LaunchError.self) {
                try LaunchResolver.resolve(flags: .init(), environment: ["AUTHPI_API_KEY_ID": "key_a"], configPath: path)
            }
            #expect(throws: LaunchError.self) {
                try LaunchResolver.resolve(flags: .init(), environment: ["AUTHPI_API_KEY_ID": "abc", "AUTHPI_API_KEY_SECRET": "x"], configPath: path)
            }
            let plan = try LaunchResolver.resolve(flags: .init(), environment: ["AUTHPI_API_KEY_ID": "key_a", "AUTHPI_API_KEY_SECRET": "x"], configPath: path)
            #expect(plan.credentials.kind == .apiKeyPair(id: "key_a", secret: "x"))
        }
    }

    @Test func accessTokenWithoutAccountLeavesTheChoiceToThePicker() throws {
        try withConfig(nil) { path in
            let open = try LaunchResolver.resolve(flags: .init(), environment: ["AUTHPI_ACCESS_TOKEN": "tok_1"], configPath: path)
            #expect(open.credentials.accountID == nil)
            #expect(open.credentials.sentDescription == "access token from environment variable AUTHPI_ACCESS_TOKEN")
            #expect(!open.credentials.description.contains("tok_1"))
            let plan = try LaunchResolver.resolve(flags: .init(accountID: "acc_1"), environment: ["AUTHPI_ACCESS_TOKEN": "tok_1"], configPath: path)
            #expect(plan.credentials.accountID == "acc_1")
        }
    }

    @Test func twoCredentialKindsConflict() throws {
        try withConfig(nil) { path in
            #expect(throws: LaunchError.self) {
                try LaunchResolver.resolve(flags: .init(), environment: ["AUTHPI_API_KEY": "key_a:s", "AUTHPI_ACCESS_TOKEN": "t"], configPath: path)
            }
        }
    }

    @Test func missingCredentialsSaysWhatToSet() throws {
        try withConfig(nil) { path in
            do {
                _ = try LaunchResolver.resolve(flags: .init(), environment: [:], configPath: path)
                Issue.record("expected an error")
            } catch let error as LaunchError {
                #expect(error.isMissingCredentials)
                #expect(error.description.contains("AUTHPI_API_KEY"))
                #expect(error.description.contains("--demo"))
            }
        }
    }

    @Test func explicitProfileWinsAndFlagsOverrideIt() throws {
        try withConfig(sampleConfig) { path in
            let plan = try LaunchResolver.resolve(flags: .init(profile: "prod"), environment: ["AUTHPI_API_KEY": "key_env:env-secret"], configPath: path)
            #expect(plan.credentials.kind == .apiKeyPair(id: "key_prod", secret: "s3cret-prod-value"))
            #expect(plan.credentials.accountID == "acc_prod")
            #expect(plan.baseURL == "https://api.example.test")
            #expect(plan.profileName == "prod")
            #expect(plan.readOnly)
            #expect(!plan.credentials.description.contains("s3cret"))
            let overridden = try LaunchResolver.resolve(flags: .init(baseURL: "https://other.test/", accountID: "acc_x", profile: "prod"), environment: [:], configPath: path)
            #expect(overridden.baseURL == "https://other.test")
            #expect(overridden.credentials.accountID == "acc_x")
        }
    }

    @Test func defaultProfileIsUsedWithoutEnvironment() throws {
        try withConfig(sampleConfig) { path in
            let plan = try LaunchResolver.resolve(flags: .init(), environment: [:], configPath: path)
            #expect(plan.profileName == "prod")
        }
    }

    @Test func unknownProfileListsKnownOnes() throws {
        try withConfig(sampleConfig) { path in
            do {
                _ = try LaunchResolver.resolve(flags: .init(profile: "staging"), environment: [:], configPath: path)
                Issue.record("expected an error")
            } catch let error as LaunchError {
                #expect(error.isUnknownProfile)
                #expect(error.description.contains("local, prod"))
            }
        }
    }

    @Test func configReadableByOthersIsRefused() throws {
        try withConfig(sampleConfig, mode: 0o644) { path in
            do {
                _ = try LaunchResolver.resolve(flags: .init(profile: "prod"), environment: [:], configPath: path)
                Issue.record("expected an error")
            } catch let error as LaunchError {
                #expect(error.isConfigTooOpen)
                #expect(error.description.contains("chmod 600"))
                #expect(error.description.contains("644"))
            }
        }
    }

    @Test func badTOMLNamesTheLine() throws {
        try withConfig("[profiles.prod\napi_key = 1", mode: 0o600) { path in
            do {
                _ = try LaunchResolver.resolve(flags: .init(profile: "prod"), environment: [:], configPath: path)
                Issue.record("expected an error")
            } catch let error as LaunchError {
                #expect(error.isConfigInvalid)
                #expect(error.description.contains("line 1"))
            }
        }
    }

    @Test func unknownProfileKeyAndWrongTypesAreNamed() throws {
        try withConfig("[profiles.p]\napi_kee = \"key_a\"\n") { path in
            do {
                _ = try LaunchResolver.resolve(flags: .init(profile: "p"), environment: [:], configPath: path)
                Issue.record("expected an error")
            } catch let error as LaunchError { #expect(error.description.contains("api_kee")) }
        }
        try withConfig("[profiles.p]\napi_key = 5\n") { path in
            do {
                _ = try LaunchResolver.resolve(flags: .init(profile: "p"), environment: [:], configPath: path)
                Issue.record("expected an error")
            } catch let error as LaunchError { #expect(error.description.contains("api_key must be a string")) }
        }
    }

    @Test func secretsNeverInErrorsOrDescriptions() throws {
        try withConfig(sampleConfig, mode: 0o640) { path in
            do {
                _ = try LaunchResolver.resolve(flags: .init(profile: "prod"), environment: [:], configPath: path)
            } catch let error as LaunchError {
                #expect(!error.description.contains("s3cret-prod-value"))
            }
        }
        let creds = LaunchCredentials(kind: .apiKeyPair(id: "key_a", secret: "very-secret"), accountID: nil, source: "test")
        #expect(!String(describing: creds).contains("very-secret"))
        #expect(!String(reflecting: creds).contains("very-secret"))
    }
}

@Suite struct BaseURLPolicyTests {
    @Test func acceptsHTTPSAndLoopbackHTTP() throws {
        #expect(try BaseURLPolicy.validate("https://api.authpi.dev/", allowInsecureHTTP: false) == "https://api.authpi.dev")
        #expect(try BaseURLPolicy.validate("http://127.0.0.1:4010", allowInsecureHTTP: false) == "http://127.0.0.1:4010")
        #expect(try BaseURLPolicy.validate("http://localhost:4010", allowInsecureHTTP: false) == "http://localhost:4010")
        #expect(try BaseURLPolicy.validate("http://[::1]:4010", allowInsecureHTTP: false) == "http://[::1]:4010")
    }

    @Test func refusesPlainHTTPToOtherHostsUnlessAllowed() throws {
        do {
            _ = try BaseURLPolicy.validate("http://api.example.test", allowInsecureHTTP: false)
            Issue.record("expected an error")
        } catch {
            #expect(error.isInsecureHTTP)
            #expect(error.description.contains("--allow-insecure-http"))
        }
        #expect(try BaseURLPolicy.validate("http://api.example.test", allowInsecureHTTP: true) == "http://api.example.test")
    }

    @Test(arguments: ["", "not a url", "ftp://x.test", "https://", "https://u:p@x.test", "https://x.test/?a=1"])
    func refusesMalformed(_ raw: String) {
        #expect(throws: LaunchError.self) { try BaseURLPolicy.validate(raw, allowInsecureHTTP: false) }
    }

    @Test func userinfoIsNotEchoed() {
        do {
            _ = try BaseURLPolicy.validate("https://key_a:topsecret@x.test", allowInsecureHTTP: false)
        } catch {
            #expect(!error.description.contains("topsecret"))
        }
    }
}

/// Bad input at the console's start-up edges, each a `LaunchError` naming the problem.
@Suite struct LaunchEdgeTests {
    @Test(arguments: [
        ("http://exa mple", "not a URL"), ("ftp://files.example.test", "not ftp"), ("https://", "no host"),
        ("gopher://x.test", "not gopher"), ("   ", "empty"),
    ])
    func badBaseURLsNameTheProblem(_ raw: String, _ expected: String) {
        do {
            _ = try BaseURLPolicy.validate(raw, allowInsecureHTTP: false)
            Issue.record("\(raw) was accepted")
        } catch {
            #expect(error.isBadBaseURL)
            #expect(error.description.contains(expected), "\(error.description)")
            #expect(error.exitCode == 2)
        }
    }

    @Test func logFileThatCannotBeWrittenIsNamed() {
        let directory = NSTemporaryDirectory()
        for path in ["/proc/x/y", directory, ""] {
            do {
                _ = try FileLogSink(path: path, secrets: [])
                Issue.record("\(path) was accepted")
            } catch {
                #expect(error.description.hasPrefix("cannot write the log file \(path)"), "\(error.description)")
            }
        }
    }

    @Test func configThatIsADirectoryOrNotUTF8OrTooBig() throws {
        let root = NSTemporaryDirectory() + "authpi-edge-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/dir.toml", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            _ = try ProfileConfig.load(path: root + "/dir.toml")
            Issue.record("a directory was accepted")
        } catch {
            #expect(error.description.contains("not a regular file"))
        }
        let binary = root + "/binary.toml"
        #expect(FileManager.default.createFile(atPath: binary, contents: Data([0xFF, 0xFE, 0x5B]), attributes: [.posixPermissions: 0o600]))
        do {
            _ = try ProfileConfig.load(path: binary)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.isConfigInvalid)
            #expect(error.description.contains("not UTF-8"))
        }
        let big = root + "/big.toml"
        #expect(FileManager.default.createFile(atPath: big, contents: Data(repeating: 0x23, count: (1 << 20) + 1),
                                       attributes: [.posixPermissions: 0o600]))
        do {
            _ = try ProfileConfig.load(path: big)
            Issue.record("a 1 MiB + 1 file was accepted")
        } catch {
            #expect(error.description.contains("larger than 1 MiB"))
        }
    }
}
