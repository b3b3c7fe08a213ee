import HubSpotAPI
import Testing

/// The one table of HubSpot's standard object types the client and the shell read.
struct StandardObjectTypeTests {
    @Test(arguments: ["contacts", "CONTACTS", "0-1"])
    func aTypeIsFoundByNameInAnyCaseOrById(_ reference: String) {
        let type = StandardObjectType.named(reference)
        #expect(type?.name == "contacts")
        #expect(type?.singular == "contact")
        #expect(type?.uniqueProperty == "email")
    }

    @Test func namesAndIdsAreUniqueAndOnlyContactsHaveAUniqueProperty() {
        #expect(Set(StandardObjectType.all.map(\.name)).count == StandardObjectType.all.count)
        #expect(Set(StandardObjectType.all.map(\.objectTypeId)).count == StandardObjectType.all.count)
        #expect(StandardObjectType.all.filter { $0.uniqueProperty != nil }.map(\.name) == ["contacts"])
        #expect(StandardObjectType.named("2-123") == nil)
        #expect(StandardObjectType.core.map(\.name) == ["contacts", "companies", "deals", "tickets"])
    }
}
