/// A matching record placed by the sort: its key (`nil` when it has no value), id and position in the table.
struct RankedRecord<Key> {
    var key: Key?
    var id: Int
    var index: Int
}

/// The order of one sort rule over keys of one type: `Double` for numbers, `Int64` milliseconds for
/// dates, `String` for text. Records without the property come last in either direction; ties are broken
/// by id in the rule's direction, so a descending sort is the exact reverse of the ascending one among
/// records that have the property.
struct SearchOrder<Key> {
    /// The key of the record at a position; `nil` when it has no value.
    let key: (Int) -> Key?
    /// -1, 0 or 1.
    let compare: (Key, Key) -> Int
    let descending: Bool

    /// Whether `a` comes before `b`.
    @inline(__always)
    func precedes(_ a: RankedRecord<Key>, _ b: RankedRecord<Key>) -> Bool {
        let comparison: Int
        switch (a.key, b.key) {
        case (nil, nil): comparison = 0
        case (nil, _): return false
        case (_, nil): return true
        case (let x?, let y?): comparison = compare(x, y)
        }
        let ordered = comparison == 0 ? (a.id < b.id ? -1 : 1) : comparison
        return descending ? ordered > 0 : ordered < 0
    }
}

extension SearchOrder<Double> {
    /// Numbers, numerically.
    init(number field: FieldReader, descending: Bool) {
        self.init(key: field.number, compare: { $0 < $1 ? -1 : ($0 == $1 ? 0 : 1) }, descending: descending)
    }
}

extension SearchOrder<Int64> {
    /// Dates, by time.
    init(time field: FieldReader, descending: Bool) {
        self.init(key: field.time, compare: { $0 < $1 ? -1 : ($0 == $1 ? 0 : 1) }, descending: descending)
    }
}

extension SearchOrder<String> {
    /// Text, without case (`caseSensitive` for enumerations).
    init(text field: FieldReader, caseSensitive: Bool, descending: Bool) {
        let compare: (String, String) -> Int = caseSensitive
            ? { a, b in SearchText.compareExact(a, to: b.utf8) }
            : { a, b in SearchText.compareFolded(a, b) }
        self.init(key: field.text, compare: compare, descending: descending)
    }
}

/// The first `capacity` records in a sort order, kept in a bounded heap while the table is scanned,
/// so a page deep into a large result costs O(n log k) and never sorts everything.
struct TopRecords<Key> {
    let capacity: Int
    let order: SearchOrder<Key>
    /// A heap whose root is the last of the kept records.
    private var heap: [RankedRecord<Key>] = []

    init(capacity: Int, order: SearchOrder<Key>) {
        self.capacity = capacity
        self.order = order
        heap.reserveCapacity(min(capacity, 1024))
    }

    /// Offers the matching record at position `index`; it is kept when it belongs among the first `capacity`.
    @inline(__always)
    mutating func offer(id: Int, index: Int) {
        guard capacity > 0 else { return }
        let candidate = RankedRecord(key: order.key(index), id: id, index: index)
        if heap.count < capacity {
            heap.append(candidate)
            siftUp(heap.count - 1)
        } else if order.precedes(candidate, heap[0]) {
            heap[0] = candidate
            siftDown(0)
        }
    }

    /// The kept records, first first.
    func ranked() -> [RankedRecord<Key>] {
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
