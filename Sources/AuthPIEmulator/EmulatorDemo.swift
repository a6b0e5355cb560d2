/// Well-known demo credentials and ids of the deterministic demo seed, for tests and docs.
public enum EmulatorDemo {
    /// The demo account, `acc_demo`: `key_demo` acts on it.
    public static let accountID = "acc_demo"
    /// Another account that exists but the demo key may not act on (403).
    public static let otherAccountID = "acc_other"
    /// The demo API key id; its secret is ``apiKeySecret``. Both seeds have it.
    public static let apiKeyID = "key_demo"
    /// The demo API key secret; with ``apiKeyID`` it is sent as HTTP Basic.
    public static let apiKeySecret = "demo_secret"
    /// A second demo key (HTTP Basic) whose identity may act on both `accountID` and `otherAccountID`:
    /// `GET /v1/me` lists both, so a client must pick one (the console's account picker).
    public static let multiAccountKeyID = "key_multi"
    /// The secret of ``multiAccountKeyID``.
    public static let multiAccountKeySecret = "multi_secret"
    /// The accounts `multiAccountKeyID` may act on, in the order `GET /v1/me` lists them.
    public static let multiAccountKeyAccountIDs = [accountID, otherAccountID]
    /// The first issuer (holds the `--users N` users). Issuer ids have the real API's shape, `i_` + 14 lowercase
    /// letters and digits, derived from the seed's issuer names (`Deterministic.issuerID(seedName:)`).
    public static let issuerID = "i_o1wcay2lq69ndc"  // "iss_acme_prod"
    /// The second demo issuer, "Acme Staging" (40 users).
    public static let secondIssuerID = "i_4klyiv6zmcil5c"  // "iss_acme_staging"
    /// The third demo issuer, "Globex Workforce" (12 users).
    public static let thirdIssuerID = "i_10ysk7uh2oi3z5"  // "iss_globex"
    /// A disabled issuer with no users.
    public static let legacyIssuerID = "i_7e3qfiaw81p83n"  // "iss_initech_legacy"
    /// The four demo issuers, in creation order.
    public static let issuerIDs = [issuerID, secondIssuerID, thirdIssuerID, legacyIssuerID]
    /// Users seeded in the first issuer by `--seed demo` without `--users`.
    public static let demoUserCount = 300
    /// An active user of the first issuer with several sessions, tokens, trusted devices and verifiers.
    public static var userWithSessionsID: String { Seed.richUserID }
    /// An active session of `userWithSessionsID`.
    public static var activeSessionID: String { Seed.sessionID(userIndex: Seed.richUserIndex, number: 0) }
    /// A webhook with deliveries in mixed states.
    public static let webhookWithDeliveriesID = "wh_demo_primary"
    /// An organization of the first issuer with groups, members and invitations.
    public static let organizationID = "org_acme_eng"
    /// A client and an agent of the first issuer.
    public static let clientID = "cli_acme_web"
    /// A demo agent with verifiers, of the first issuer.
    public static let agentID = "agt_acme_support"
    /// The seed's reference "now" (Unix seconds): seeded timestamps lie before it.
    public static let seedTime = 1_795_000_000
}
