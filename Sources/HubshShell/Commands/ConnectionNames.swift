import HubshLanguage

/// What the connection and activity commands share: reading a name, and finding a saved one with
/// "did you mean" when it is misspelt.
enum SavedName {
    /// The NAME of the commands about a saved activity.
    static let activity = Parameter("name", "the activity", role: .activity)
    /// The NAME of the commands about a saved connection.
    static let connection = Parameter("name", "the connection", role: .connection)
    /// The NAME of the commands about a saved connection that default to the one in use.
    static let connectionOrInUse = Parameter("name", "the connection (default: the one in use)", required: false, role: .connection)

    /// A name for something new: letters, digits, `-`, `_` and `.` (so it completes and needs no quotes).
    static func new(_ value: Value?, what: String, in bound: BoundCommand) throws(Diagnostic) -> String {
        guard let value, let text = value.literalText else {
            throw Diagnostic("\(bound.signature.displayName) needs a plain \(what) name (usage: \(bound.signature.usage))",
                             at: value?.range ?? bound.syntax.range)
        }
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }),
              text.first != "-" else {
            throw Diagnostic("a \(what) name is letters, digits, '-', '_' and '.', not '\(text)'", at: value.range)
        }
        return text
    }
}

extension ShellContext {
    /// The saved connection `value` names (checked to exist), or with no value the one in use.
    func existingConnection(_ value: Value?, in bound: BoundCommand) async throws -> String {
        if let value {
            let name = try await text(value)
            guard await connections.settings(name) != nil else {
                let names = await connections.names
                throw Diagnostic(names.isEmpty ? "no connection named \(name): there are none yet (connection add \(name) --token env:HUBSPOT_ACCESS_TOKEN)"
                                               : "no connection named \(name) (there are: \(names.joined(separator: ", ")))",
                                 at: value.range, suggestion: Suggest.didYouMean(name, in: names))
            }
            return name
        }
        if let current = await session.connectionName, await connections.settings(current) != nil { return current }
        if let current = await connections.current { return current }
        throw Diagnostic("no connection is in use: name one (\(bound.signature.displayName) NAME) or add one (connection add NAME --token env:HUBSPOT_ACCESS_TOKEN)",
                         at: bound.syntax.range)
    }

    /// The saved activity `value` names, with "did you mean" when there is none.
    func existingActivity(_ value: Value) async throws -> SavedActivity {
        let name = try await text(value)
        if let activity = await activities.activity(name) { return activity }
        let names = await activities.names
        throw Diagnostic(names.isEmpty ? "no activity named \(name): there are none yet (activity add \(name) = PIPELINE)"
                                       : "no activity named \(name) (there are: \(names.joined(separator: ", ")))",
                         at: value.range, suggestion: Suggest.didYouMean(name, in: names))
    }
}
