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

    let metrics: ServerMetrics
    let metricsShard: Int

    init(configuration: ServerConfiguration, handler: any RequestHandler, metrics: ServerMetrics, metricsShard: Int) {
        self.configuration = configuration
        self.handler = handler
        self.metrics = metrics
        self.metricsShard = metricsShard
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

    /// A response was queued: count it, and log it when the access log is on.
    func log(
        method: String, target: String, response: Response, bodySent: Bool, started: Instant, client: String,
        requestID: String?
    ) {
        let elapsed = Instant.now() - started
        metrics.record(
            shard: metricsShard, method: MethodLabel(method), route: response.route, status: response.status.code,
            seconds: Double(elapsed.nanosecondsClamped) / 1e9, bytes: bodySent ? response.body.count : 0)
        guard accessLog.isEnabled else { return }
        let wall = WallClock.now()
        accessLog.record(
            .init(
                wallSeconds: wall.seconds, wallNanoseconds: wall.nanoseconds, method: method, target: target,
                status: response.status.code, bytes: bodySent ? response.body.count : 0,
                durationMicroseconds: elapsed.nanosecondsClamped / 1000, client: client, requestID: requestID))
    }

    func flushLog() {
        accessLog.flush()
    }
}
