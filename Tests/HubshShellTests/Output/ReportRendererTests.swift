import HubSpotAPI
@testable import HubshShell
import JSONValue
import Testing

/// Reports made from typed facts: a property's rules and options, pipelines with their stages, owners.
struct ReportRendererTests {
    @Test func aPropertyShowsItsTypeRulesAndOptionsInOrder() throws {
        let property = try PropertyDefinition([
            "name": "hs_lead_status", "label": "Lead Status", "type": "enumeration", "fieldType": "checkbox", "groupName": "sales",
            "options": [["label": "New", "value": "NEW", "displayOrder": 0, "hidden": false],
                        ["label": "Attempted to contact", "value": "ATTEMPTED_TO_CONTACT", "displayOrder": 1, "hidden": true]],
        ])
        let lines = ReportRenderer(width: 80).render(Report(.property(property, objectType: "contacts"), values: []))
        #expect(lines.prefix(6) == [
            "property │ contacts.hs_lead_status",
            "label    │ Lead Status",
            "type     │ enumeration (field type checkbox)",
            "group    │ sales",
            "rules    │ writable; several values, separated by semicolons; one of the",
            "         │ options' values",
        ])
        #expect(lines.suffix(5) == [
            "options (2)",
            "label                 value                 order  hidden",
            "--------------------  --------------------  -----  ------",
            "New                   NEW                       0",
            "Attempted to contact  ATTEMPTED_TO_CONTACT      1  hidden",
        ])
    }

    @Test func pipelinesListTheirStagesInOrderWithTheTicketState() throws {
        let pipeline = try Pipeline([
            "id": "0", "label": "Support", "displayOrder": 0,
            "stages": [["id": "4", "label": "Closed", "displayOrder": 3, "metadata": ["ticketState": "CLOSED"]],
                       ["id": "1", "label": "New", "displayOrder": 0, "metadata": ["ticketState": "OPEN"]]],
        ])
        let lines = ReportRenderer(width: 80).render(Report(.pipelines([pipeline], objectType: "tickets"), values: []))
        #expect(lines == [
            "Support  (id 0)",
            "  label   id  ticket state",
            "  ------  --  ------------",
            "  New     1   OPEN",
            "  Closed  4   CLOSED",
        ])
    }

    @Test func ownersShowNameEmailIdAndTeamsPrimaryFirst() throws {
        let owners = [
            try Owner(["id": "7", "email": "olivia@example.com", "firstName": "Olivia", "lastName": "Park",
                       "teams": [["id": "2", "name": "EMEA", "primary": false], ["id": "1", "name": "Sales", "primary": true]]]),
            try Owner(["id": "9", "type": "QUEUE", "firstName": "Support Queue"]),
        ]
        let lines = ReportRenderer(width: 80).render(Report(.owners(owners), values: []))
        #expect(lines == [
            "name           email               id  teams",
            "-------------  ------------------  --  -----------",
            "Olivia Park    olivia@example.com  7   Sales, EMEA",
            "Support Queue                      9",
            "(2 rows)",
        ])
    }
}
