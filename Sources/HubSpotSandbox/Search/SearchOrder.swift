/// A record's value of the sort property, read once when the record matches.
enum SortKey {
    case missing
    case number(Double)
    case time(Int64)
    case text(String)
}

/// A matching record placed by the sort: its key, id and position in the table.
struct RankedRecord {
    var key: SortKey
    var id: Int
    var index: Int
}

/// The order of one sort rule. Numbers compare numerically, dates by time, everything else as text
/// without case (enumerations with case). Records without the property come last in either direction;
/// ties are broken by id in the rule's direction, so a descending sort is the exact reverse of the
/// ascending one among records that have the property.
struct SearchOrder {
    let source: FieldSource
    let kind: FieldKind
    let descending: Bool

    /// The record's key.
    @inline(__always)
    func key(_ record: StoredRecord) -> SortKey {
        switch kind {
        case .number: source.number(record).map(SortKey.number) ?? .missing
        case .time: source.time(record).map(SortKey.time) ?? .missing
        case .text, .enumeration: source.text(record).map(SortKey.text) ?? .missing
        }
    }

    /// Whether `a` comes before `b`.
    func precedes(_ a: RankedRecord, _ b: RankedRecord) -> Bool {
        let comparison: Int
        switch (a.key, b.key) {
        case (.missing, .missing): comparison = 0
        case (.missing, _): return false
        case (_, .missing): return true
        case (.number(let x), .number(let y)): comparison = x < y ? -1 : (x == y ? 0 : 1)
        case (.time(let x), .time(let y)): comparison = x < y ? -1 : (x == y ? 0 : 1)
        case (.text(let x), .text(let y)):
            comparison = kind == .text ? SearchText.compareFolded(x, y) : SearchText.compareExact(x, to: y.utf8)
        default: comparison = 0
        }
        let ordered = comparison == 0 ? (a.id < b.id ? -1 : 1) : comparison
        return descending ? ordered > 0 : ordered < 0
    }
}

/// The first `capacity` records in a sort order, kept in a bounded heap while the table is scanned,
/// so a page deep into a large result costs O(n log k) and never sorts everything.
struct TopRecords {
    let capacity: Int
    let order: SearchOrder
    /// A heap whose root is the last of the kept records.
    private var heap: [RankedRecord] = []

    init(capacity: Int, order: SearchOrder) {
        self.capacity = capacity
        self.order = order
        heap.reserveCapacity(min(capacity, 1024))
    }

    /// Offers a matching record; it is kept when it belongs among the first `capacity`.
    @inline(__always)
    mutating func offer(_ record: StoredRecord, index: Int) {
        guard capacity > 0 else { return }
        let candidate = RankedRecord(key: order.key(record), id: record.id, index: index)
        if heap.count < capacity {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if order.precedes(candidate, heap[0]) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// The kept records, first first.
    func ranked() -> [RankedRecord] {
        heap.sorted(by: order.precedes)
    }

    /// Moves the element at `index` up while it comes after its parent.
    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard order.precedes(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    /// Moves the element at `index` down while a child comes after it.
    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var last = left
            if left + 1 < heap.count, order.precedes(heap[left], heap[left + 1]) { last = left + 1 }
            guard order.precedes(heap[parent], heap[last]) else { return }
            heap.swapAt(parent, last)
            parent = last
        }
    }
}
