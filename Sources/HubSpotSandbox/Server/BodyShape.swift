import JSONValue

/// What an endpoint's JSON body must look like: the kind of value at each place the endpoint reads, as
/// HubSpot's typed inputs check it when they read the body (a `properties` that is not an object is
/// refused before anything is written). Members a shape does not name are not checked, as HubSpot
/// ignores unknown fields; `null` stands for a value left out wherever a member is optional.
indirect enum BodyShape: Sendable {
    /// Anything.
    case any
    /// A string.
    case string
    /// A string, number or boolean: HubSpot reads these as text (ids, property values).
    case scalar
    /// A whole number, or a string of one.
    case integer
    /// `true` or `false`, or a string of one.
    case boolean
    /// An object whose named members have the given shapes.
    case object([String: BodyShape])
    /// An object whose every value has the shape (e.g. `properties`).
    case map(BodyShape)
    /// An array whose every element has the shape.
    case array(BodyShape)
    /// A value of either shape.
    case either(BodyShape, BodyShape)
    /// The shape, named for messages (`a property value`).
    case described(String, BodyShape)

    /// The first place in `value` (in document order) that does not have this shape, or nil.
    func mismatch(in value: JSONValue) -> BodyShapeMismatch? {
        mismatch(in: value, at: [])
    }

    private func mismatch(in value: JSONValue, at path: [JSONPathComponent]) -> BodyShapeMismatch? {
        if case .null = value, !path.isEmpty { return nil }
        switch self {
        case .any:
            return nil
        case .string:
            if case .string = value { return nil }
        case .scalar:
            switch value {
            case .string, .int, .double, .bool: return nil
            default: break
            }
        case .integer:
            switch value {
            case .int: return nil
            case .double(let number) where number.rounded() == number: return nil
            case .string(let text) where Int(text) != nil: return nil
            default: break
            }
        case .boolean:
            switch value {
            case .bool: return nil
            case .string(let text) where ["true", "false"].contains(text.lowercased()): return nil
            default: break
            }
        case .object(let members):
            guard let object = value.objectValue else { break }
            for (name, member) in object {
                if let shape = members[name], let problem = shape.mismatch(in: member, at: path + [.key(name)]) { return problem }
            }
            return nil
        case .map(let shape):
            guard let object = value.objectValue else { break }
            for (name, member) in object {
                if let problem = shape.mismatch(in: member, at: path + [.key(name)]) { return problem }
            }
            return nil
        case .array(let shape):
            guard let array = value.arrayValue else { break }
            for (index, element) in array.enumerated() {
                if let problem = shape.mismatch(in: element, at: path + [.index(index)]) { return problem }
            }
            return nil
        case .either(let first, let second):
            guard let problem = first.mismatch(in: value, at: path) else { return nil }
            guard let other = second.mismatch(in: value, at: path) else { return nil }
            // The deeper problem says more (an element of the right array that is wrong).
            if other.path.count > problem.path.count { return other }
            if problem.path.count > path.count { return problem }
        case .described(let description, let shape):
            guard var problem = shape.mismatch(in: value, at: path) else { return nil }
            if problem.path == path { problem.expected = description }
            return problem
        }
        return BodyShapeMismatch(path: path, expected: expectation, found: Self.kind(of: value))
    }

    /// The shape as a person reads it in an error message.
    var expectation: String {
        switch self {
        case .any: "a value"
        case .string: "a string"
        case .scalar: "a string, number or boolean"
        case .integer: "a whole number"
        case .boolean: "true or false"
        case .object: "an object"
        case .map(let shape): "an object of \(shape.plural)"
        case .array(let shape): "an array of \(shape.plural)"
        case .either(let first, let second): "\(first.expectation), or \(second.expectation)"
        case .described(let description, _): description
        }
    }

    private var plural: String {
        switch self {
        case .any: "values"
        case .string: "strings"
        case .scalar: "strings, numbers or booleans"
        case .integer: "whole numbers"
        case .boolean: "booleans"
        case .object, .map: "objects"
        case .array(let shape): "arrays of \(shape.plural)"
        case .either(let first, let second): "\(first.plural) or \(second.plural)"
        case .described(let description, _): description
        }
    }

    /// The kind of a JSON value, for "found" in a message.
    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One step into a JSON document: an object member or an array element.
enum JSONPathComponent: Sendable, Hashable {
    case key(String)
    case index(Int)
}

/// Where a body leaves its shape, and what was expected and found there.
struct BodyShapeMismatch: Sendable, Hashable {
    /// The place, from the top of the body (empty: the body itself).
    var path: [JSONPathComponent]
    var expected: String
    var found: String

    /// `properties`, `inputs[2].properties`, or "the body" for the top.
    var place: String {
        guard !path.isEmpty else { return "the body" }
        var text = ""
        for component in path {
            switch component {
            case .key(let name): text += text.isEmpty ? name : ".\(name)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// E.g. `properties must be an object of strings, numbers or booleans, not a string`.
    var message: String { "\(place) must be \(expected), not \(found)" }
}
