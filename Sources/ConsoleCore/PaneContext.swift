/// The ids (and display names, for the breadcrumb) a pane is scoped to.
public struct PaneContext: Sendable, Hashable {
    public var issuerID: String?
    public var issuerName: String?
    public var userID: String?
    public var userName: String?
    public var webhookID: String?
    public var webhookName: String?

    public init(
        issuerID: String? = nil, issuerName: String? = nil, userID: String? = nil, userName: String? = nil,
        webhookID: String? = nil, webhookName: String? = nil
    ) {
        self.issuerID = issuerID
        self.issuerName = issuerName
        self.userID = userID
        self.userName = userName
        self.webhookID = webhookID
        self.webhookName = webhookName
    }
}
