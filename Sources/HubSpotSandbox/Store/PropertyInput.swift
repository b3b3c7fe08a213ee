/// A property definition body: `PropertyCreate`, `PropertyUpdate` or a schema's `ObjectTypePropertyCreate`
/// (hubspot-api.md §3–§4), decoded (`PropertyInput+Wire.swift`). Every text field is `nil` when absent
/// or not text; what a create or update requires of it is checked by `PropertyDefinition+Input.swift`.
struct PropertyInput: Sendable {
    var name: String?
    var label: String?
    var type: String?
    var fieldType: String?
    /// Whether the body has a `fieldType` member at all (`null` included): a type change then keeps the
    /// stored field type instead of taking the new type's default.
    var namesFieldType = false
    var groupName: String?
    var description: String?
    /// The options given, `nil` for one without a label and a value; `nil` when the body has no `options`
    /// member (an explicit `null` is an empty list).
    var options: [PropertyOption?]?
    var displayOrder: Int?
    var hasUniqueValue: Bool?
    var hidden: Bool?
    var formField: Bool?
}

/// A property group body: `PropertyGroupCreate` or `PropertyGroupUpdate`.
struct PropertyGroupInput: Sendable {
    var name: String?
    var label: String?
    var displayOrder: Int?
}

/// A properties batch read or archive: each input's name (`nil` where an input names none), and the
/// body's `archived` when given.
struct PropertyNamesInput: Sendable {
    var names: [String?]
    var archived: Bool?
}
