import HubSpotAPI
import HubshLanguage

/// Checks and maps the values a statement names literally, in its `where` and its `PROP=VALUE`, by
/// ``ValueFacts/resolve(_:for:pipeline:forWrite:)``. Values from variables are left for HubSpot.
extension ValueFacts {
    /// The command with the values of its `where` clauses and (when it writes them) its
    /// `PROP=VALUE` checked and mapped.
    func rewrite(_ bound: BoundCommand) throws(ValueProblem) -> BoundCommand {
        var bound = bound
        for (keyword, clause) in bound.clauses where bound.signature.clause(keyword)?.names == .property {
            if case .conditions(let expression) = clause { bound.clauses[keyword] = .conditions(try rewrite(expression)) }
        }
        if bound.signature.assignments == .property { bound.assignments = try rewrite(bound.assignments) }
        return bound
    }

    /// The expression with each literal value as HubSpot takes it; a day typed for a date-time
    /// property becomes a range: `= D` is `between` its first and last millisecond, `> D` after its
    /// last, `>= D` from its first, `< D` before its first, `<= D` to its last, `!= D` before or after.
    /// A stage's label is looked up within the pipeline an `and` beside it names (`hs_pipeline = 0`).
    func rewrite(_ expression: WhereExpression, pipeline: String? = nil) throws(ValueProblem) -> WhereExpression {
        switch expression {
        case .condition(let condition):
            return try rewrite(condition, pipeline: pipeline)
        case .or(let terms):
            var rewritten: [WhereExpression] = []
            for term in terms { rewritten.append(try rewrite(term, pipeline: pipeline)) }
            return .any(rewritten)
        case .and(let terms):
            let named = terms.lazy.compactMap { term -> String? in
                guard case .condition(let condition) = term, condition.property == self.pipelineProperty,
                      case .compare(.equal, let value) = condition.test, let text = value.literalText else { return nil }
                return self.pipelineId(text)
            }.first
            var rewritten: [WhereExpression] = []
            for term in terms { rewritten.append(try rewrite(term, pipeline: named ?? pipeline)) }
            return .all(rewritten)
        }
    }

    private func rewrite(_ condition: Condition, pipeline: String?) throws(ValueProblem) -> WhereExpression {
        guard let definition = definitions[condition.property] else { return .condition(condition) }
        func typed(_ value: Value) throws(ValueProblem) -> TypedValue? {
            guard let text = value.literalText else { return nil }
            do {
                return try resolve(text, for: definition, pipeline: pipeline)
            } catch {
                throw error.at(value.range)
            }
        }
        func with(_ test: Condition.Test) -> WhereExpression {
            var changed = condition
            changed.test = test
            return .condition(changed)
        }
        func ms(_ value: Int64, at range: SourceRange) -> Value { Value(.string(String(value)), range) }
        func mapped(_ value: Value, _ typed: TypedValue?, day: (Int64, Int64) -> Int64) -> Value {
            switch typed {
            case .text(let text)?: Value(.string(text), value.range)
            case .day(let first, let last)?: ms(day(first, last), at: value.range)
            case nil: value
            }
        }
        switch condition.test {
        case .compare(let comparison, let value):
            switch try typed(value) {
            case nil:
                return .condition(condition)
            case .text(let text):
                return with(.compare(comparison, Value(.string(text), value.range)))
            case .day(let first, let last):
                let (low, high) = (ms(first, at: value.range), ms(last, at: value.range))
                switch comparison {
                case .equal: return with(.between(low, high))
                case .notEqual: return .any([with(.compare(.less, low)), with(.compare(.greater, high))])
                case .less: return with(.compare(.less, low))
                case .lessOrEqual: return with(.compare(.lessOrEqual, high))
                case .greater: return with(.compare(.greater, high))
                case .greaterOrEqual: return with(.compare(.greaterOrEqual, low))
                }
            }
        case .between(let low, let high):
            let (typedLow, typedHigh) = (try typed(low), try typed(high))
            return with(.between(mapped(low, typedLow) { first, _ in first }, mapped(high, typedHigh) { _, last in last }))
        case .oneOf(let values), .noneOf(let values):
            var plain: [Value] = []
            var days: [(Value, Value)] = []
            for value in values {
                switch try typed(value) {
                case nil: plain.append(value)
                case .text(let text): plain.append(Value(.string(text), value.range))
                case .day(let first, let last): days.append((ms(first, at: value.range), ms(last, at: value.range)))
                }
            }
            let included: Bool
            if case .oneOf = condition.test { included = true } else { included = false }
            guard !days.isEmpty else { return with(included ? .oneOf(plain) : .noneOf(plain)) }
            // Days are ranges: `in` any of them, `not in` outside each.
            var terms: [WhereExpression] = plain.isEmpty ? [] : [with(included ? .oneOf(plain) : .noneOf(plain))]
            for (low, high) in days {
                terms.append(included ? with(.between(low, high)) : .any([with(.compare(.less, low)), with(.compare(.greater, high))]))
            }
            return included ? .any(terms) : .all(terms)
        case .contains, .notContains, .exists, .notExists:
            return .condition(condition)
        }
    }

    /// The assignments with each literal value checked and mapped (a stage's label within the
    /// pipeline an assignment beside it names).
    func rewrite(_ assignments: [(name: String, value: Value?, range: SourceRange)]) throws(ValueProblem)
        -> [(name: String, value: Value?, range: SourceRange)] {
        let pipeline = assignments.lazy.compactMap { assignment -> String? in
            guard assignment.name == self.pipelineProperty, let text = assignment.value?.literalText else { return nil }
            return self.pipelineId(text)
        }.first
        var rewritten = assignments
        for index in rewritten.indices {
            let assignment = rewritten[index]
            guard let value = assignment.value, let text = value.literalText, let definition = definitions[assignment.name],
                  !definition.readOnlyValue else { continue }
            do {
                if case .text(let mapped) = try resolve(text, for: definition, pipeline: pipeline, forWrite: true) {
                    rewritten[index].value = Value(.string(mapped), value.range)
                }
            } catch {
                throw error.at(value.range)
            }
        }
        return rewritten
    }
}

extension WhereExpression {
    /// `and` of the terms, an `and` among them merged into it; one term stands alone.
    static func all(_ terms: [WhereExpression]) -> WhereExpression {
        let flat = terms.flatMap { term -> [WhereExpression] in
            if case .and(let inner) = term { return inner }
            return [term]
        }
        return flat.count == 1 ? flat[0] : .and(flat)
    }

    /// `or` of the terms, an `or` among them merged into it; one term stands alone.
    static func any(_ terms: [WhereExpression]) -> WhereExpression {
        let flat = terms.flatMap { term -> [WhereExpression] in
            if case .or(let inner) = term { return inner }
            return [term]
        }
        return flat.count == 1 ? flat[0] : .or(flat)
    }
}
