import Testing

// The demo account's deals: 1,200 in one pipeline, 305 of them closed won for 26,451,900 in all.
extension EveryCommandTests {
    static let aggregateCases: [Case] = [
        Case(name: "group counts and sums per value, labelled, the largest groups first",
             text: "search deals | group dealstage --sum amount --count | first 2",
             output: [
                .exactly(#"{"dealstage":"closedwon","label":"Closed won","count":305,"sum_amount":26451900}"#),
                .exactly(#"{"dealstage":"appointmentscheduled","label":"Appointment scheduled","count":185,"sum_amount":15140300}"#),
             ]),
        Case(name: "a quoted list of measures may space its names, as the run reads them",
             text: #"search deals where dealstage = closedwon | group dealstage --sum "amount, amount""#,
             output: [.exactly(#"{"dealstage":"closedwon","label":"Closed won","sum_amount":26451900}"#)]),
        Case(name: "count by and the single measures",
             text: """
                search tickets | count by hs_pipeline_stage | first 1
                search deals where dealstage = closedwon | sum amount
                search deals | min closedate
                search deals | count
                """,
             output: [
                .exactly(#"{"hs_pipeline_stage":"4","label":"Closed","count":257}"#),
                .exactly("26451900"),
                .exactly(#"2024-01-19T06:46:40.267Z"#),
                .exactly("1200"),
             ]),
        Case(name: "group over a file adds its column's numbers",
             text: "open orders.csv | group country --sum total --avg total",
             files: ["orders.csv": "country,total\nde,10\nfr,2.5\nde,0.25\n"],
             output: [
                .exactly(#"{"country":"de","sum_total":10.25,"avg_total":5.125}"#),
                .exactly(#"{"country":"fr","sum_total":2.5,"avg_total":2.5}"#),
             ]),
        Case(name: "a file's number column gives its minimum and maximum as numbers, measures in the order written, groups by the first",
             text: """
                open orders.csv | min total,day
                open orders.csv | group country --max total --sum total
                """,
             files: ["orders.csv": "country,total,day\nde,9,2025-01-02\nfr,30,2024-12-31\nde,10,2025-03-01\nat,\n"],
             output: [
                .exactly(#"{"min_total":9,"min_day":"2024-12-31"}"#),
                .exactly(#"{"country":"fr","max_total":30,"sum_total":30}"#),
                .exactly(#"{"country":"de","max_total":10,"sum_total":19}"#),
                .exactly(#"{"country":"at","max_total":null,"sum_total":0}"#),
             ]),
        Case(name: "a sum of a text property is refused before the search runs",
             text: "search deals | group dealstage --sum dealname",
             status: 2,
             output: [],
             errors: .containing(["line 1: sum takes numbers, and dealname is a string property of deals", "^^^^^^^^"])),
        Case(name: "a value that is not a number stops a sum at its line",
             text: "open orders.csv | sum total",
             files: ["orders.csv": "country,total\nde,10\nfr,x\n"],
             status: 1,
             output: [],
             errors: .containing(["line 1: sum takes numbers, and total holds 'x' (line 3)"])),
    ]
}
