/// Every kind of pane the console shows. What each one is (title, columns, fetch, actions, keys) lives in its
/// descriptor under `Panes/`; the properties here are read from it.
public enum PaneKind: String, Sendable, Hashable, CaseIterable {
    case issuers, users, clients, agents, organizations
    case members, groups, invitations, organizationAPIKeys, agentVerifiers
    case userDetail, sessions, tokens, trustedDevices, verifiers
    case webhooks, deliveries, apiKeys, events, errors
    case eventsChart, requests

    /// The registry: one line per pane.
    public var descriptor: PaneDescriptor {
        switch self {
        case .issuers: IssuersPane.descriptor
        case .users: UsersPane.descriptor
        case .clients: ClientsPane.descriptor
        case .agents: AgentsPane.descriptor
        case .organizations: OrganizationsPane.descriptor
        case .members: MembersPane.descriptor
        case .groups: GroupsPane.descriptor
        case .invitations: InvitationsPane.descriptor
        case .organizationAPIKeys: APIKeysPane.organizationDescriptor
        case .agentVerifiers: AgentVerifiersPane.descriptor
        case .userDetail: UserDetailPane.descriptor
        case .sessions: SessionsPane.descriptor
        case .tokens: TokensPane.descriptor
        case .trustedDevices: TrustedDevicesPane.descriptor
        case .verifiers: VerifiersPane.descriptor
        case .webhooks: WebhooksPane.descriptor
        case .deliveries: DeliveriesPane.descriptor
        case .apiKeys: APIKeysPane.accountDescriptor
        case .events: EventsPane.descriptor
        case .errors: ErrorsPane.descriptor
        case .eventsChart: EventsChartPane.descriptor
        case .requests: RequestsPane.descriptor
        }
    }

    public var title: String { descriptor.title }

    /// Column headers, in the order of `ConsoleRow.cells`.
    public var columns: [String] { descriptor.columns.map(\.header) }

    /// The column colored by status, if any.
    public var statusColumn: Int? { descriptor.statusColumn }

    /// Filter keys (`key:value` in the filter text) that the API filters on, mapped to query parameter names.
    public var serverFilterKeys: [String: String] { descriptor.serverFilterKeys }

    /// Whether free filter text is sent as the server's `q` (otherwise it filters loaded rows client-side).
    public var supportsServerQuery: Bool { descriptor.sendsFreeTextAsQuery }

    /// Whether the pane lists data from the server (the user detail and errors panes are built locally).
    public var isServerList: Bool { descriptor.source != nil }

    /// Whether `e` edits a user from this pane.
    public var canEditUser: Bool { descriptor.editsUser }

    /// Panes that Tab / Shift-Tab cycle through, when this pane is one of them.
    public var siblings: [PaneKind]? {
        if case .cycles(let panes) = descriptor.tab?.move { return panes }
        return nil
    }

    public static let issuerScope: [PaneKind] = [.users, .clients, .agents, .organizations]
    public static let userScope: [PaneKind] = [.sessions, .tokens, .trustedDevices, .verifiers]
    /// An organization's panes (⏎ on an organization opens the first; Tab cycles them).
    public static let organizationScope: [PaneKind] = [.members, .groups, .invitations, .organizationAPIKeys]
}

/// Command palette targets (`:issuers :users :webhooks :events :errors :clients :agents :orgs :sessions :apikeys :events chart :requests`).
public enum JumpTarget: String, Sendable, CaseIterable {
    case issuers, users, webhooks, events, errors
    /// The lists of an issuer (the one in context, or selected on Issuers, or named).
    case clients, agents, organizations
    /// The sessions of the user in context.
    case sessions
    /// The account's API keys; the events chart; the console's own request log.
    case apiKeys, eventsChart, requests

    /// The pane it opens.
    public var pane: PaneKind {
        switch self {
        case .issuers: .issuers
        case .users: .users
        case .webhooks: .webhooks
        case .events: .events
        case .errors: .errors
        case .clients: .clients
        case .agents: .agents
        case .organizations: .organizations
        case .sessions: .sessions
        case .apiKeys: .apiKeys
        case .eventsChart: .eventsChart
        case .requests: .requests
        }
    }

    /// Whether it lists the resources of one issuer.
    public var isIssuerScoped: Bool { PaneKind.issuerScope.contains(pane) }
}
