import JSONValue

// The wire form of a store call for callers outside the routes: tests in other modules that read
// records straight from the store. It encodes with the routes' wire code; the store itself takes and
// returns typed values.

extension SandboxStore {
    /// `GET /crm/v3/objects/{type}` as HubSpot answers it, read without HTTP.
    public nonisolated func list(_ typeReference: String, limit: Int, after: String?, archived: Bool, view: RecordView,
                                 linkBase: String) async throws(HubSpotError) -> JSONValue {
        try await listRecords(typeReference, limit: limit, after: after, archived: archived, view: view).json(linkBase: linkBase)
    }
}
