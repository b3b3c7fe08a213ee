import JSONValue
import Testing

@testable import HubSpotSandbox

struct AssociationGraphTests {
    private let ann = RecordKey("0-1", 11)
    private let bob = RecordKey("0-1", 12)
    private let acme = RecordKey("0-2", 21)
    private let globex = RecordKey("0-2", 22)

    @Test func addingTheUnlabeledTypeAddsItsInverse() throws {
        var graph = AssociationGraph()
        try graph.add(ann, acme, typeIds: [279])
        #expect(graph.typeIds(from: ann, to: acme) == [279])
        #expect(graph.typeIds(from: acme, to: ann) == [280])
    }

    @Test(arguments: [(1, 2), (5, 6), (26, 25)])
    func everyPrimaryTypeImpliesItsPairsUnlabeledType(primary: Int, inversePrimary: Int) throws {
        var graph = AssociationGraph()
        let type = try #require(graph.types[primary])
        let from = RecordKey(type.fromObjectTypeId, 1)
        let to = RecordKey(type.toObjectTypeId, 2)
        try graph.add(from, to, typeIds: [primary])
        let base = try #require(graph.unlabeledType(from: type.fromObjectTypeId, to: type.toObjectTypeId))
        #expect(graph.typeIds(from: from, to: to) == [primary, base.id])
        #expect(graph.typeIds(from: to, to: from) == [inversePrimary, base.inverseId])
    }

    @Test func sameObjectTypesAreTheirOwnInverseAndParentChildArePaired() throws {
        var graph = AssociationGraph()
        try graph.add(ann, bob, typeIds: [])
        #expect(graph.typeIds(from: bob, to: ann) == [449])
        try graph.add(acme, globex, typeIds: [13])
        #expect(graph.typeIds(from: acme, to: globex) == [13, 450])
        #expect(graph.typeIds(from: globex, to: acme) == [14, 450])
    }

    @Test func removingARecordLeavesNoDanglingInverse() throws {
        var graph = AssociationGraph()
        try graph.add(ann, acme, typeIds: [1])
        try graph.add(bob, acme, typeIds: [])
        graph.removeRecord(ann)
        #expect(graph.targets(of: acme, toObjectTypeId: "0-1").keys.sorted() == [12])
        #expect(graph.allEdges.count == 2)
    }

    @Test func customObjectPairsGetPortalIdsInBothDirectionsOnce() throws {
        var graph = AssociationGraph()
        let cars = ObjectType.standardTypes[0].renamed("cars", id: "2-77", singular: "car")
        let contacts = ObjectType.standardTypes[0]
        let ids = graph.defineCustomPair(from: cars, to: contacts, name: nil)
        #expect(ids.forward >= AssociationGraph.firstCustomTypeId)
        #expect(ids.inverse == ids.forward + 1)
        #expect(graph.types[ids.forward]?.name == "car_to_contact")
        #expect(graph.types[ids.inverse]?.name == "contact_to_car")
        #expect(graph.types[ids.forward]?.category == "USER_DEFINED")
        let again = graph.defineCustomPair(from: cars, to: contacts, name: nil)
        #expect(again.forward == ids.forward && again.inverse == ids.inverse)
    }

    @Test func snapshotRoundTripKeepsCustomTypesLimitsAndEdges() throws {
        var graph = AssociationGraph()
        let labels = try graph.defineLabel(from: "0-1", to: "0-2", name: "billing", label: "Billing", inverseLabel: "Billed by")
        try graph.add(ann, acme, typeIds: [1, labels[0].id])
        try graph.add(bob, acme, typeIds: [])
        try graph.add(ann, bob, typeIds: [])
        graph.setLimit(279, 5)
        let snapshot = graph.snapshot()
        let restored = try AssociationGraph(snapshot: snapshot)
        #expect(restored.snapshot() == snapshot)
        #expect(restored.typeIds(from: acme, to: ann) == [2, 280, labels[1].id])
        #expect(restored.types[labels[1].id]?.label == "Billed by")
        #expect(restored.limits == [279: 5])
        #expect(restored.nextCustomTypeId == graph.nextCustomTypeId)
        #expect(snapshot["edges"]?.arrayValue?.count == 6)
    }

    @Test func tensOfThousandsOfEdgesStayConsistent() throws {
        var graph = AssociationGraph()
        for id in 1...20_000 { try graph.add(RecordKey("0-1", id), acme, typeIds: id == 7 ? [1] : []) }
        #expect(graph.targets(of: acme, toObjectTypeId: "0-1").count == 20_000)
        #expect(graph.typeIds(from: acme, to: RecordKey("0-1", 7)) == [2, 280])
        graph.removeRecord(acme)
        #expect(graph.allEdges.isEmpty)
    }

    @Test func aSnapshotWithAnUnknownTypeIsRefused() {
        #expect(throws: AssociationSnapshotError.self) {
            try AssociationGraph(snapshot: ["edges": [["0-1", 1, "0-2", 2, [99_999]]]])
        }
    }
}

private extension ObjectType {
    /// A copy with other names, standing in for a custom object.
    func renamed(_ name: String, id: String, singular: String) -> ObjectType {
        var copy = self
        copy.name = name
        copy.objectTypeId = id
        copy.singular = singular
        return copy
    }
}
