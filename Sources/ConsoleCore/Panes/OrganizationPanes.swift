/// What an organization's four panes (members, groups, invitations, API keys) share: Tab cycles them in the
/// organization's context.
enum OrganizationPanes {
    static let tab = TabNavigation(
        .cycles(PaneKind.organizationScope), help: "members / groups / invitations / API keys of the organization")
}
