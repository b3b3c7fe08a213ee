/// One way of writing a command's positionals, for a command written more than one way
/// (`associate FROMTYPE FROMID TOTYPE TOID`, or records piped in and `associate TOTYPE [TOID]`). The
/// binder picks the first form that fits — one for piped records only when records are piped in, with
/// room for the positionals given and its leading required ones given — and binds the positionals to its parameters in order, so the
/// command reads each by its parameter instead of counting them.
public struct Form: Sendable {
    /// Whether the form is written only with records piped in.
    public var piped: Bool
    /// Its positionals, in order; the leading required ones must be given for the form to fit (the
    /// command says what else it needs).
    public var positionals: [Parameter]

    public init(piped: Bool = false, _ positionals: [Parameter]) {
        self.piped = piped
        self.positionals = positionals
    }
}
