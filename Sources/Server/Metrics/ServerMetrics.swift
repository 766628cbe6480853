import Synchronization

/// Request counters, a latency histogram and byte counts, kept per event loop and summed when scraped, so the hot
/// path never contends: each loop only ever locks its own, uncontended, shard. The snapshot also carries the
/// process's dropped log lines, so the API renders them without reaching into the engine's logging.
public final class ServerMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds (Prometheus `le`), from 50 µs to 1 s.
    public static let latencyBuckets: [Double] = [
        0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
    ]

    private let shards: [ShardBox]
    /// Open connections; also what `--max-connections` is checked against, so there is one count, not two.
    let openConnections = ConnectionCounter()
    private let connectionsAccepted = Atomic<Int>(0)
    /// Connections closed at accept because `--max-connections` were open.
    private let connectionsRefused = Atomic<Int>(0)
    /// Times a loop stopped accepting for a while because descriptors ran out (EMFILE, ENFILE, ENOBUFS).
    private let acceptBackoffs = Atomic<Int>(0)

    struct Key: Hashable, Sendable {
        var route: String
        var status: Int
        var method: MethodLabel
    }

    /// One lock per loop's shard.
    final class ShardBox: Sendable {
        let lock = Locked(Shard())
    }

    struct Shard: Sendable {
        var requests: [Key: Int] = [:]
        var bucketCounts = [Int](repeating: 0, count: ServerMetrics.latencyBuckets.count)
        var latencyCount = 0
        var latencySum: Double = 0
        var bytesSent = 0
    }

    public init(shards: Int = 64) {
        self.shards = (0..<max(1, shards)).map { _ in ShardBox() }
    }

    func record(shard: Int, method: MethodLabel, route: String, status: Int, seconds: Double, bytes: Int) {
        shards[shard % shards.count].lock.withLock { s in
            s.requests[Key(route: route, status: status, method: method), default: 0] += 1
            if let i = ServerMetrics.latencyBuckets.firstIndex(where: { seconds <= $0 }) { s.bucketCounts[i] += 1 }
            s.latencyCount += 1
            s.latencySum += seconds
            s.bytesSent += bytes
        }
    }

    func connectionAccepted() { connectionsAccepted.add(1, ordering: .relaxed) }

    func connectionRefused() { connectionsRefused.add(1, ordering: .relaxed) }

    func acceptBackedOff() { acceptBackoffs.add(1, ordering: .relaxed) }

    /// The sum of every shard (each read under its own lock).
    public struct Snapshot: Sendable {
        public var requests: [(route: String, status: Int, count: Int, method: MethodLabel)]
        /// Cumulative counts per bucket, as Prometheus histograms want them.
        public var latencyCumulative: [Int]
        public var latencyCount: Int
        public var latencySum: Double
        public var bytesSent: Int
        public var openConnections: Int
        public var acceptedConnections: Int
        /// Closed at accept: `--max-connections` were open.
        public var refusedConnections: Int
        /// Log lines dropped because stdout or stderr did not keep up (`ProcessLogs`).
        public var logLinesDropped: Int
        /// Times accepting paused because descriptors ran out.
        public var acceptBackoffs: Int = 0
        /// This process's CPU, memory and descriptors (`/proc/self`), read at the snapshot; nil without `/proc`.
        public var process: ProcessStats? = nil
    }

    public func snapshot() -> Snapshot {
        var requests: [Key: Int] = [:]
        var buckets = [Int](repeating: 0, count: ServerMetrics.latencyBuckets.count)
        var count = 0
        var sum = 0.0
        var bytes = 0
        for shard in shards {
            shard.lock.withLock { s in
                for (k, v) in s.requests { requests[k, default: 0] += v }
                for i in buckets.indices { buckets[i] += s.bucketCounts[i] }
                count += s.latencyCount
                sum += s.latencySum
                bytes += s.bytesSent
            }
        }
        var running = 0
        let cumulative = buckets.map {
            running += $0
            return running
        }
        let sorted = requests.map {
            (route: $0.key.route, status: $0.key.status, count: $0.value, method: $0.key.method)
        }
        .sorted { ($0.route, $0.status, $0.method) < ($1.route, $1.status, $1.method) }
        return Snapshot(
            requests: sorted, latencyCumulative: cumulative, latencyCount: count, latencySum: sum, bytesSent: bytes,
            openConnections: openConnections.current,
            acceptedConnections: connectionsAccepted.load(ordering: .relaxed),
            refusedConnections: connectionsRefused.load(ordering: .relaxed),
            logLinesDropped: ProcessLogs.droppedLines,
            acceptBackoffs: acceptBackoffs.load(ordering: .relaxed), process: ProcessStats.current())
    }
}
