import API
import Dispatch
import FoundationEssentials
import Glibc
import Server
import Store

// Startup: configuration → handler → server → wait for a signal (SIGHUP reloads the data) → graceful shutdown → exit 0.
// Exit codes: 0 clean stop, 1 startup failure (bad data, port in use), 2 invalid configuration.

let processInfo = ProcessInfo.processInfo
if CommandLine.arguments.count > 1, CommandLine.arguments[1] == "healthcheck" {
    exit(HealthCheck.run(arguments: Array(CommandLine.arguments.dropFirst(2)), environment: processInfo.environment))
}
let outcome: Configuration.Outcome
do {
    outcome = try Configuration.parse(
        arguments: Array(CommandLine.arguments.dropFirst()),
        environment: processInfo.environment,
        cpuBudget: CPUBudget.detect(processors: processInfo.activeProcessorCount))
} catch {
    Log.error("kazakhstan-api: \(error.message)")
    exit(2)
}

switch outcome {
case .help(let text):
    print(text)
    exit(0)
case .run(let configuration):
    // Each connection holds a descriptor: use all the hard limit allows, not a soft default nobody chose.
    let openFiles = OpenFileLimit.raiseSoftToHard()
    // Block the stop and reload signals in every thread (loop threads inherit this mask), so they are only ever
    // received by sigwait below: no work happens in a signal handler, and SIGHUP no longer kills the process.
    var handledSignals = sigset_t()
    sigemptyset(&handledSignals)
    for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&handledSignals, signal) }
    pthread_sigmask(SIG_BLOCK, &handledSignals, nil)

    // The store loads whole or not at all: any problem in the data stops startup with the full list (exit 1).
    guard let dataDirectory = configuration.dataDirectory ?? DataDirectory.locateDefault() else {
        Log.error(
            "kazakhstan-api: no data directory found: the bundled Resources/ is not next to the executable or in the current directory; give one with --data DIR or DATA_DIR"
        )
        exit(1)
    }
    let store: Store
    do {
        store = try Store.load(from: dataDirectory)
    } catch {
        Log.error(StartupMessages.loadFailure(dataDirectory, error))
        exit(1)
    }
    // The search index depends on the store alone: build it on another core while the catalog and the precomputed
    // answers are built (the OpenAPI document's search examples wait for it, off the loops, before the listener opens).
    store.prepareSearch()

    // The web pages are optional: a program installed without them serves the API alone, and says so.
    var assets = StaticAssets()
    if let webDirectory = WebDirectory.locate() {
        do {
            assets = try WebDirectory.load(webDirectory)
        } catch {
            Log.error("kazakhstan-api: cannot load the web pages in \(webDirectory): \(error)")
            exit(1)
        }
    } else {
        Log.info("no web pages: Resources/web was not found next to the executable or in the current directory", [:])
    }

    let readiness = Readiness()
    let metrics = ServerMetrics()
    let handler: APIHandler
    do {
        handler = try APIHandler(
            store: store, options: configuration.api, readiness: readiness, metrics: metrics, assets: assets)
    } catch {
        Log.error(StartupMessages.apiFailure(dataDirectory, error))
        exit(1)
    }

    let server = Server(configuration: configuration.server, handler: handler, metrics: metrics)
    do {
        try server.start()
    } catch {
        let target =
            configuration.server.unixSocketPath.map { "unix:" + $0 }
            ?? "\(configuration.server.host):\(configuration.server.port)"
        Log.error("kazakhstan-api: cannot listen on \(target): \(error)")
        exit(1)
    }
    Log.startup(
        configuration, boundAddress: server.boundAddress, dataDirectory: dataDirectory, store: store,
        openFiles: openFiles)
    // The listener is open: encode the responses start-up left for later (sub-collections) off the loops.
    DispatchQueue.global(qos: .utility).async { handler.warmUp() }

    let reloader = DataReloader(handler: handler, dataDirectory: dataDirectory)
    var received: Int32 = 0
    while sigwait(&handledSignals, &received) == 0, received == SIGHUP {
        reloader.requestReload()
    }
    Log.info(
        "stopping",
        [
            "signal": received == SIGTERM ? "SIGTERM" : "SIGINT",
            "grace": formatDuration(configuration.server.shutdownGrace),
        ])
    // /readyz answers 503 from now on. During the drain delay everything else is still served and new connections
    // accepted, so a balancer polling readiness takes this replica out of rotation before it stops accepting; but
    // every response now says `Connection: close`, so keep-alive clients move away without losing a request.
    readiness.markDraining()
    server.beginDrain()
    if configuration.drainDelay > .zero {
        let ns =
            configuration.drainDelay.components.seconds * 1_000_000_000 + configuration.drainDelay.components
            .attoseconds / 1_000_000_000
        var delay = timespec(tv_sec: Int(ns / 1_000_000_000), tv_nsec: Int(ns % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&delay, &remaining) != 0 && errno == EINTR { delay = remaining }
    }
    server.shutdown()
    Log.info("stopped", [:])
    // Logs are written by their own threads: give them a moment to write what is buffered, but a reader that stopped
    // reading must not keep the process from exiting.
    ProcessLogs.flush(within: .seconds(2))
    exit(0)
}
