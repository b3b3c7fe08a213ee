import HubshLanguage

/// `avg PROP`: one value over the whole stream (as `group`'s `--avg`, without groups).
struct AvgCommand: SingleMeasureCommand {
    static let signature = SingleMeasure.signature(
        .avg, summary: "Average a number property over the stream (values without it left out).",
        examples: [Example("search deals | avg amount", "the average deal amount", .lines("82092.5")),
                   Example("open orders.csv | avg total", "over a file's column", .lines("15"))])

    static let function = Aggregator.Function.avg
    let measure: SingleMeasure
}
