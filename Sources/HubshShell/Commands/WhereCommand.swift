import HubshLanguage
import JSONValue

/// `where CONDITIONS`: keeps the values of the stream that meet the conditions, tested here rather
/// than by HubSpot. The grammar and operators are those of `search … where`; the clause is the
/// command's own arguments.
///
/// Semantics (the emulator's, where HubSpot's reference is silent):
/// - A field is a top-level field or, for a HubSpot record, a property (``RecordField``).
/// - A missing, null or empty field matches only `!=`, `not in`, `not contains` and `not exists`.
/// - Comparisons are numeric when both sides read as numbers, else text ignoring case (ISO dates
///   compare correctly as text; a date alone sorts before any time on that day).
/// - `contains` is a substring test ignoring case; `*` stands for any run of characters.
struct WhereCommand: ShellCommand {
    static let signature = CommandSignature(
        ["where"], family: .local, summary: "Keep the values that meet the conditions (tested locally).",
        clauses: [whereClause],
        input: .values, output: .values,
        examples: [
            Example("open leads.csv | where email contains acme.com and country in (DE, AT)", "the Acme leads from Germany and Austria", .lines(3, each: "@acme.com")),
            Example("search deals | where amount between 1000 and 5000 or dealstage = closedwon", "deals in a range, or won", .atLeast(1, each: #""id":"#)),
        ])

    /// Its own name's clause: the conditions are the command's arguments.
    static let whereClause = Clause("where", "conditions joined by and / or, as in search … where", .conditions, names: .field)

    let expression: WhereExpression

    init(_ bound: BoundCommand) throws(Diagnostic) {
        guard let expression = bound.conditions(Self.whereClause) else {
            throw Diagnostic("where needs conditions, e.g. where email contains acme.com", at: bound.syntax.range)
        }
        self.expression = expression
    }

    func run(_ input: ValueStream, in context: ShellContext) async throws -> ValueStream {
        let predicate = try await WherePredicate(expression, in: context)
        return input.filter { predicate.matches($0) }
    }
}

/// A `where` expression with every value resolved ($variables, `env:`), ready to test values.
struct WherePredicate: Sendable {
    private indirect enum Node: Sendable {
        case test(field: String, Test)
        case all([Node])
        case any([Node])
    }

    private enum Test: Sendable {
        case compare(ComparisonOperator, ComparableText)
        case oneOf([ComparableText])
        case noneOf([ComparableText])
        case between(ComparableText, ComparableText)
        case contains([String])
        case notContains([String])
        case exists
        case notExists
    }

    private let root: Node

    init(_ expression: WhereExpression, in context: ShellContext) async throws(Diagnostic) {
        root = try await Self.node(expression, context)
    }

    /// Whether `value` meets the conditions.
    func matches(_ value: JSONValue) -> Bool { Self.evaluate(root, value) }

    private static func node(_ expression: WhereExpression, _ context: ShellContext) async throws(Diagnostic) -> Node {
        switch expression {
        case .condition(let condition):
            return .test(field: condition.property, try await test(condition.test, context))
        case .and(let terms):
            var nodes: [Node] = []
            for term in terms { nodes.append(try await node(term, context)) }
            return .all(nodes)
        case .or(let terms):
            var nodes: [Node] = []
            for term in terms { nodes.append(try await node(term, context)) }
            return .any(nodes)
        }
    }

    private static func test(_ test: Condition.Test, _ context: ShellContext) async throws(Diagnostic) -> Test {
        func one(_ value: Value) async throws(Diagnostic) -> ComparableText { ComparableText(try await context.text(value)) }
        /// The values of a list; a variable holding an array gives its elements.
        func list(_ values: [Value]) async throws(Diagnostic) -> [ComparableText] {
            var operands: [ComparableText] = []
            for value in values {
                let resolved = try await context.json(value)
                for element in resolved.arrayValue ?? [resolved] {
                    operands.append(ComparableText(element.scalarText ?? element.jsonString))
                }
            }
            return operands
        }
        switch test {
        case .compare(let comparison, let value): return .compare(comparison, try await one(value))
        case .oneOf(let values): return .oneOf(try await list(values))
        case .noneOf(let values): return .noneOf(try await list(values))
        case .between(let low, let high): return .between(try await one(low), try await one(high))
        case .contains(let value): return .contains(ComparableText.pattern(try await context.text(value)))
        case .notContains(let value): return .notContains(ComparableText.pattern(try await context.text(value)))
        case .exists: return .exists
        case .notExists: return .notExists
        }
    }

    private static func evaluate(_ node: Node, _ value: JSONValue) -> Bool {
        switch node {
        case .all(let nodes): return nodes.allSatisfy { evaluate($0, value) }
        case .any(let nodes): return nodes.contains { evaluate($0, value) }
        case .test(let field, let test):
            guard let text = RecordField.text(field, in: value) else {
                switch test {
                case .compare(let comparison, _): return comparison == .notEqual
                case .noneOf, .notContains, .notExists: return true
                default: return false
                }
            }
            let operand = ComparableText(text)
            switch test {
            case .compare(let comparison, let other):
                let order = operand.order(other)
                switch comparison {
                case .equal: return order == 0
                case .notEqual: return order != 0
                case .less: return order < 0
                case .lessOrEqual: return order <= 0
                case .greater: return order > 0
                case .greaterOrEqual: return order >= 0
                }
            case .oneOf(let operands): return operands.contains { operand.order($0) == 0 }
            case .noneOf(let operands): return !operands.contains { operand.order($0) == 0 }
            case .between(let low, let high): return operand.order(low) >= 0 && operand.order(high) <= 0
            case .contains(let pattern): return ComparableText.matches(operand.folded, pattern)
            case .notContains(let pattern): return !ComparableText.matches(operand.folded, pattern)
            case .exists: return true
            case .notExists: return false
            }
        }
    }
}

/// One side of a comparison: its text folded to lower case and, when it reads as a number, the number.
struct ComparableText: Sendable {
    let folded: String
    let number: Double?

    init(_ text: String) {
        folded = text.lowercased()
        number = Self.number(text)
    }

    /// -1, 0 or 1: numerically when both are numbers, else by text ignoring case.
    func order(_ other: ComparableText) -> Int {
        if let number, let otherNumber = other.number {
            return number < otherNumber ? -1 : (number == otherNumber ? 0 : 1)
        }
        return folded < other.folded ? -1 : (folded == other.folded ? 0 : 1)
    }

    /// Digits with an optional sign, fraction and exponent; `Double("nan")` and the like are text here.
    static func number(_ text: String) -> Double? {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || (48...57).contains(first),
              text.utf8.allSatisfy({ (48...57).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
                  || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") })
        else { return nil }
        return Double(text)
    }

    /// The pieces of a `contains` pattern, folded: `a*b` finds `a`, then `b` after it.
    static func pattern(_ text: String) -> [String] {
        text.lowercased().split(separator: "*").map(String.init)
    }

    /// Whether the pieces occur in `text` in order (an empty pattern, or `*`, matches any value).
    static func matches(_ text: String, _ pieces: [String]) -> Bool {
        var rest = Substring(text)
        for piece in pieces {
            guard let found = rest.firstRange(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }
}

/// How local commands read and write a named field: a top-level field, else a HubSpot record's property.
enum RecordField {
    /// The field's value; nil when absent (or when `value` is not an object).
    static func value(_ name: String, in value: JSONValue) -> JSONValue? {
        guard let object = value.objectValue else { return nil }
        return object[name] ?? object["properties"]?[name]
    }

    /// The field's text, nil when it is missing, null or empty (HubSpot's "no value").
    static func text(_ name: String, in value: JSONValue) -> String? {
        guard let field = Self.value(name, in: value), !field.isNull else { return nil }
        let text = field.scalarText ?? field.jsonString
        return text.isEmpty ? nil : text
    }
}
