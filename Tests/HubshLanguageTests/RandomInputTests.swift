import Testing

@testable import HubshLanguage

/// A small seeded generator, so every run checks the same lines and a failure can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Writes random hubsh lines: valid ones from the grammar, junk from risky fragments, and valid ones mutated.
struct LineGenerator {
    var random: SplitMix64

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &random) < probability }
    mutating func count(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    static let keywords: Set<String> = ["where", "and", "or", "not", "in", "between", "contains", "exists"]
    static let commands = ["search", "update", "open", "to", "select", "sort", "let", "activity", "connection", "count",
                           "first", "unique", "set", "help", "delete", "upsert", "x_1", "get-all", "日本"]
    static let words = ["contacts", "acme.com", "*.csv", "./new-leads.csv", "2025-01-01", "email,firstname", "desc", "v4",
                        "a#b", "x\\y", "日本", "héllo", "😀", "50$", "hello!", "e\u{301}", "a:b", "~/x", "{x}", "[1]",
                        "-x", "+1", "1.", "&&", "?", "@x", "%20", "!", "a$b", "ENV:X"]
    static let stringPieces = ["a", "b", " ", "|", ";", "#", "(", ")", "=", "$x", ">", "<", ",", "é", "日", "😀", "\u{301}",
                               "--", "env:", "and", "\t"]
    static let escapes = ["\\\"", "\\\\", "\\n", "\\t", "\\r", "\\0", "\\$", "\\u{1F600}", "\\u{41}", "\n", "\\\n"]
    static let junk = ["\"", "'", "|", "||", "(", ")", "((", "$", "$a.", "=", "==", "!=", "<", "<=", ">", ">>", ">=", "--", "-",
                       "\\", "\\\n", "#", ";", ",", "\n", "\t", " ", "  ", "é", "日", "😀", "\u{301}", "\u{0}", "\u{1B}",
                       "\u{FEFF}", "\u{200B}", "\r", "\r\n", "a", "x1", "5", "-3.5", "where", " where ", " and ", " or ",
                       " in ", " not ", " between ", " contains ", " exists ", "env:", "env:A", "\\u{", "\\u{D800}",
                       "\"\\q\"", "search", " | ", " > f", "--by=", "a=", "${", "\u{2028}", "\u{85}", "()"]

    static let firstLetters = Array("abcdefghijklmnopqrstuvwxyz_".unicodeScalars)
    static let laterLetters = Array("abcdefghijklmnopqrstuvwxyz0123456789_".unicodeScalars)
    static let wordsWithoutCommas = words.filter { !$0.contains(",") }

    mutating func identifier() -> String {
        while true {
            var name = String.UnicodeScalarView()
            name.append(pick(Self.firstLetters))
            for _ in 0..<count(0...6) { name.append(pick(Self.laterLetters)) }
            let text = String(name)
            if !Self.keywords.contains(text) { return text }
        }
    }

    mutating func number() -> String {
        pick([String(count(-1000...100_000)), "3.14", "1e3", "0042", "-0.5", "2.5E-3"])
    }

    mutating func doubleQuoted() -> String {
        var text = "\""
        for _ in 0..<count(0...8) { text += chance(0.25) ? pick(Self.escapes) : pick(Self.stringPieces) }
        return text + "\""
    }

    mutating func singleQuoted() -> String {
        var text = "'"
        for _ in 0..<count(0...8) { text += pick(Self.stringPieces + ["\\", "\"", "\n"]) }
        return text + "'"
    }

    mutating func variable() -> String {
        var text = "$" + identifier()
        for _ in 0..<count(0...2) { text += "." + (chance(0.2) ? String(count(0...9)) : identifier()) }
        return text
    }

    /// A value; inside parentheses a comma separates, so words with commas are left out there.
    mutating func value(inParentheses: Bool = false) -> String {
        switch count(0...5) {
        case 0: inParentheses ? pick(Self.wordsWithoutCommas) : pick(Self.words)
        case 1: number()
        case 2: doubleQuoted()
        case 3: singleQuoted()
        case 4: variable()
        default: "env:" + identifier().uppercased()
        }
    }

    mutating func argument() -> String {
        switch count(0...9) {
        case 0: "--" + pick(["by", "dry-run", "api", "on-error", "x"]) + (chance(0.3) ? "=" + (chance(0.2) ? "" : value()) : "")
        case 1: identifier() + "=" + (chance(0.15) ? "" : value())
        case 2: "="
        case 3: pick(["<", "<=", ">=", "!="])
        case 4: "(" + (0..<count(1...3)).map { _ in value(inParentheses: true) }.joined(separator: pick([", ", ",", " , "])) + ")"
        default: value()
        }
    }

    mutating func condition() -> String {
        let property = identifier()
        switch count(0...14) {
        case 0: return property + " " + pick(["=", "!=", "<", "<=", ">", ">="]) + " " + value(inParentheses: true)
        case 1: return property + pick(["=", "!=", "<", "<=", ">", ">="]) + value(inParentheses: true)
        case 2: return property + "=" + value(inParentheses: true)
        case 3: return property + " " + pick(["in", "IN", "In"]) + " (" + (0..<count(1...4)).map { _ in value(inParentheses: true) }.joined(separator: ", ") + ")"
        case 4: return property + " " + pick(["not in", "NOT IN"]) + " (" + value(inParentheses: true) + ")"
        case 5: return property + " " + pick(["between", "BETWEEN"]) + " " + value(inParentheses: true) + " " + pick(["and", "AND"]) + " " + value(inParentheses: true)
        case 6: return property + " contains " + value(inParentheses: true)
        case 7: return property + " not contains " + value(inParentheses: true)
        case 8: return property + " " + pick(["exists", "EXISTS"])
        case 9: return property + " not exists"
        default: return property + " " + pick(["=", ">", ">="]) + " " + value(inParentheses: true)
        }
    }

    mutating func expression(depth: Int = 0) -> String {
        (0..<count(1...3)).map { _ in
            depth < 3 && chance(0.2) ? "(" + expression(depth: depth + 1) + ")" : condition()
        }.joined(separator: " " + pick(["and", "or", "AND", "Or"]) + " ")
    }

    mutating func command() -> String {
        var parts = [pick(Self.commands + [identifier()])]
        for _ in 0..<count(0...3) { parts.append(argument()) }
        if chance(0.4) {
            parts.append(pick(["where", "WHERE"]))
            parts.append(expression())
            if chance(0.3) { parts.append("props " + pick(["email,firstname", "email"])) }
            if chance(0.3) { parts.append("sort createdate " + pick(["asc", "desc"])) }
            if chance(0.3) { parts.append("limit " + String(count(1...200))) }
        }
        return parts.joined(separator: " ")
    }

    mutating func statement() -> String {
        var text = command()
        for _ in 0..<count(0...2) { text += pick([" | ", " |\n  ", "|", " \\\n | ", " | # note\n "]) + command() }
        if chance(0.25) { text += " " + pick([">", ">>"]) + " " + pick(["out.json", "\"my file.csv\"", "$out", "o.jsonl"]) }
        return text
    }

    /// A line that must parse without diagnostics.
    mutating func validLine() -> String {
        var text = (0..<count(1...2)).map { _ in statement() }.joined(separator: pick(["; ", "\n", ";", "\n\n# comment\n"]))
        if chance(0.2) { text += " # trailing comment with | and \" and ( " }
        return text
    }

    mutating func junkLine() -> String {
        (0..<count(0...40)).map { _ in pick(Self.junk) }.joined()
    }

    mutating func mutatedLine() -> String {
        var scalars = Array(validLine().unicodeScalars)
        for _ in 0..<count(1...3) {
            let position = count(0...scalars.count)
            switch count(0...2) {
            case 0 where position < scalars.count: scalars.remove(at: position)
            case 1: scalars.insert(contentsOf: pick(Self.junk).unicodeScalars, at: position)
            default: if position < scalars.count { scalars.swapAt(position, count(0...(scalars.count - 1))) }
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}

struct RandomInputTests {
    /// 8 seeds × 2,000 lines = 16,000 lines, a third each valid, junk and mutated.
    @Test(arguments: 1...8)
    func noInputCrashesAndEveryDiagnosticPointsIntoTheText(_ seed: Int) {
        var generator = LineGenerator(random: SplitMix64(state: UInt64(seed) &* 0x1234_5678_9ABC))
        for round in 0..<2_000 {
            switch round % 3 {
            case 0:
                checkValid(generator.validLine())
            case 1:
                checkSafe(generator.junkLine())
            default:
                checkSafe(generator.mutatedLine())
            }
        }
    }

    /// A valid line parses cleanly, prints back to text that parses to the same tree, and its `where` clauses parse.
    func checkValid(_ line: String) {
        guard case .complete(let script) = Parser.parse(line) else {
            Issue.record("valid line did not parse: \(Dump.parse(line)) — \(line.debugDescription)")
            return
        }
        let again = Parser.parse(script.description).script
        #expect(again?.description == script.description, "round trip of \(line.debugDescription)")
        for command in script.statements.flatMap(\.commands) {
            guard let keyword = command.arguments.firstIndex(where: { $0.isKeyword("where") }) else { continue }
            do throws(Diagnostic) {
                let clause = try WhereParser().parse(command.arguments[(keyword + 1)...], after: command.arguments[keyword].range)
                let count = clause.expression.disjunctiveGroupCount
                if count <= 4_096 {
                    let groups = clause.expression.disjunctiveNormalForm()
                    #expect(groups.count == count)
                    let size = clause.expression.disjunctiveSize
                    #expect(size == DisjunctiveSize(groups: count, largestGroup: groups.map(\.count).max() ?? 0,
                                                    conditions: groups.reduce(0) { $0 + $1.count }))
                    checkLimits(clause.expression, groups: groups)
                }
            } catch {
                Issue.record("where clause of \(line.debugDescription): \(error)")
            }
        }
    }

    /// The normal form within HubSpot's limits is the whole normal form when that fits, and otherwise
    /// stops at a condition of the expression.
    func checkLimits(_ expression: WhereExpression, groups: [[Condition]]) {
        let limits = Self.hubSpotLimits
        let fits = groups.count <= limits.groups && groups.allSatisfy { $0.count <= limits.conditionsPerGroup }
            && groups.reduce(0, { $0 + $1.count }) <= limits.conditions
        do throws(DisjunctiveOverflow) {
            let bounded = try expression.disjunctiveNormalForm(within: limits)
            #expect(fits && bounded == groups)
        } catch {
            #expect(!fits)
            #expect(expression.conditions.contains(error.condition))
        }
    }

    /// Whatever the line, nothing traps, every diagnostic's range is inside the text and renders.
    func checkSafe(_ line: String) {
        let count = line.unicodeScalars.count
        let output = Parser.analyse(line)
        let result = output.result
        if case .failure(let diagnostics) = result { #expect(!diagnostics.isEmpty) }
        var diagnostics = result.diagnostics
        for command in output.script.statements.flatMap(\.commands) {
            for (index, argument) in command.arguments.enumerated() where argument.isKeyword("where") {
                do throws(Diagnostic) {
                    let clause = try WhereParser(stopWords: ["props", "limit"]).parse(command.arguments[(index + 1)...],
                                                                                        after: argument.range)
                    #expect(clause.endIndex <= command.arguments.count)
                    #expect(clause.expression.range.isWithin(count: count))
                } catch {
                    diagnostics.append(error)
                }
            }
        }
        for diagnostic in diagnostics {
            #expect(diagnostic.range.isWithin(count: count), "\(diagnostic) in \(line.debugDescription)")
            #expect(!diagnostic.message.isEmpty && !diagnostic.message.contains("\n"))
        }
        if let first = diagnostics.first { #expect(DiagnosticRenderer.render(first, in: line).hasPrefix("line ")) }
        if count % 7 == 0 { _ = Suggest.closest(to: String(line.prefix(12)), in: LineGenerator.commands) }
    }

    /// At most this many steps (scalars, tokens and arguments looked at) per scalar of the text. A part that
    /// went back over the text for each statement or condition would pass it by far on these lines, whose
    /// lengths run to tens of thousands of scalars.
    static let stepsPerScalar = 8

    /// Long lines: `;`-joined statements (valid and junk) and `where` chains of thousands of conditions.
    /// The lexer's, parser's and `where` parser's work, and the work of the normal form within HubSpot's
    /// limits, grow with the text: bounded by counted steps, not by time.
    @Test(arguments: 1...4)
    func workOnLongLinesGrowsWithTheirLength(_ seed: Int) throws {
        var generator = LineGenerator(random: SplitMix64(state: UInt64(seed) &* 0x5EED_1234))
        let statements = (0..<generator.count(800...1_500)).map { _ in generator.statement() }.joined(separator: generator.pick([";", "; "]))
        let junk = (0..<generator.count(800...1_500)).map { _ in generator.junkLine() }.joined(separator: ";")
        let chain = "search contacts where " + (0..<generator.count(1_000...3_000)).map { _ in generator.expression() }
            .joined(separator: generator.pick([" and ", " or "]))
        for line in [statements, junk, chain] {
            let output = Parser.analyse(line)
            let scalars = line.unicodeScalars.count
            #expect(output.steps <= Self.stepsPerScalar * (scalars + 1), "\(output.steps) steps for \(scalars) scalars")
            for command in output.script.statements.flatMap(\.commands) {
                guard let keyword = command.arguments.firstIndex(where: { $0.isKeyword("where") }) else { continue }
                let clause: WhereClause
                do throws(Diagnostic) {
                    clause = try WhereParser().parse(command.arguments[(keyword + 1)...], after: command.arguments[keyword].range)
                } catch {
                    continue
                }
                let arguments = command.arguments.count - keyword
                #expect(clause.steps <= Self.stepsPerScalar * arguments, "\(clause.steps) steps for \(arguments) arguments")
                let conditions = clause.expression.conditions.count
                var steps = 0
                _ = try? clause.expression.disjunctiveNormalForm(within: Self.hubSpotLimits, steps: &steps)
                #expect(steps <= 32 * conditions, "\(steps) steps for \(conditions) conditions")
            }
        }
    }

    /// HubSpot's search limits: 5 groups, 6 filters in one, 18 in all.
    static let hubSpotLimits = DisjunctiveLimits(groups: 5, conditionsPerGroup: 6, conditions: 18)

    /// Lines like the issue's: 20,000 `let x = 1;` on one line, and a `where` of 20,000 conditions (the
    /// end-to-end tests run the issue's 65,000).
    @Test func linesLikeTheIssuesTakeStepsInProportionToTheirLength() throws {
        let lets = String(repeating: "let x = 1;", count: 20_000)
        let parsed = Parser.analyse(lets)
        #expect(parsed.script.statements.count == 20_000 && parsed.diagnostics.isEmpty)
        #expect(parsed.steps <= Self.stepsPerScalar * lets.unicodeScalars.count)

        for joiner in [" and ", " or "] {
            let clause = "search contacts where " + (0..<20_000).map { "firstname = a\($0)" }.joined(separator: joiner)
            let output = Parser.analyse(clause)
            #expect(output.steps <= Self.stepsPerScalar * clause.unicodeScalars.count)
            let command = try #require(output.script.statements.first?.commands.first)
            let parsed = try WhereParser().parse(command.arguments[2...], after: command.arguments[1].range)
            #expect(parsed.steps <= Self.stepsPerScalar * command.arguments.count)
            var steps = 0
            #expect(throws: DisjunctiveOverflow.self) {
                try parsed.expression.disjunctiveNormalForm(within: Self.hubSpotLimits, steps: &steps)
            }
            #expect(steps < 100, "stops at the first condition past the limit, not after all 20,000: \(steps) steps")
        }
    }

    /// Statements that each report an unclosed `(` with its column: the columns are found in one pass.
    @Test func columnsOfManyProblemsOnOneLineAreFoundInOnePass() {
        let line = String(repeating: "a ( b ;", count: 5_000)
        let output = Parser.analyse(line)
        #expect(output.diagnostics.count == 5_000)
        #expect(output.diagnostics.first?.message == "unclosed '(' (opened at column 3)")
        #expect(output.diagnostics.last?.message == "unclosed '(' (opened at column \(7 * 4_999 + 3))")
        #expect(output.steps <= Self.stepsPerScalar * line.unicodeScalars.count)
    }

    @Test func theGeneratorWritesTheLanguageItClaims() {
        var generator = LineGenerator(random: SplitMix64(state: 7))
        let lines = (0..<50).map { _ in generator.validLine() }
        #expect(lines.contains { $0.contains("where") } && lines.contains { $0.contains("|") })
        #expect(Set(lines).count > 45)
    }
}
