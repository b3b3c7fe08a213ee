import HubshLanguage

/// `max PROP`: one value over the whole stream (as `group`'s `--max`, without groups).
struct MaxCommand: SingleMeasureCommand {
    static let signature = SingleMeasure.signature(
        .max, summary: "The largest value of a property in the stream (numbers, dates, else text).",
        examples: [Example("search deals | max amount", "the largest deal amount", .lines("600000")),
                   Example("open orders.csv | max total", "over a file's column", .lines("30"))])

    static let function = Aggregator.Function.max
    let measure: SingleMeasure
}
