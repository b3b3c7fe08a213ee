import HubSpotAPI
import JSONValue

/// What a statement would do, worked out without doing it (`explain`): the HubSpot calls its commands
/// make, how many (from the records expected to flow), against which rate-limit budget and the time
/// that budget implies at the connection's limits, the properties written and read, and whether the
/// write can be undone.
public struct ExplainPlan: Sendable, Equatable {
    /// The rate-limit budget a call spends (hubspot-api.md §8): every call counts against the daily
    /// limit too.
    public enum Budget: String, Sendable, Equatable {
        /// The ten-second burst window.
        case burst
        /// Search's own 5 a second.
        case search
    }

    /// One kind of call a command makes.
    public struct Call: Sendable, Equatable {
        /// The command that makes it (`update`).
        public var command: String
        public var method: String
        public var path: String
        /// Why it is made.
        public var purpose: String
        /// Records per call: the call count is one per this many records.
        public var perCall: Int
        /// How many, when the records are known; nil: one per `perCall` records.
        public var count: Int?
        public var budget: Budget
    }

    /// One command of the statement, as the plan needs it.
    public enum Step: Sendable, Equatable {
        /// A search: at most `limit` records, reading `reads`.
        case search(objectType: String, reads: [String], limit: Int?)
        /// A batch read by id of `ids` records (nil: the piped ones).
        case get(objectType: String, ids: Int?, reads: [String])
        /// Records from a file of `rows` rows (nil: not known), with these columns.
        case open(rows: Int?, columns: [String])
        /// At most `n` records go on (`first N`).
        case cap(Int)
        /// A write of `kind`; `single` when it has no input but its own arguments (one record, or its ids).
        case write(kind: JournalHeader.Operation, objectType: String, toObjectType: String?, writes: [String], single: Int?,
                   journal: Bool, ifUnchanged: Bool)
        /// A command that works on what flows without calling HubSpot.
        case local(String)
    }

    /// The connection's limits the times are figured at.
    public struct Limits: Sendable, Equatable {
        public var burstPerTenSeconds: Int
        public var searchPerSecond: Int
        /// The daily limit and the calls made today, when the account says.
        public var daily: Int?
        public var usedToday: Int?

        public init(burstPerTenSeconds: Int = 100, searchPerSecond: Int = 5, daily: Int? = nil, usedToday: Int? = nil) {
            self.burstPerTenSeconds = burstPerTenSeconds
            self.searchPerSecond = searchPerSecond
            self.daily = daily
            self.usedToday = usedToday
        }
    }

    public var statement: String
    /// The records expected to reach the statement's write (or its end); nil when not known.
    public var records: Int?
    /// How `records` was estimated.
    public var recordsFrom = ""
    public var calls: [Call] = []
    public var objectType: String?
    public var writes: [String] = []
    public var reads: [String] = []
    /// Whether the statement writes at all.
    public var writesRecords = false
    public var undoable = false
    /// How it is undone, or why it cannot be.
    public var undo = "nothing to undo: the statement writes nothing"
    public var limits: Limits

    /// What `reads` says for a search or read without `props`.
    public static let defaultProperties = "(HubSpot's default properties)"

    /// The plan of `steps` at `limits`; `searchTotal` is what a search of the first step counts
    /// (one search with limit 1), `paths` the API version's paths.
    public init(statement: String, steps: [Step], searchTotal: Int? = nil, limits: Limits = Limits(), paths: ExplainPaths = ExplainPaths()) {
        self.statement = statement
        self.limits = limits
        var records: Int?
        var from = "not known: calls are counted per 100 records"
        var known = false
        var previous: Step?
        for step in steps {
            defer { previous = step }
            switch step {
            case .search(let type, let reads, let limit):
                objectType = objectType ?? type
                if let total = searchTotal {
                    records = min(total, limit ?? total)
                    from = "the search's count of matches" + (limit.map { " (\(total)), limit \($0)" } ?? "")
                } else if let limit {
                    records = limit
                    from = "the search's limit"
                }
                known = records != nil
                self.reads += reads.filter { !self.reads.contains($0) }
                calls.append(Call(command: "search", method: "POST", path: "\(paths.objects)/\(type)/search",
                                  purpose: "read the matches, 200 a page", perCall: SearchQuery.maxPageSize, count: nil, budget: .search))
            case .get(let type, let ids, let reads):
                objectType = objectType ?? type
                if let ids {
                    records = ids
                    from = "the ids given"
                    known = true
                }
                self.reads += reads.filter { !self.reads.contains($0) }
                calls.append(Call(command: "get", method: "POST", path: "\(paths.objects)/\(type)/batch/read",
                                  purpose: "read the records, 100 a call", perCall: HubSpotClient.batchLimit, count: nil, budget: .burst))
            case .open(let rows, let columns):
                if let rows {
                    records = rows
                    from = "the file's \(rows) rows"
                    known = true
                }
                writes += columns.filter { !writes.contains($0) && $0 != "id" }
            case .cap(let n):
                records = records.map { min($0, n) } ?? n
                if !known { from = "at most \(n) (first \(n))" }
                known = true
            case .write(let kind, let type, let toType, let written, let single, let journal, let ifUnchanged):
                objectType = objectType ?? type
                writesRecords = true
                if let single, !known {
                    records = single
                    from = single == 1 ? "the one record of its arguments" : "the ids given"
                    known = true
                }
                writes += written.filter { !writes.contains($0) }
                // A search piped straight into a journalled update reads what it writes (Interpreter.readingPriorsInSearch).
                var fromSearch = false
                if case .search? = previous, kind == .update, journal, !ifUnchanged, !written.isEmpty { fromSearch = true }
                if fromSearch {
                    // Without `props` the search then asks for those alone, not HubSpot's defaults.
                    self.reads.removeAll { $0 == ExplainPlan.defaultProperties }
                    self.reads += written.filter { !self.reads.contains($0) }
                }
                addWrite(kind, type, toType, journal: journal, ifUnchanged: ifUnchanged, priorsFromSearch: fromSearch, paths: paths)
            case .local:
                break
            }
        }
        self.records = records
        recordsFrom = from
        // Each call's count from the records that reach it.
        calls = calls.map { call in
            var call = call
            call.count = records.map { max(1, ($0 + call.perCall - 1) / call.perCall) }
            if records == 0 { call.count = call.budget == .search ? 1 : 0 }
            return call
        }
    }

    private mutating func addWrite(_ kind: JournalHeader.Operation, _ type: String, _ toType: String?, journal: Bool, ifUnchanged: Bool,
                                   priorsFromSearch: Bool, paths: ExplainPaths) {
        let batch = HubSpotClient.batchLimit
        func call(_ path: String, _ purpose: String) {
            calls.append(Call(command: kind == .archive ? "delete" : kind.rawValue, method: "POST", path: path, purpose: purpose,
                              perCall: batch, count: nil, budget: .burst))
        }
        let base = "\(paths.objects)/\(type)"
        // What the journal reads before each batch, then the write itself.
        switch kind {
        case .update, .upsert:
            if (journal && !priorsFromSearch) || ifUnchanged {
                let why = journal ? "journal each record's values before it is written" + (ifUnchanged ? " and check it is unchanged" : "")
                    : "check each record is unchanged since read"
                call("\(base)/batch/read", why + ", 100 a call")
            }
            call("\(base)/batch/\(kind.rawValue)", "write the records, 100 a call")
        case .create:
            call("\(base)/batch/create", "create the records, 100 a call")
        case .archive:
            if journal {
                call("\(base)/batch/read", "journal each record's values before it is archived, 100 a call")
                if paths.labelled {
                    for other in WriteJournal.associatedTypes {
                        call("\(paths.associations)/\(type)/\(other)/batch/read", "journal the records' \(other) associations, 100 a call")
                    }
                }
            }
            call("\(base)/batch/archive", "archive the records, 100 a call")
        case .associate:
            call("\(paths.associations)/\(type)/\(toType ?? "?")/batch/create", "link the pairs, 100 a call")
        case .unassociate:
            call("\(paths.associations)/\(type)/\(toType ?? "?")/batch/archive", "unlink the pairs, 100 a call")
        case .merge:
            calls.append(Call(command: "merge", method: "POST", path: "\(base)/merge", purpose: "merge each pair, one call a pair",
                              perCall: 1, count: nil, budget: .burst))
        case .gdprDelete:
            calls.append(Call(command: "gdpr-delete", method: "POST", path: "\(base)/gdpr-delete", purpose: "erase each contact for good, one call a contact",
                              perCall: 1, count: nil, budget: .burst))
        case .importJob:
            calls.append(Call(command: "import", method: "POST", path: "/crm/v3/imports", purpose: "start HubSpot's import job with the file",
                              perCall: 1, count: nil, budget: .burst))
        case .undo:
            break
        }
        undoable = journal && kind.isUndoable
        if kind == .merge {
            undo = "no: HubSpot cannot split a merged record"
        } else if kind == .gdprDelete {
            undo = "no: a GDPR delete erases the record for good"
        } else if kind == .importJob {
            undo = "no: HubSpot's Imports API writes on its side and keeps no values to put back"
        } else if !journal {
            undo = "no: the journal is off for this write (--no-journal or set journal off)"
        } else {
            switch kind {
            case .update, .upsert: undo = "yes: journalled; `undo` puts back the values each record held (records changed since are skipped)"
            case .create: undo = "yes: journalled; `undo` archives the records made"
            case .archive: undo = "yes: journalled; `undo` makes the records again with their values and associations, under new ids"
            case .associate: undo = "yes: journalled; `undo` unlinks the pairs"
            case .unassociate: undo = "yes: journalled; `undo` links the pairs again, with their labels"
            case .merge, .gdprDelete, .importJob: break
            case .undo: undo = "yes: `undo` of an undo redoes"
            }
        }
    }

    /// The calls of `budget`, when known.
    public func total(_ budget: Budget) -> Int? {
        let counts = calls.filter { $0.budget == budget }.map(\.count)
        guard !counts.contains(where: { $0 == nil }) else { return nil }
        return counts.compactMap { $0 }.reduce(0, +)
    }

    /// The least time the calls of `budget` take at the limits (seconds): burst calls at the window's
    /// rate after the first window's worth, searches at their rate per second.
    public func seconds(_ budget: Budget) -> Double? {
        guard let calls = total(budget) else { return nil }
        switch budget {
        case .burst:
            let window = max(1, limits.burstPerTenSeconds)
            return calls <= window ? 0 : Double(calls - window) * 10 / Double(window)
        case .search:
            let rate = max(1, limits.searchPerSecond)
            return calls <= rate ? 0 : Double(calls - rate) / Double(rate)
        }
    }

    /// The plan as one JSON value (what programs get).
    public var json: JSONValue {
        var object: JSONObject = ["statement": .string(statement), "records": records.map(JSONValue.int) ?? .null,
                                  "recordsFrom": .string(recordsFrom)]
        object["calls"] = .array(calls.map { call in
            ["command": .string(call.command), "method": .string(call.method), "path": .string(call.path), "purpose": .string(call.purpose),
             "count": call.count.map(JSONValue.int) ?? .null, "perCall": .int(call.perCall), "budget": .string(call.budget.rawValue)]
        })
        var budgets: JSONObject = [:]
        for budget in [Budget.burst, .search] where calls.contains(where: { $0.budget == budget }) {
            budgets[budget.rawValue] = ["calls": total(budget).map(JSONValue.int) ?? .null,
                                        "seconds": seconds(budget).map { JSONValue.double(($0 * 10).rounded() / 10) } ?? .null]
        }
        let all = [total(.burst), total(.search)]
        budgets["daily"] = ["calls": all.contains { $0 == nil } ? .null : .int(all.compactMap { $0 }.reduce(0, +)),
                            "limit": limits.daily.map(JSONValue.int) ?? .null, "usedToday": limits.usedToday.map(JSONValue.int) ?? .null]
        object["budgets"] = .object(budgets)
        object["limits"] = ["burstPerTenSeconds": .int(limits.burstPerTenSeconds), "searchPerSecond": .int(limits.searchPerSecond)]
        if let objectType { object["objectType"] = .string(objectType) }
        object["writes"] = .array(writes.map(JSONValue.string))
        object["reads"] = .array(reads.map(JSONValue.string))
        object["undoable"] = .bool(undoable)
        object["undo"] = .string(undo)
        return .object(object)
    }
}

/// The paths the plan names, as the connection's API version spells them.
public struct ExplainPaths: Sendable, Equatable {
    public var objects = "/crm/v3/objects"
    public var associations = "/crm/v4/associations"
    /// Whether associations carry labels (v4 and later): the journal reads them before an archive.
    public var labelled = true

    public init(objects: String = "/crm/v3/objects", associations: String = "/crm/v4/associations", labelled: Bool = true) {
        self.objects = objects
        self.associations = associations
        self.labelled = labelled
    }

    /// The paths of `version`.
    public init(_ version: APIVersion) {
        switch version {
        case .v3: self.init(associations: "/crm/v3/associations", labelled: false)
        case .v4: self.init()
        case .dated(let date): self.init(objects: "/crm/objects/\(date)", associations: "/crm/associations/\(date)")
        }
    }
}
