import JSONValue
import NIOCore
import NIOPosix

/// A plain TCP connection to a live sandbox, for what an HTTP client cannot send (a method HTTP does not
/// know, a request that never ends, nothing at all): it writes bytes, then reads until the server closes.
enum RawConnection {
    /// What came back before the server closed the connection.
    struct Outcome: Sendable {
        /// Everything the server sent.
        var text: String
        /// The status of the first answer, if one came.
        var status: Int? {
            guard let line = text.split(separator: "\r\n").first, line.hasPrefix("HTTP/1.1 ") else { return nil }
            return Int(line.dropFirst(9).prefix(3))
        }
        /// The first answer's body as JSON (`null` when there is none).
        var json: JSONValue {
            guard let range = text.range(of: "\r\n\r\n") else { return .null }
            return (try? JSONValue(parsing: String(text[range.upperBound...]))) ?? .null
        }
    }

    /// Why a connection did not end as expected.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Connects to `port`, writes `bytes` (if any) and reads until the server closes the connection;
    /// fails if it is still open after `limit` (which only bounds a broken test, and is never measured).
    static func exchange(port: Int, sending bytes: [UInt8] = [], limit: Duration = .seconds(30)) async throws -> Outcome {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await withThrowingTaskGroup(of: Outcome.self) { group in
            group.addTask {
                try await channel.executeThenClose { inbound, outbound in
                    if !bytes.isEmpty { try await outbound.write(ByteBuffer(bytes: bytes)) }
                    var received = ByteBuffer()
                    for try await chunk in inbound { received.writeImmutableBuffer(chunk) }
                    return Outcome(text: String(buffer: received))
                }
            }
            group.addTask {
                try await Task.sleep(for: limit)
                throw Failure(description: "the server kept the connection open")
            }
            defer { group.cancelAll() }
            guard let outcome = try await group.next() else { throw Failure(description: "no outcome") }
            return outcome
        }
    }
}
