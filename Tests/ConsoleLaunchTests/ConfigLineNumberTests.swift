import Foundation
import Testing
@testable import ConsoleLaunch

/// Unknown keys in the config file are named with their line, as docs/console.md promises.
@Suite struct ConfigLineNumberTests {
    @Test func unknownProfileKeyNamesItsLine() throws {
        let text = """
            default_profile = "p"

            [profiles.other]
            api_kee = "wrong section"

            [profiles."p"]
            base_url = "https://api.example.test"
              api_kee = "key_a:s"
            """
        do {
            _ = try ProfileConfig.parse(text, path: "/tmp/config.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("api_kee"))
            // The first unknown key met may be either; each names its own line.
            #expect(error.description.contains("at line 4") || error.description.contains("at line 8"))
        }
        #expect(ProfileConfig.lineNumber(ofKey: "api_kee", inSection: "profiles.p", text: text) == 8)
        #expect(ProfileConfig.lineNumber(ofKey: "api_kee", inSection: "profiles.other", text: text) == 4)
        #expect(ProfileConfig.lineNumber(ofKey: "default_profile", inSection: nil, text: text) == 1)
    }

    @Test func unknownTopLevelKeyNamesItsLine() throws {
        do {
            _ = try ProfileConfig.parse("# comment\ndefault_profil = \"p\"\n", path: "/tmp/config.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("default_profil"))
            #expect(error.description.contains("at line 2"))
        }
    }
}
