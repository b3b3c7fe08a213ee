/// An export's state as one status read answers it.
struct ExportStatus: Sendable {
    let id: Int
    /// PROCESSING, then COMPLETE.
    let status: String
    let requestedAt: Timestamp
    /// When it became COMPLETE; nil before.
    let completedAt: Timestamp?
}
