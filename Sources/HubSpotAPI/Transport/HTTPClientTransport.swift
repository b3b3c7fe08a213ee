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
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 32)
        configuration.decompression = .enabled(limit: .none)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    let client: HTTPClient
    /// How long one attempt may take, sending to last byte.
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
        }
        do {
            let response = try await client.execute(outgoing, timeout: TimeAmount(timeout))
            var body = try await response.body.collect(upTo: maxBodyBytes)
            var headers: [String: String] = [:]
            for header in response.headers { headers[header.name.lowercased()] = header.value }
            return HubSpotResponse(status: Int(response.status.code), headers: headers,
                                   body: body.readBytes(length: body.readableBytes) ?? [])
        } catch let error as HubSpotAPIError {
            throw error
        } catch {
            throw HubSpotAPIError(.transport(TransportFailure(Self.reason(of: error))), Self.words(error), location: request.location)
        }
    }

    /// Sorts a network error by whether the request may have been sent.
    static func reason(of error: any Error) -> TransportFailure.Reason {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .socksHandshakeTimeout, .httpProxyHandshakeTimeout: return .connect
            case .tlsHandshakeTimeout: return .tls
            case .readTimeout, .deadlineExceeded, .writeTimeout: return .timeout
            case .remoteConnectionClosed, .cancelled: return .reset
            default: return .other
            }
        }
        if error is NIOConnectionError { return .connect }
        if let error = error as? IOError, [ECONNRESET, EPIPE, ECONNABORTED].contains(error.errnoCode) { return .reset }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .connect
            case .ioOnClosedChannel, .eof, .outputClosed, .alreadyClosed: return .reset
            default: return .other
            }
        }
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return .connect }
        if text.lowercased().contains("ssl") || text.contains("TLS") || text.contains("certificate") { return .tls }
        return .other
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
