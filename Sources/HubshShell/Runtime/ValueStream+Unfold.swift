import JSONValue

extension ValueStream {
    /// A stream whose iterator keeps `State`: made afresh by `state` for each iteration and advanced
    /// by `next` (nil ends the stream). For commands that read files or remember what they have seen.
    static func unfold<State>(state: @escaping @Sendable () -> State,
                              _ next: @escaping @Sendable (inout State) async throws -> JSONValue?) -> ValueStream {
        ValueStream(Unfolded(makeState: state, step: next))
    }
}

private struct Unfolded<State>: AsyncSequence, Sendable {
    let makeState: @Sendable () -> State
    let step: @Sendable (inout State) async throws -> JSONValue?

    func makeAsyncIterator() -> Iterator { Iterator(state: makeState(), step: step) }

    struct Iterator: AsyncIteratorProtocol {
        var state: State
        let step: @Sendable (inout State) async throws -> JSONValue?
        var finished = false

        mutating func next() async throws -> JSONValue? {
            guard !finished else { return nil }
            guard let value = try await step(&state) else {
                finished = true
                return nil
            }
            return value
        }
    }
}
