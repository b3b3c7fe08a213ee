import HubSpotAPI
import JSONValue

/// What undoing a journalled operation takes, worked out from its journal alone: records to set back,
/// records to archive, records to make again, pairs to unlink. An interrupted operation is undone as
/// far as its journal shows it was sent.
public struct UndoPlan: Sendable, Equatable {
    /// A record to set back to the values it held.
    public struct Restore: Sendable, Equatable {
        public var id: String
        /// The values before; null ones are cleared.
        public var properties: JSONObject
        /// When the operation wrote it (`updatedAt` of its answer): a later change is someone else's,
        /// and the record is skipped. Unknown when the answer was not journalled.
        public var writtenAt: String?
    }

    /// A record the operation archived, to make again with its values and associations.
    public struct Recreation: Sendable, Equatable {
        public var oldId: String
        public var properties: JSONObject
        public var associations: [JournalAssociation]
    }

    /// A pair the operation associated (to unlink) or unlinked (to link again).
    public struct Link: Sendable, Equatable {
        public var from: String
        public var to: String
        public var types: [AssociationSpec]
    }

    public var restores: [Restore] = []
    public var archives: [String] = []
    public var recreations: [Recreation] = []
    public var unlinks: [Link] = []
    public var relinks: [Link] = []
    /// Inputs the journal shows were sent but whose answers it does not hold (an interrupted job).
    public var unanswered = 0

    /// How many records (or pairs) the undo touches.
    public var count: Int { restores.count + archives.count + recreations.count + unlinks.count + relinks.count }

    public init(_ journal: JournalRecord) {
        var written: [String: JournalWrite] = [:]
        for case .written(let writes) in journal.entries {
            for write in writes { written[write.id] = write }
        }
        var restored = Set<String>()
        for entry in journal.entries {
            switch entry {
            case .prior(let id, let properties, _):
                guard restored.insert(id).inserted else { continue }
                if written[id] == nil { unanswered += 1 }
                restores.append(Restore(id: id, properties: properties, writtenAt: written[id]?.updatedAt))
            case .removed(let id, let properties, let associations):
                if written[id] == nil { unanswered += 1 }
                recreations.append(Recreation(oldId: id, properties: properties, associations: associations))
            case .linked(let from, let to, let types):
                unlinks.append(Link(from: from, to: to, types: types))
            case .unlinked(let from, let to, let types):
                relinks.append(Link(from: from, to: to, types: types))
            case .written, .recreated, .end, .merging, .erasing, .importing:
                break
            }
        }
        // Records the operation made: an upsert's new ones had no prior values to restore.
        archives = journal.entries.flatMap { entry -> [String] in
            guard case .written(let writes) = entry else { return [] }
            return writes.filter(\.created).map(\.id)
        }
        let made = Set(archives)
        restores.removeAll { made.contains($0.id) }
    }
}
