import JSONValue

/// What a bulk job does to each of its inputs.
public enum BulkOperation: Sendable, Hashable {
    /// Creates records. A `uniqueProperty` (e.g. `email` for contacts) that every input carries makes a
    /// create whose outcome is unknown safe to check: hubsh reads it back by that value and repeats
    /// only what is missing. Without one such a create is reported as ambiguous, never repeated.
    case create(objectType: String, uniqueProperty: String? = nil)
    /// Updates records by id, or by a unique property (`idProperty`).
    case update(objectType: String, idProperty: String? = nil)
    /// Creates or updates records matched on a unique property.
    case upsert(objectType: String, idProperty: String)
    /// Archives records by id.
    case archive(objectType: String)
    /// Associates each input's record (`id`) with another (`toId`): unlabeled when `types` is empty,
    /// else with those association types (v3 connections use the matching v3 type names).
    case associate(fromType: String, toType: String, types: [AssociationSpec] = [])
    /// Removes the association of each input's record (`id`) with another (`toId`): every type between
    /// the pair when `types` is empty, else only those types (labels).
    case unassociate(fromType: String, toType: String, types: [AssociationSpec] = [])

    public var objectType: String {
        switch self {
        case .create(let type, _), .update(let type, _), .upsert(let type, _), .archive(let type), .associate(let type, _, _),
             .unassociate(let type, _, _): type
        }
    }

    /// The two object types of an association operation (associate, unassociate); nil for the others.
    public var associationPair: (from: String, to: String)? {
        switch self {
        case .associate(let from, let to, _), .unassociate(let from, let to, _): (from, to)
        default: nil
        }
    }

    /// Why an association operation cannot send `input` (a record id missing on either side); nil
    /// when it can, and for the other operations. A dry run asks the same before saying what it would do.
    public func pairProblem(_ input: BulkInput) -> HubSpotAPIError? {
        guard let (from, to) = associationPair else { return nil }
        let hasFrom = !(input.id ?? "").isEmpty
        let hasTo = !(input.toId ?? "").isEmpty
        switch (hasFrom, hasTo) {
        case (true, true): return nil
        case (false, true): return HubSpotAPIError(.invalidRequest, "an association needs the \(from) record's id")
        case (true, false): return HubSpotAPIError(.invalidRequest, "an association needs the \(to) record's id (toId)")
        case (false, false): return HubSpotAPIError(.invalidRequest, "an association needs the \(from) record's id and the \(to) record's id")
        }
    }

    /// A word for messages: create, update, upsert, archive.
    public var verb: String {
        switch self {
        case .create: "create"
        case .update: "update"
        case .upsert: "upsert"
        case .archive: "archive"
        case .associate: "associate"
        case .unassociate: "unassociate"
        }
    }
}

/// One input of a bulk job.
public struct BulkInput: Sendable, Hashable {
    /// The record id (update, archive) or the unique key (upsert; update with an `idProperty`).
    public var id: String?
    /// Property values (create, update, upsert); encoded per the definitions when the job has them.
    public var properties: JSONObject
    /// Inline v4-style associations of a create.
    public var associations: [JSONValue]
    /// The record to associate with (associate).
    public var toId: String?

    public init(id: String? = nil, properties: JSONObject = [:], associations: [JSONValue] = [], toId: String? = nil) {
        self.id = id
        self.properties = properties
        self.associations = associations
        self.toId = toId
    }
}

/// The outcome of one input, delivered in input order.
public struct BulkResult: Sendable {
    public enum Outcome: Sendable {
        case succeeded
        /// HubSpot (or hubsh, before sending) refused this input, for the reason given.
        case failed(HubSpotAPIError)
        /// The input may or may not have been applied; hubsh could not tell and did not repeat it.
        case ambiguous(HubSpotAPIError)
    }

    /// The input's position in the job, from 0.
    public var index: Int
    public var input: BulkInput
    public var outcome: Outcome
    /// The record as HubSpot returned it (create, update, upsert).
    public var record: CRMRecord?
    /// The id of the record written (for archive, the input's id).
    public var id: String?
    /// For upserts: whether the record was created.
    public var isNew: Bool? { record?.isNew }
    /// How the outcome was established when it needed more than one answer (a read-back after an
    /// ambiguous create, a split batch): for logs and the shell.
    public var note: String?

    public var succeeded: Bool {
        if case .succeeded = outcome { return true }
        return false
    }

    /// The failure or ambiguity, when there is one.
    public var error: HubSpotAPIError? {
        switch outcome {
        case .succeeded: nil
        case .failed(let error), .ambiguous(let error): error
        }
    }
}
