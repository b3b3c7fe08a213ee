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

    static let mergeCases: [Case] = [
        Case(name: "dupes groups records sharing a normalized value and merge joins each group into its oldest record",
             text: """
                create companies name=Acme domain=acme.com | count
                create companies name='Acme Inc' domain=https://www.ACME.com/about | count
                dupes companies --by domain --normalize lower,domain
                dupes companies --by domain --normalize lower,domain | merge --dry-run | count
                dupes companies --by domain --normalize lower,domain | merge
                undo
                """,
             options: Case.searchAtOnce,
             status: 1,
             output: [
                .exactly("1"), .exactly("1"),
                .containing([#"{"value":"acme.com","count":2,"primary":"1"#, #""merged":["1"#]),
                .exactly("1"),
                .containing([#"{"status":"merged","id":"1"#, #""name":"Acme""#, #""domain":"acme.com""#]),
             ],
             errors: .containing(["merging 1", "no undo (HubSpot cannot unmerge)",
                                  "line 6: operation 3 merged records, which HubSpot cannot unmerge: undo cannot be offered"])),
        Case(name: "merge of two contacts keeps the primary's values, and a record merged into itself is refused before anything runs",
             text: "merge contacts 10000002090 10000001741 | select firstname,email",
             output: [.exactly(#"{"id":"10000002090","firstname":"Aaron","email":"aaron.bennett@helixanalytics.net"}"#)],
             errors: .exactly("merging 10000001741 into 10000002090: no undo (HubSpot cannot unmerge)\n")),
        Case(name: "get of a merged-away id gives the record it was merged into, and says so",
             text: """
                merge contacts 10000002090 10000001741 --yes | count
                get contacts 10000001741 10000000414 props firstname
                """,
             output: [
                .exactly("1"),
                .containing([#"{"id":"10000002090""#, #""firstname":"Aaron""#]),
                .containing([#"{"id":"10000000414""#]),
             ],
             errors: .exactly("""
                merging 10000001741 into 10000002090: no undo (HubSpot cannot unmerge)
                get: contacts 10000001741 was merged into 10000002090, which HubSpot answers in its place

                """)),
        Case(name: "merge into itself is refused before anything runs",
             text: "update contacts 10000002090 firstname=Early\nmerge contacts 10000002090 10000002090",
             status: 2,
             output: [],
             errors: .containing(["line 2: merge needs two records: 10000002090 cannot be merged into itself"])),
        Case(name: "merge of a missing record fails that pair and the statement",
             text: "merge contacts 10000002090 999",
             status: 1,
             output: [.containing([#"{"status":"failed","id":"10000002090","merged":"999","error":"#])],
             errors: .containing(["line 1: 1 of 1 inputs failed"])),
        Case(name: "dupes refuses an unknown normalizing step",
             text: "dupes companies --by domain --normalize domian",
             status: 2,
             output: [],
             errors: .containing(["--normalize takes lower, trim and domain, not 'domian'", "did you mean 'domain'?"])),
    ]

    static let gdprCases: [Case] = [
        Case(name: "gdpr-delete erases a contact for good with --yes, journalled and not undoable",
             text: """
                gdpr-delete contacts --by email aaron.bennett@helixanalytics.net --yes
                get contacts 10000002090
                """,
             status: 1,
             output: [.exactly(#"{"status":"erased","id":"aaron.bennett@helixanalytics.net"}"#)],
             errors: .exactly("get: no contacts record 10000002090\nline 2: 1 of 1 inputs failed\n")),
        Case(name: "gdpr-delete in a script without --yes erases nothing",
             text: "gdpr-delete contacts 10000002090; get contacts 10000002090 props firstname | select firstname",
             status: 1,
             output: [],
             errors: .containing(["line 1: gdpr-delete erases contact 10000002090 permanently and cannot be undone: a script must say --yes"])),
        Case(name: "gdpr-delete of two contacts, one missing, is partial",
             text: "gdpr-delete contacts 10000002090 999 --yes",
             status: 3,
             output: [.exactly(#"{"status":"erased","id":"10000002090"}"#), .containing([#"{"status":"failed","id":"999","error":"#])],
             errors: .exactly("line 1: 1 of 2 inputs failed\n")),
        Case(name: "gdpr-delete takes contacts only",
             text: "gdpr-delete companies 1",
             status: 2,
             output: [],
             errors: .containing(["gdpr-delete erases contacts only"])),
    ]
}
