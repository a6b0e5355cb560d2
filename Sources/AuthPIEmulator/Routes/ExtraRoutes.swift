/// The remaining resource families.
enum ExtraRoutes {
    static func register(_ table: inout RouteTable) {
        ApiKeyRoutes.register(&table, base: "\(APIRoutes.acct)/api-keys", key: { EmulatorState.key($0.param("acct"), "api-keys") },
                              operations: [.list, .create, .get, .update, .delete])
        AccountRoutes.register(&table)
        IssuerChildRoutes.register(&table)
        UserChildRoutes.register(&table)
    }
}
