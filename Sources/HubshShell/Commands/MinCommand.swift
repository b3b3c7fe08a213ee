import HubshLanguage

/// `min PROP`: one value over the whole stream (as `group`'s `--min`, without groups).
struct MinCommand: SingleMeasureCommand {
    static let signature = SingleMeasure.signature(
        .min, summary: "The smallest value of a property in the stream (numbers, dates, else text).",
        examples: [Example("search deals | min closedate", "the earliest close date", .lines("2024-01-19T06:46:40.267Z")),
                   Example("open orders.csv | min total", "over a file's column", .lines("5"))])

    static let function = Aggregator.Function.min
    let measure: SingleMeasure
}
