import HubshLanguage

/// Matches parsed commands to signatures and sorts their arguments by role. Every refusal is a
/// `Diagnostic` with the range of what is wrong and, for a misspelt name, "did you mean …".
public struct Binder: Sendable {
    public let registry: CommandRegistry

    public init(registry: CommandRegistry) { self.registry = registry }

    /// Binds one command; `piped` says records are piped in (it picks the command's form, when it has several).
    public func bind(_ command: Command, piped: Bool = false) throws(Diagnostic) -> BoundCommand {
        let (signature, used) = try registry.resolve(command)
        var bound = BoundCommand(signature: signature, syntax: command)
        let arguments = command.arguments
        let stopWords = Set(signature.clauses.map { $0.keyword.lowercased() })
        if signature.takesStatement {
            // The statement is bound when the command plans it.
            guard used < arguments.count, arguments[used].word != nil else {
                throw Diagnostic("\(signature.displayName) needs a statement after it (usage: \(signature.usage))", at: arguments.dropFirst(used).first?.range ?? command.range)
            }
            bound.restIndex = used
            return bound
        }
        var positionalIndex = 0
        // A command written several ways takes its positionals in order, then binds them by its form.
        var written: [Value] = []
        let mostWritten = signature.forms.map(\.most).max() ?? 0
        var index = used
        // A command named like one of its clauses (`where CONDITIONS`) takes that clause from its first argument.
        if let clause = signature.clauses.first(where: { $0.keyword == signature.name.last }), clause.grammar == .conditions {
            let parsed = try WhereParser(stopWords: stopWords.subtracting([clause.keyword])).parse(arguments[used...], after: command.nameRange)
            bound.clauses[clause.keyword] = .conditions(parsed.expression)
            index = parsed.endIndex
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument.kind {
            case .option(let name, let attached):
                guard let option = signature.option(name) else {
                    throw Diagnostic("\(signature.displayName) has no option --\(name)", at: argument.range,
                                     suggestion: signature.elsewhere[name]
                                        ?? Suggest.closest(to: name, in: signature.options.map(\.name)).map { "did you mean '--\($0)'?" })
                }
                if option.isFlag {
                    if attached != nil { throw Diagnostic("--\(name) is a flag and takes no value", at: argument.range) }
                    bound.options[name] = .some(nil)
                } else if let attached {
                    bound.options[name] = attached
                } else {
                    guard index + 1 < arguments.count, let value = arguments[index + 1].value ?? Self.pair(arguments[index + 1], for: option) else {
                        throw Diagnostic("--\(name) needs a value (\(option.valueName ?? "VALUE"))", at: argument.range)
                    }
                    bound.options[name] = value
                    index += 1
                }
            case .assignment(let name, let value):
                guard signature.takesAssignments else {
                    throw Diagnostic("\(signature.displayName) takes no PROP=VALUE (usage: \(signature.usage))", at: argument.range)
                }
                bound.assignments.append((name, value, argument.range))
            case .symbol(.equals) where signature.rest != nil:
                bound.restIndex = index + 1
                index = arguments.count
                continue
            default:
                if let word = argument.word?.lowercased(), let clause = signature.clauses.first(where: { $0.keyword == word }) {
                    index = try bindClause(clause, arguments, after: index, stopWords: stopWords.subtracting([word]), into: &bound)
                    continue
                }
                if !signature.forms.isEmpty, written.count < mostWritten, let value = argument.value {
                    written.append(value)
                    index += 1
                    continue
                }
                guard signature.forms.isEmpty, positionalIndex < signature.positionals.count, let value = argument.value else {
                    throw Diagnostic("unexpected \(describe(argument)) (usage: \(signature.usage))", at: argument.range,
                                     suggestion: argument.word.flatMap { Suggest.didYouMean($0, in: signature.clauses.map(\.keyword)) })
                }
                let parameter = signature.positionals[positionalIndex]
                bound.positionals[parameter.name, default: []].append(value)
                if !parameter.repeats { positionalIndex += 1 }
            }
            index += 1
        }
        // The first form that fits (else the last, which says what is missing).
        let form = signature.forms.first { $0.fits(written, piped: piped, assigned: !bound.assignments.isEmpty) } ?? signature.forms.last
        bound.form = form
        if let form {
            for (parameter, value) in zip(form.positionals, written) { bound.positionals[parameter.name] = [value] }
            // A repeating last parameter takes every word after the others.
            if let last = form.positionals.last, last.repeats, written.count > form.positionals.count {
                bound.positionals[last.name, default: []] += written[form.positionals.count...]
            }
        }
        // A piped form's own parameters were checked when it was picked; otherwise the signature's are needed.
        for parameter in signature.positionals where form?.piped != true && parameter.required && bound.positionals[parameter.name] == nil {
            throw Diagnostic("\(signature.displayName) needs \(parameter.placeholder) (usage: \(signature.usage))", at: command.range)
        }
        if let rest = signature.rest, (bound.restIndex ?? arguments.count) >= arguments.count {
            throw Diagnostic("\(signature.displayName) needs '= \(rest.placeholder)' (usage: \(signature.usage))", at: command.range)
        }
        return bound
    }

    /// Binds the clause whose keyword is at `index`; returns the index after it.
    private func bindClause(_ clause: Clause, _ arguments: [Argument], after index: Int, stopWords: Set<String>,
                            into bound: inout BoundCommand) throws(Diagnostic) -> Int {
        let keyword = arguments[index]
        if bound.clauses[clause.keyword] != nil {
            throw Diagnostic("'\(clause.keyword)' is given twice", at: keyword.range)
        }
        func next() throws(Diagnostic) -> Argument {
            guard index + 1 < arguments.count else {
                throw Diagnostic("'\(clause.keyword)' needs \(clause.placeholder)", at: keyword.range)
            }
            return arguments[index + 1]
        }
        switch clause.grammar {
        case .conditions:
            let parsed = try WhereParser(stopWords: stopWords).parse(arguments[(index + 1)...], after: keyword.range)
            bound.clauses[clause.keyword] = .conditions(parsed.expression)
            return parsed.endIndex
        case .propertyList:
            // `props a,b,c`, also written `props a, b` (a comma joins the next word).
            var names: [String] = []
            var position = index + 1
            var range = keyword.range
            var joins = true
            while joins, position < arguments.count, let text = arguments[position].value?.literalText,
                  !stopWords.contains(text.lowercased()) {
                names += text.split(separator: ",").map(String.init)
                range = range.union(arguments[position].range)
                joins = text.hasSuffix(",") || (position + 1 < arguments.count && arguments[position + 1].value?.literalText?.hasPrefix(",") == true)
                position += 1
            }
            guard !names.isEmpty else {
                throw Diagnostic("'\(clause.keyword)' needs property names: \(clause.keyword) a,b", at: keyword.range)
            }
            bound.clauses[clause.keyword] = .properties(names, range: range)
            return position
        case .sort:
            let property = try next()
            guard let name = property.value?.literalText else {
                throw Diagnostic("'\(clause.keyword)' needs a property name", at: property.range)
            }
            var descending = false
            var end = index + 2
            if end < arguments.count, let direction = arguments[end].word?.lowercased(), Clause.sortDirections.contains(direction) {
                descending = direction.hasPrefix("desc")
                end += 1
            }
            bound.clauses[clause.keyword] = .sort(property: name, descending: descending, range: keyword.range.union(property.range))
            return end
        case .count:
            let argument = try next()
            // A literal is checked now; a variable when the command runs (`limit $n` in an activity).
            guard let value = argument.value, value.literalText.map({ (Int($0) ?? -1) >= 0 }) ?? true else {
                throw Diagnostic("'\(clause.keyword)' needs a whole number", at: argument.range)
            }
            bound.clauses[clause.keyword] = .count(value, range: keyword.range.union(argument.range))
            return index + 2
        }
    }

    /// `name=value` after an option whose value is such a pair (`--map Email=email`): the pair as one
    /// word; nil otherwise, or when the value is not literal.
    static func pair(_ argument: Argument, for option: Option) -> Value? {
        guard option.valueName?.contains("=") == true, case .assignment(let name, let value) = argument.kind else { return nil }
        guard let text = value.map({ $0.literalText }) ?? "" else { return nil }
        return Value(.word(name + "=" + text), argument.range)
    }

    private func describe(_ argument: Argument) -> String {
        if let text = argument.value?.description { return "'\(text)'" }
        if let symbol = argument.symbol { return "'\(symbol)'" }
        return "argument"
    }
}
