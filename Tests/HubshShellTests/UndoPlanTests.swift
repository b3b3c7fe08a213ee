import HubSpotAPI
@testable import HubshShell
import JSONValue
import Testing

/// What an undo will do, from the journal alone.
struct UndoPlanTests {
    static func record(_ operation: JournalHeader.Operation, _ entries: [JournalEntry]) -> JournalRecord {
        JournalRecord(header: JournalHeader(op: 1, connection: "prod", statement: "s", operation: operation, objectType: "contacts"), entries: entries)
    }

    @Test func anUpdateIsSetBackOnlyWhereItWasSentAndEachRecordCarriesWhenItWasWritten() {
        let plan = UndoPlan(Self.record(.update, [
            .prior(id: "1", properties: ["firstname": "Ann", "lastname": .null], lastModified: "2020-01-01T00:00:00.000Z"),
            .prior(id: "2", properties: ["firstname": "Bo"], lastModified: nil),
            .written([JournalWrite(id: "1", updatedAt: "2026-01-01T00:00:00.000Z")]),
            .end(written: 1, failed: 1),
        ]))
        #expect(plan.restores.map(\.id) == ["1", "2"])
        #expect(plan.restores[0].properties == ["firstname": "Ann", "lastname": .null])
        #expect(plan.restores[0].writtenAt == "2026-01-01T00:00:00.000Z")
        #expect(plan.restores[1].writtenAt == nil)
        #expect(plan.unanswered == 1, "record 2 was journalled before sending, but no answer says it was written")
    }

    @Test func anUpsertArchivesWhatItMadeAndSetsBackWhatItChanged() {
        let plan = UndoPlan(Self.record(.upsert, [
            .prior(id: "1", properties: ["firstname": "Ann"], lastModified: nil),
            .written([JournalWrite(id: "1"), JournalWrite(id: "9", created: true)]),
        ]))
        #expect(plan.restores.map(\.id) == ["1"])
        #expect(plan.archives == ["9"])
        #expect(plan.count == 2)
    }

    @Test func aDeleteIsMadeAgainAndLinksAreUndoneOrRedone() {
        let association = JournalAssociation(toObjectType: "companies", toId: "5", types: [AssociationSpec(typeId: 1)])
        let plan = UndoPlan(Self.record(.archive, [
            .removed(id: "3", properties: ["email": "a@b.c"], associations: [association]),
            .linked(from: "1", to: "2", types: []),
            .unlinked(from: "4", to: "6", types: []),
            .written([JournalWrite(id: "3")]),
        ]))
        #expect(plan.recreations == [UndoPlan.Recreation(oldId: "3", properties: ["email": "a@b.c"], associations: [association])])
        #expect(plan.unlinks.map(\.from) == ["1"])
        #expect(plan.relinks.map(\.from) == ["4"])
        #expect(plan.unanswered == 0)
    }
}
