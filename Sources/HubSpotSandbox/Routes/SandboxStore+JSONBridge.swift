import JSONValue

// Wire forms of store calls for callers outside the routes: the imports in Jobs/ (which still hand the
// store JSON bodies) and tests in other modules that read records straight from the store. Each decodes
// and encodes with the routes' wire code; the store itself takes and returns typed values.

extension SandboxStore {
    /// `GET /crm/v3/objects/{type}` as HubSpot answers it, read without HTTP.
    public nonisolated func list(_ typeReference: String, limit: Int, after: String?, archived: Bool, view: RecordView,
                                 linkBase: String) async throws(HubSpotError) -> JSONValue {
        try await listRecords(typeReference, limit: limit, after: after, archived: archived, view: view).json(linkBase: linkBase)
    }

    /// A create from a JSON body (imports).
    func create(_ typeReference: String, _ body: JSONValue) throws(HubSpotError) -> JSONValue {
        try create(typeReference, try RecordInput(json: body)).json
    }

    /// A batch update from a JSON body (imports).
    func batchUpdate(_ typeReference: String, _ body: JSONValue) throws(HubSpotError) -> BatchOutcome {
        BatchOutcome(try batchUpdate(typeReference, try RecordInput.batch(body)), encode: \.json)
    }

    /// A batch upsert from a JSON body (imports).
    func batchUpsert(_ typeReference: String, _ body: JSONValue) throws(HubSpotError) -> BatchOutcome {
        BatchOutcome(try batchUpsert(typeReference, try RecordInput.batch(body)), encode: \.json)
    }
}
