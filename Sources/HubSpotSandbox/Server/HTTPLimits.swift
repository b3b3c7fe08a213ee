import HTTPTypes

/// The limits on a request's head, checked before anything else (authentication included), as HubSpot's
/// edge refuses such requests first. HubSpot documents 414 (hubspot-api.md §7) but no sizes; these are
/// the emulator's choices (docs/sandbox.md).
enum HTTPLimits {
    /// The methods HubSpot's endpoints take (plus HEAD); any other is 405.
    static let methods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete]
    /// The longest path and query, in bytes (414 beyond): the URL limit of the edge HubSpot's API
    /// answers through, whose 52x errors hubspot-api.md §7 lists.
    static let maxTargetBytes = 32 * 1024
    /// The most header bytes (names and values), 431 beyond.
    static let maxHeaderBytes = 32 * 1024
    /// What the HTTP parser reads of one request line plus headers, and of one header, before it gives
    /// up (431, and the connection is closed: the parser cannot go on). Above the two limits before, so
    /// that a long path is told apart from long headers up to this size.
    static let parserBytes = 1024 * 1024
    /// The most header fields the parser reads (431 beyond).
    static let parserFields = 1_000
}
