import HubSpotAPI
import HubshLanguage

extension ValueFacts {
    /// Lists of at most this many values are written out in a message; longer ones are counted.
    static let listedValues = 12

    /// `text` typed for `definition`, checked against its type and mapped to what HubSpot takes: an
    /// option's label to its value, an owner's e-mail or name to the owner's id, a stage's label to its
    /// id (within `pipeline`, a pipeline id, when given), a date to epoch milliseconds. A day typed for
    /// a date-time property is the whole day in a `where` (`.day`), its first millisecond in a write.
    /// Empty text and types hubsh does not check (strings, phone numbers) pass as they are.
    func resolve(_ text: String, for definition: PropertyDefinition, pipeline: String? = nil,
                 forWrite: Bool = false) throws(ValueProblem) -> TypedValue {
        guard !text.isEmpty else { return .text(text) }
        switch definition.type {
        case "number": return .text(try number(text, definition))
        case "bool": return .text(try bool(text, definition))
        case "date": return .text(try date(text, definition, forWrite: forWrite))
        case "datetime": return try dateTime(text, definition, forWrite: forWrite)
        case "enumeration":
            if definition.refersToOwners { return .text(try owner(text, definition)) }
            if isStage(definition), pipelines != nil { return .text(try stage(text, definition, pipeline: pipeline)) }
            let choices = self.choices(of: definition)
            guard definition.isMultiSelect else { return .text(try option(text, definition.name, choices)) }
            var values: [String] = []
            for part in text.split(separator: ";", omittingEmptySubsequences: false) {
                values.append(try option(String(part), definition.name, choices))
            }
            return .text(values.joined(separator: ";"))
        default:
            return .text(text)
        }
    }

    /// The pipeline id `text` names (by id or label), if it names one.
    func pipelineId(_ text: String) -> String? {
        guard let definition = definitions[pipelineProperty] else { return nil }
        return try? option(text, definition.name, choices(of: definition))
    }

    /// An enumeration's values and labels: its options, or for the pipeline property without options
    /// the type's pipelines.
    private func choices(of definition: PropertyDefinition) -> [(value: String, label: String)] {
        if definition.options.isEmpty, isPipeline(definition), let pipelines {
            return pipelines.map { ($0.id, $0.label) }
        }
        return definition.options.map { ($0.value, $0.label) }
    }

    /// The option `text` names: its value exactly, else its value or label ignoring case. No options
    /// (HubSpot keeps them elsewhere): not checked.
    private func option(_ text: String, _ property: String, _ choices: [(value: String, label: String)]) throws(ValueProblem) -> String {
        guard !choices.isEmpty, !choices.contains(where: { $0.value == text }) else { return text }
        let lowered = text.lowercased()
        if let match = choices.first(where: { $0.value.lowercased() == lowered }) ?? choices.first(where: { $0.label.lowercased() == lowered }) {
            return match.value
        }
        throw Self.unknown("\(property) has no value '\(text)'", text, choices)
    }

    private func number(_ text: String, _ definition: PropertyDefinition) throws(ValueProblem) -> String {
        if text.contains(","), Self.isNumber(text.replacing(",", with: "")) {
            throw ValueProblem(message: "'\(text)' has a comma; HubSpot numbers take none", suggestion: "write \(text.replacing(",", with: ""))")
        }
        guard Self.isNumber(text) else {
            throw ValueProblem(message: "'\(text)' is not a number, and \(definition.name) is a number property")
        }
        return text
    }

    /// Whether `text` is a decimal number: `12`, `-3.5`, `.5`, `1e6`.
    static func isNumber(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "-" || chars.first == "+" { chars.removeFirst() }
        var digits = 0
        var point = false
        while let c = chars.first, c.isASCII, c.isNumber || (c == "." && !point) {
            if c == "." { point = true } else { digits += 1 }
            chars.removeFirst()
        }
        guard digits > 0 else { return false }
        if chars.first == "e" || chars.first == "E" {
            chars.removeFirst()
            if chars.first == "-" || chars.first == "+" { chars.removeFirst() }
            guard !chars.isEmpty, chars.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            return true
        }
        return chars.isEmpty
    }

    private func bool(_ text: String, _ definition: PropertyDefinition) throws(ValueProblem) -> String {
        switch text.lowercased() {
        case "true", "yes", "y", "1", "on": return "true"
        case "false", "no", "n", "0", "off": return "false"
        default:
            if let option = definition.options.first(where: { $0.label.lowercased() == text.lowercased() }) { return option.value }
            throw ValueProblem(message: "'\(text)' is neither true nor false, and \(definition.name) is a yes/no property",
                               suggestion: Suggest.didYouMean(text, in: ["true", "false", "yes", "no"]))
        }
    }

    /// A `date` property holds a day at midnight UTC: a day is that midnight, in epoch milliseconds.
    private func date(_ text: String, _ definition: PropertyDefinition, forWrite: Bool) throws(ValueProblem) -> String {
        guard let date = DateText(text), let span = date.span(in: .utc) else {
            throw ValueProblem(message: "'\(text)' is not a date; \(definition.name) takes a day, YYYY-MM-DD")
        }
        if forWrite, span.first % 86_400_000 != 0 {
            throw ValueProblem(message: "'\(text)' is not a day; \(definition.name) is a date property and holds a day (write YYYY-MM-DD)")
        }
        return String(span.first)
    }

    private func dateTime(_ text: String, _ definition: PropertyDefinition, forWrite: Bool) throws(ValueProblem) -> TypedValue {
        guard let date = DateText(text), let span = date.span(in: zone) else {
            throw ValueProblem(message: "'\(text)' is not a date; \(definition.name) takes YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM] "
                               + "or epoch milliseconds (in \(zone.name) unless a zone is given)")
        }
        if case .day = date, !forWrite { return .day(first: span.first, last: span.last) }
        return .text(String(span.first))
    }

    /// An owner by id (as it is), e-mail or name.
    private func owner(_ text: String, _ definition: PropertyDefinition) throws(ValueProblem) -> String {
        if text.allSatisfy({ $0.isASCII && $0.isNumber }) { return text }
        guard let owners else {
            throw ValueProblem(message: "cannot look up the owner '\(text)': \(ownersProblem ?? "the owners could not be read")",
                               suggestion: "write the owner's id")
        }
        let lowered = text.lowercased()
        if let owner = owners.first(where: { $0.email?.lowercased() == lowered }) { return owner.id }
        let named = owners.filter { $0.displayName.lowercased() == lowered }
        if named.count == 1 { return named[0].id }
        let choices = owners.map { ($0.email ?? $0.id, $0.displayName) }
        if named.count > 1 {
            throw ValueProblem(message: "\(named.count) owners are called '\(text)': "
                               + named.map { "\($0.email ?? $0.id) (\($0.id))" }.joined(separator: ", "), suggestion: "write the owner's e-mail or id")
        }
        throw Self.unknown("no owner '\(text)' in this account", text, choices, noun: "owners")
    }

    /// A pipeline stage by id, or by label within `pipeline` (else within every pipeline, when the
    /// label names one stage).
    private func stage(_ text: String, _ definition: PropertyDefinition, pipeline scope: String?) throws(ValueProblem) -> String {
        let all = pipelines ?? []
        let scoped = scope.map { id in all.filter { $0.id == id } } ?? all
        let stages = scoped.flatMap { pipeline in pipeline.stages.map { (pipeline: pipeline, stage: $0) } }
        if stages.contains(where: { $0.stage.id == text }) { return text }
        if scope == nil, definition.options.contains(where: { $0.value == text }) { return text }
        let lowered = text.lowercased()
        let matches = stages.filter { $0.stage.id.lowercased() == lowered || $0.stage.label.lowercased() == lowered }
        var ids: [String] = []
        for match in matches where !ids.contains(match.stage.id) { ids.append(match.stage.id) }
        if ids.count == 1 { return ids[0] }
        if ids.count > 1 {
            let listed = matches.map { "\($0.stage.id) (\($0.pipeline.label))" }.joined(separator: ", ")
            throw ValueProblem(message: "'\(text)' is a stage of several \(objectType) pipelines: \(listed)",
                               suggestion: "write the stage's id, or name the pipeline too (\(pipelineProperty) = …)")
        }
        let place = scope.flatMap { id in all.first { $0.id == id } }.map { " in pipeline \($0.label)" } ?? ""
        let choices = stages.map { ($0.stage.id, $0.stage.label) }
        throw Self.unknown("\(definition.name) has no stage '\(text)'\(place)", text, choices, noun: "stages")
    }

    /// A value that is not one of `choices`: the choices listed when few, the closest offered.
    private static func unknown(_ message: String, _ text: String, _ choices: [(value: String, label: String)],
                                noun: String = "values") -> ValueProblem {
        let suggestion = Suggest.didYouMeanName(text, in: choices.flatMap { [$0.value, $0.label] })
        let listed: String
        if choices.count <= listedValues {
            listed = "; the \(noun) are " + choices.map { choice in
                simplified(choice.label) == simplified(choice.value) ? choice.value : "\(choice.value) (\(choice.label))"
            }.joined(separator: ", ")
        } else {
            listed = " (\(choices.count) \(noun))"
        }
        return ValueProblem(message: message + listed, suggestion: suggestion, mayBeNew: true)
    }

    /// Letters and digits only, lowercased: `Closed won` and `closedwon` say the same.
    static func simplified(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }
}
