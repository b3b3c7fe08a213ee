/// Where a record's value of one property comes from. The system properties that
/// `StoredRecord.value(of:in:)` derives are read from the record's fields directly (see `FieldReader`),
/// so filtering and sorting on them builds no strings.
enum FieldSource: Sendable {
    case id
    case createdAt
    case updatedAt
    case stored(String)

    init(_ name: String, _ type: ObjectType) {
        switch name {
        case "hs_object_id": self = .id
        case type.createDateProperty: self = .createdAt
        case type.lastModifiedProperty: self = .updatedAt
        default: self = .stored(name)
        }
    }
}

/// Reads one property of a table's records by position, through closures chosen once per request: a
/// stored property from its cached column, a derived system property from the record's fields. A scan
/// thus neither hashes the property name nor copies a record per row.
struct FieldReader {
    /// The value as text, as `StoredRecord.value(of:in:)` gives it.
    let text: (Int) -> String?
    /// Whether the record has a value (stored values are never empty).
    let has: (Int) -> Bool
    /// The value as a number; `nil` when missing or not a number.
    let number: (Int) -> Double?
    /// The value as epoch milliseconds; `nil` when missing or not a date.
    let time: (Int) -> Int64?

    init(_ source: FieldSource, in table: SearchTable) {
        let records = table.records
        switch source {
        case .id:
            text = { String(records[$0].id) }
            has = { _ in true }
            number = { Double(records[$0].id) }
            time = { Int64(records[$0].id) }
        case .createdAt:
            text = { records[$0].createdAt.iso8601 }
            has = { _ in true }
            number = { Double(records[$0].createdAt.milliseconds) }
            time = { records[$0].createdAt.milliseconds }
        case .updatedAt:
            text = { records[$0].updatedAt.iso8601 }
            has = { _ in true }
            number = { Double(records[$0].updatedAt.milliseconds) }
            time = { records[$0].updatedAt.milliseconds }
        case .stored(let name):
            let values = table.column(name)
            text = { values[$0] }
            has = { values[$0] != nil }
            number = { values[$0].flatMap { Double($0) } }
            time = { values[$0].flatMap(SearchTime.milliseconds) }
        }
    }
}

/// How the values of a property compare, from its definition's type.
enum FieldKind: Sendable, Equatable {
    /// Numerically (`number`).
    case number
    /// By time (`date`, `datetime`).
    case time
    /// As text without case (`string`, `bool`, `phone_number`, and properties that do not exist).
    case text
    /// As text with case (`enumeration`); a multi-select value matches when one of its options does.
    case enumeration(multiple: Bool)

    init(_ source: FieldSource, _ definition: PropertyDefinition?) {
        switch source {
        case .id: self = .number
        case .createdAt, .updatedAt: self = .time
        case .stored:
            switch definition?.type {
            case .number: self = .number
            case .date, .datetime: self = .time
            case .enumeration: self = .enumeration(multiple: definition?.isMultiValued ?? false)
            default: self = .text
            }
        }
    }
}

/// Reading stored dates fast: `date` values are kept as `YYYY-MM-DD` and `datetime` values as
/// `YYYY-MM-DDTHH:MM:SS.mmmZ`; those two forms are read without allocating, anything else by
/// `Timestamp(parsing:)`.
enum SearchTime {
    /// Epoch milliseconds of a stored date or date-time value.
    static func milliseconds(_ text: String) -> Int64? {
        let fast: Int64?? = text.utf8.withContiguousStorageIfAvailable { canonical($0) }
        if let fast = fast ?? nil { return fast }
        return Timestamp(parsing: text)?.milliseconds
    }

    /// The two canonical forms, or `nil` for anything else.
    private static func canonical(_ u: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard u.count == 10 || (u.count == 24 && u[10] == 84 && u[13] == 58 && u[16] == 58 && u[19] == 46 && u[23] == 90),
            u[4] == 45, u[7] == 45
        else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int64? {
            var value: Int64 = 0
            for i in from..<(from + count) {
                let d = u[i] &- 48
                guard d < 10 else { return nil }
                value = value * 10 + Int64(d)
            }
            return value
        }
        guard let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2), (1...12).contains(m), (1...31).contains(d) else { return nil }
        let day = Timestamp.days(fromCivil: y, m, d) * 86_400_000
        if u.count == 10 { return day }
        guard let h = digits(11, 2), let mi = digits(14, 2), let s = digits(17, 2), let ms = digits(20, 3) else { return nil }
        return day + ((h * 60 + mi) * 60 + s) * 1000 + ms
    }
}
