extension Clause {
    /// `props a,b`: the properties a read returns (search, get), declared once for both.
    static let props = Clause("props", "the properties to return", .propertyList)
}
