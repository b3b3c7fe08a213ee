import HubshLanguage

/// Tab completion from the signatures and the parser: the parser reads the statement up to the cursor
/// (``Parser/completionPoint(_:cursor:)``) and, inside `where`, says what the grammar expects
/// (``WhereParser/expectation(after:)``); the signature says what each argument is (its ``Role``). Offered:
/// command names, subcommands, options and their values, clause keywords, object types, property names
/// of the object in context, enumeration values, `where` operators and connectives, `sort` directions,
/// connection and activity names, variables, and file paths.
public struct Completer: Sendable {
    public let snapshot: CompletionSnapshot
    /// Lists a folder's entries (names only), for file completion; injected so tests need no disk.
    let listDirectory: @Sendable (String) -> [String]

    public init(snapshot: CompletionSnapshot, listDirectory: @escaping @Sendable (String) -> [String] = FileNames.list) {
        self.snapshot = snapshot
        self.listDirectory = listDirectory
    }

    /// The candidates for the word that ends at `cursor`, and where that word starts (in Unicode scalars).
    public func complete(_ line: String, cursor: Int) -> (candidates: [String], start: Int) {
        let point = Parser.completionPoint(line, cursor: cursor)
        let candidates = candidates(at: point)
        return (Array(Set(candidates.filter { $0.hasPrefix(point.word) })).sorted(), point.wordStart)
    }

    private func candidates(at point: CompletionPoint) -> [String] {
        let word = point.word
        if word.hasPrefix("$") { return snapshot.variables.map { "$" + $0 } }
        guard let command = point.command else { return point.expectsCommand ? commandNames : [] }
        let head = command.name.lowercased()
        let matching = snapshot.signatures.filter { ([$0.name] + $0.aliases).contains { $0.first == head } }
        if command.arguments.isEmpty, matching.contains(where: { $0.name.count == 2 }) {
            return matching.compactMap { $0.name.count == 2 ? $0.name[1] : nil }
        }
        let sub = command.arguments.first?.word?.lowercased()
        guard let signature = matching.first(where: { $0.name.count == 1 || $0.name[1] == sub }) else { return [] }
        let arguments = Array(command.arguments.dropFirst(signature.name.count - 1))
        let context = Context(signature: signature, arguments: arguments, earlier: point.earlier,
                              objectType: objectInContext(point.earlier, signature: signature, arguments: arguments), word: word)
        if word.hasPrefix("-") { return signature.options.map { "--" + $0.name } }
        if let equals = word.firstIndex(of: "="), signature.takesAssignments || inConditions(context) {
            let property = String(word[..<equals])
            return enumValues(context.objectType, property).map { property + "=" + $0 }
        }
        return expected(context)
    }

    /// What the completer knows about the command at the cursor.
    private struct Context {
        let signature: CommandSignature
        /// Its arguments before the word (subcommand words left out).
        let arguments: [Argument]
        /// The pipeline's commands before it.
        let earlier: [Command]
        let objectType: String?
        let word: String
    }

    /// The candidates for the next argument, walking the arguments as the binder does.
    private func expected(_ context: Context) -> [String] {
        let signature = context.signature
        let arguments = context.arguments
        let keywords = Set(signature.clauses.map { $0.keyword.lowercased() })
        var index = 0
        var positional = 0
        var lastPositional: String?
        if let clause = signature.clauses.first(where: { $0.keyword == signature.name.last }), clause.grammar == .conditions {
            switch conditions(arguments[...], stopWords: keywords.subtracting([clause.keyword]), context) {
            case .offer(let candidates): return candidates
            case .resume(let next): index = next
            }
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument.kind {
            case .option(let name, let attached):
                index += 1
                guard let option = signature.option(name), !option.isFlag, attached == nil else { continue }
                if index == arguments.count { return values(option.role, context, previous: nil) }
                index += 1
            case .assignment:
                index += 1
            case .symbol(.equals) where signature.rest != nil:
                return signature.rest.map { values($0.role, context, previous: nil) } ?? []
            default:
                if let word = argument.word?.lowercased(), let clause = signature.clauses.first(where: { $0.keyword == word }) {
                    switch self.clause(clause, arguments, at: index, stopWords: keywords.subtracting([word]), context) {
                    case .offer(let candidates): return candidates
                    case .resume(let next): index = next
                    }
                    continue
                }
                lastPositional = argument.value?.literalText
                if positional < signature.positionals.count, !signature.positionals[positional].repeats { positional += 1 }
                index += 1
            }
        }
        var candidates: [String] = []
        let given = positional + (signature.positionals.last?.repeats == true && lastPositional != nil ? 1 : 0)
        if given >= signature.positionals.filter(\.required).count {
            candidates += signature.clauses.map(\.keyword)
            // Names of properties (or of fields, which are mostly properties) complete; a run's variables do not.
            if signature.assignments?.completion == .properties { candidates += properties(context.objectType).map { $0 + "=" } }
        }
        if positional < signature.positionals.count {
            candidates += values(signature.positionals[positional].role, context, previous: lastPositional)
        }
        return candidates
    }

    /// What a clause does with the cursor: offers candidates, or ends before it (the index after it).
    private enum Step {
        case offer([String])
        case resume(Int)
    }

    /// The clause whose keyword is at `index`.
    private func clause(_ clause: Clause, _ arguments: [Argument], at index: Int, stopWords: Set<String>, _ context: Context) -> Step {
        let after = index + 1
        switch clause.grammar {
        case .conditions:
            return conditions(arguments[after...], stopWords: stopWords, context)
        case .propertyList:
            // `props a,b` or `props a, b`: the list goes on while a comma joins the next word.
            var position = after
            var joins = true
            while joins, position < arguments.count, let text = arguments[position].value?.literalText {
                joins = text.hasSuffix(",")
                position += 1
            }
            return joins && position == arguments.count ? .offer(values(clause.names, context, previous: nil)) : .resume(position)
        case .sort:
            if after == arguments.count { return .offer(values(clause.names, context, previous: nil)) }
            if after + 1 == arguments.count { return .offer(Array(Clause.sortDirections.prefix(2)) + Array(context.signature.clauses.map(\.keyword))) }
            let direction = arguments[after + 1].word?.lowercased()
            return .resume(after + 1 + (direction.map(Clause.sortDirections.contains) == true ? 1 : 0))
        case .count:
            return after == arguments.count ? .offer([]) : .resume(after + 1)
        }
    }

    /// A `where` clause starting at `arguments`' first index: what its grammar expects at the cursor.
    private func conditions(_ arguments: ArraySlice<Argument>, stopWords: Set<String>, _ context: Context) -> Step {
        guard let expectation = WhereParser(stopWords: stopWords).expectation(after: arguments) else { return .offer([]) }
        switch expectation {
        case .ended(let index):
            return .resume(index)
        case .property:
            return .offer(properties(context.objectType))
        case .value(let property):
            return .offer(enumValues(context.objectType, property))
        case .connective(let insideGroup):
            // After a whole condition outside parentheses the clause may also end: the command's other clauses follow.
            return .offer(expectation.words + (insideGroup ? [] : context.signature.clauses.map(\.keyword)))
        default:
            return .offer(expectation.words)
        }
    }

    /// Whether the word is inside a `where` clause (a property=value condition).
    private func inConditions(_ context: Context) -> Bool {
        context.signature.name == ["where"]
            || context.arguments.last { $0.word.map { context.signature.clause($0.lowercased()) != nil } ?? false }?.isKeyword("where") == true
    }

    private var commandNames: [String] {
        Array(Set(snapshot.signatures.flatMap { ([$0.name] + $0.aliases).compactMap(\.first) }))
    }

    /// The values of an argument of `role`; `previous` is the positional written before it.
    private func values(_ role: Role, _ context: Context, previous: String?) -> [String] {
        switch role {
        case .choiceByPrevious(let words):
            return previous.flatMap { words[$0.lowercased()] } ?? []
        case .associationLabel:
            return associationLabels(context)
        case .property, .field:
            // A comma list (`select a,b`, `props a,b`) completes its last name.
            let head = context.word.lastIndex(of: ",").map { String(context.word[...$0]) } ?? ""
            return properties(context.objectType).map { head + $0 }
        default:
            return values(role.completion, objectType: context.objectType, word: context.word)
        }
    }

    private func values(_ source: CompletionSource, objectType: String?, word: String) -> [String] {
        switch source {
        case .none: []
        case .commands: commandNames
        case .connections: snapshot.connections
        case .activities: snapshot.activities
        case .objectTypes: snapshot.objectTypes
        case .properties: properties(objectType)
        case .variables: snapshot.variables
        case .files: FileNames.candidates(for: word, list: listDirectory)
        case .choices(let choices): choices
        case .associationLabels: []
        }
    }

    /// The labels of the object pair the arguments name (two object types), or of the pipeline's type
    /// and the one named.
    private func associationLabels(_ context: Context) -> [String] {
        func types(_ arguments: [Argument]) -> [String] { arguments.compactMap { $0.value?.literalText }.filter(snapshot.objectTypes.contains) }
        let named = types(context.arguments)
        var pair: (String, String)?
        if named.count >= 2 {
            pair = (named[0], named[1])
        } else if let to = named.first, let from = context.earlier.reversed().lazy.compactMap({ types($0.arguments).first }).first {
            pair = (from, to)
        }
        guard let (from, to) = pair else { return [] }
        return snapshot.associationLabels[from]?[to] ?? []
    }

    private func properties(_ objectType: String?) -> [String] { objectType.flatMap { snapshot.properties[$0] } ?? [] }

    private func enumValues(_ objectType: String?, _ property: String) -> [String] {
        objectType.flatMap { snapshot.options[$0]?[property] } ?? []
    }

    /// The OBJECT of this command, else of the nearest earlier command of the pipeline that names one.
    private func objectInContext(_ earlier: [Command], signature: CommandSignature, arguments: [Argument]) -> String? {
        if signature.positionals.first?.role == .objectType, let first = arguments.first?.value?.literalText,
           snapshot.objectTypes.contains(first) {
            return first
        }
        for command in earlier.reversed() {
            let words = command.arguments.compactMap { $0.value?.literalText }
            if let type = words.first(where: { snapshot.objectTypes.contains($0) }) { return type }
        }
        return nil
    }
}
