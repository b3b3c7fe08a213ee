import JSONValue

/// A state file's association section that cannot be read.
struct AssociationSnapshotError: Error, Sendable, CustomStringConvertible {
    var description: String
}

extension AssociationGraph {
    /// The custom types, limits and every edge, for a state file. HubSpot-defined types are not saved:
    /// every graph starts with them.
    func snapshot() -> JSONValue {
        let custom = types.values.filter { $0.category == AssociationType.userDefined }.sorted { $0.id < $1.id }
        let typeList: [JSONValue] = custom.map {
            ["typeId": .int($0.id), "fromObjectTypeId": .string($0.fromObjectTypeId), "toObjectTypeId": .string($0.toObjectTypeId),
             "label": JSONValue($0.label), "name": .string($0.name), "inverseTypeId": .int($0.inverseId)]
        }
        let limitList: [JSONValue] = limits.sorted { $0.key < $1.key }.map { ["typeId": .int($0.key), "maxToObjectIds": .int($0.value)] }
        let edgeList: [JSONValue] = allEdges
            .sorted { ($0.from.objectTypeId, $0.from.id, $0.to.objectTypeId, $0.to.id) < ($1.from.objectTypeId, $1.from.id, $1.to.objectTypeId, $1.to.id) }
            .map { .array([.string($0.from.objectTypeId), .int($0.from.id), .string($0.to.objectTypeId), .int($0.to.id),
                           .array($0.typeIds.sorted().map(JSONValue.int))]) }
        return ["nextTypeId": .int(nextCustomTypeId), "types": .array(typeList), "limits": .array(limitList), "edges": .array(edgeList)]
    }

    /// A graph as `snapshot()` saved it.
    init(snapshot: JSONValue) throws {
        self.init()
        for entry in snapshot["types"]?.arrayValue ?? [] {
            guard let id = entry["typeId"]?.intValue, let from = entry["fromObjectTypeId"]?.stringValue,
                  let to = entry["toObjectTypeId"]?.stringValue, let name = entry["name"]?.stringValue,
                  let inverse = entry["inverseTypeId"]?.intValue
            else { throw AssociationSnapshotError(description: "association type entry is incomplete: \(entry)") }
            install(AssociationType(id: id, category: AssociationType.userDefined, fromObjectTypeId: from, toObjectTypeId: to,
                                    label: entry["label"]?.stringValue, name: name, inverseId: inverse))
        }
        nextCustomTypeId = max(snapshot["nextTypeId"]?.intValue ?? AssociationGraph.firstCustomTypeId,
                               (types.keys.max() ?? 0) + 1, AssociationGraph.firstCustomTypeId)
        for entry in snapshot["limits"]?.arrayValue ?? [] {
            guard let id = entry["typeId"]?.intValue, let max = entry["maxToObjectIds"]?.intValue else {
                throw AssociationSnapshotError(description: "association limit entry is incomplete: \(entry)")
            }
            setLimit(id, max)
        }
        for entry in snapshot["edges"]?.arrayValue ?? [] {
            guard let from = entry[0]?.stringValue, let fromId = entry[1]?.intValue, let to = entry[2]?.stringValue,
                  let toId = entry[3]?.intValue, let ids = entry[4]?.arrayValue?.compactMap(\.intValue)
            else { throw AssociationSnapshotError(description: "association edge entry is malformed: \(entry)") }
            if let unknown = ids.first(where: { types[$0] == nil }) {
                throw AssociationSnapshotError(description: "association edge uses unknown type id \(unknown)")
            }
            restoreEdge(RecordKey(from, fromId), RecordKey(to, toId), typeIds: Set(ids))
        }
    }
}
