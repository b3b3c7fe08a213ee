import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOPosix

/// The transport over AsyncHTTPClient: one shared client per process (keep-alive connection pool),
/// a per-request time limit, and network errors sorted by whether the request may have been sent.
public struct HTTPClientTransport: HubSpotTransport {
    /// One client for the whole process, as AsyncHTTPClient advises.
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(5), read: .seconds(120))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 96)
        // A failed connect fails its requests at once (a refused port in milliseconds, not after the
        // connect timeout); RetryPolicy decides which connect failures are worth another try.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .enabled(limit: .none)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    let client: HTTPClient
    /// The longest any attempt may take, sending to last byte; a request's own `timeout` is used when shorter.
    public var timeout: Duration
    /// The largest body accepted (a batch read of 100 records with many properties stays far below).
    public var maxBodyBytes = 256 * 1024 * 1024

    public init(client: HTTPClient = HTTPClientTransport.sharedClient, timeout: Duration = .seconds(60)) {
        self.client = client
        self.timeout = timeout
    }

    public func send(_ request: HubSpotRequest, baseURL: String) async throws(HubSpotAPIError) -> HubSpotResponse {
        var outgoing = HTTPClientRequest(url: baseURL + request.target)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if let body = request.body {
            outgoing.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            outgoing.body = .bytes(ByteBuffer(bytes: body.jsonBytes))
        } else if let raw = request.rawBody {
            outgoing.headers.replaceOrAdd(name: "Content-Type", value: raw.contentType)
            outgoing.body = .bytes(ByteBuffer(bytes: raw.bytes))
        }
        do {
            let response = try await client.execute(outgoing, timeout: TimeAmount(min(request.timeout ?? timeout, timeout)))
            var body = try await response.body.collect(upTo: maxBodyBytes)
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            return HubSpotResponse(status: Int(response.status.code), headers: headers,
                                   body: body.readBytes(length: body.readableBytes) ?? [])
        } catch let error as HubSpotAPIError {
            throw error
        } catch {
            let reason = Self.reason(of: error)
            let words = reason == .refused ? "nothing listens at \(baseURL)" : Self.words(error)
            throw HubSpotAPIError(.transport(TransportFailure(reason)), words, location: request.location)
        }
    }

    /// Sorts a network error by whether the request may have been sent.
    static func reason(of error: any Error) -> TransportFailure.Reason {
        if isRefused(error) { return .refused }
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout: return .unreachable
            case .socksHandshakeTimeout, .httpProxyHandshakeTimeout: return .connect
            case .tlsHandshakeTimeout: return .tls
            case .readTimeout, .deadlineExceeded, .writeTimeout: return .timeout
            case .remoteConnectionClosed, .cancelled: return .reset
            default: return .other
            }
        }
        if let error = error as? NIOConnectionError {
            let timedOut = error.connectionErrors.contains {
                if case .connectTimeout? = $0.error as? ChannelError { return true }
                return false
            }
            return timedOut ? .unreachable : .connect
        }
        if let error = error as? IOError, [ECONNRESET, EPIPE, ECONNABORTED].contains(error.errnoCode) { return .reset }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .unreachable
            case .ioOnClosedChannel, .eof, .outputClosed, .alreadyClosed: return .reset
            default: return .other
            }
        }
        let text = String(describing: error)
        if text.lowercased().contains("ssl") || text.contains("TLS") || text.contains("certificate") { return .tls }
        return .other
    }

    /// Whether nothing listens at the address (ECONNREFUSED), however NIO wraps it.
    static func isRefused(_ error: any Error) -> Bool {
        if let error = error as? IOError { return error.errnoCode == ECONNREFUSED }
        if let error = error as? NIOConnectionError { return !error.connectionErrors.isEmpty && error.connectionErrors.allSatisfy { isRefused($0.error) } }
        let text = String(describing: error)
        return text.contains("connectionRefused") || text.contains("Connection refused")
    }

    /// A short account of a network error for a person.
    static func words(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout: return "no answer within the time limit"
            case .connectTimeout: return "the connection could not be made within the time limit"
            case .remoteConnectionClosed: return "the server closed the connection before answering"
            default: break
            }
        }
        // The system's words for a failed socket call ("Connection refused"), without NIO's wrapping.
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return "\(first.target): \(first.error)"
        }
        if let error = error as? NIOConnectionError, let dns = error.dnsAAAAError ?? error.dnsAError {
            return "cannot resolve \(error.host): \(dns)"
        }
        return String(describing: error)
    }
}

extension TimeAmount {
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
