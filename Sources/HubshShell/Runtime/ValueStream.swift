import JSONValue

/// What flows between commands: JSON values pulled one at a time, so a slow consumer slows the
/// producer and memory does not grow with the record count.
public struct ValueStream: AsyncSequence, Sendable {
    public typealias Element = JSONValue
    private let make: @Sendable () -> Iterator

    /// Any sequence of JSON values.
    public init<Values: AsyncSequence & Sendable>(_ values: Values) where Values.Element == JSONValue {
        make = {
            let box = IteratorBox(values.makeAsyncIterator())
            return Iterator { try await box.next() }
        }
    }

    /// The values of an array.
    public init(_ values: [JSONValue]) {
        self.init(ArrayValues(values: values))
    }

    /// No values.
    public static let empty = ValueStream([])

    public func makeAsyncIterator() -> Iterator { make() }

    public struct Iterator: AsyncIteratorProtocol {
        let step: () async throws -> JSONValue?
        public mutating func next() async throws -> JSONValue? { try await step() }
    }

    /// The values that pass `isIncluded`.
    public func filter(_ isIncluded: @escaping @Sendable (JSONValue) async throws -> Bool) -> ValueStream {
        compactMap { value in try await isIncluded(value) ? .some(value) : .none }
    }

    /// Each value transformed (`Optional.none` drops it; mind that a bare `nil` may read as JSON null).
    public func compactMap(_ transform: @escaping @Sendable (JSONValue) async throws -> JSONValue?) -> ValueStream {
        let base = self
        return ValueStream(MappedValues(base: base, transform: transform))
    }
}

private final class IteratorBox<Base: AsyncIteratorProtocol>: @unchecked Sendable where Base.Element == JSONValue {
    // Only ever used by the one consumer that owns the stream's iterator.
    var base: Base
    init(_ base: Base) { self.base = base }
    func next() async throws -> JSONValue? { try await base.next() }
}

private struct ArrayValues: AsyncSequence, Sendable {
    let values: [JSONValue]
    func makeAsyncIterator() -> IndexingIterator<[JSONValue]>.AsyncValues { .init(base: values.makeIterator()) }
}

extension IndexingIterator {
    struct AsyncValues: AsyncIteratorProtocol {
        var base: IndexingIterator<Elements>
        mutating func next() async -> Elements.Element? { base.next() }
    }
}

private struct MappedValues: AsyncSequence, Sendable {
    let base: ValueStream
    let transform: @Sendable (JSONValue) async throws -> JSONValue?

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), transform: transform) }

    struct Iterator: AsyncIteratorProtocol {
        var base: ValueStream.Iterator
        let transform: @Sendable (JSONValue) async throws -> JSONValue?
        mutating func next() async throws -> JSONValue? {
            while let value = try await base.next() {
                if let mapped = try await transform(value) { return mapped }
            }
            return nil
        }
    }
}

extension ValueStream {
    /// The same values, the first of them read now: what a stage learns from the first value (the
    /// property names a file's rows carry) is known before it starts on the rest. One pass only.
    func readingFirst() async throws -> ValueStream {
        var iterator = makeAsyncIterator()
        let first = try await iterator.next()
        let rest = IteratorBox(iterator)
        let held = FirstValue(first)
        return ValueStream(AfterFirst(first: held, rest: rest))
    }
}

/// The value a `readingFirst` stream read ahead, handed on once.
private final class FirstValue: @unchecked Sendable {
    // Only ever used by the one consumer that owns the stream's iterator.
    private var value: JSONValue?
    private var taken = false
    init(_ value: JSONValue?) { self.value = value }
    /// The value read ahead the first time (`.some(nil)` when the stream was empty); nil after.
    func take() -> JSONValue?? {
        guard !taken else { return nil }
        taken = true
        return .some(value)
    }
}

private struct AfterFirst: AsyncSequence, Sendable {
    let first: FirstValue
    let rest: IteratorBox<ValueStream.Iterator>

    func makeAsyncIterator() -> Iterator { Iterator(first: first, rest: rest) }

    struct Iterator: AsyncIteratorProtocol {
        let first: FirstValue
        let rest: IteratorBox<ValueStream.Iterator>
        mutating func next() async throws -> JSONValue? {
            if let value = first.take() { return value == nil ? nil : value }
            return try await rest.next()
        }
    }
}
