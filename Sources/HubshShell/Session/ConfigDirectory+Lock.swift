import HubSpotAPI
import LineEditor

extension ConfigDirectory {
    /// The lock file every change to the folder's files is made under.
    public static let lockFile = ".lock"

    /// Runs `body` holding the folder's lock, so hubsh processes sharing the folder read, change and
    /// write its files one at a time and none loses another's change. Made for short, synchronous work.
    public func locked<Result>(_ body: () throws(HubSpotAPIError) -> Result) throws(HubSpotAPIError) -> Result {
        try create()
        let lock = path(of: Self.lockFile)
        return try FileLock.withLock(lock, failure: { reason in HubSpotAPIError(.invalidRequest, "could not lock \(lock): \(reason)") }, body)
    }

    /// The stamp of `file` now (nil when missing): a store reads its file again when this changes.
    func stamp(of file: String) -> FileStamp? { FileStamp(path: path(of: file)) }
}
