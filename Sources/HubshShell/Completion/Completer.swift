/// Tab completion from the signatures: command names, subcommands, options, clause keywords, object
/// types, property names of the object in context, enumeration values after `PROP =` or `PROP=`,
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
        let scalars = Array(line.unicodeScalars.prefix(cursor))
        var start = scalars.count
        while start > 0, !" \t\n|;(".unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
        let word = String(String.UnicodeScalarView(scalars[start...]))
        let before = String(String.UnicodeScalarView(scalars[..<start]))
        let candidates = candidates(for: word, after: before)
        return (Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted(), start)
    }

    private func candidates(for word: String, after before: String) -> [String] {
        if word.hasPrefix("$") { return snapshot.variables.map { "$" + $0 } }
        let segments = before.split(omittingEmptySubsequences: false) { $0 == "|" || $0 == ";" || $0 == "\n" }
        let words = (segments.last ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let head = words.first?.lowercased() else { return commandNames }
        let matching = snapshot.signatures.filter { ([$0.name] + $0.aliases).contains { $0.first == head } }
        if words.count == 1, matching.contains(where: { $0.name.count == 2 }) {
            return matching.compactMap { $0.name.count == 2 ? $0.name[1] : nil }
        }
        let sub = words.count > 1 ? words[1].lowercased() : nil
        guard let signature = matching.first(where: { $0.name.count == 1 || $0.name[1] == sub }) else { return [] }
        let arguments = Array(words.dropFirst(signature.name.count))
        let objectType = objectInContext(segments: segments.dropLast().map(String.init), signature: signature, arguments: arguments)
        if word.hasPrefix("-") { return signature.options.map { "--" + $0.name } }
        if let equals = word.firstIndex(of: "="), signature.takesAssignments {
            let property = String(word[..<equals])
            return enumValues(objectType, property).map { property + "=" + $0 }
        }
        if let previous = arguments.last {
            if previous.hasPrefix("--"), let option = signature.option(String(previous.dropFirst(2))), !option.isFlag {
                if option.completion == .associationLabels {
                    return associationLabels(segments: segments.dropLast().map(String.init), arguments: arguments)
                }
                return values(option.completion, objectType: objectType, word: word)
            }
            if previous == "=" || ComparisonWords.all.contains(previous.lowercased()), arguments.count >= 2 {
                return enumValues(objectType, arguments[arguments.count - 2])
            }
            if let keyword = signature.clauses.first(where: { $0.keyword == previous.lowercased() }) {
                return keyword.grammar == .count ? [] : properties(objectType)
            }
            if inWhere(signature, arguments) {
                return properties(objectType) + ["and", "or", "not", "in", "between", "contains", "exists"]
            }
        } else if signature.name == ["where"] {
            return properties(objectType)
        }
        // The next positional, counting the arguments that are not options, clauses or assignments.
        let positionalsGiven = arguments.filter { !$0.hasPrefix("--") && !$0.contains("=") }.count
        let required = signature.positionals.filter(\.required).count
        var candidates: [String] = []
        if positionalsGiven >= required {
            candidates += signature.clauses.map(\.keyword)
            if signature.takesAssignments { candidates += properties(objectType).map { $0 + "=" } }
        }
        if positionalsGiven < signature.positionals.count {
            candidates += values(signature.positionals[positionalsGiven].completion, objectType: objectType, word: word)
        } else if let last = signature.positionals.last, last.repeats {
            candidates += values(last.completion, objectType: objectType, word: word)
        }
        return candidates
    }

    private var commandNames: [String] {
        Array(Set(snapshot.signatures.flatMap { ([$0.name] + $0.aliases).compactMap(\.first) }))
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
    private func associationLabels(segments: [String], arguments: [String]) -> [String] {
        let types = arguments.filter { snapshot.objectTypes.contains($0) }
        var pair: (String, String)?
        if types.count >= 2 {
            pair = (types[0], types[1])
        } else if let to = types.first {
            for segment in segments.reversed() {
                let words = segment.split(separator: " ").map(String.init)
                if let from = words.dropFirst().first(where: { snapshot.objectTypes.contains($0) }) {
                    pair = (from, to)
                    break
                }
            }
        }
        guard let (from, to) = pair else { return [] }
        return snapshot.associationLabels[from]?[to] ?? []
    }

    private func properties(_ objectType: String?) -> [String] { objectType.flatMap { snapshot.properties[$0] } ?? [] }

    private func enumValues(_ objectType: String?, _ property: String) -> [String] {
        objectType.flatMap { snapshot.options[$0]?[property] } ?? []
    }

    /// Whether the arguments are inside a `where` clause.
    private func inWhere(_ signature: CommandSignature, _ arguments: [String]) -> Bool {
        if signature.name == ["where"] { return true }
        guard let index = arguments.lastIndex(where: { signature.clauses.map(\.keyword).contains($0.lowercased()) }) else { return false }
        return arguments[index].lowercased() == "where"
    }

    /// The OBJECT of this command, else of the nearest earlier command of the pipeline that names one.
    private func objectInContext(segments: [String], signature: CommandSignature, arguments: [String]) -> String? {
        if signature.positionals.first?.completion == .objectTypes, let first = arguments.first(where: { !$0.hasPrefix("-") }),
           snapshot.objectTypes.contains(first) {
            return first
        }
        for segment in segments.reversed() {
            let words = segment.split(separator: " ").map(String.init)
            if let type = words.dropFirst().first(where: { snapshot.objectTypes.contains($0) }) { return type }
        }
        return nil
    }
}

/// The comparison words after which a value follows in a `where` clause.
enum ComparisonWords {
    static let all: Set<String> = ["=", "!=", "<", "<=", ">", ">=", "contains"]
}
