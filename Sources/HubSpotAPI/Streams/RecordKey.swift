/// An `hs_object_id` ordered as the number it is: ids are digit strings of any length, so a longer id
/// is the larger one.
struct RecordKey: Comparable, Hashable, Sendable, CustomStringConvertible {
    let text: String

    init(_ text: String) {
        let digits = text.drop { $0 == "0" }
        self.text = digits.isEmpty ? "0" : String(digits)
    }

    /// The key of a record: its `hs_object_id`, else its id (the same number).
    init(of record: CRMRecord) { self.init(record[property: "hs_object_id"] ?? record.id) }

    static func < (a: RecordKey, b: RecordKey) -> Bool {
        a.text.count != b.text.count ? a.text.count < b.text.count : a.text < b.text
    }

    var description: String { text }
}
