import JSONValue

/// An association type to write (hubspot-api.md §5.2): sent as `{associationCategory, associationTypeId}`.
public struct AssociationSpec: Sendable, Hashable {
    /// `HUBSPOT_DEFINED`, `USER_DEFINED`, `INTEGRATOR_DEFINED` or `WORK`.
    public var category: String
    public var typeId: Int

    public init(category: String = "HUBSPOT_DEFINED", typeId: Int) {
        self.category = category
        self.typeId = typeId
    }

    /// The wire form.
    public var json: JSONValue { ["associationCategory": .string(category), "associationTypeId": .int(typeId)] }
}

/// An association type as HubSpot reports it: `{category, typeId, label}`; the unlabeled type has no label.
public struct AssociationLabel: Sendable, Hashable {
    public var category: String
    public var typeId: Int
    public var label: String?

    public init(category: String, typeId: Int, label: String? = nil) {
        self.category = category
        self.typeId = typeId
        self.label = label
    }

    /// Reads `{category, typeId, label}` or `{associationCategory, associationTypeId}`; nil without a type id.
    public init?(_ json: JSONValue) {
        guard let typeId = (json["typeId"] ?? json["associationTypeId"]).flatMap(associationId).flatMap({ Int($0) }) else { return nil }
        self.typeId = typeId
        category = (json["category"] ?? json["associationCategory"])?.stringValue ?? "HUBSPOT_DEFINED"
        label = json["label"]?.stringValue
    }

    /// The same type, to write.
    public var spec: AssociationSpec { AssociationSpec(category: category, typeId: typeId) }
}

/// One record associated with another, from a record's association list (v4 and date versions).
public struct AssociatedRecord: Sendable, Hashable {
    /// The other record's id (HubSpot sends a JSON number or a string; it is kept as a string).
    public var toObjectId: String
    public var types: [AssociationLabel]

    /// Reads `{toObjectId, associationTypes}`; refuses an entry without an id.
    public init(_ json: JSONValue) throws(HubSpotAPIError) {
        guard let id = json["toObjectId"].flatMap(associationId) else {
            throw HubSpotAPIError(.invalidResponse, "an association without a toObjectId: \(json.jsonString.prefix(200))")
        }
        toObjectId = id
        types = (json["associationTypes"]?.arrayValue ?? []).compactMap(AssociationLabel.init)
    }

    /// The labels held (the unlabeled type has none).
    public var labels: [String] { types.compactMap(\.label) }
}

/// An association between two records as a batch call reports it: typed (v4 and date versions), by v3
/// type name, or as the label names a labelled write answers with.
public struct AssociationLink: Sendable, Hashable {
    public var fromId: String
    public var toId: String
    /// The types held, when the answer names them (v4 reads, default associations).
    public var types: [AssociationLabel]
    /// The labels held.
    public var labels: [String]
    /// v3 type names (`contact_to_company`), from the v3 calls only.
    public var typeNames: [String]

    public init(fromId: String, toId: String, types: [AssociationLabel] = [], labels: [String]? = nil, typeNames: [String] = []) {
        self.fromId = fromId
        self.toId = toId
        self.types = types
        self.labels = labels ?? types.compactMap(\.label)
        self.typeNames = typeNames
    }

    /// The links in one batch result, whatever its shape (hubspot-api.md §5.1–§5.2): a read's
    /// `{from, to:[…]}`, a default association's `{from, to, associationSpec}`, a v3 create's
    /// `{from, to, type}` or a labelled create's `LabelsBetweenObjectPair`.
    static func links(in result: JSONValue) -> [AssociationLink] {
        if let from = result["fromObjectId"].flatMap(associationId), let to = result["toObjectId"].flatMap(associationId) {
            return [AssociationLink(fromId: from, toId: to, labels: (result["labels"]?.arrayValue ?? []).compactMap(\.stringValue))]
        }
        guard let from = result["from"]?["id"].flatMap(associationId) else { return [] }
        if let targets = result["to"]?.arrayValue {
            var links: [AssociationLink] = []
            for target in targets {
                if let record = try? AssociatedRecord(target) {
                    links.append(AssociationLink(fromId: from, toId: record.toObjectId, types: record.types))
                } else if let to = target["id"].flatMap(associationId) {
                    let name = target["type"]?.stringValue.map { [$0] } ?? []
                    if let index = links.firstIndex(where: { $0.toId == to }) { links[index].typeNames += name } else {
                        links.append(AssociationLink(fromId: from, toId: to, typeNames: name))
                    }
                }
            }
            return links
        }
        guard let to = result["to"]?["id"].flatMap(associationId) else { return [] }
        let types = result["associationSpec"].flatMap(AssociationLabel.init).map { [$0] } ?? []
        return [AssociationLink(fromId: from, toId: to, types: types, typeNames: result["type"]?.stringValue.map { [$0] } ?? [])]
    }
}

/// A v3 association type: `{id, name}` (`contact_to_company`), from `GET /crm/v3/associations/{from}/{to}/types`.
public struct V3AssociationType: Sendable, Hashable {
    /// The type id, as a string.
    public var id: String
    public var name: String

    /// Reads `{id, name}`; nil when either is missing.
    init?(_ json: JSONValue) {
        guard let id = json["id"]?.scalarText, let name = json["name"]?.stringValue else { return nil }
        self.id = id
        self.name = name
    }
}

/// An association batch answer: 200/201/204, or 207 with per-input errors.
public struct AssociationBatchResponse: Sendable {
    public var status: Int
    /// The results as received.
    public var results: [JSONValue]
    public var errors: [HubSpotErrorBody]
    public var correlationId: String?
    /// `paging.next.after` of read results, by record id: the inputs to send again for the next page.
    public var nextAfter: [String: String]

    init(_ response: HubSpotResponse) throws(HubSpotAPIError) {
        status = response.status
        let json = try response.json()
        results = json["results"]?.arrayValue ?? []
        errors = (json["errors"]?.arrayValue ?? []).map(HubSpotErrorBody.init)
        correlationId = response.correlationId
        var nextAfter: [String: String] = [:]
        for result in results {
            if let from = result["from"]?["id"].flatMap(associationId), let after = result.nextAfter { nextAfter[from] = after }
        }
        self.nextAfter = nextAfter
    }

    /// Every association the results name.
    public var links: [AssociationLink] { results.flatMap(AssociationLink.links) }
}

/// An id HubSpot may send as a JSON number or a string (v4 `toObjectId`, hubspot-api.md §0).
func associationId(_ value: JSONValue) -> String? {
    switch value {
    case .string(let text): text.isEmpty ? nil : text
    case .int, .double: value.scalarText
    default: nil
    }
}
