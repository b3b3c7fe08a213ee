/// The table one search reads: its records, in table order, and a column per stored property (every
/// record's value by position, from `RecordTable.column(_:)`). Tests and sort keys take a record's
/// position, so a scan reads values from contiguous columns and never copies a record.
struct SearchTable {
    /// Every record of the table, archived ones and holes (id 0) included.
    let records: [StoredRecord]
    /// The column of one stored property.
    let column: (String) -> [String?]

}
