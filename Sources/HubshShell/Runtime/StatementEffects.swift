/// What the running statement does, for the commands that read differently when it writes.
enum StatementEffects {
    /// Whether the running statement writes to HubSpot (a `search … | delete`): its searches then read
    /// a result set that does not shift under the writes.
    @TaskLocal static var writes = false
}
