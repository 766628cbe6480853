import API
import Server

extension Configuration {
    /// Every option the executable understands, in the order `--help` lists them.
    static let options: [Option] = [
        Option(
            flag: "--host", variable: "HOST", valueName: "ADDRESS", defaultDescription: "0.0.0.0",
            help: "Address to listen on: IPv4 or IPv6 (0.0.0.0, 127.0.0.1, ::, ::1)."
        ) { c, v throws(ConfigurationError) in
            guard ValueParsers.isNumericAddress(v) else {
                throw ConfigurationError(message: "expected a numeric IPv4 or IPv6 address")
            }
            c.server.host = v
        },
        Option(
            flag: "--port", variable: "PORT", valueName: "PORT", defaultDescription: "8080",
            help: "TCP port; 0 picks a free one (the bound address is logged)."
        ) { c, v throws(ConfigurationError) in
            c.server.port = try ValueParsers.integer(v, in: 0...65_535)
        },
        Option(
            flag: "--unix-socket", variable: "UNIX_SOCKET", valueName: "PATH", defaultDescription: "none",
            help: "Listen on this Unix socket instead of TCP (removed on exit)."
        ) { c, v throws(ConfigurationError) in
            guard !v.isEmpty, v.utf8.count < 108 else {
                throw ConfigurationError(message: "expected a path shorter than 108 bytes")
            }
            c.server.unixSocketPath = v
        },
        Option(
            flag: "--unix-socket-mode", variable: "UNIX_SOCKET_MODE", valueName: "OCTAL", defaultDescription: "660",
            help: "Permissions of the Unix socket file (octal)."
        ) { c, v throws(ConfigurationError) in
            guard !v.isEmpty, v.count <= 4, v.allSatisfy({ ("0"..."7").contains($0) }), let mode = UInt32(v, radix: 8)
            else {
                throw ConfigurationError(message: "expected octal permissions such as 660")
            }
            c.server.unixSocketMode = mode
        },
        Option(
            flag: "--threads", variable: "THREADS", valueName: "N", defaultDescription: "usable CPUs",
            help:
                "Event loop threads, each with its own listener. Default: the CPUs this process may use, the fewer of its affinity mask (taskset, cpuset) and its cgroup CPU quota (cpu.max) rounded up."
        ) { c, v throws(ConfigurationError) in
            c.server.threads = try ValueParsers.integer(v, in: 1...1024)
            c.threadsFrom = .option
        },
        Option(
            flag: "--max-connections", variable: "MAX_CONNECTIONS", valueName: "N", defaultDescription: "0",
            help:
                "Cap on open connections; beyond it new ones are closed at once, counted in kazakhstan_api_connections_refused_total and logged on stderr at most once a second. 0 = no cap."
        ) { c, v throws(ConfigurationError) in
            c.server.maxConnections = try ValueParsers.integer(v, in: 0...10_000_000)
        },
        Option(
            flag: "--header-timeout", variable: "HEADER_TIMEOUT", valueName: "DURATION", defaultDescription: "10s",
            help:
                "Time allowed for a request head: from its first byte, and for a connection's first request from accept (a connection that sends nothing is closed then; a partial head gets 408)."
        ) { c, v throws(ConfigurationError) in
            c.server.timeouts.header = try ValueParsers.duration(v)
        },
        Option(
            flag: "--idle-timeout", variable: "IDLE_TIMEOUT", valueName: "DURATION", defaultDescription: "75s",
            help: "Keep-alive idle time before a connection is closed."
        ) { c, v throws(ConfigurationError) in
            c.server.timeouts.idle = try ValueParsers.duration(v)
        },
        Option(
            flag: "--write-timeout", variable: "WRITE_TIMEOUT", valueName: "DURATION", defaultDescription: "30s",
            help: "Time queued output may make no progress before the connection is dropped."
        ) { c, v throws(ConfigurationError) in
            c.server.timeouts.write = try ValueParsers.duration(v)
        },
        Option(
            flag: "--shutdown-grace", variable: "SHUTDOWN_GRACE", valueName: "DURATION", defaultDescription: "10s",
            help: "On SIGTERM/SIGINT, how long requests in flight may take before connections are closed."
        ) { c, v throws(ConfigurationError) in
            c.server.shutdownGrace = try ValueParsers.duration(v, allowZero: true)
        },
        Option(
            flag: "--drain-delay", variable: "DRAIN_DELAY", valueName: "DURATION", defaultDescription: "0s",
            help:
                "On SIGTERM/SIGINT, keep accepting and serving this long before shutting down: /readyz answers 503 and every response says Connection: close."
        ) { c, v throws(ConfigurationError) in
            c.drainDelay = try ValueParsers.duration(v, allowZero: true)
        },
        Option(
            flag: "--max-body-size", variable: "MAX_BODY_SIZE", valueName: "BYTES", defaultDescription: "1048576",
            help: "Largest request body accepted (413 beyond)."
        ) { c, v throws(ConfigurationError) in
            c.server.maxBodySize = try ValueParsers.integer(v, in: 0...(1 << 30))
        },
        Option(
            flag: "--max-request-line", variable: "MAX_REQUEST_LINE", valueName: "BYTES", defaultDescription: "8192",
            help: "Longest request line accepted (414 beyond)."
        ) { c, v throws(ConfigurationError) in
            c.server.limits.maxRequestLineLength = try ValueParsers.integer(v, in: 64...(1 << 20))
        },
        Option(
            flag: "--max-header-size", variable: "MAX_HEADER_SIZE", valueName: "BYTES", defaultDescription: "16384",
            help: "Largest header section accepted (431 beyond)."
        ) { c, v throws(ConfigurationError) in
            c.server.limits.maxHeaderSectionSize = try ValueParsers.integer(v, in: 64...(1 << 20))
        },
        Option(
            flag: "--max-header-count", variable: "MAX_HEADER_COUNT", valueName: "N", defaultDescription: "100",
            help: "Most header fields accepted (431 beyond)."
        ) { c, v throws(ConfigurationError) in
            c.server.limits.maxHeaderCount = try ValueParsers.integer(v, in: 1...10_000)
        },
        Option(
            flag: "--data", variable: "DATA_DIR", valueName: "DIR", defaultDescription: "bundled Resources",
            help: "Data directory to serve (sources/, data/): another document's data in the same layout."
        ) { c, v throws(ConfigurationError) in
            guard !v.isEmpty else { throw ConfigurationError(message: "expected a directory path") }
            c.dataDirectory = v
        },
        Option(
            flag: "--trusted-proxies", variable: "TRUSTED_PROXIES", valueName: "LIST", defaultDescription: "none",
            help: "Addresses/CIDRs (and `unix`) whose Forwarded / X-Forwarded-* fields are believed."
        ) { c, v throws(ConfigurationError) in
            var networks: [CIDR] = []
            var unix = false
            for item in v.split(separator: ",").map({ String($0.filter { $0 != " " }) }) where !item.isEmpty {
                if item == "unix" {
                    unix = true
                    continue
                }
                guard let network = CIDR(item) else {
                    throw ConfigurationError(
                        message: "'\(item)' is not an IP address or CIDR (e.g. 10.0.0.0/8, ::1, unix)")
                }
                networks.append(network)
            }
            c.server.trustedProxies = networks
            c.server.trustUnixSocketPeers = unix
        },
        Option(
            flag: "--public-url", variable: "PUBLIC_URL", valueName: "URL", defaultDescription: "none (relative links)",
            help: "Absolute base URL for every link, e.g. https://api.example.com/v1."
        ) { c, v throws(ConfigurationError) in
            if let problem = APIOptions.validatePublicURL(v) { throw ConfigurationError(message: problem) }
            c.api.publicURL = v
        },
        Option(
            flag: "--forwarded-hosts", variable: "FORWARDED_HOSTS", valueName: "LIST",
            defaultDescription: "none (no forwarded host is used)",
            help:
                "Hosts (host or host:port, as the proxy sends them) a trusted proxy may name for absolute links; any other forwarded host is ignored (links stay relative, under the forwarded prefix)."
        ) { c, v throws(ConfigurationError) in
            switch APIOptions.parseForwardedHosts(v) {
            case .success(let hosts): c.api.forwardedHosts = hosts
            case .failure(let error): throw ConfigurationError(message: error.message)
            }
        },
        Option(
            flag: "--cache-size", variable: "CACHE_SIZE", valueName: "BYTES",
            defaultDescription: "\(APIOptions.defaultCacheSize)",
            help:
                "One byte budget for every cached response (queries, sub-collections, every proxied base), least recently used evicted first; 0 disables the cache."
        ) { c, v throws(ConfigurationError) in
            c.api.cacheSize = try ValueParsers.integer(v, in: 0...(1 << 36))
        },
        Option(
            flag: "--cors-origins", variable: "CORS_ORIGINS", valueName: "LIST", defaultDescription: "*",
            help: "Origins allowed to read responses in a browser: * or a comma-separated list (then Vary: Origin)."
        ) { c, v throws(ConfigurationError) in
            if let problem = APIOptions.validateCORSOrigins(v) { throw ConfigurationError(message: problem) }
            c.api.corsOrigins = v
        },
        Option(
            flag: "--cache-max-age", variable: "CACHE_MAX_AGE", valueName: "SECONDS", defaultDescription: "300",
            help: "Cache-Control max-age of successful responses (the data never changes while running)."
        ) { c, v throws(ConfigurationError) in
            c.api.cacheMaxAge = try ValueParsers.integer(v, in: 0...31_536_000)
        },
        Option(
            flag: "--access-log", variable: "ACCESS_LOG", valueName: "FORMAT", defaultDescription: "json",
            help: "Access log on stdout: off, json or text."
        ) { c, v throws(ConfigurationError) in
            guard let format = ServerConfiguration.AccessLogFormat(rawValue: v) else {
                throw ConfigurationError(message: "expected one of off, json, text")
            }
            c.server.accessLog = format
        },
    ]
}
