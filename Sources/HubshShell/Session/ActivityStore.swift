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

/// The saved activities by name. With a ``ConfigDirectory`` it keeps `activities.json` (atomic
/// writes, mode 0600) shared with every other hubsh: each change reads the file, changes only its own
/// entry and writes it back under the folder's lock, and the file is read again whenever another
/// process has changed it. Without a folder it only remembers.
public actor ActivityStore {
    /// The file activities are saved in.
    public static let fileName = "activities.json"

    private var activities: [String: SavedActivity] = [:]
    /// The stamp of the file `activities` was last read from.
    private var stamp: FileStamp?
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
        (activities, stamp) = try Self.read(directory)
    }

    /// The file's activities and its stamp (taken before reading, so a change made while reading is
    /// seen next time).
    private static func read(_ directory: ConfigDirectory) throws(HubSpotAPIError) -> ([String: SavedActivity], FileStamp?) {
        let stamp = directory.stamp(of: fileName)
        guard let json = try directory.readJSON(fileName) else { return ([:], stamp) }
        guard let list = json["activities"]?.arrayValue else {
            throw HubSpotAPIError(.invalidRequest, "\(directory.path(of: fileName)) has no \"activities\" list; fix or remove it")
        }
        var activities: [String: SavedActivity] = [:]
        for item in list {
            guard let name = item["name"]?.stringValue, let pipeline = item["pipeline"]?.stringValue else { continue }
            activities[name] = SavedActivity(name: name, pipeline: pipeline)
        }
        return (activities, stamp)
    }

    /// Reads the file again when another hubsh changed it; a file that cannot be read now leaves what
    /// was known.
    private func refresh() {
        guard let directory, directory.stamp(of: Self.fileName) != stamp,
              let (activities, stamp) = try? Self.read(directory) else { return }
        self.activities = activities
        self.stamp = stamp
    }

    /// Applies `change` to the activities as the file has them now and writes the file when it returns
    /// true: all under the folder's lock, so another hubsh's change made meanwhile is kept.
    private func update(_ change: (inout [String: SavedActivity]) -> Bool) throws(HubSpotAPIError) {
        guard let directory else {
            _ = change(&activities)
            return
        }
        try directory.locked { () throws(HubSpotAPIError) in
            (activities, stamp) = try Self.read(directory)
            guard change(&activities) else { return }
            let list = activities.keys.sorted().compactMap { activities[$0] }
                .map { activity -> JSONValue in ["name": .string(activity.name), "pipeline": .string(activity.pipeline)] }
            try directory.writeJSON(["activities": .array(list)], to: Self.fileName)
            stamp = directory.stamp(of: Self.fileName)
        }
    }

    /// Every activity's name, sorted.
    public var names: [String] {
        refresh()
        return activities.keys.sorted()
    }

    /// Every activity, by name.
    public var all: [SavedActivity] { names.compactMap { activities[$0] } }

    /// The activity called `name`.
    public func activity(_ name: String) -> SavedActivity? {
        refresh()
        return activities[name]
    }

    /// Adds or replaces an activity, and saves (that entry only); returns whether one was replaced.
    @discardableResult
    public func add(_ activity: SavedActivity) throws(HubSpotAPIError) -> Bool {
        var replaced = false
        try update { activities in
            replaced = activities.updateValue(activity, forKey: activity.name) != nil
            return true
        }
        return replaced
    }

    /// Removes an activity (and saves); returns whether it existed.
    @discardableResult
    public func remove(_ name: String) throws(HubSpotAPIError) -> Bool {
        var removed = false
        try update { activities in
            removed = activities.removeValue(forKey: name) != nil
            return removed
        }
        return removed
    }
}

extension ShellContext {
    /// The saved activities (kept beside the connections, in the same folder).
    public var activities: ActivityStore { connections.activities }
}
