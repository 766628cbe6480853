import CSystem
import Glibc

/// One accepted socket: its buffers, parser state and write queue. Owned by exactly one event loop and touched only
/// on that loop's thread. The rules (timeouts, keep-alive, shutdown) live in `ConnectionStateMachine`; this type
/// carries out the I/O they call for.
final class Connection {
    let fd: Int32
    let token: UInt64
    let remoteAddress: String
    /// Whether the peer is a trusted proxy, decided once at accept (a connection's peer never changes).
    let peerIsTrustedProxy: Bool
    private(set) var machine: ConnectionStateMachine

    /// Unparsed input that outlived a read (a partial request, or pipelined requests held back by backpressure).
    /// Empty for idle connections, so they hold no buffer at all.
    private var pending: [UInt8] = []
    private var parser: RequestHeadParser
    private var body = BodyState.none
    private(set) var output = WriteQueue()
    /// The interest currently registered with epoll, so it is only changed when it must be.
    var registeredEvents: UInt32 = 0
    /// Reading stopped: output above the high watermark, or no further request will be served.
    private(set) var readingPaused = false

    private enum BodyState {
        case none
        case contentLength(RequestHead, remaining: Int, collected: [UInt8])
        case chunked(RequestHead, ChunkedDecoder, collected: [UInt8])
    }

    init(
        fd: Int32, token: UInt64, remoteAddress: String, peerIsTrustedProxy: Bool, limits: ParserLimits,
        timeouts: ConnectionTimeouts, now: Instant
    ) {
        self.fd = fd
        self.token = token
        self.remoteAddress = remoteAddress
        self.peerIsTrustedProxy = peerIsTrustedProxy
        self.parser = RequestHeadParser(limits: limits)
        self.machine = ConnectionStateMachine(timeouts: timeouts, now: now)
    }

    /// The epoll interest this connection needs now: read while it may accept requests, write while output is queued.
    var desiredEvents: UInt32 {
        var events: UInt32 = 0
        if !readingPaused && !machine.closeAfterWrite {
            events |= UInt32(EPOLLIN.rawValue) | UInt32(EPOLLRDHUP.rawValue)
        }
        if !output.isEmpty { events |= UInt32(EPOLLOUT.rawValue) }
        return events
    }

    /// What the event loop does with the connection after an event: keep it registered, or close it.
    enum Disposition {
        case keepOpen
        case close
    }

    // MARK: Reading

    /// Reads what is available (once: level-triggered epoll calls again if more is left), serves every complete
    /// request in it, and writes the responses.
    func onReadable(_ context: LoopContext) -> Disposition {
        if readingPaused || machine.closeAfterWrite {
            return .keepOpen
        }
        let scratch = context.readBuffer
        let n = Glibc.read(fd, scratch.baseAddress, scratch.count)
        if n == 0 {
            // FIN: answer what is buffered already, then close once written (half-close is allowed, RFC 9112 §9.6).
            if machine.peerClosed() == .close { return .close }
            return flush(context)
        }
        if n < 0 {
            let e = errno
            if e == EAGAIN || e == EWOULDBLOCK || e == EINTR { return .keepOpen }
            return .close
        }
        let fresh = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(scratch)[0..<n])
        if pending.isEmpty {
            // The common case: the whole request arrived in this read. Parse it in the loop's buffer, copy nothing.
            let consumed = process(fresh, context)
            if consumed < n, !machine.closeAfterWrite {
                pending.append(contentsOf: fresh[consumed...])
            }
        } else {
            pending.append(contentsOf: fresh)
            processPending(context)
        }
        return flush(context)
    }

    /// Serves requests held in `pending` (after a read, or when backpressure lifts).
    private func processPending(_ context: LoopContext) {
        let consumed = pending.withUnsafeBytes { process($0, context) }
        if machine.closeAfterWrite {
            pending = []
        } else if consumed == pending.count {
            pending = []  // free the buffer: idle connections hold none
        } else if consumed > 0 {
            pending.removeFirst(consumed)
        }
    }

    /// Parses and serves complete requests from `buffer`; returns how many bytes were consumed.
    private func process(_ buffer: UnsafeRawBufferPointer, _ context: LoopContext) -> Int {
        var offset = 0
        while !machine.closeAfterWrite {
            if output.pendingBytes >= context.configuration.writeHighWatermark {
                // Backpressure: a client that pipelines and never reads cannot make us buffer without bound.
                readingPaused = true
                machine.readProgress(.nothingBuffered, now: context.now)
                return offset
            }
            let rest = UnsafeRawBufferPointer(rebasing: buffer[offset...])
            switch body {
            case .none:
                if rest.isEmpty {
                    machine.readProgress(.nothingBuffered, now: context.now)
                    parser.releaseStorage()
                    return offset
                }
                switch parser.parse(rest) {
                case .incomplete:
                    machine.readProgress(.partialHead, now: context.now)
                    return offset
                case .invalid(let status, let reason):
                    queueEngineError(status, detail: reason, method: "-", target: "-", context)
                    return buffer.count
                case .complete(let head, let consumed):
                    offset += consumed
                    parser.reset()
                    startBody(for: head, available: buffer.count - offset, context)
                }
            case .contentLength(let head, let remaining, var collected):
                let take = min(remaining, rest.count)
                collected.append(contentsOf: rest[0..<take])
                offset += take
                if take == remaining {
                    body = .none
                    dispatch(head, body: collected, context)
                } else {
                    body = .contentLength(head, remaining: remaining - take, collected: collected)
                    machine.readProgress(.partialBody, now: context.now)
                    return offset
                }
            case .chunked(let head, var decoder, var collected):
                switch decoder.decode(rest, into: &collected) {
                case .needMore(let consumed):
                    body = .chunked(head, decoder, collected: collected)
                    machine.readProgress(.partialBody, now: context.now)
                    return offset + consumed
                case .done(let consumed):
                    offset += consumed
                    body = .none
                    dispatch(head, body: collected, context)
                case .invalid(let status, let reason):
                    body = .none
                    queueEngineError(status, detail: reason, method: head.method, target: head.target, context)
                    return buffer.count
                }
            }
        }
        return offset
    }

    /// Decides how the body is framed (RFC 9112 §6) and handles `Expect` (RFC 9110 §10.1.1).
    private func startBody(for head: RequestHead, available: Int, _ context: LoopContext) {
        let framing: BodyFraming
        switch BodyFraming.determine(for: head, maxBodySize: context.configuration.maxBodySize) {
        case .success(let f): framing = f
        case .failure(let error):
            queueEngineError(error.status, detail: error.reason, method: head.method, target: head.target, context)
            return
        }
        if head.version == .http1_1, let expect = head.headers[.expect] {
            // An HTTP/1.0 client cannot know 100-continue, so there the expectation is ignored (RFC 9110 §10.1.1).
            guard ASCIICase.equal(String(Substring(expect).trimmingOWS()), "100-continue") else {
                queueEngineError(
                    .expectationFailed, detail: "Only the 100-continue expectation is supported.", method: head.method,
                    target: head.target, context)
                return
            }
            if framing != .none && available == 0 {
                // The body is wanted and not sent yet: invite it. (A body over the limit was already answered 413
                // by BodyFraming.determine, without a 100, so the client never sends it.)
                output.append(Connection.continueLine)
                machine.outputQueued(now: context.now)
            }
        }
        switch framing {
        case .none:
            dispatch(head, body: [], context)
        case .contentLength(let length):
            body = .contentLength(head, remaining: length, collected: [])
            if available == 0 { machine.readProgress(.partialBody, now: context.now) }
        case .chunked:
            body = .chunked(
                head,
                ChunkedDecoder(maxBodySize: context.configuration.maxBodySize, limits: context.configuration.limits),
                collected: [])
            if available == 0 { machine.readProgress(.partialBody, now: context.now) }
        }
    }

    private static let continueLine = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    // MARK: Responding

    private func dispatch(_ head: RequestHead, body: [UInt8], _ context: LoopContext) {
        let started = Instant.now()
        var redirect: String?
        if head.targetWasEncoded {
            switch RawTarget.answer(for: head) {
            case .redirect(let location): redirect = location
            case .serve: break
            case .refuse(let reason):
                queueEngineError(.badRequest, detail: reason, method: head.method, target: head.target, context)
                return
            }
        }
        let requestID =
            head.headers[.xRequestID].flatMap { RequestID.isAcceptable($0) ? $0 : nil } ?? context.nextRequestID()
        var request = Request(head: head, body: body, remoteAddress: remoteAddress, requestID: requestID)
        if peerIsTrustedProxy {
            request.forwarded = Forwarded.read(head.headers, trusted: context.configuration.trustedProxies)
        }
        // A redirect is a normal answer (the head was read whole): the connection stays open as for any other.
        var response =
            if let redirect { context.handler.engineRedirect(request, location: redirect) } else {
                context.handler.handle(request)
            }
        // Appended, not replaced: handlers leave X-Request-ID to the engine, and a scan-and-rebuild per request is waste.
        if response.headers[.xRequestID] == nil { response.addHeader(name: .xRequestID, value: requestID) }
        let keepAlive = Connection.wantsKeepAlive(head) && !response.headers.containsToken("close", in: .connection)
        let close = machine.requestDispatched(keepAlive: keepAlive)
        let isHead = head.method == "HEAD"
        queue(response, close: close, announceKeepAlive: !close && head.version == .http1_0, isHead: isHead, context)
        context.log(
            method: head.method, target: head.target, response: response,
            bodySent: ResponseEncoder.sendsBody(response, isHead: isHead),
            started: started, client: request.clientAddress, requestID: requestID)
    }

    /// HTTP/1.1 is persistent unless `close` is among the Connection tokens; HTTP/1.0 only with `keep-alive`
    /// (RFC 9112 §9.3). The header is a token list, so `Connection: Keep-Alive, Upgrade` counts.
    static func wantsKeepAlive(_ head: RequestHead) -> Bool {
        if head.headers.containsToken("close", in: .connection) { return false }
        if head.version == .http1_1 { return true }
        return head.headers.containsToken("keep-alive", in: .connection)
    }

    /// Errors the engine answers itself always close the connection: after a framing error the next request's
    /// start cannot be found safely (RFC 9112 §9.6 and §11.2, request smuggling).
    private func queueEngineError(
        _ status: HTTPStatus, detail: String, method: String, target: String, _ context: LoopContext
    ) {
        machine.errorQueued()
        let response = context.handler.engineError(status: status, detail: detail)
        queue(response, close: true, announceKeepAlive: false, isHead: false, context)
        context.log(
            method: method, target: target, response: response, bodySent: true, started: Instant.now(),
            client: remoteAddress, requestID: nil)
    }

    /// The request-read timeout fired: answer 408 and close (RFC 9110 §15.5.9).
    func timeOut(_ context: LoopContext) -> Disposition {
        pending = []
        body = .none
        parser.reset()
        let response = context.handler.engineError(
            status: .requestTimeout, detail: "The request was not received within the server's time limit.")
        queue(response, close: true, announceKeepAlive: false, isHead: false, context)
        context.log(
            method: "-", target: "-", response: response, bodySent: true, started: Instant.now(), client: remoteAddress,
            requestID: nil)
        return flush(context)
    }

    private func queue(_ response: Response, close: Bool, announceKeepAlive: Bool, isHead: Bool, _ context: LoopContext)
    {
        var head: [UInt8] = []
        ResponseEncoder.encodeHead(
            response, options: .init(close: close, announceKeepAlive: announceKeepAlive, isHead: isHead),
            dateLine: context.dateLine, serverLine: context.serverLine, into: &head)
        output.append(head)
        if ResponseEncoder.sendsBody(response, isHead: isHead) { output.append(response.body) }
        machine.outputQueued(now: context.now)
    }

    // MARK: Writing

    /// Writes queued output. When it drains below the watermark, held-back pipelined requests are served.
    func flush(_ context: LoopContext) -> Disposition {
        while true {
            if output.isEmpty { return machine.closed ? .close : .keepOpen }
            let result = output.flush(to: fd)
            switch result {
            case .failed:
                return .close
            case .wouldBlock:
                _ = machine.wrote(drained: false, now: context.now)
                return .keepOpen
            case .drained:
                if machine.wrote(drained: true, now: context.now) == .close { return .close }
                if readingPaused {
                    // Backpressure lifted: serve what was held back, which may queue more output.
                    readingPaused = false
                    processPending(context)
                    continue
                }
                return .keepOpen
            }
        }
    }

    func onWritable(_ context: LoopContext) -> Disposition {
        flush(context)
    }

    // MARK: Lifecycle

    func tick(_ context: LoopContext) -> Disposition {
        carryOut(machine.tick(now: context.now), context)
    }

    /// The server drains: every response from now on closes its connection; an idle connection stays open.
    func drainRequested() {
        machine.drainRequested()
    }

    func shutdownRequested(_ context: LoopContext) -> Disposition {
        carryOut(
            machine.shutdownRequested(now: context.now, quietPeriod: context.configuration.shutdownQuietPeriod),
            context)
    }

    private func carryOut(_ action: ConnectionStateMachine.Action, _ context: LoopContext) -> Disposition {
        switch action {
        case .none: .keepOpen
        case .close: .close
        case .timeOutRequest: timeOut(context)
        case .closeIfNothingArrived: closeIfNothingArrived(context)
        }
    }

    /// A quiet connection is closed at shutdown, but a request may have reached its socket since the loop last
    /// polled: read once more, so such a request is answered (`Connection: close`) rather than reset by the close.
    private func closeIfNothingArrived(_ context: LoopContext) -> Disposition {
        if case .close = onReadable(context) { return .close }
        return machine.lastReadDone(now: context.now) == .close ? .close : .keepOpen
    }
}
