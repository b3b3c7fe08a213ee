import HubSpotAPI
import HubshLanguage
import JSONValue

/// A saved activity: a pipeline kept as source text under a name, run later with `activity run`.
public struct SavedActivity: Sendable, Hashable {
    /// What `activity run` calls it.
    public var name: String
    /// One pipeline, as hubsh source (`search deals where closedate < $cutoff | select dealname`).
    public var pipeline: String

    /// The pipeline `pipeline` saved as `name`.
    public init(name: String, pipeline: String) {
        self.name = name
        self.pipeline = pipeline
    }

    /// The variables the pipeline reads (`$cutoff` → `cutoff`), in order of first use: its parameters.
    public var parameters: [String] {
        guard let script = Parser.parse(pipeline).script else { return [] }
        var names: [String] = []
        func note(_ value: Value?) {
            if case .variable(let reference)? = value?.kind, !names.contains(reference.name) { names.append(reference.name) }
        }
        for statement in script.statements {
            for command in statement.commands {
                for argument in command.arguments {
                    switch argument.kind {
                    case .option(_, let value), .assignment(_, let value): note(value)
                    default: note(argument.value)
                    }
                }
            }
            note(statement.redirection?.target)
        }
        return names
    }

    /// `{name, pipeline, parameters}`: what `activity list` and `activity show` yield.
    public var json: JSONValue {
        ["name": .string(name), "pipeline": .string(pipeline), "parameters": .array(parameters.map { .string($0) })]
    }
}

/// The saved activities by name. With a ``ConfigDirectory`` it loads `activities.json` when made and
/// rewrites it (atomically, mode 0600) on every change; without one it only remembers.
public actor ActivityStore {
    /// The file activities are saved in.
    public static let fileName = "activities.json"

    private var activities: [String: SavedActivity] = [:]
    /// Where the activities are saved; nil keeps them in memory only.
    public nonisolated let directory: ConfigDirectory?

    /// Activities kept in memory only.
    public init(_ activities: [SavedActivity] = []) {
        directory = nil
        for activity in activities { self.activities[activity.name] = activity }
    }

    /// The activities saved in `directory`; changes are saved there.
    public init(directory: ConfigDirectory) throws(HubSpotAPIError) {
        self.directory = directory
        guard let json = try directory.readJSON(Self.fileName) else { return }
        guard let list = json["activities"]?.arrayValue else {
            throw HubSpotAPIError(.invalidRequest, "\(directory.path(of: Self.fileName)) has no \"activities\" list; fix or remove it")
        }
        for item in list {
            guard let name = item["name"]?.stringValue, let pipeline = item["pipeline"]?.stringValue else { continue }
            activities[name] = SavedActivity(name: name, pipeline: pipeline)
        }
    }

    /// Every activity's name, sorted.
    public var names: [String] { activities.keys.sorted() }

    /// Every activity, by name.
    public var all: [SavedActivity] { names.compactMap { activities[$0] } }

    /// The activity called `name`.
    public func activity(_ name: String) -> SavedActivity? { activities[name] }

    /// Adds or replaces an activity, and saves; returns whether one was replaced.
    @discardableResult
    public func add(_ activity: SavedActivity) throws(HubSpotAPIError) -> Bool {
        let replaced = activities.updateValue(activity, forKey: activity.name) != nil
        try save()
        return replaced
    }

    /// Removes an activity (and saves); returns whether it existed.
    @discardableResult
    public func remove(_ name: String) throws(HubSpotAPIError) -> Bool {
        guard activities.removeValue(forKey: name) != nil else { return false }
        try save()
        return true
    }

    private func save() throws(HubSpotAPIError) {
        guard let directory else { return }
        let list = all.map { activity -> JSONValue in ["name": .string(activity.name), "pipeline": .string(activity.pipeline)] }
        try directory.writeJSON(["activities": .array(list)], to: Self.fileName)
    }
}

extension ShellContext {
    /// The saved activities (kept beside the connections, in the same folder).
    public var activities: ActivityStore { connections.activities }
}
