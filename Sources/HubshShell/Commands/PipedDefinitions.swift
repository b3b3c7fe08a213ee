import HubSpotAPI

/// The property definitions piped inputs are written by: the cached ones, fetched afresh once when an
/// input names a property they lack (one made in HubSpot since they were fetched), so a write costs no
/// read of the definitions unless it needs one.
actor PipedDefinitions {
    let context: ShellContext
    let objectType: String?
    private var definitions: [String: PropertyDefinition]?
    private var refetched = false

    init(context: ShellContext, objectType: String?) {
        self.context = context
        self.objectType = objectType
    }

    /// Which of `names` HubSpot computes (to be left out of a write); unknown without an object type or
    /// when the definitions cannot be had (HubSpot then answers for each input).
    func readOnly(among names: some Collection<String>) async -> Set<String> {
        guard let objectType else { return [] }
        if definitions == nil { definitions = await fetch(objectType, fresh: false) }
        if !refetched, names.contains(where: { definitions?[$0] == nil }) {
            refetched = true
            definitions = await fetch(objectType, fresh: true) ?? definitions
        }
        return Set(names.filter { definitions?[$0]?.readOnlyValue == true })
    }

    private func fetch(_ objectType: String, fresh: Bool) async -> [String: PropertyDefinition]? {
        guard let list = try? await context.propertyDefinitions(objectType, fresh: fresh) else { return nil }
        return Dictionary(list.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
