/// What a connection needs from its event loop while it handles an event: shared buffers, the cached clock and
/// date, the handler and the access log. One per loop, used only on that loop's thread.
final class LoopContext {
    let configuration: ServerConfiguration
    let handler: any RequestHandler
    /// One read buffer per loop: connections read into it and parse in place; only leftovers are copied out.
    let readBuffer: UnsafeMutableRawBufferPointer
    /// The loop's notion of now, taken once per wake-up (deadlines need no finer resolution).
    var now: Instant
    private var dateCache = DateCache()
    let serverLine: [UInt8]
    private var accessLog: AccessLog
    private var requestIDs = RequestIDGenerator()

    init(configuration: ServerConfiguration, handler: any RequestHandler) {
        self.configuration = configuration
        self.handler = handler
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        now = .now()
        serverLine = Array("Server: \(configuration.serverName)\r\n".utf8)
        accessLog = AccessLog(format: configuration.accessLog)
        refreshClock()
    }

    deinit {
        readBuffer.deallocate()
    }

    var dateLine: [UInt8] { dateCache.line }

    func nextRequestID() -> String { requestIDs.next() }

    func refreshClock() {
        now = .now()
        dateCache.update(nowSeconds: WallClock.now().seconds)
    }

    func log(method: String, target: String, response: Response, bodySent: Bool, started: Instant, client: String, requestID: String?) {
        guard accessLog.isEnabled else { return }
        let wall = WallClock.now()
        let elapsed = Instant.now() - started
        accessLog.record(.init(wallSeconds: wall.seconds, wallNanoseconds: wall.nanoseconds, method: method, target: target,
                               status: response.status.code, bytes: bodySent ? response.body.count : 0,
                               durationMicroseconds: elapsed.nanosecondsClamped / 1000, client: client, requestID: requestID))
    }

    func flushLog() {
        accessLog.flush()
    }
}
