import HubSpotAPI
import JSONValue

/// Piped keys (ids, unique values) read in chunks of a batch call's size, each chunk turned into
/// values by one call, the values yielded in input order: how `get` and `associations` stream.
struct ChunkedValues: AsyncSequence, Sendable {
    let keys: ValueStream
    let expand: @Sendable ([String]) async throws -> [JSONValue]

    func makeAsyncIterator() -> Iterator { Iterator(keys: keys.makeAsyncIterator(), expand: expand) }

    struct Iterator: AsyncIteratorProtocol {
        var keys: ValueStream.Iterator
        let expand: @Sendable ([String]) async throws -> [JSONValue]
        var ready: [JSONValue] = []
        var done = false

        mutating func next() async throws -> JSONValue? {
            while ready.isEmpty, !done {
                var chunk: [String] = []
                while chunk.count < HubSpotClient.batchLimit {
                    guard let key = try await keys.next() else {
                        done = true
                        break
                    }
                    if let text = key.stringValue { chunk.append(text) }
                }
                if !chunk.isEmpty { ready = try await expand(chunk).reversed() }
            }
            return ready.popLast()
        }
    }
}
