import HubSpotAPI
import JSONValue

/// A dry run of a write, one chunk of inputs (at most a batch call's 100) at a time: each input is
/// checked as the real run checks it before sending (`BulkInputCheck`: values by the property
/// definitions, the id or key), and as HubSpot would refuse it (a property it does not have, what a
/// create requires, a unique value another record holds); the records an update, upsert or archive
/// touches are read, by one batch read per chunk, so each value shows what they hold now. Nothing is
/// written. Each input gives one value: the fields a dry run always had (`dryRun`, `operation`,
/// `objectType`, `id`, `properties`) and `status` (`would create`, `would update`, `would archive`,
/// `unchanged`, `failed`), with `current`, `changes`, `error`, `note` and `line` where they apply.
struct WritePreview: Sendable {
    let operation: BulkOperation
    let encoder: PropertyValueEncoder?
    /// Reads what the records hold now; nil without a connection (nothing is read then).
    let client: HubSpotClient?

    var check: BulkInputCheck { BulkInputCheck(operation: operation, encoder: encoder) }

    /// One input as checked: its key and encoded properties, or why it would fail.
    private struct Checked {
        var input: JSONValue
        var key: String?
        var properties: JSONObject = [:]
        var error: String?
    }

    /// The values of one chunk of inputs, in order.
    func values(_ chunk: [JSONValue]) async throws -> [JSONValue] {
        let checked = chunk.map(checked)
        let current = try await currentRecords(checked)
        let taken = try await takenUniqueValues(checked, current: current)
        return checked.map { value($0, current: current, taken: taken) }
    }

    private func checked(_ input: JSONValue) -> Checked {
        let bulk = BulkInput(id: input["id"]?.scalarText, properties: input["properties"]?.objectValue ?? [:])
        var item = Checked(input: input)
        do {
            (item.key, item.properties) = try check.prepare(bulk)
        } catch {
            item.error = error.summary
            return item
        }
        if case .archive = operation { return item }
        if let unknown = encoder?.unknownNames(item.properties), !unknown.isEmpty {
            item.error = "\(operation.objectType) has no property \(unknown.joined(separator: ", ")) (HubSpot refuses it)"
        } else if case .create = operation, let missing = check.missingRequired(item.properties) {
            item.error = missing
        }
        return item
    }

    /// The property an update, upsert or archive matches records on (nil: the id).
    private var idProperty: String? {
        if case .upsert(_, let property) = operation, property != "hs_object_id" { return property }
        return nil
    }

    /// What the records the chunk updates, upserts or archives hold now, by key (unique values by
    /// lower case); a create reads nothing.
    private func currentRecords(_ checked: [Checked]) async throws -> [String: CRMRecord] {
        guard let client else { return [:] }
        switch operation {
        case .update, .upsert, .archive: break
        case .create, .associate, .unassociate: return [:]
        }
        var keys: [String] = []
        var seen: Set<String> = []
        var names: Set<String> = []
        for item in checked where item.error == nil {
            guard let key = item.key, seen.insert(normalized(key)).inserted else { continue }
            keys.append(key)
            names.formUnion(item.properties.keys)
        }
        guard !keys.isEmpty else { return [:] }
        if let idProperty { names.insert(idProperty) }
        // An archive shows the record's default properties: what is about to go.
        let properties = operation.verb == "archive" ? [] : names.sorted()
        let response = try await client.batchRead(operation.objectType, ids: keys, properties: properties, idProperty: idProperty)
        var found: [String: CRMRecord] = [:]
        for record in response.results {
            let key = idProperty.map { record[property: $0] ?? "" } ?? record.id
            found[normalized(key)] = record
        }
        return found
    }

    /// The unique values (contacts' email, custom unique properties) the chunk's creates carry that
    /// another record holds already: `name\u{0}value` → that record's id.
    private func takenUniqueValues(_ checked: [Checked], current: [String: CRMRecord]) async throws -> [String: String] {
        guard let client, let encoder else { return [:] }
        var names = encoder.uniqueNames
        if case .create(_, let unique?) = operation, !names.contains(unique) { names.append(unique) }
        var taken: [String: String] = [:]
        for name in names {
            var values: [String] = []
            for item in checked where item.error == nil && creates(item, current: current) {
                if let value = item.properties[name]?.stringValue, !value.isEmpty, !values.contains(value) { values.append(value) }
            }
            guard !values.isEmpty else { continue }
            let response = try await client.batchRead(operation.objectType, ids: values, properties: [name], idProperty: name)
            for record in response.results {
                if let value = record[property: name] { taken[name + "\u{0}" + value.lowercased()] = record.id }
            }
        }
        return taken
    }

    /// Whether the input would make a new record: a create, or an upsert whose key matches none.
    private func creates(_ item: Checked, current: [String: CRMRecord]) -> Bool {
        switch operation {
        case .create: return true
        case .upsert: return client != nil && item.key.map { current[normalized($0)] == nil } == true
        default: return false
        }
    }

    private func normalized(_ key: String) -> String { idProperty == nil ? key : key.lowercased() }

    /// The value the dry run yields for one input.
    private func value(_ item: Checked, current: [String: CRMRecord], taken: [String: String]) -> JSONValue {
        let input = item.input
        // The status leads, as in a write's results; it is set below.
        var plan: JSONObject = ["status": .null, "dryRun": true, "operation": .string(operation.verb), "objectType": .string(operation.objectType)]
        if let id = input["id"], !id.isNull { plan["id"] = id }
        // An archive sends ids only.
        if operation.verb != "archive", let properties = input["properties"], properties.objectValue?.isEmpty == false {
            plan["properties"] = properties
        }
        if let line = input["line"]?.intValue { plan["line"] = .int(line) }
        func failed(_ error: String) -> JSONValue {
            plan["status"] = "failed"
            plan["error"] = .string(error)
            return .object(plan)
        }
        if let error = item.error { return failed(error) }
        let record = item.key.flatMap { current[normalized($0)] }
        switch operation {
        case .create, .upsert where client != nil && record == nil:
            for (name, value) in item.properties.sorted(by: { $0.key < $1.key }) {
                guard let text = value.stringValue, let holder = taken[name + "\u{0}" + text.lowercased()] else { continue }
                return failed("\(operation.objectType) record \(holder) already has \(name) \(text) (HubSpot refuses a second)")
            }
            if case .upsert = operation, let missing = check.missingRequired(item.properties) { return failed(missing) }
            plan["status"] = "would create"
        case .archive:
            plan["status"] = "would archive"
            if let record {
                plan["current"] = .object(record.properties)
            } else if client != nil {
                plan["note"] = "no such record: HubSpot archives nothing and says nothing"
            }
        case .update, .upsert:
            guard let record else {
                if client == nil {
                    plan["status"] = .string("would \(operation.verb)")
                    return .object(plan)
                }
                return failed("no \(operation.objectType) record \(item.key ?? "")")
            }
            if case .upsert = operation { plan["recordId"] = .string(record.id) }
            var held: JSONObject = [:]
            var changes: [String] = []
            for (name, value) in item.properties.sorted(by: { $0.key < $1.key }) where name != idProperty {
                let now = record[property: name]
                held[name] = now.map(JSONValue.string) ?? .null
                let new = value.stringValue ?? ""
                let same = encoder?.isSame(name, current: now, new: new) ?? ((now ?? "") == new)
                if !same { changes.append("\(name): \(Self.shown(now)) → \(Self.shown(new))") }
            }
            plan["status"] = changes.isEmpty ? "unchanged" : "would update"
            // What changes comes before the values as they are: a table cuts the later, wider cell first.
            if !changes.isEmpty { plan["changes"] = .string(changes.joined(separator: "; ")) }
            plan["current"] = .object(held)
        case .associate:
            plan["status"] = "would associate"
        case .unassociate:
            plan["status"] = "would unassociate"
        }
        return .object(plan)
    }

    /// A value as a person reads it in `changes`: empty shown as such.
    static func shown(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "(empty)" }
        return text
    }
}
