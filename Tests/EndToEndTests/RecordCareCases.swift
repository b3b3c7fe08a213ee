import Testing

// Contact 10000002090 is Aaron Bennett (aaron.bennett@helixanalytics.net), created 2026-01-31T16:19:06.746Z.
extension EveryCommandTests {
    static let historyCases: [Case] = [
        Case(name: "history shows each value of a property, newest first, with its time and source",
             text: "update contacts 10000002090 firstname=Erin | count; history contacts 10000002090 firstname lastname",
             output: [
                .exactly("1"),
                .containing([#"{"id":"10000002090","property":"firstname","value":"Erin","timestamp":"20"#, #""sourceType":"API","sourceId":null}"#]),
                .exactly(#"{"id":"10000002090","property":"firstname","value":"Aaron","timestamp":"2026-01-31T16:19:06.746Z","sourceType":"API","sourceId":null}"#),
                .exactly(#"{"id":"10000002090","property":"lastname","value":"Bennett","timestamp":"2026-01-31T16:19:06.746Z","sourceType":"API","sourceId":null}"#),
             ]),
        Case(name: "history of piped records goes on past a record get could not find",
             text: "get contacts 10000002090 999 | history firstname",
             status: 3,
             output: [.exactly(#"{"id":"10000002090","property":"firstname","value":"Aaron","timestamp":"2026-01-31T16:19:06.746Z","sourceType":"API","sourceId":null}"#)],
             errors: .exactly("get: no contacts record 999\nline 1: 1 of 3 inputs failed\n")),
        Case(name: "history of a property the object lacks says which it may mean",
             text: "history contacts 10000002090 fristname",
             status: 1,
             output: [],
             errors: .containing(["line 1: contacts has no property fristname", "did you mean 'firstname'?"])),
    ]
}
