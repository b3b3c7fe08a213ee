import HubSpotAPI
import HubshLanguage

/// What Tab completion can offer without waiting: names gathered from the session and the connection
/// between statements (the line editor calls the completer synchronously).
public struct CompletionSnapshot: Sendable {
    public var signatures: [CommandSignature]
    public var connections: [String] = []
    public var activities: [String] = []
    public var variables: [String] = []
    /// Standard and custom object types (the standard ones until the connection is asked).
    public var objectTypes: [String] = StandardObjectType.all.map(\.name)
    /// Property names by object type.
    public var properties: [String: [String]] = [:]
    /// Enumeration values by object type, then property: each option's value, its label too when
    /// the label says more than the value (`1` and `New`, written as hubsh reads them back), and for
    /// an owner property the owners' e-mails.
    public var options: [String: [String: [String]]] = [:]
    /// Association label names by object pair (`associationLabels["contacts"]?["companies"]`), on
    /// connections with labelled associations.
    public var associationLabels: [String: [String: [String]]] = [:]

    public init(signatures: [CommandSignature]) { self.signatures = signatures }
}

extension ShellContext {
    /// A snapshot of what completion offers now, with the properties of `objectTypes` (and of those
    /// `previous` knew) from the schema cache, which asks HubSpot only for what it lacks. Failures
    /// leave facts out: completion never reports errors.
    public func completionSnapshot(loadingPropertiesOf objectTypes: [String], previous: CompletionSnapshot? = nil) async -> CompletionSnapshot {
        var snapshot = previous ?? CompletionSnapshot(signatures: registry.signatures)
        snapshot.signatures = registry.signatures
        snapshot.connections = await connections.names
        snapshot.activities = await activities.names
        snapshot.variables = await session.variableNames
        snapshot.objectTypes = StandardObjectType.all.map(\.name)
        do {
            snapshot.objectTypes += try await customObjectSchemas().map(\.name)
        } catch let error as HubSpotAPIError where error.status == nil {
            // No connection, or none that answers: keep what was known rather than wait for each type.
            return snapshot
        } catch {}
        snapshot.properties = [:]
        snapshot.options = [:]
        let known = previous.map { Array($0.properties.keys) } ?? []
        var owners: [String]?
        for type in Set(objectTypes + known) {
            guard let definitions = try? await propertyDefinitions(type) else { continue }
            snapshot.properties[type] = definitions.map(\.name).sorted()
            var options: [String: [String]] = [:]
            for definition in definitions {
                var values = definition.options.map(\.value)
                for option in definition.options where ValueFacts.simplified(option.label) != ValueFacts.simplified(option.value) {
                    values.append(Value.sourceText(option.label))
                }
                if definition.refersToOwners {
                    if owners == nil { owners = ((try? await self.owners()) ?? []).compactMap(\.email) }
                    values += owners ?? []
                }
                if !values.isEmpty { options[definition.name] = values }
            }
            snapshot.options[type] = options
        }
        await loadAssociationLabels(of: objectTypes, into: &snapshot)
        return snapshot
    }
}

extension ShellContext {
    /// The label names of each ordered pair of `objectTypes` not yet known: asked once per pair and
    /// carried from snapshot to snapshot (labels change rarely; a new session asks again).
    func loadAssociationLabels(of objectTypes: [String], into snapshot: inout CompletionSnapshot) async {
        guard let client = try? await client(), client.version.hasLabelledAssociations else { return }
        let types = Array(Set(objectTypes)).sorted()
        for from in types {
            for to in types where to != from && snapshot.associationLabels[from]?[to] == nil {
                guard let labels = try? await client.associationLabels(from, to) else { continue }
                snapshot.associationLabels[from, default: [:]][to] = labels.compactMap(\.label).map(Value.sourceText)
            }
        }
    }
}
