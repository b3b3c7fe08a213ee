import HubshLanguage

/// One way of writing a command's positionals, for a command written more than one way
/// (`associate FROMTYPE FROMID TOTYPE TOID`, or records piped in and `associate TOTYPE [TOID]`; `set F=V`
/// or `set OPTION VALUE`). The binder picks the first form that fits (``fits(_:piped:assigned:)``, else
/// the last) and binds the positionals to its parameters in order, so the command reads each by its
/// parameter, and which form it is by ``BoundCommand/form``, instead of counting them.
public struct Form: Sendable, Equatable {
    /// Whether the form is written only with records piped in.
    public var piped: Bool
    /// Whether it is written with `name=value` assignments (what they name is the signature's
    /// `assignments`); a form without takes none.
    public var assignments: Bool
    /// Its positionals, in order; the leading required ones must be given for the form to fit (the
    /// command says what else it needs).
    public var positionals: [Parameter]

    public init(piped: Bool = false, assignments: Bool = false, _ positionals: [Parameter]) {
        self.piped = piped
        self.assignments = assignments
        self.positionals = positionals
    }

    /// Forms are the same when written the same way (their parameters named alike).
    public static func == (a: Form, b: Form) -> Bool {
        a.piped == b.piped && a.assignments == b.assignments && a.positionals.map(\.name) == b.positionals.map(\.name)
    }

    /// The most positionals it takes (a repeating last parameter takes any number).
    var most: Int { positionals.last?.repeats == true ? Int.max : positionals.count }

    /// Whether the words `written` can be this form: one for piped records only when records are piped
    /// in, one without assignments only when none are `assigned`, with room for the words and its leading
    /// required parameters given, and a record id only where a number (or a variable) is written.
    func fits(_ written: [Value], piped: Bool, assigned: Bool) -> Bool {
        (!self.piped || piped) && (assignments || !assigned)
            && written.count <= most && written.count >= positionals.prefix { $0.required }.count
            && zip(positionals, written).allSatisfy { parameter, value in parameter.role != .recordId || value.couldBeNumber }
    }
}

extension Value {
    /// Whether it is a whole number, or a variable that may hold one.
    var couldBeNumber: Bool {
        guard let text = literalText else { return true }
        return Int(text) != nil
    }
}
