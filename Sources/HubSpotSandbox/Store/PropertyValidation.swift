import JSONValue

/// One property value HubSpot would refuse, in the form of its `Property values were not valid` answers.
struct PropertyProblem: Error, Sendable {
    var name: String
    var code: String
    var message: String
}

/// The property definitions of one object type, by name, in display order.
public typealias PropertyCatalog = OrderedDictionary<String, PropertyDefinition>

extension PropertyCatalog {
    /// Checks and normalises the `properties` of a create or update the way HubSpot does (hubspot-api.md
    /// §4 value rules): unknown names, read-only values, numbers, booleans, dates at midnight UTC,
    /// date-times, enumeration options (`;`-joined for multi-select) and e-mail addresses. Values become
    /// the strings HubSpot would store; `""` clears.
    func normalise(_ input: PropertyValues, for type: ObjectType, portalId: Int) throws(HubSpotError) -> [(String, String)] {
        var problems: [PropertyProblem] = []
        var output: [(String, String)] = []
        for (name, text) in input {
            guard let definition = self[name], !definition.archived else {
                problems.append(PropertyProblem(name: name, code: "PROPERTY_DOESNT_EXIST", message: "Property \"\(name)\" does not exist"))
                continue
            }
            if definition.readOnlyValue || type.systemProperties.contains(name) {
                problems.append(PropertyProblem(name: name, code: "READ_ONLY_VALUE", message: "\(name) is a read only property; its value cannot be set."))
                continue
            }
            if text.isEmpty { output.append((name, "")); continue }
            switch definition.check(text, objectType: type) {
            case .success(let value): output.append((name, value))
            case .failure(let problem): problems.append(problem)
            }
        }
        if !problems.isEmpty { throw HubSpotError.propertyValues(problems, portalId: portalId) }
        return output + EngagementDerivation.values(from: output, type: type).filter { self[$0.0] != nil }
    }
}

extension PropertyDefinition {
    /// The stored form of `text`, or why HubSpot would refuse it.
    func check(_ text: String, objectType: ObjectType) -> Result<String, PropertyProblem> {
        func fail(_ code: String, _ message: String) -> Result<String, PropertyProblem> {
            .failure(PropertyProblem(name: name, code: code, message: message))
        }
        switch type {
        case .string, .phone_number:
            if name == "email" && objectType.name == "contacts" && !PropertyDefinition.looksLikeEmail(text) {
                return fail("INVALID_EMAIL", "Email address \(text) is invalid")
            }
            return .success(text)
        case .number:
            let t = text.trimmingSpaces
            guard !t.contains(","), let number = Double(t), number.isFinite else {
                return fail("INVALID_INTEGER", "\(text) was not a valid number.")
            }
            return .success(number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number))
        case .bool:
            switch text.lowercased() {
            case "true": return .success("true")
            case "false": return .success("false")
            default: return fail("INVALID_BOOLEAN", "\(text) was not a valid boolean. Valid options are: [true, false]")
            }
        case .date:
            guard let time = Timestamp(parsing: text) else { return fail("INVALID_DATE", "\(text) was not a valid date.") }
            guard time.isMidnightUTC else {
                return fail("INVALID_DATE", "\(text) is at \(time.iso8601), not at midnight UTC: a date property only accepts midnight UTC.")
            }
            return .success(time.isoDate)
        case .datetime:
            guard let time = Timestamp(parsing: text) else { return fail("INVALID_DATE", "\(text) was not a valid date-time.") }
            return .success(time.iso8601)
        case .enumeration:
            let allowed = options.map(\.value)
            let parts = isMultiValued ? text.split(separator: ";", omittingEmptySubsequences: true).map(String.init) : [text]
            for part in parts where !allowed.contains(part) {
                return fail("INVALID_OPTION", "\(part) was not one of the allowed options: [\(allowed.joined(separator: ", "))]")
            }
            return .success(parts.joined(separator: ";"))
        }
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(" ") else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}

extension HubSpotError {
    /// 400 `VALIDATION_ERROR` `Property values were not valid: [...]`, with the embedded JSON array and one
    /// `errors[]` entry per bad property, verbatim in form from hubspot-api.md §7.
    static func propertyValues(_ problems: [PropertyProblem], portalId: Int) -> HubSpotError {
        let embedded: [JSONValue] = problems.map {
            ["isValid": false, "message": .string($0.message), "error": .string($0.code), "name": .string($0.name),
             "localizedErrorMessage": .string($0.message), "portalId": .int(portalId)]
        }
        let errors: [JSONValue] = problems.map {
            ["message": .string($0.message), "code": .string($0.code), "context": ["propertyName": [.string($0.name)]]]
        }
        return .validation("Property values were not valid: \(JSONValue.array(embedded).jsonString)", errors: errors)
    }
}
