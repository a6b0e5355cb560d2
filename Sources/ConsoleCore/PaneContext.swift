/// The ids (and display names, for the breadcrumb) a pane is scoped to.
public struct PaneContext: Sendable, Hashable {
    public var issuerID: String?
    public var issuerName: String?
    public var userID: String?
    public var userName: String?
    public var webhookID: String?
    public var webhookName: String?
    /// The organization whose members, groups, invitations or API keys are listed.
    public var organizationID: String?
    public var organizationName: String?
    /// The agent whose verifiers are listed.
    public var agentID: String?
    public var agentName: String?

    public init(
        issuerID: String? = nil, issuerName: String? = nil, userID: String? = nil, userName: String? = nil,
        webhookID: String? = nil, webhookName: String? = nil, organizationID: String? = nil,
        organizationName: String? = nil, agentID: String? = nil, agentName: String? = nil
    ) {
        self.issuerID = issuerID
        self.issuerName = issuerName
        self.userID = userID
        self.userName = userName
        self.webhookID = webhookID
        self.webhookName = webhookName
        self.organizationID = organizationID
        self.organizationName = organizationName
        self.agentID = agentID
        self.agentName = agentName
    }
}
