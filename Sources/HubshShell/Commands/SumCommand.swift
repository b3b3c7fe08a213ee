import HubshLanguage

/// `sum PROP`: one value over the whole stream (as `group`'s `--sum`, without groups).
struct SumCommand: SingleMeasureCommand {
    static let signature = SingleMeasure.signature(
        .sum, summary: "Add up a number property over the stream.",
        examples: [Example("search deals where dealstage = closedwon | sum amount", "the total amount won", .lines("26451900")),
                   Example("open orders.csv | sum total", "over a file's column", .lines("45"))])

    static let function = Aggregator.Function.sum
    let measure: SingleMeasure
}
