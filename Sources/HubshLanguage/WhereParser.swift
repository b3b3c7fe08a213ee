/// A parsed `where` clause and where it stopped among the command's arguments.
public struct WhereClause: Sendable, Hashable {
    /// The conditions.
    public var expression: WhereExpression
    /// The index of the first argument after the clause (the slice's `endIndex` when it used them all).
    public var endIndex: Int
    /// How many arguments the parse looked at (tests bound it by the clause's length).
    var steps = 0

    /// A clause holding `expression` that stopped at `endIndex`.
    public init(expression: WhereExpression, endIndex: Int) {
        self.expression = expression
        self.endIndex = endIndex
    }
}

/// Parses the conditions of a `where` clause from a command's arguments.
///
/// Grammar (keywords are case-insensitive bare words):
/// ```
/// or-expr    := and-expr ("or" and-expr)*
/// and-expr   := primary ("and" primary)*
/// primary    := "(" or-expr ")" | condition
/// condition  := PROPERTY ("=" | "!=" | "<" | "<=" | ">" | ">=") VALUE
///             | PROPERTY ["not"] "in" "(" VALUE ("," VALUE)* ")"
///             | PROPERTY "between" VALUE "and" VALUE
///             | PROPERTY ["not"] "contains" VALUE
///             | PROPERTY ["not"] "exists"
///             | PROPERTY=VALUE                      (written without spaces)
/// ```
/// `and` binds tighter than `or`. The clause ends after a complete condition at the first argument that is
/// not `and` / `or`: `search contacts where a = 1 props email` stops at `props`, and ``WhereClause/endIndex``
/// tells the binder where to go on.
public struct WhereParser: Sendable {
    /// Words that cannot be a property: where a condition should start, they end the clause with an error
    /// that names them (e.g. a search's `props`, `sort`, `limit`). Compared ignoring case.
    public var stopWords: Set<String>

    /// The deepest nesting of parentheses accepted, so that no input can exhaust the stack.
    public static let maximumNesting = 32

    /// A parser that treats `stopWords` as the start of the command's next clause.
    public init(stopWords: Set<String> = []) {
        self.stopWords = Set(stopWords.map { $0.lowercased() })
    }

    /// Parses a clause from `arguments`, which start just after the `where` keyword written at `keywordRange`.
    public func parse(_ arguments: ArraySlice<Argument>, after keywordRange: SourceRange) throws(Diagnostic) -> WhereClause {
        let steps = StepCounter()
        var cursor = WhereCursor(arguments: arguments, stopWords: stopWords, keywordRange: keywordRange, steps: steps)
        let expression = try cursor.parseClause()
        var clause = WhereClause(expression: expression, endIndex: cursor.index)
        clause.steps = steps.count
        return clause
    }

    /// What the clause expects after `arguments` (which start just after `where`), for completion at the
    /// end of them: a property, an operator, a value, `and`/`or`, or nothing more (the clause ended before
    /// the end, where the command's other arguments go on). Nil when the arguments already hold an error.
    public func expectation(after arguments: ArraySlice<Argument>) -> WhereExpectation? {
        var cursor = WhereCursor(arguments: arguments, stopWords: stopWords, keywordRange: .at(0), steps: StepCounter())
        do throws(Diagnostic) {
            _ = try cursor.parseClause()
        } catch {
            return cursor.index == arguments.endIndex ? cursor.expected : nil
        }
        return cursor.index == arguments.endIndex ? .connective(insideGroup: false) : .ended(at: cursor.index)
    }

    /// The index of the first `>` in `arguments` that is not a comparison inside a `where` clause: the
    /// redirection. A clause starts after a bare `where` (or at the first argument of a command named `where`)
    /// and takes every `>` that follows a property, up to where the clause ends or fails.
    static func redirectionIndex(in arguments: [Argument], commandName: String, steps: StepCounter = StepCounter()) -> Int? {
        func firstGreater(in range: Range<Int>) -> Int? {
            arguments[range].firstIndex { steps.count += 1; return $0.symbol == .greater }
        }
        var searchFrom = 0
        var clauseStart: Int? = commandName.lowercased() == "where" ? 0 : nil
        while searchFrom < arguments.count {
            let start = clauseStart ?? arguments[searchFrom...].firstIndex { steps.count += 1; return $0.isKeyword("where") }.map { $0 + 1 }
            guard let start else { return firstGreater(in: searchFrom..<arguments.count) }
            if let greater = firstGreater(in: searchFrom..<start) { return greater }
            var cursor = WhereCursor(arguments: arguments[start...], stopWords: [], keywordRange: .at(0), steps: steps)
            do throws(Diagnostic) {
                _ = try cursor.parseClause()
            } catch {
                // The clause ends where it failed; the binder reports the error.
            }
            searchFrom = max(cursor.index, start)
            clauseStart = nil
        }
        return nil
    }
}

/// The state of one `where` parse.
struct WhereCursor {
    let arguments: ArraySlice<Argument>
    let stopWords: Set<String>
    let keywordRange: SourceRange
    /// Counts every argument looked at.
    let steps: StepCounter
    var index: Int
    var depth = 0
    /// What was needed where the arguments ran out (for completion).
    var expected: WhereExpectation?
    /// The property of the condition being read.
    var property = ""

    init(arguments: ArraySlice<Argument>, stopWords: Set<String>, keywordRange: SourceRange, steps: StepCounter) {
        self.arguments = arguments
        self.stopWords = stopWords
        self.keywordRange = keywordRange
        self.steps = steps
        self.index = arguments.startIndex
    }

    var current: Argument? {
        steps.count += 1
        return index < arguments.endIndex ? arguments[index] : nil
    }

    var next: Argument? {
        steps.count += 1
        return index + 1 < arguments.endIndex ? arguments[index + 1] : nil
    }

    static let operatorList = "operators: = != < <= > >= in, not in, between, contains, not contains, exists, not exists"
    static let operatorWords = WhereExpectation.operatorWords

    mutating func parseClause() throws(Diagnostic) -> WhereExpression {
        let expression = try parseOr(after: nil)
        if let argument = current, looksLikeCondition(argument) {
            throw Diagnostic("expected 'and' or 'or' before '\(argument.excerpt)'", at: argument.range)
        }
        return expression
    }

    /// Whether `argument` starts something that reads as a condition (a forgotten `and`).
    func looksLikeCondition(_ argument: Argument) -> Bool {
        if case .assignment = argument.kind { return true }
        guard let word = argument.word, !stopWords.contains(word.lowercased()),
              let symbol = next?.symbol else { return false }
        return ComparisonOperator(symbol) != nil
    }

    mutating func parseOr(after previous: Argument?) throws(Diagnostic) -> WhereExpression {
        try parseJoined(by: "or", after: previous)
    }

    /// Terms joined by `keyword`: `or` joins `and` terms, `and` joins conditions and parenthesised groups.
    /// A term that is itself joined by `keyword` (`a and (b and c)`) is flattened into the list.
    mutating func parseJoined(by keyword: String, after previous: Argument?) throws(Diagnostic) -> WhereExpression {
        var terms: [WhereExpression] = []
        var before = previous
        while true {
            let term = keyword == "or" ? try parseJoined(by: "and", after: before) : try parsePrimary(after: before)
            switch (keyword, term) {
            case ("or", .or(let inner)), ("and", .and(let inner)): terms += inner
            default: terms.append(term)
            }
            guard let argument = current, argument.isKeyword(keyword) else { break }
            index += 1
            before = argument
        }
        if terms.count == 1 { return terms[0] }
        return keyword == "or" ? .or(terms) : .and(terms)
    }

    /// The error for a missing condition after `previous` (nil: right after `where`).
    func missingCondition(after previous: Argument?, found: Argument?) -> Diagnostic {
        let place = previous.map { "after '\($0.excerpt)'" }
        guard let found else {
            return Diagnostic(place.map { "expected a condition \($0)" } ?? "'where' needs a condition, e.g. where email contains acme.com",
                              at: previous?.range ?? keywordRange)
        }
        return Diagnostic("expected a condition \(place ?? "after 'where'"), found '\(found.excerpt)'", at: found.range)
    }

    mutating func parsePrimary(after previous: Argument?) throws(Diagnostic) -> WhereExpression {
        guard let argument = current else {
            expected = .property
            throw missingCondition(after: previous, found: nil)
        }
        if let word = argument.word, stopWords.contains(word.lowercased()) {
            throw missingCondition(after: previous, found: argument)
        }
        if let symbol = argument.symbol, symbol != .leftParenthesis {
            throw missingCondition(after: previous, found: argument)
        }
        guard argument.symbol == .leftParenthesis else { return .condition(try parseCondition()) }
        guard depth < WhereParser.maximumNesting else {
            throw Diagnostic("too many nested parentheses (at most \(WhereParser.maximumNesting))", at: argument.range)
        }
        depth += 1
        index += 1
        let inner = try parseOr(after: argument)
        depth -= 1
        guard let closing = current, closing.symbol == .rightParenthesis else {
            if current == nil { expected = .connective(insideGroup: true) }
            if let found = current, looksLikeCondition(found) {
                throw Diagnostic("expected 'and' or 'or' before '\(found.excerpt)'", at: found.range)
            }
            let message = "expected ')' to close the '(' of the group"
            throw Diagnostic(current.map { "\(message), found '\($0.excerpt)'" } ?? message, at: current?.range ?? argument.range)
        }
        index += 1
        return inner
    }

    mutating func parseCondition() throws(Diagnostic) -> Condition {
        guard let argument = current else {
            expected = .property
            throw missingCondition(after: nil, found: nil)
        }
        let start = argument.range.start
        switch argument.kind {
        case .assignment(let property, let value):
            index += 1
            self.property = property
            let propertyRange = SourceRange(start, start + property.unicodeScalars.count)
            let equals = SourceRange(propertyRange.end, propertyRange.end + 1)
            let operand: Value
            if let value { operand = value } else { operand = try expectValue(after: "=", at: equals) }
            return condition(property, propertyRange, .compare(.equal, operand))
        case .value(.word(let property)):
            index += 1
            return try parseTest(of: property, at: argument.range)
        default:
            throw Diagnostic("expected a property name, found '\(argument.excerpt)'", at: argument.range)
        }
    }

    func condition(_ property: String, _ propertyRange: SourceRange, _ test: Condition.Test) -> Condition {
        let end = index > arguments.startIndex ? arguments[index - 1].range.end : propertyRange.end
        return Condition(property: property, propertyRange: propertyRange, test: test,
                         range: SourceRange(propertyRange.start, max(end, propertyRange.end)))
    }

    mutating func parseTest(of property: String, at propertyRange: SourceRange) throws(Diagnostic) -> Condition {
        self.property = property
        guard let op = current else {
            expected = .operator(property: property)
            throw Diagnostic("expected an operator after '\(property.excerpt)'", at: propertyRange, suggestion: Self.operatorList)
        }
        if let symbol = op.symbol, let comparison = ComparisonOperator(symbol) {
            index += 1
            if symbol == .equals, let again = current, again.symbol == .equals, again.range.start == op.range.end {
                throw Diagnostic("'==' is not an operator: use '='", at: op.range.union(again.range))
            }
            let value = try expectValue(after: symbol.rawValue, at: op.range)
            return condition(property, propertyRange, .compare(comparison, value))
        }
        guard let keyword = op.word?.lowercased(), Self.operatorWords.contains(keyword) else {
            let hint = op.word.flatMap { Suggest.didYouMean($0, in: Self.operatorWords) } ?? Self.operatorList
            throw Diagnostic("expected an operator after '\(property.excerpt)', found '\(op.excerpt)'", at: op.range, suggestion: hint)
        }
        index += 1
        switch keyword {
        case "in":
            let values = try parseList(after: op)
            return condition(property, propertyRange, .oneOf(values))
        case "between":
            let low = try expectValue(after: "between", at: op.range)
            guard let and = current, and.isKeyword("and") else {
                if current == nil { expected = .betweenAnd(property: property) }
                throw Diagnostic("'between' needs 'and': between A and B", at: op.range.union(low.range))
            }
            index += 1
            let high = try expectValue(after: "and", at: and.range)
            return condition(property, propertyRange, .between(low, high))
        case "contains":
            let value = try expectValue(after: "contains", at: op.range)
            return condition(property, propertyRange, .contains(value))
        case "exists":
            return condition(property, propertyRange, .exists)
        default:
            return try parseNegatedTest(of: property, at: propertyRange, not: op)
        }
    }

    mutating func parseNegatedTest(of property: String, at propertyRange: SourceRange, not: Argument) throws(Diagnostic) -> Condition {
        let message = "expected 'in', 'contains' or 'exists' after 'not'"
        guard let op = current else {
            expected = .negatedOperator(property: property)
            throw Diagnostic(message, at: not.range)
        }
        switch op.word?.lowercased() {
        case "in":
            index += 1
            let values = try parseList(after: op)
            return condition(property, propertyRange, .noneOf(values))
        case "contains":
            index += 1
            let value = try expectValue(after: "contains", at: op.range)
            return condition(property, propertyRange, .notContains(value))
        case "exists":
            index += 1
            return condition(property, propertyRange, .notExists)
        default:
            throw Diagnostic("\(message), found '\(op.excerpt)'", at: op.range)
        }
    }

    /// Reads one value; `keyword` and `range` name what it follows, for the error.
    mutating func expectValue(after keyword: String, at range: SourceRange) throws(Diagnostic) -> Value {
        guard let argument = current else {
            expected = .value(property: property)
            throw Diagnostic("expected a value after '\(keyword)'", at: range)
        }
        guard let value = argument.value else {
            throw Diagnostic("expected a value after '\(keyword)', found '\(argument.excerpt)'", at: argument.range)
        }
        index += 1
        return value
    }

    /// Reads `( v1, v2, … )` after `in`.
    mutating func parseList(after keyword: Argument) throws(Diagnostic) -> [Value] {
        let example = "'\(keyword)' needs a list in parentheses: \(keyword) (a, b)"
        guard let open = current, open.symbol == .leftParenthesis else {
            if current == nil { expected = .list(property: property) }
            throw Diagnostic(example, at: current?.range ?? keyword.range)
        }
        index += 1
        var values: [Value] = []
        while true {
            guard let argument = current else {
                expected = .value(property: property)
                throw Diagnostic("missing ')' to close the list after '\(keyword)'", at: open.range)
            }
            if argument.symbol == .rightParenthesis, values.isEmpty {
                throw Diagnostic("'\(keyword)' needs at least one value: \(keyword) (a, b)", at: open.range.union(argument.range))
            }
            let value = try expectValue(after: values.isEmpty ? "(" : ",", at: arguments[index - 1].range)
            values.append(value)
            guard let separator = current else {
                expected = .listSeparator(property: property)
                throw Diagnostic("missing ')' to close the list after '\(keyword)'", at: open.range)
            }
            guard separator.symbol == .rightParenthesis || separator.symbol == .comma else {
                throw Diagnostic("expected ',' or ')' after '\(value.excerpt)' in the list", at: separator.range)
            }
            index += 1
            if separator.symbol == .rightParenthesis { return values }
        }
    }
}
