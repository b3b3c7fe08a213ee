import HubSpotAPI
import HubshLanguage
import JSONValue

/// What is checked against the account before a statement runs: an object type HubSpot does not
/// know, and a property its object type lacks (in `where`, `props`, `sort`, `PROP=VALUE`, `--by`,
/// `describe`), are refused with "did you mean". Facts come from the schema cache; a property missing
/// from it is looked up afresh before it is refused, so a property made today is not refused.
/// The values the statement writes literally in `where` and `PROP=VALUE` are checked against their
/// property's type and mapped to what HubSpot takes (``ValueFacts``): the bound command carries them so.
///
/// What is checked is what the signature declares as naming the account's schema: arguments whose
/// ``Role`` is an object type or a property, clauses whose names are properties, and assignments of
/// properties (fields of piped values are not checked). Only names written literally are checked, and only when
/// a connection is in use and the facts can be had: otherwise HubSpot answers when the statement runs.
/// A connection that cannot be reached is tried once per run: planning goes on without the check, and
/// when the statement runs it fails with that error at once instead of waiting for the network again.
struct SchemaCheck {
    let context: ShellContext
    /// The run's connections that could not be reached.
    let unreachable: UnreachableConnections
    /// Whether the statement is about to run (else the whole script is being planned).
    let running: Bool

    func check(_ bound: inout BoundCommand) async throws {
        let signature = bound.signature
        guard await context.session.connectionName != nil else { return }
        // A command written several ways is checked by the parameters of the form it was written in.
        for parameter in bound.form?.positionals ?? signature.positionals where parameter.role == .objectType {
            for value in bound.values(parameter) {
                if let type = value.literalText { _ = try await definitions(of: type, at: value.range) }
            }
        }
        for option in signature.options where option.role == .objectType {
            if let value = bound[option], let type = value.literalText { _ = try await definitions(of: type, at: value.range) }
        }
        let names = propertyNames(bound)
        guard !names.isEmpty, let type = bound.objectType else { return }
        guard var definitions = try await definitions(of: type, at: nil) else { return }
        // A set: a `where` may name a property thousands of times.
        var known = Set(definitions.map(\.name))
        var refetched = false
        for (name, range) in names where !known.contains(name) {
            if !refetched, let fresh = try? await context.propertyDefinitions(type, fresh: true) {
                definitions = fresh
                known = Set(fresh.map(\.name))
            }
            refetched = true
            guard !known.contains(name) else { continue }
            throw Diagnostic("\(type) has no property \(name)", at: range,
                             suggestion: Suggest.didYouMeanName(name, in: definitions.map(\.name)))
        }
        try await checkValues(&bound, of: type, definitions)
    }

    /// Checks and maps the literal values of `where` and `PROP=VALUE`. Owners, pipelines and the time
    /// zone are read (from the cache) only when a value needs them; a value not found is looked up
    /// once more in facts fetched afresh before it is refused.
    private func checkValues(_ bound: inout BoundCommand, of type: String, _ definitions: [PropertyDefinition]) async throws {
        // When the statement is about to run, its variables hold what earlier statements set
        // (an activity's parameters too): their values are checked and mapped like literals.
        if running { bound = await resolvingVariables(bound) }
        let values = literalValues(bound)
        guard !values.isEmpty else { return }
        var facts = ValueFacts(objectType: type, definitions: definitions)
        var needs: (owners: Bool, pipelines: Bool, zone: Bool) = (false, false, false)
        for (name, text) in values {
            guard let definition = facts.definitions[name] else { continue }
            let need = facts.needs(text, for: definition)
            needs = (needs.owners || need.owners, needs.pipelines || need.pipelines, needs.zone || need.zone)
        }
        if needs.zone { facts.zone = await context.portalTimeZone() }
        await load(&facts, owners: needs.owners, pipelines: needs.pipelines, fresh: false)
        do throws(ValueProblem) {
            bound = try facts.rewrite(bound)
        } catch let problem where problem.mayBeNew {
            if let fresh = try? await context.propertyDefinitions(type, fresh: true) {
                facts.definitions = Dictionary(fresh.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            }
            await load(&facts, owners: needs.owners, pipelines: needs.pipelines, fresh: true)
            do throws(ValueProblem) {
                bound = try facts.rewrite(bound)
            } catch {
                throw error.diagnostic
            }
        } catch {
            throw error.diagnostic
        }
    }

    /// Reads the owners and pipelines into `facts` when asked; what cannot be read stays unknown
    /// (owners: with the reason, said when an owner is named by e-mail).
    private func load(_ facts: inout ValueFacts, owners: Bool, pipelines: Bool, fresh: Bool) async {
        if owners {
            do {
                facts.owners = try await context.owners(fresh: fresh)
            } catch let error as HubSpotAPIError {
                facts.ownersProblem = error.message
            } catch {
                facts.ownersProblem = "\(error)"
            }
        }
        if pipelines { facts.pipelines = try? await context.pipelines(facts.objectType, fresh: fresh) }
    }

    /// The command with each `$variable` of its `where` and `PROP=VALUE` that holds a string, number
    /// or boolean written as that text (at the variable's place); other values stay as they are.
    private func resolvingVariables(_ bound: BoundCommand) async -> BoundCommand {
        func resolved(_ value: Value) async -> Value {
            guard case .variable = value.kind, let json = try? await context.json(value), json.objectValue == nil,
                  json.arrayValue == nil, !json.isNull, let text = json.scalarText else { return value }
            return Value(.string(text), value.range)
        }
        func resolved(_ expression: WhereExpression) async -> WhereExpression {
            switch expression {
            case .condition(var condition):
                switch condition.test {
                case .compare(let comparison, let value): condition.test = .compare(comparison, await resolved(value))
                case .between(let low, let high): condition.test = .between(await resolved(low), await resolved(high))
                case .oneOf(let values):
                    var list: [Value] = []
                    for value in values { list.append(await resolved(value)) }
                    condition.test = .oneOf(list)
                case .noneOf(let values):
                    var list: [Value] = []
                    for value in values { list.append(await resolved(value)) }
                    condition.test = .noneOf(list)
                case .contains, .notContains, .exists, .notExists: break
                }
                return .condition(condition)
            case .and(let terms), .or(let terms):
                var list: [WhereExpression] = []
                for term in terms { list.append(await resolved(term)) }
                if case .and = expression { return .and(list) }
                return .or(list)
            }
        }
        var bound = bound
        for (keyword, clause) in bound.clauses {
            if case .conditions(let expression) = clause { bound.clauses[keyword] = .conditions(await resolved(expression)) }
        }
        if bound.signature.assignments == .property {
            for index in bound.assignments.indices {
                if let value = bound.assignments[index].value { bound.assignments[index].value = await resolved(value) }
            }
        }
        return bound
    }

    /// The literal values of the command's `where` and `PROP=VALUE`, with the property each is for.
    private func literalValues(_ bound: BoundCommand) -> [(String, String)] {
        var values: [(String, String)] = []
        for (keyword, clause) in bound.clauses where bound.signature.clause(keyword)?.names == .property {
            guard case .conditions(let expression) = clause else { continue }
            for condition in expression.conditions {
                let written: [Value] = switch condition.test {
                case .compare(_, let value): [value]
                case .between(let low, let high): [low, high]
                case .oneOf(let list), .noneOf(let list): list
                case .contains, .notContains, .exists, .notExists: []
                }
                values += written.compactMap { $0.literalText.map { (condition.property, $0) } }
            }
        }
        if bound.signature.assignments == .property {
            values += bound.assignments.compactMap { assignment in assignment.value?.literalText.map { (assignment.name, $0) } }
        }
        return values
    }

    /// The property names the command names literally, with where each is written.
    private func propertyNames(_ bound: BoundCommand) -> [(String, SourceRange)] {
        let signature = bound.signature
        var names: [(String, SourceRange)] = []
        for (keyword, clause) in bound.clauses where signature.clause(keyword)?.names == .property {
            switch clause {
            case .conditions(let expression): names += expression.conditions.map { ($0.property, $0.propertyRange) }
            case .properties(let list, let range): names += list.map { ($0, range) }
            case .sort(let property, _, let range): names.append((property, range))
            case .count: break
            }
        }
        if signature.assignments == .property { names += bound.assignments.map { ($0.name, $0.range) } }
        for option in signature.options where option.role == .property {
            if let value = bound[option], let name = value.literalText { names.append((name, value.range)) }
        }
        for parameter in bound.form?.positionals ?? signature.positionals where parameter.role == .property {
            for value in bound.values(parameter) {
                if let name = value.literalText { names.append((name, value.range)) }
            }
        }
        return names
    }

    /// The property definitions of `type`; refuses a type HubSpot cannot name (at `range`, when
    /// given). nil when HubSpot could not be asked (no network, a missing scope): nothing is checked.
    private func definitions(of type: String, at range: SourceRange?) async throws -> [PropertyDefinition]? {
        let connection = await context.session.connectionName ?? ""
        if let error = await unreachable.error(of: connection) {
            if running { throw error }
            return nil
        }
        do {
            return try await context.propertyDefinitions(type)
        } catch let error as HubSpotAPIError where Self.isUnknownObjectType(error) {
            guard let range else { return nil }
            throw Diagnostic("no object type \(type) in this account", at: range,
                             suggestion: Suggest.didYouMean(type, in: await context.objectTypeNames()))
        } catch let error as HubSpotAPIError where error.status == nil && error.kind != .invalidRequest {
            await unreachable.note(error, of: connection)
            if running { throw error }
            return nil
        } catch {
            return nil
        }
    }

    /// HubSpot's answer for an object type it cannot name: 400 `Unable to infer object type from: …`
    /// (hubspot-api.md §2; the status is UNCONFIRMED, so a 404 counts too).
    static func isUnknownObjectType(_ error: HubSpotAPIError) -> Bool {
        error.status == 404 || (error.status == 400 && error.message.localizedCaseInsensitiveContains("infer object type"))
    }
}

extension SchemaCheck {
    /// Checks an aggregate that reads a search's or a `get`'s records before anything runs: each
    /// property it names literally must be one of the object type's, and a sum or an average must
    /// name a number property.
    func check(_ aggregate: any AggregatingCommand, _ bound: BoundCommand) async throws {
        guard let last = bound.upstream.last, ["search", "get"].contains(last.first ?? ""), let type = bound.objectType,
              await context.session.connectionName != nil, var definitions = try await definitions(of: type, at: nil) else { return }
        var named: [(Aggregator.Function?, String, SourceRange)] = aggregate.keyAsked.map { [(nil, $0.0, $0.1)] } ?? []
        for (function, value) in aggregate.measuresAsked {
            guard let text = value.literalText else { continue }
            for name in Aggregation.split(text) { named.append((function, name, value.range)) }
        }
        var refetched = false
        for (_, name, range) in named where !definitions.contains(where: { $0.name == name }) {
            if !refetched, let fresh = try? await context.propertyDefinitions(type, fresh: true) { definitions = fresh }
            refetched = true
            guard !definitions.contains(where: { $0.name == name }) else { continue }
            throw Diagnostic("\(type) has no property \(name)", at: range, suggestion: Suggest.didYouMeanName(name, in: definitions.map(\.name)))
        }
        var facts = AggregateFacts(objectType: type)
        for definition in definitions { facts.types[definition.name] = definition.type }
        _ = try facts.measures(named.compactMap { entry in entry.0.map { ($0, entry.1, entry.2) } })
    }
}

/// The connections one run could not reach, with the error each gave.
actor UnreachableConnections {
    private var errors: [String: HubSpotAPIError] = [:]

    func error(of connection: String) -> HubSpotAPIError? { errors[connection] }
    func note(_ error: HubSpotAPIError, of connection: String) { errors[connection] = error }
}
