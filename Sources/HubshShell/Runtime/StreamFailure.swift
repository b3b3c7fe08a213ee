import HubshLanguage

/// A stream that broke after some of its values flowed on (a bad line in a file being read): what is
/// wrong and where, and how many values came before it, so the statement says what was done before
/// it and ends as a partial failure when writes succeeded.
struct StreamFailure: Error, Sendable {
    var diagnostic: Diagnostic
    /// How many values the stream yielded before it broke.
    var valuesBefore: Int
    /// What one value is called in messages ("row", "value").
    var noun: String

    init(_ diagnostic: Diagnostic, after valuesBefore: Int, noun: String) {
        self.diagnostic = diagnostic
        self.valuesBefore = valuesBefore
        self.noun = noun
    }

    /// The diagnostic with what was done before the break: `…; 149 rows read before it, 149 written`.
    func diagnostic(succeeded: Int, failed: Int) -> Diagnostic {
        var diagnostic = self.diagnostic
        var done: [String] = []
        if valuesBefore > 0 { done.append("\(valuesBefore) \(noun)\(valuesBefore == 1 ? "" : "s") read before it") }
        if succeeded + failed > 0 { done.append("\(succeeded) written" + (failed > 0 ? ", \(failed) failed" : "")) }
        if !done.isEmpty { diagnostic.message += "; " + done.joined(separator: ", ") }
        return diagnostic
    }
}
