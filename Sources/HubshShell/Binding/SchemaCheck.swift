import HubSpotAPI
import HubshLanguage

/// What is checked against the account before a statement runs: an object type HubSpot does not
/// know, and a property its object type lacks (in `where`, `props`, `sort`, `PROP=VALUE`, `--by`,
/// `describe`), are refused with "did you mean". Facts come from the schema cache; a property missing
/// from it is looked up afresh before it is refused, so a property made today is not refused.
///
/// Only names written literally are checked, only for HubSpot and discovery commands, and only when
/// a connection is in use and the facts can be had: otherwise HubSpot answers when the statement runs.
/// A connection that cannot be reached is tried once per run: planning goes on without the check, and
/// when the statement runs it fails with that error at once instead of waiting for the network again.
struct SchemaCheck {
    let context: ShellContext
    /// The run's connections that could not be reached.
    let unreachable: UnreachableConnections
    /// Whether the statement is about to run (else the whole script is being planned).
    let running: Bool

    func check(_ bound: BoundCommand) async throws {
        let signature = bound.signature
        guard signature.family == .hubspot || signature.family == .discovery, await context.session.connectionName != nil else { return }
        for parameter in signature.positionals where parameter.completion == .objectTypes {
            for value in bound.positionals[parameter.name] ?? [] {
                if let type = value.literalText { _ = try await definitions(of: type, at: value.range) }
            }
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
                             suggestion: Suggest.didYouMean(name, in: definitions.map(\.name)))
        }
    }

    /// The property names the command names literally, with where each is written.
    private func propertyNames(_ bound: BoundCommand) -> [(String, SourceRange)] {
        let signature = bound.signature
        var names: [(String, SourceRange)] = []
        for clause in bound.clauses.values {
            switch clause {
            case .conditions(let expression): names += expression.conditions.map { ($0.property, $0.propertyRange) }
            case .properties(let list, let range): names += list.map { ($0, range) }
            case .sort(let property, _, let range): names.append((property, range))
            case .count: break
            }
        }
        if signature.takesAssignments { names += bound.assignments.map { ($0.name, $0.range) } }
        for option in signature.options where option.completion == .properties {
            if let value = bound.option(option.name), let name = value.literalText { names.append((name, value.range)) }
        }
        for parameter in signature.positionals where parameter.completion == .properties {
            for value in bound.positionals[parameter.name] ?? [] {
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

/// The connections one run could not reach, with the error each gave.
actor UnreachableConnections {
    private var errors: [String: HubSpotAPIError] = [:]

    func error(of connection: String) -> HubSpotAPIError? { errors[connection] }
    func note(_ error: HubSpotAPIError, of connection: String) { errors[connection] = error }
}
