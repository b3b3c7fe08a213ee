import HubshLanguage
import Testing

struct WhereGrammarTests {
    static func groups(_ text: String, stopWords: Set<String> = []) -> String {
        switch parseWhere(text, stopWords: stopWords) {
        case .success(let clause):
            clause.expression.disjunctiveNormalForm()
                .map { $0.map(\.description).joined(separator: " & ") }
                .joined(separator: " | ")
        case .failure(let diagnostic):
            "error: " + diagnostic.message
        }
    }

    @Test(arguments: [
        ("where a = 1", "a = 1"),
        ("where a != x", "a != x"),
        ("where a < 5", "a < 5"),
        ("where a <= 5", "a <= 5"),
        ("where a > 5", "a > 5"),
        ("where a >= 2025-01-01", "a >= 2025-01-01"),
        ("where a in (1, 2, x)", "a in (1, 2, x)"),
        ("where a in (\"one\")", "a in (\"one\")"),
        ("where a not in (x,y)", "a not in (x, y)"),
        ("where a between 1 and 5", "a between 1 and 5"),
        ("where a contains acme.com", "a contains acme.com"),
        ("where a contains \"*@hubspot.com\"", "a contains \"*@hubspot.com\""),
        ("where a not contains x", "a not contains x"),
        ("where a exists", "a exists"),
        ("where a not exists", "a not exists"),
        ("where a=1", "a = 1"),
        ("where a= 1", "a = 1"),
        ("where a=\"x y\"", "a = \"x y\""),
        ("where a!=1", "a != 1"),
        ("where a = $cutoff.date", "a = $cutoff.date"),
        ("where a = env:X", "a = env:X"),
        ("where a = -1.5", "a = -1.5"),
        ("where A IN (1) AND b NOT EXISTS OR c BeTwEeN 1 AnD 2", "A in (1) & b not exists | c between 1 and 2"),
        ("where a = Not", "a = Not"),
    ])
    func parsesEveryOperator(_ text: String, _ expected: String) {
        #expect(Self.groups(text) == expected)
    }

    @Test(arguments: [
        ("where a = 1 and b = 2 or c = 3", "a = 1 & b = 2 | c = 3"),
        ("where a = 1 or b = 2 and c = 3", "a = 1 | b = 2 & c = 3"),
        ("where a = 1 or b = 2 or c = 3", "a = 1 | b = 2 | c = 3"),
        ("where a = 1 and b = 2 and c = 3", "a = 1 & b = 2 & c = 3"),
        ("where (a = 1 or b = 2) and c = 3", "a = 1 & c = 3 | b = 2 & c = 3"),
        ("where (a = 1 or b = 2) and (c = 3 or d = 4)", "a = 1 & c = 3 | a = 1 & d = 4 | b = 2 & c = 3 | b = 2 & d = 4"),
        ("where ((a = 1))", "a = 1"),
        ("where (a = 1 and b = 2) and c = 3", "a = 1 & b = 2 & c = 3"),
        ("where a between 1 and 5 and b = 2", "a between 1 and 5 & b = 2"),
        ("where a between 1 and 5 or b between 2 and 3", "a between 1 and 5 | b between 2 and 3"),
    ])
    func andBindsTighterThanOrAndGroupsDistribute(_ text: String, _ expected: String) {
        #expect(Self.groups(text) == expected)
    }

    @Test func groupCountMatchesTheNormalFormWithoutBuildingIt() throws {
        let clause = try parseWhere("where (a=1 or b=2 or c=3) and (d=1 or e=2) and f exists").get()
        #expect(clause.expression.disjunctiveGroupCount == 6)
        #expect(clause.expression.disjunctiveNormalForm().count == 6)
        #expect(clause.expression.conditions.map(\.property) == ["a", "b", "c", "d", "e", "f"])
    }

    @Test func groupCountSaturatesInsteadOfOverflowing() {
        let pair = WhereExpression.or([.condition(Self.sample), .condition(Self.sample)])
        let huge = WhereExpression.and(Array(repeating: pair, count: 70))
        #expect(huge.disjunctiveGroupCount == Int.max)
    }

    static let limits = DisjunctiveLimits(groups: 5, conditionsPerGroup: 6, conditions: 18)

    @Test(arguments: [
        // (text, the first condition past a limit, which limit)
        ("where a=1 or b=2 or c=3 or d=4 or e=5 or f=6 or g=7", "f = 6", "groups"),
        ("where a=1 and b=2 and c=3 and d=4 and e=5 and f=6 and g=7 and h=8", "g = 7", "conditionsPerGroup"),
        ("where (a=1 or b=2 or c=3) and (d=1 or e=2)", "e = 2", "groups"),
        ("where (a=1 and b=2 and c=3 and d=4) or (e=1 and f=2 and g=3 and h=4) or (i=1 and j=2 and k=3 and l=4)"
            + " or (m=1 and n=2 and o=3 and p=4) or (q=1 and r=2 and s=3 and t=4)", "s = 3", "conditions"),
    ])
    func theNormalFormWithinLimitsStopsAtTheFirstConditionPastOne(_ text: String, _ condition: String, _ limit: String) throws {
        let expression = try parseWhere(text).get().expression
        do throws(DisjunctiveOverflow) {
            let groups = try expression.disjunctiveNormalForm(within: Self.limits)
            Issue.record("expected a limit to be passed, got \(groups.count) groups")
        } catch {
            #expect(error.condition.description == condition)
            let kind = switch error {
            case .groups: "groups"
            case .conditionsPerGroup: "conditionsPerGroup"
            case .conditions: "conditions"
            }
            #expect(kind == limit)
        }
    }

    @Test func theNormalFormWithinLimitsIsTheWholeOneWhenItFits() throws {
        let expression = try parseWhere("where (a=1 or b=2) and c exists and (d=1 or e=2 or f=3 or g in (1, 2))").get().expression
        #expect(expression.disjunctiveGroupCount == 8)
        #expect(throws: DisjunctiveOverflow.self) { try expression.disjunctiveNormalForm(within: Self.limits) }
        let fitting = try parseWhere("where (a=1 or b=2) and c exists and d > 4").get().expression
        #expect(try fitting.disjunctiveNormalForm(within: Self.limits) == fitting.disjunctiveNormalForm())
    }

    @Test func theSizeOfTheNormalFormIsCountedWithoutBuildingIt() throws {
        let expression = try parseWhere("where (a=1 or b=2 or c=3) and (d=1 or e=2) and f exists").get().expression
        let groups = expression.disjunctiveNormalForm()
        #expect(expression.disjunctiveSize.groups == groups.count)
        #expect(expression.disjunctiveSize.largestGroup == 3)
        #expect(expression.disjunctiveSize.conditions == groups.reduce(0) { $0 + $1.count })
        let pair = WhereExpression.or([.condition(Self.sample), .condition(Self.sample)])
        let huge = WhereExpression.and(Array(repeating: pair, count: 70))
        #expect(huge.disjunctiveSize.groups == Int.max && huge.disjunctiveSize.conditions == Int.max)
        #expect(huge.disjunctiveSize.largestGroup == 70)
    }

    static let sample = Condition(property: "a", propertyRange: SourceRange(0, 1), test: .exists, range: SourceRange(0, 8))

    @Test func theClauseStopsAtTheFirstArgumentThatDoesNotContinueIt() throws {
        let text = "search contacts where a = 1 and b in (x, y) props email sort createdate desc limit 20"
        let args = arguments(of: text)
        let clause = try parseWhere(text).get()
        #expect(args[clause.endIndex].word == "props")
        #expect(SourceText(text).text(in: clause.expression.range) == "a = 1 and b in (x, y)")
    }

    @Test func aClauseThatUsesEveryArgumentEndsAtTheSliceEnd() throws {
        let clause = try parseWhere("where a exists").get()
        #expect(clause.endIndex == 2)
    }

    @Test func conditionsKeepPropertyAndValueRanges() throws {
        let text = "where email contains acme.com and n=5"
        let conditions = try parseWhere(text).get().expression.conditions
        let source = SourceText(text)
        #expect(conditions.map { source.text(in: $0.range) } == ["email contains acme.com", "n=5"])
        #expect(conditions.map { source.text(in: $0.propertyRange) } == ["email", "n"])
        guard case .contains(let value) = conditions[0].test else {
            Issue.record("expected contains, got \(conditions[0].test)")
            return
        }
        #expect(source.text(in: value.range) == "acme.com")
        #expect(value.kind == .word("acme.com"))
    }

    @Test func valuesKeepTheirKind() throws {
        let conditions = try parseWhere("where a in (01234, \"s\", w, $v, env:E)").get().expression.conditions
        guard case .oneOf(let values) = conditions.first?.test else {
            Issue.record("expected in")
            return
        }
        #expect(values.map(\.kind) == [.number("01234"), .string("s"), .word("w"),
                                        .variable(VariableReference(name: "v")), .environment("E")])
    }

    @Test(arguments: [
        ("search x where", "'where' needs a condition, e.g. where email contains acme.com"),
        ("where a >=", "expected a value after '>='"),
        ("where a =", "expected a value after '='"),
        ("where a=", "expected a value after '='"),
        ("where a = --x", "expected a value after '=', found '--x'"),
        ("where a = ()", "expected a value after '=', found '('"),
        ("where a == 1", "'==' is not an operator: use '='"),
        ("where a between 1", "'between' needs 'and': between A and B"),
        ("where a between 1 5", "'between' needs 'and': between A and B"),
        ("where a between", "expected a value after 'between'"),
        ("where a between 1 and", "expected a value after 'and'"),
        ("where a", "expected an operator after 'a'"),
        ("where a foo 1", "expected an operator after 'a', found 'foo'"),
        ("where a in x", "'in' needs a list in parentheses: in (a, b)"),
        ("where a in", "'in' needs a list in parentheses: in (a, b)"),
        ("where a not in 1", "'in' needs a list in parentheses: in (a, b)"),
        ("where a in ()", "'in' needs at least one value: in (a, b)"),
        ("where a in (1 2)", "expected ',' or ')' after '1' in the list"),
        ("where a in (1,)", "expected a value after ',', found ')'"),
        ("where a in (,)", "expected a value after '(', found ','"),
        ("where a not x", "expected 'in', 'contains' or 'exists' after 'not', found 'x'"),
        ("where a not", "expected 'in', 'contains' or 'exists' after 'not'"),
        ("where a contains", "expected a value after 'contains'"),
        ("where a not contains", "expected a value after 'contains'"),
        ("where a = 1 and", "expected a condition after 'and'"),
        ("where a = 1 or", "expected a condition after 'or'"),
        ("where a = 1 and or", "expected an operator after 'or'"),
        ("where a = 1 b = 2", "expected 'and' or 'or' before 'b'"),
        ("where a = 1 b=2", "expected 'and' or 'or' before 'b=2'"),
        ("where 5 = 1", "expected a property name, found '5'"),
        ("where \"a\" = 1", "expected a property name, found '\"a\"'"),
        ("where (a = 1 b)", "expected ')' to close the '(' of the group, found 'b'"),
        ("where (a = 1 b = 2)", "expected 'and' or 'or' before 'b'"),
        ("where ()", "expected a condition after '(', found ')'"),
    ])
    func explainsMalformedClauses(_ text: String, _ message: String) {
        #expect(Self.groups(text) == "error: " + message)
    }

    @Test func aMisspelledOperatorGetsADidYouMean() {
        guard case .failure(let diagnostic) = parseWhere("where email contians acme") else {
            Issue.record("expected an error")
            return
        }
        #expect(diagnostic.message == "expected an operator after 'email', found 'contians'")
        #expect(diagnostic.suggestion == "did you mean 'contains'?")
        #expect(diagnostic.range == SourceRange(12, 20))
    }

    @Test func stopWordsEndTheClauseWhereAConditionShouldStart() {
        let stop: Set<String> = ["props", "SORT", "limit"]
        #expect(Self.groups("search x where props email", stopWords: stop)
            == "error: expected a condition after 'where', found 'props'")
        #expect(Self.groups("search x where a = 1 and sort x", stopWords: stop)
            == "error: expected a condition after 'and', found 'sort'")
        #expect(Self.groups("search x where a = 1 props = 1", stopWords: stop) == "a = 1")
        #expect(Self.groups("search x where a = 1 props = 1") == "error: expected 'and' or 'or' before 'props'")
    }

    @Test func errorRangesPointAtTheOffendingText() {
        let cases: [(String, String)] = [
            ("where a >=", ">="), ("where a between 1", "between 1"), ("where a in (1 2)", "2"),
            ("where a = 1 and", "and"), ("where a", "a"), ("where a in ()", "()"), ("where a=", "="),
        ]
        for (text, marked) in cases {
            guard case .failure(let diagnostic) = parseWhere(text) else {
                Issue.record("expected an error for \(text)")
                continue
            }
            #expect(SourceText(text).text(in: diagnostic.range) == marked, "\(text)")
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let text = "where " + String(repeating: "(", count: 5_000) + "a = 1" + String(repeating: ")", count: 5_000)
        #expect(Self.groups(text) == "error: too many nested parentheses (at most 32)")
        let fine = "where " + String(repeating: "(", count: 32) + "a = 1" + String(repeating: ")", count: 32)
        #expect(Self.groups(fine) == "a = 1")
    }

    @Test func canonicalDescriptionKeepsOrGroupsInsideAnd() throws {
        let clause = try parseWhere("where (a = 1 or b = 2) and c in (1, 2) or d not exists").get()
        #expect(clause.expression.description == "(a = 1 or b = 2) and c in (1, 2) or d not exists")
    }
}
