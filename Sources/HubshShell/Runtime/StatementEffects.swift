/// What the running statement does, for the commands that read differently when it writes.
enum StatementEffects {
    /// Whether the running statement writes to HubSpot (a `search … | delete`): its searches then read
    /// a result set that does not shift under the writes.
    @TaskLocal static var writes = false
    /// The schema cache's mark from before the running statement was first checked (the start of the
    /// run, or the end of the statement before it): definitions fetched after it know every property
    /// made before the statement, so a write need not fetch them again. nil: fetch afresh.
    @TaskLocal static var schemaMark: Int?
}
