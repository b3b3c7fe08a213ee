import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser cannot read in HubSpot's error shape instead of the server's empty
/// 400: a method the parser does not know (`FOO`) is 405, a request line and headers over the parser's
/// limits 431, anything else 400. Then it closes the connection for writing (the parser cannot find the
/// next request) and drops what the client still sends until it closes too, so the client reads the
/// answer rather than a reset.
///
/// It sits after the HTTP codec, where the parser's error arrives. An answer to an earlier request that is
/// still being written is finished first; an error inside a request whose body is being read is left to
/// the server, which is answering that request.
final class HTTPParseErrorHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var requestsRead = 0
    private var responsesWritten = 0
    private var readingBody = false
    /// The answer waiting for the responses before it.
    private var pending: HubSpotError?
    /// Set once the parser failed: nothing more is read from the connection.
    private var failed = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        switch unwrapInboundIn(data) {
        case .head:
            requestsRead += 1
            readingBody = true
        case .body:
            break
        case .end:
            readingBody = false
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let isEnd = if case .end = unwrapOutboundIn(data) { true } else { false }
        context.write(data, promise: promise)
        guard isEnd else { return }
        responsesWritten += 1
        if let error = pending, responsesWritten >= requestsRead {
            pending = nil
            answer(error, context: context)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if failed, error is ByteToMessageDecoderError { return }
        guard let parseError = error as? HTTPParserError, !failed, !readingBody else {
            context.fireErrorCaught(error)
            return
        }
        failed = true
        let answer = Self.answer(to: parseError)
        if responsesWritten >= requestsRead {
            self.answer(answer, context: context)
        } else {
            pending = answer
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if failed, let event = event as? ChannelEvent, event == .inputClosed {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// HubSpot's error for what the parser could not read.
    static func answer(to error: HTTPParserError) -> HubSpotError {
        switch error {
        case .invalidMethod:
            return .methodNotAllowed(nil)
        case .headerOverflow:
            return .headersTooLarge("the request line and headers are over \(HTTPLimits.parserBytes / 1024) KiB, "
                                    + "or hold more than \(HTTPLimits.parserFields) fields")
        default:
            return .validation("The request is not valid HTTP/1.1 (\(error)).")
        }
    }

    /// Writes `error` as the connection's last answer, then closes the connection for writing.
    private func answer(_ error: HubSpotError, context: ChannelHandlerContext) {
        let correlationId = UUID().uuidString.lowercased()
        let body = ByteBuffer(bytes: error.body(correlationId: correlationId).jsonBytes)
        var fields: HTTPFields = [.contentType: "application/json;charset=utf-8", .contentLength: String(body.readableBytes),
                                  .connection: "close"]
        fields[.hubSpotCorrelationId] = correlationId
        fields.append(contentsOf: error.headers)
        context.write(wrapOutboundOut(.head(HTTPResponse(status: error.status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.close(mode: .output, promise: nil)
    }
}
