/// One row an import refused (`PublicImportError`).
struct ImportError: Sendable {
    let id: String
    /// INVALID_PROPERTY_VALUE, DUPLICATE_VALUE, UNKNOWN_OBJECT_VALUE, INCORRECT_NUMBER_OF_COLUMNS.
    let kind: String
    let message: String
    /// Milliseconds since 1970.
    let createdAt: Int
    /// The type's singular name, upper-cased.
    let objectType: String
    let objectTypeId: String
    /// The row's line in the file (the header is line 1).
    let line: Int
    let cells: [String]
    /// The value the message quotes, if any.
    let invalidValue: String?
}

/// A page of an import's refused rows.
struct ImportErrorPage: Sendable {
    let results: [ImportError]
    /// Where the next page starts; nil on the last.
    let nextAfter: Int?
}
