/// One user's details as a scan fetched them. A struct, not a tuple: see `ActionOutcome`.
struct ScannedUser: Sendable {
    var index: Int
    var result: Result<UserRecord, ConsoleFailure>
}

/// The filter scan of a Users pane, as the store's remaining helpers call it (the reducer owns it:
/// `ConsoleModel+FilterScan`).
extension ConsoleStore {
    func needsFilterScan(_ pane: PaneState) -> Bool { ConsoleModel.needsFilterScan(pane) }

    func startFilterScan(_ paneID: Int, listQuery: [String: String]? = nil) {
        run(model.startFilterScan(paneID, listQuery: listQuery, environment))
    }

    func resumeFilterScan(_ paneID: Int) { run(model.resumeFilterScan(paneID, environment)) }

    func stopFilterScan(_ paneID: Int) { run(model.stopFilterScan(paneID)) }

    func cancelFilterScanTask(_ paneID: Int) { run(model.cancelFilterScan(paneID)) }
}
