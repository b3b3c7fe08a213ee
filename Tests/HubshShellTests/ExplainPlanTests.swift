import HubSpotAPI
import JSONValue
import Testing
@testable import HubshShell

/// The plan `explain` prints, worked out from a statement's steps: calls counted from the records
/// expected, each against its budget, the time that implies, what is written and whether undo can.
struct ExplainPlanTests {
    let journalledUpdate = ExplainPlan.Step.write(kind: .update, objectType: "contacts", toObjectType: nil, writes: ["jobtitle"], single: nil,
                                                  journal: true, ifUnchanged: false)

    @Test func aSearchPipedIntoAnUpdateCountsItsCallsFromTheSearchsTotalAndReadsThePriorValuesItself() {
        let plan = ExplainPlan(statement: "search contacts | update jobtitle=X",
                               steps: [.search(objectType: "contacts", reads: ["email"], limit: nil), journalledUpdate],
                               searchTotal: 4_213, limits: ExplainPlan.Limits(burstPerTenSeconds: 190))
        #expect(plan.records == 4_213)
        #expect(plan.calls.map(\.path) == ["/crm/v3/objects/contacts/search", "/crm/v3/objects/contacts/batch/update"])
        #expect(plan.calls.map(\.count) == [22, 43])
        #expect(plan.calls.map(\.budget) == [.search, .burst])
        #expect(plan.total(.burst) == 43)
        #expect(plan.seconds(.burst) == 0, "43 calls fit in one window of 190")
        #expect(plan.seconds(.search) == Double(22 - 5) / 5)
        #expect(plan.writes == ["jobtitle"])
        #expect(plan.reads == ["email", "jobtitle"], "the search reads what the update writes, for the journal")
        #expect(plan.undoable)
    }

    @Test func aSearchWithoutPropsPipedIntoAnUpdateReadsOnlyWhatTheUpdateWrites() {
        let plan = ExplainPlan(statement: "", steps: [.search(objectType: "contacts", reads: [ExplainPlan.defaultProperties, "lifecyclestage"], limit: nil),
                                                      journalledUpdate], searchTotal: 10)
        #expect(plan.reads == ["lifecyclestage", "jobtitle"])
    }

    @Test func anUpdateAfterALocalFilterOrWithIfUnchangedReadsTheRecordsFirst() {
        for steps: [ExplainPlan.Step] in [
            [.search(objectType: "contacts", reads: [], limit: nil), .local("where"), journalledUpdate],
            [.search(objectType: "contacts", reads: [], limit: nil),
             .write(kind: .update, objectType: "contacts", toObjectType: nil, writes: ["jobtitle"], single: nil, journal: true, ifUnchanged: true)],
        ] {
            let plan = ExplainPlan(statement: "", steps: steps, searchTotal: 250)
            #expect(plan.calls.map(\.path) == ["/crm/v3/objects/contacts/search", "/crm/v3/objects/contacts/batch/read",
                                               "/crm/v3/objects/contacts/batch/update"])
            #expect(plan.calls.map(\.count) == [2, 3, 3])
        }
    }

    @Test(arguments: [(190, 20_000, 400, 11.1), (100, 20_000, 400, 30.0), (190, 100, 2, 0.0)])
    func theBurstBudgetsTimeFollowsTheWindow(window: Int, records: Int, calls: Int, seconds: Double) {
        let plan = ExplainPlan(statement: "", steps: [.open(rows: records, columns: []), journalledUpdate],
                               limits: ExplainPlan.Limits(burstPerTenSeconds: window))
        #expect(plan.total(.burst) == calls)
        #expect(((plan.seconds(.burst) ?? -1) * 10).rounded() / 10 == seconds)
    }

    @Test func aLimitAndFirstCapTheRecords() {
        let limited = ExplainPlan(statement: "", steps: [.search(objectType: "deals", reads: [], limit: 50), journalledUpdate], searchTotal: 900)
        #expect(limited.records == 50)
        let first = ExplainPlan(statement: "", steps: [.search(objectType: "deals", reads: [], limit: nil), .local("where"), .cap(7), journalledUpdate],
                                searchTotal: 900)
        #expect(first.records == 7)
        #expect(first.calls.map(\.count) == [1, 1, 1])
    }

    @Test func aCreateFromAFileCountsItsRowsWritesItsColumnsAndIsUndoneByArchiving() {
        let plan = ExplainPlan(statement: "open leads.csv | create contacts",
                               steps: [.open(rows: 250, columns: ["email", "firstname"]),
                                       .write(kind: .create, objectType: "contacts", toObjectType: nil, writes: [], single: nil, journal: true, ifUnchanged: false)])
        #expect(plan.records == 250)
        #expect(plan.recordsFrom == "the file's 250 rows")
        #expect(plan.calls.map(\.path) == ["/crm/v3/objects/contacts/batch/create"])
        #expect(plan.calls.map(\.count) == [3])
        #expect(plan.writes == ["email", "firstname"])
        #expect(plan.undo.contains("archives the records made"))
    }

    @Test func aDeleteReadsTheRecordsAndTheirAssociationsFirstUnlessTheJournalIsOff() {
        let journalled = ExplainPlan(statement: "", steps: [.write(kind: .archive, objectType: "deals", toObjectType: nil, writes: [], single: 2,
                                                                   journal: true, ifUnchanged: false)])
        #expect(journalled.records == 2)
        #expect(journalled.calls.count == 2 + WriteJournal.associatedTypes.count)
        #expect(journalled.calls.last?.path == "/crm/v3/objects/deals/batch/archive")
        #expect(journalled.undoable)
        let unjournalled = ExplainPlan(statement: "", steps: [.write(kind: .archive, objectType: "deals", toObjectType: nil, writes: [], single: 2,
                                                                     journal: false, ifUnchanged: false)])
        #expect(unjournalled.calls.map(\.path) == ["/crm/v3/objects/deals/batch/archive"])
        #expect(!unjournalled.undoable)
        #expect(unjournalled.undo.hasPrefix("no:"))
    }

    @Test func recordsNotKnownLeaveTheCallsCountedPerHundred() {
        let plan = ExplainPlan(statement: "", steps: [.open(rows: nil, columns: []), journalledUpdate])
        #expect(plan.records == nil)
        #expect(plan.calls.allSatisfy { $0.count == nil })
        #expect(plan.total(.burst) == nil)
        #expect(plan.json["budgets"]?["burst"]?["calls"] == .null)
    }

    @Test func theReportNamesEachCallItsBudgetAndTheUndo() {
        let plan = ExplainPlan(statement: "search contacts | update jobtitle=X",
                               steps: [.search(objectType: "contacts", reads: ["email"], limit: nil), journalledUpdate],
                               searchTotal: 20_000, limits: ExplainPlan.Limits(burstPerTenSeconds: 190, daily: 625_000, usedToday: 12))
        let text = ReportRenderer(width: 160).render(Report(.explain(plan), values: [plan.json])).joined(separator: "\n")
        #expect(text.contains("20,000 (the search's count of matches)"))
        #expect(text.contains("POST /crm/v3/objects/contacts/batch/update"))
        #expect(text.contains("200 calls, at least 1 s of this budget"))
        #expect(text.contains("100 calls, at least 19 s of this budget"))
        #expect(text.contains("300 calls of 625,000 a day (12 used today)"))
        #expect(text.contains("yes: journalled"))
    }

    /// A search that matches nothing makes one call a day, said in the singular.
    @Test func oneCallADayIsOneCall() {
        let plan = ExplainPlan(statement: "search contacts where email = x | update jobtitle=X",
                               steps: [.search(objectType: "contacts", reads: ["email"], limit: nil), journalledUpdate],
                               searchTotal: 0, limits: ExplainPlan.Limits(burstPerTenSeconds: 190, daily: 625_000, usedToday: 7))
        let text = ReportRenderer(width: 160).render(Report(.explain(plan), values: [plan.json])).joined(separator: "\n")
        #expect(text.contains("1 call of 625,000 a day (7 used today)"), "\(text)")
    }

    /// At 80 columns the undo line is wrapped under its value, not by the terminal at column 0.
    @Test func aLongFieldWrapsUnderItsValueWithinTheWidth() {
        let plan = ExplainPlan(statement: "search contacts | update jobtitle=X",
                               steps: [.search(objectType: "contacts", reads: ["email"], limit: nil), journalledUpdate],
                               searchTotal: 20, limits: ExplainPlan.Limits(burstPerTenSeconds: 190))
        let lines = ReportRenderer(width: 80).render(Report(.explain(plan), values: [plan.json]))
        guard let undo = lines.firstIndex(where: { $0.hasPrefix("undo") }) else {
            Issue.record("no undo line in \(lines)")
            return
        }
        #expect(undo + 1 < lines.count, "the undo text is longer than one line at 80 columns")
        for line in lines[undo...] {
            #expect(DisplayWidth.of(line) <= 80, "\(line)")
        }
        for line in lines[(undo + 1)...] {
            #expect(line.hasPrefix(String(repeating: " ", count: 10)) && !line.hasPrefix(String(repeating: " ", count: 11)), "\(line)")
        }
        #expect(DisplayWidth.wordLines("a bb ccc", width: 4) == ["a bb", "ccc"])
    }

    /// At 80 columns the purposes do not fit beside the calls: each is shown whole under its call.
    @Test func aNarrowTerminalShowsEachPurposeWholeUnderItsCall() {
        let plan = ExplainPlan(statement: "search contacts | update jobtitle=X",
                               steps: [.search(objectType: "contacts", reads: ["email"], limit: nil), journalledUpdate],
                               searchTotal: 20, limits: ExplainPlan.Limits(burstPerTenSeconds: 190))
        let lines = ReportRenderer(width: 80).render(Report(.explain(plan), values: [plan.json]))
        for line in lines { #expect(DisplayWidth.of(line) <= 80, "\(line)") }
        #expect(!lines.contains { $0.contains("…") }, "nothing is cut: \(lines.joined(separator: "\n"))")
        let header = lines.first { $0.hasPrefix("command") }?.split(separator: " ").map(String.init)
        #expect(header == ["command", "call", "calls", "budget"], "\(lines)")
        for call in plan.calls {
            guard let row = lines.firstIndex(where: { $0.contains(call.path) && $0.hasPrefix(call.command) }) else {
                Issue.record("no row for \(call.path) in \(lines)")
                continue
            }
            #expect(lines[row + 1].hasPrefix("    ") && call.purpose.hasPrefix(lines[row + 1].trimmingCharacters(in: .whitespaces)), "\(lines)")
        }
    }
}
