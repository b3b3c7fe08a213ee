import JSONValue

/// `POST …/objects/{type}/search` (hubspot-api.md §2.6): one page, limits checked first.
extension HubSpotClient {
    /// One page of a search: at most 200 records, `after` an offset below 10,000.
    public func searchPage(_ objectType: String, _ query: SearchQuery, limit: Int = SearchQuery.maxPageSize,
                           after: String? = nil) async throws(HubSpotAPIError) -> Page<CRMRecord> {
        try query.validate()
        let body = query.body(limit: min(max(limit, 1), SearchQuery.maxPageSize), after: after)
        let size = body.jsonBytes.count
        if size > SearchQuery.maxBodyCharacters {
            throw HubSpotAPIError(.invalidRequest, "the search request is \(size) characters; HubSpot refuses more than \(SearchQuery.maxBodyCharacters) (ask for fewer properties or shorter IN lists)")
        }
        let request = HubSpotRequest(.POST, "\(version.objects)/\(segment(objectType))/search", body: body, idempotent: true, budget: .search)
        let json = try await self.json(request)
        return Page(results: try json.records(), after: json.nextAfter, total: json["total"]?.intValue)
    }
}
