import Foundation
import HubSpotAPI
import HubshLanguage
@testable import HubshShell
import JSONValue
import Testing

/// Values people type, checked and mapped when a statement is planned (``ValueFacts``): option
/// labels, stage labels within a pipeline, owners by e-mail, numbers, dates and yes/no, and a day on
/// a date-time property as the whole day in the account's time zone.
struct ValueCheckTests {
    static func definition(_ name: String, _ type: String, fieldType: String = "select",
                           options: [(String, String)] = [], extra: JSONObject = [:]) -> PropertyDefinition {
        var json: JSONObject = ["name": .string(name), "label": .string(name), "type": .string(type), "fieldType": .string(fieldType),
                                "options": .array(options.map { ["value": .string($0.0), "label": .string($0.1), "hidden": false] })]
        for (key, value) in extra { json[key] = value }
        // A definition made here always has a name.
        return try! PropertyDefinition(.object(json))
    }

    static let lifecycle = definition("lifecyclestage", "enumeration", fieldType: "radio", options: [
        ("subscriber", "Subscriber"), ("lead", "Lead"), ("marketingqualifiedlead", "Marketing Qualified Lead"),
        ("salesqualifiedlead", "Sales Qualified Lead"), ("opportunity", "Opportunity"), ("customer", "Customer"),
        ("evangelist", "Evangelist"), ("other", "Other"),
    ])

    static func pipeline(_ id: String, _ label: String, _ stages: [(String, String)]) -> HubSpotAPI.Pipeline {
        try! HubSpotAPI.Pipeline(["id": .string(id), "label": .string(label),
                                  "stages": .array(stages.map { ["id": .string($0.0), "label": .string($0.1)] })])
    }

    static func owner(_ id: String, _ email: String, _ first: String, _ last: String) -> Owner {
        try! Owner(["id": .string(id), "email": .string(email), "firstName": .string(first), "lastName": .string(last)])
    }

    /// Contacts: lifecycle stage, an owner, a number, dates, a yes/no.
    static var contacts: ValueFacts {
        var facts = ValueFacts(objectType: "contacts", definitions: [
            lifecycle,
            definition("hubspot_owner_id", "enumeration"),
            definition("amount", "number", fieldType: "number"),
            definition("createdate", "datetime", fieldType: "date"),
            definition("closedate", "datetime", fieldType: "date"),
            definition("birthday", "date", fieldType: "date"),
            definition("hs_email_optout", "bool", fieldType: "booleancheckbox", options: [("true", "Yes"), ("false", "No")]),
            definition("hs_interests", "enumeration", fieldType: "checkbox", options: [("golf", "Golf"), ("tennis", "Tennis")]),
            definition("email", "string", fieldType: "text"),
        ])
        facts.owners = [owner("41629779", "olivia.bennett@brightwave.io", "Olivia", "Bennett"),
                        owner("41629812", "marcus.chen@brightwave.io", "Marcus", "Chen")]
        facts.zone = PortalTimeZone(name: "US/Eastern", utcOffsetMilliseconds: -18_000_000)
        return facts
    }

    /// Tickets with two pipelines that both have a stage labelled "Closed".
    static var tickets: ValueFacts {
        var facts = ValueFacts(objectType: "tickets", definitions: [
            definition("hs_pipeline", "enumeration", options: [("0", "Support Pipeline"), ("77", "Billing")]),
            definition("hs_pipeline_stage", "enumeration", options: [("1", "New"), ("4", "Closed"), ("78", "Open"), ("79", "Closed")]),
        ])
        facts.pipelines = [pipeline("0", "Support Pipeline", [("1", "New"), ("4", "Closed")]),
                           pipeline("77", "Billing", [("78", "Open"), ("79", "Closed")])]
        return facts
    }

    /// Deals: the stage's options only (no pipelines read).
    static var deals: ValueFacts {
        ValueFacts(objectType: "deals", definitions: [
            definition("pipeline", "enumeration", options: [("default", "Sales Pipeline")]),
            definition("dealstage", "enumeration", fieldType: "radio", options: [("appointmentscheduled", "Appointment scheduled"),
                                                                                ("closedwon", "Closed won"), ("closedlost", "Closed lost")]),
        ])
    }

    /// The statement bound, its values checked and mapped by `facts`.
    static func rewritten(_ text: String, _ facts: ValueFacts) throws(ValueProblem) -> BoundCommand {
        let parsed = Parser.parse(text)
        // The texts here parse and bind.
        let command = parsed.script!.statements[0].commands[0]
        let bound = try! Binder(registry: BuiltinCommands.registry).bind(command)
        return try facts.rewrite(bound)
    }

    /// The `where` of the statement after mapping, in canonical form.
    static func condition(_ text: String, _ facts: ValueFacts) throws(ValueProblem) -> String {
        guard let expression = try rewritten(text, facts).conditions(SearchCommand.whereClause) else { return "" }
        return expression.description
    }

    /// The rendered refusal of the statement (message, line, carets and suggestion).
    static func refusal(_ text: String, _ facts: ValueFacts) -> String? {
        do {
            _ = try rewritten(text, facts)
            return nil
        } catch {
            return DiagnosticRenderer.render(error.diagnostic, in: text)
        }
    }

    @Test func anUnknownOptionIsRefusedAtTheValueWithTheClosestAndTheValuesListed() {
        let text = "search contacts where lifecyclestage = leed"
        #expect(Self.refusal(text, Self.contacts) == """
            line 1: lifecyclestage has no value 'leed'; the values are subscriber, lead, marketingqualifiedlead, salesqualifiedlead, \
            opportunity, customer, evangelist, other
              search contacts where lifecyclestage = leed
                                                     ^^^^ did you mean 'lead'?
            """)
    }

    @Test func manyOptionsAreCountedNotListed() {
        let options = (1...20).map { ("v\($0)", "Value \($0)") }
        let facts = ValueFacts(objectType: "contacts", definitions: [Self.definition("industry", "enumeration", options: options)])
        #expect(throws: ValueProblem.self) { try Self.condition("search contacts where industry = nope", facts) }
        let refusal = Self.refusal("search contacts where industry = nope", facts) ?? ""
        #expect(refusal.contains("industry has no value 'nope' (20 values)"), "\(refusal)")
    }

    @Test(arguments: [
        ("lifecyclestage = Lead", "lifecyclestage = \"lead\""),
        ("lifecyclestage = \"Marketing Qualified Lead\"", "lifecyclestage = \"marketingqualifiedlead\""),
        ("lifecyclestage = MARKETINGQUALIFIEDLEAD", "lifecyclestage = \"marketingqualifiedlead\""),
        ("lifecyclestage in (Lead, customer, \"sales qualified lead\")", "lifecyclestage in (\"lead\", \"customer\", \"salesqualifiedlead\")"),
        ("lifecyclestage != lead", "lifecyclestage != \"lead\""),
        ("hs_interests = \"Golf;tennis\"", "hs_interests = \"golf;tennis\""),
        ("hs_email_optout = Yes", "hs_email_optout = \"true\""),
        ("hs_email_optout = FALSE", "hs_email_optout = \"false\""),
        ("hubspot_owner_id = olivia.bennett@brightwave.io", "hubspot_owner_id = \"41629779\""),
        ("hubspot_owner_id = \"Marcus Chen\"", "hubspot_owner_id = \"41629812\""),
        ("hubspot_owner_id = 41629812", "hubspot_owner_id = \"41629812\""),
        ("email = ANN@example.com", "email = \"ANN@example.com\""),
        ("email contains Lead", "email contains Lead"),
        ("lifecyclestage = $stage", "lifecyclestage = $stage"),
    ])
    func labelsAndValuesInAnyCaseBecomeTheValue(_ written: String, _ sent: String) throws {
        #expect(try Self.condition("search contacts where " + written, Self.contacts) == sent)
    }

    @Test(arguments: [
        ("dealstage = \"Closed Won\"", "dealstage = \"closedwon\""),
        ("dealstage = closedlost", "dealstage = \"closedlost\""),
        ("pipeline = \"sales pipeline\" and dealstage = \"closed lost\"", "pipeline = \"default\" and dealstage = \"closedlost\""),
    ])
    func dealStagesAreFoundByLabel(_ written: String, _ sent: String) throws {
        #expect(try Self.condition("search deals where " + written, Self.deals) == sent)
    }

    @Test func aTicketStageLabelIsLookedUpWithinThePipelineNamedBesideIt() throws {
        #expect(try Self.condition("search tickets where hs_pipeline = Billing and hs_pipeline_stage = Closed", Self.tickets)
            == "hs_pipeline = \"77\" and hs_pipeline_stage = \"79\"")
        #expect(try Self.condition("search tickets where hs_pipeline_stage = closed and hs_pipeline = 0", Self.tickets)
            == "hs_pipeline_stage = \"4\" and hs_pipeline = \"0\"")
        #expect(try Self.condition("search tickets where hs_pipeline_stage = New", Self.tickets) == "hs_pipeline_stage = \"1\"",
                "a label one pipeline has needs no pipeline")
        let ambiguous = Self.refusal("search tickets where hs_pipeline_stage = Closed", Self.tickets) ?? ""
        #expect(ambiguous.contains("'Closed' is a stage of several tickets pipelines: 4 (Support Pipeline), 79 (Billing)"), "\(ambiguous)")
        #expect(ambiguous.contains("^^^^^^ write the stage's id, or name the pipeline too (hs_pipeline = …)"), "\(ambiguous)")
        let elsewhere = Self.refusal("search tickets where hs_pipeline = 0 and hs_pipeline_stage = Open", Self.tickets) ?? ""
        #expect(elsewhere.contains("hs_pipeline_stage has no stage 'Open' in pipeline Support Pipeline; the stages are 1 (New), 4 (Closed)"),
                "\(elsewhere)")
    }

    @Test func writesMapTheirValuesToo() throws {
        let contact = try Self.rewritten("create contacts lifecyclestage=\"Marketing Qualified Lead\" hubspot_owner_id=marcus.chen@brightwave.io "
                                         + "email=a@b.c closedate=2024-03-03 birthday=1990-05-17", Self.contacts)
        #expect(contact.assignments.map { $0.value?.literalText } == ["marketingqualifiedlead", "41629812", "a@b.c",
                                                                      "1709442000000", "642902400000"],
                "a day on a date-time property is written as its first millisecond in the account's zone; a date as midnight UTC")
        let ticket = try Self.rewritten("create tickets hs_pipeline=Billing hs_pipeline_stage=Closed", Self.tickets)
        #expect(ticket.assignments.map { $0.value?.literalText } == ["77", "79"])
        let refusal = Self.refusal("update contacts 1 birthday=1990-05-17T10:00:00Z", Self.contacts) ?? ""
        #expect(refusal.contains("'1990-05-17T10:00:00Z' is not a day; birthday is a date property"), "\(refusal)")
    }

    @Test(arguments: [
        ("search contacts where amount > abc", "'abc' is not a number, and amount is a number property", "abc", nil),
        ("search contacts where amount between 1 and 2x", "'2x' is not a number", "2x", nil),
        ("search contacts where createdate >= 2025-13-45", "'2025-13-45' is not a date; createdate takes YYYY-MM-DD", "2025-13-45", nil),
        ("search contacts where closedate in (2024-03-03, 2024-02-30)", "'2024-02-30' is not a date", "2024-02-30", nil),
        ("search contacts where birthday = 17/05/1990", "'17/05/1990' is not a date; birthday takes a day, YYYY-MM-DD", "17/05/1990", nil),
        ("search contacts where hs_email_optout = maybe", "'maybe' is neither true nor false, and hs_email_optout is a yes/no property",
         "maybe", nil),
        ("create contacts amount=1,500", "'1,500' has a comma; HubSpot numbers take none", "1,500", "write 1500"),
        ("search contacts where hubspot_owner_id = olivia",
         "no owner 'olivia' in this account; the owners are olivia.bennett@brightwave.io (Olivia Bennett)", "olivia",
         "did you mean 'Olivia Bennett'?"),
    ] as [(String, String, String, String?)])
    func numbersDatesAndYesNoAreCheckedWithACaretOnTheValue(_ text: String, _ message: String, _ value: String, _ suggestion: String?) {
        let refusal = Self.refusal(text, Self.contacts) ?? ""
        #expect(refusal.hasPrefix("line 1: " + message), "\(refusal)")
        let column = text.distance(from: text.startIndex, to: text.range(of: value, options: .backwards)?.lowerBound ?? text.startIndex)
        let carets = String(repeating: " ", count: 2 + column) + String(repeating: "^", count: value.count) + (suggestion.map { " " + $0 } ?? "")
        #expect(refusal.hasSuffix("\n" + carets), "the caret is under the value: \(refusal)")
    }

    @Test func anOwnerByEMailWhenTheOwnersCannotBeReadSaysWhy() {
        var facts = Self.contacts
        facts.owners = nil
        facts.ownersProblem = "HubSpot answered 403 MISSING_SCOPES"
        let refusal = Self.refusal("search contacts where hubspot_owner_id = olivia.bennett@brightwave.io", facts) ?? ""
        #expect(refusal.contains("cannot look up the owner 'olivia.bennett@brightwave.io': HubSpot answered 403 MISSING_SCOPES"), "\(refusal)")
        #expect(throws: Never.self) { try Self.condition("search contacts where hubspot_owner_id = 41629779", facts) }
    }

    /// 2024-03-03 in US/Eastern (UTC-5) runs from 05:00Z that day to 04:59:59.999Z the next.
    static let march3 = ("1709442000000", "1709528399999")

    @Test(arguments: [
        ("closedate = 2024-03-03", "closedate between \"\(march3.0)\" and \"\(march3.1)\""),
        ("closedate > 2024-03-03", "closedate > \"\(march3.1)\""),
        ("closedate >= 2024-03-03", "closedate >= \"\(march3.0)\""),
        ("closedate < 2024-03-03", "closedate < \"\(march3.0)\""),
        ("closedate <= 2024-03-03", "closedate <= \"\(march3.1)\""),
        ("closedate != 2024-03-03", "closedate < \"\(march3.0)\" or closedate > \"\(march3.1)\""),
        ("closedate between 2024-03-03 and 2024-03-03", "closedate between \"\(march3.0)\" and \"\(march3.1)\""),
        ("closedate in (2024-03-03, 1700000000000)",
         "closedate in (\"1700000000000\") or closedate between \"\(march3.0)\" and \"\(march3.1)\""),
        ("closedate not in (2024-03-03)", "closedate < \"\(march3.0)\" or closedate > \"\(march3.1)\""),
        ("closedate = 2024-03-03T10:00", "closedate = \"1709478000000\""),
        ("closedate = 2024-03-03T10:00:00Z", "closedate = \"1709460000000\""),
        ("closedate = 2024-03-03T10:00:00+01:00", "closedate = \"1709456400000\""),
        ("amount > 10 and (closedate = 2024-03-03 or lifecyclestage = lead)",
         "amount > \"10\" and (closedate between \"\(march3.0)\" and \"\(march3.1)\" or lifecyclestage = \"lead\")"),
        ("birthday = 1990-05-17", "birthday = \"642902400000\""),
    ])
    func aDayOnADateTimePropertyIsTheWholeDayInTheAccountsZone(_ written: String, _ sent: String) throws {
        #expect(try Self.condition("search contacts where " + written, Self.contacts) == sent)
    }

    @Test func theDayFollowsTheZonesRules() throws {
        var facts = Self.contacts
        // Daylight saving starts on 2024-03-10 in US/Eastern: that day has 23 hours.
        let day = try Self.condition("search contacts where closedate = 2024-03-10", facts)
        #expect(day == "closedate between \"1710046800000\" and \"1710129599999\"")
        facts.zone = .utc
        #expect(try Self.condition("search contacts where closedate = 2024-03-03", facts)
            == "closedate between \"1709424000000\" and \"1709510399999\"")
        // A zone this machine does not know is the account's offset.
        facts.zone = PortalTimeZone(name: "Mars/Olympus", utcOffsetMilliseconds: 3_600_000)
        #expect(try Self.condition("search contacts where closedate = 2024-03-03", facts)
            == "closedate between \"1709420400000\" and \"1709506799999\"")
    }

    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2025-13-45", false), ("2025-04-31", false), ("2025-1-5", false),
        ("2025-01-05T24:00", false), ("2025-01-05T23:59:59.999Z", true), ("2025-01-05T10:00+0530", true), ("2025-01-05T10:00:00+25:00", false),
        ("1709424000000", true), ("-86400000", true), ("abc", false), ("", false), ("2025-01-05T10", false), ("2025-01-05T10:00:00.", false),
    ])
    func datesAreReadInTheFormsTheDocsName(_ text: String, _ valid: Bool) {
        #expect((DateText(text) != nil) == valid)
    }

    @Test func theContainsHintNamesTheWildcardAndTheLocalFilter() {
        let hint = SearchCommand.containsHint([[SearchFilter("name", .CONTAINS_TOKEN, "tec")]])
        #expect(hint == "HubSpot's contains matches whole words; for words starting with tec write name contains tec*, "
                + "for any part of the text filter here: | where name contains tec")
        #expect(SearchCommand.containsHint([[SearchFilter("name", .CONTAINS_TOKEN, "acme corp")]])?
            .hasSuffix("| where name contains \"acme corp\"") == true)
        #expect(SearchCommand.containsHint([[SearchFilter("name", .CONTAINS_TOKEN, "tec*")]]) == nil, "a wildcard says the person knows")
        #expect(SearchCommand.containsHint([[SearchFilter("name", .NOT_CONTAINS_TOKEN, "tec")], [SearchFilter("a", .EQ, "b")]]) == nil)
    }
}
