/// Counts the steps of the lexer and the parsers (a scalar, token or argument looked at), so tests can
/// bound the work by the length of the text instead of timing it. One counter per call, never shared
/// between tasks.
final class StepCounter {
    /// Steps so far.
    var count = 0
}
