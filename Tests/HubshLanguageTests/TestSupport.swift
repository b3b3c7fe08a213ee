import HubshLanguage

/// Compact, kind-revealing renderings of tokens and syntax trees, so tables can state expectations in one line.
enum Dump {
    static func value(_ value: Value) -> String {
        kind(value.kind)
    }

    static func kind(_ kind: Value.Kind) -> String {
        switch kind {
        case .word(let text): "w(\(text))"
        case .number(let text): "n(\(text))"
        case .string(let text): "s(\(text))"
        case .variable(let reference): "v(\(reference))"
        case .environment(let name): "e(\(name))"
        }
    }

    static func token(_ token: Token) -> String {
        switch token.kind {
        case .value(let value): kind(value)
        case .option(let name): "o(\(name))"
        case .symbol(let symbol): symbol.rawValue
        case .pipe: "|"
        case .append: ">>"
        case .semicolon: ";"
        case .newline: "nl"
        }
    }

    static func tokens(_ text: String) -> String {
        Lexer.tokenize(text).tokens.map(token).joined(separator: " ")
    }

    static func argument(_ argument: Argument) -> String {
        switch argument.kind {
        case .option(let name, let value): "o(\(name)\(value.map { "=" + self.value($0) } ?? ""))"
        case .assignment(let name, let value): "a(\(name)=\(value.map(self.value) ?? ""))"
        case .symbol(let symbol): symbol.rawValue
        case .value(let value): kind(value)
        }
    }

    static func command(_ command: Command) -> String {
        ([command.name + ":"] + command.arguments.map(argument)).joined(separator: " ")
    }

    static func pipeline(_ pipeline: Pipeline) -> String {
        var text = pipeline.commands.map(command).joined(separator: " | ")
        if let redirection = pipeline.redirection {
            text += " \(redirection.mode.rawValue) \(value(redirection.target))"
        }
        return text
    }

    /// The statements of `text` separated by ` ; `, or the diagnostics' messages prefixed by `error:` /
    /// `incomplete:`.
    static func parse(_ text: String) -> String {
        switch Parser.parse(text) {
        case .complete(let script): script.statements.map(pipeline).joined(separator: " ; ")
        case .incomplete(let diagnostic): "incomplete: " + diagnostic.message
        case .failure(let diagnostics): "error: " + diagnostics.map(\.message).joined(separator: " / ")
        }
    }

    static func condition(_ condition: Condition) -> String {
        condition.description
    }
}

/// Parses a single-statement, single-command text and returns its arguments; fails the test otherwise.
func arguments(of text: String) -> [Argument] {
    guard case .complete(let script) = Parser.parse(text), let command = script.statements.first?.commands.first else {
        return []
    }
    return command.arguments
}

/// Parses the `where` clause that follows the first bare `where` in a one-command text (or all arguments of a
/// command named `where`).
func parseWhere(_ text: String, stopWords: Set<String> = []) -> Result<WhereClause, Diagnostic> {
    guard case .complete(let script) = Parser.parse(text), let command = script.statements.first?.commands.first else {
        return .failure(Diagnostic("did not parse: \(Dump.parse(text))", at: .at(0)))
    }
    let arguments = command.arguments
    let keyword = command.name.lowercased() == "where"
        ? -1 : (arguments.firstIndex { $0.isKeyword("where") } ?? arguments.count)
    let keywordRange = keyword < 0 ? command.nameRange : (arguments.indices.contains(keyword) ? arguments[keyword].range : command.range)
    do throws(Diagnostic) {
        return .success(try WhereParser(stopWords: stopWords).parse(arguments[min(keyword + 1, arguments.count)...],
                                                                     after: keywordRange))
    } catch {
        return .failure(error)
    }
}
