import HubSpotAPI
import HubshLanguage

/// How `import` and `export` reach HubSpot (`--via auto|batch|job`): the batch API (batch writes, or
/// the search export), or HubSpot's Imports/Exports API, a job HubSpot runs on its side. `auto`
/// counts first and takes the job above `threshold` records.
enum JobRoute: String, Sendable, CaseIterable {
    case auto, batch, job

    /// `--via auto|batch|job`.
    static let option = Option("via", "how to reach HubSpot: batch (batch API, per-record results), job (HubSpot's Imports/Exports API) or auto (by size: job above \(ProgressLine.grouped(threshold)) records)",
                               value: "ROUTE", role: .choice(allCases.map(\.rawValue)))

    /// Above this many records `auto` takes the job. The batch API moves at most 100 records a call under
    /// the burst window of 100–190 calls per 10 s (hubspot-api.md §8), and a search export 200 a page at 5
    /// searches a second: about 1,000 records a second either way, at best. 50,000 records are then 500
    /// calls and 50 s or more of the app's whole burst window (other work of the app waits), while a job
    /// costs a handful of calls whatever its size and HubSpot queues it on its side (minutes, not
    /// documented): below that the batch route finishes first and says per record what happened.
    static let threshold = 50_000

    /// The route `--via` names (auto when not given); an unknown word is refused where it is written.
    static func named(_ value: Value?, in context: ShellContext, command: String) async throws -> JobRoute {
        guard let value else { return .auto }
        return try named(try await context.text(value), at: value.range, command: command)
    }

    /// Checks a literal `--via` when the statement is planned.
    static func check(_ value: Value?, command: String) throws(Diagnostic) {
        guard let value, let text = value.literalText else { return }
        _ = try named(text, at: value.range, command: command)
    }

    /// The route `text` names, or the refusal at `range`.
    private static func named(_ text: String, at range: SourceRange, command: String) throws(Diagnostic) -> JobRoute {
        guard let route = JobRoute(rawValue: text.lowercased()) else {
            let names = allCases.map(\.rawValue)
            throw Diagnostic("\(command): --via takes \(names.joined(separator: ", ")), not '\(text)'", at: range,
                             suggestion: Suggest.didYouMean(text, in: names))
        }
        return route
    }

    /// The route to take for `count` records: batch or job (auto decides by the threshold).
    func resolved(count: Int) -> JobRoute {
        switch self {
        case .auto: count > Self.threshold ? .job : .batch
        case .batch, .job: self
        }
    }
}
