/// Records of a paged HubSpot answer as an `AsyncSequence`. While the consumer works through one page
/// the next is already being fetched; at most two pages are held, whatever the record count. Dropping
/// the iterator cancels the fetch under way.
public struct PagedStream<Element: Sendable, Cursor: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page at a cursor and returns its elements and the next cursor (nil on the last page).
    public typealias Fetch = @Sendable (Cursor) async throws -> (elements: [Element], next: Cursor?)

    let start: Cursor
    let fetch: Fetch

    public init(start: Cursor, fetch: @escaping Fetch) {
        self.start = start
        self.fetch = fetch
    }

    public func makeAsyncIterator() -> Iterator { Iterator(start: start, fetch: fetch) }

    public struct Iterator: AsyncIteratorProtocol {
        let fetch: Fetch
        var buffer: [Element] = []
        var index = 0
        let prefetch = Prefetch()
        var pending: Task<(elements: [Element], next: Cursor?), any Error>? {
            get { prefetch.task }
            nonmutating set { prefetch.task = newValue }
        }

        init(start: Cursor, fetch: @escaping Fetch) {
            self.fetch = fetch
            pending = Task { try await fetch(start) }
        }

        /// The fetch under way, cancelled when the iterator goes away (a consumer that stopped early).
        final class Prefetch {
            var task: Task<(elements: [Element], next: Cursor?), any Error>?
            deinit { task?.cancel() }
        }

        public mutating func next() async throws -> Element? {
            while index >= buffer.count {
                guard let task = pending else { return nil }
                pending = nil
                let page = try await withTaskCancellationHandler {
                    try await task.value
                } onCancel: {
                    task.cancel()
                }
                if let cursor = page.next {
                    let fetch = fetch
                    pending = Task { try await fetch(cursor) }
                }
                buffer = page.elements
                index = 0
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
