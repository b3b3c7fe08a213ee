import JSONValue

/// A property group (hubspot-api.md §4): the heading properties are listed under in HubSpot.
public struct PropertyGroup: Sendable, Hashable {
    /// The group exactly as received.
    public let json: JSONObject
    /// The internal name properties refer to in `groupName`.
    public var name: String
    public var label: String
    public var displayOrder: Int
    public var archived: Bool

    /// Reads a group; refuses JSON without a `name`.
    public init(_ json: JSONValue) throws(HubSpotAPIError) {
        let (object, name) = try json.identified(by: "name", \.stringValue, else: "a property group without a name")
        self.json = object
        self.name = name
        label = object["label"]?.stringValue ?? name
        displayOrder = object["displayOrder"]?.intValue ?? -1
        archived = object["archived"]?.boolValue ?? false
    }
}
