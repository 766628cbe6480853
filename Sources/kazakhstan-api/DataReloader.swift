import API
import Dispatch
import Server
import Store
import Synchronization

/// SIGHUP reloads the data: the data directory is loaded and validated again on a background queue (never an event
/// loop), the API builds every response of the new data, and only then swaps it in (`APIHandler.reload`). Bad data
/// changes nothing that is served: every problem is logged with the same messages as at start-up, and the failure is
/// counted in `/metrics`.
final class DataReloader: Sendable {
    private let handler: APIHandler
    private let dataDirectory: String
    private let queue = DispatchQueue(label: "kazakhstan-api.reload")
    /// A reload is queued and has not started: more SIGHUPs before it starts need no reload of their own.
    private let queued = Atomic<Bool>(false)

    init(handler: APIHandler, dataDirectory: String) {
        self.handler = handler
        self.dataDirectory = dataDirectory
    }

    /// Called on SIGHUP; returns at once. Reloads run one at a time, and a SIGHUP during one queues one more, so the
    /// last signal always leads to a load of the files as they are after it.
    func requestReload() {
        guard !queued.exchange(true, ordering: .acquiringAndReleasing) else { return }
        queue.async {
            self.queued.store(false, ordering: .releasing)
            self.reload()
        }
    }

    private func reload() {
        Log.info("reloading", ["data_dir": dataDirectory])
        let started = ContinuousClock.now
        let store: Store
        do {
            store = try Store.load(from: dataDirectory)
        } catch {
            handler.reloadFailed()
            for line in StartupMessages.loadFailure(dataDirectory, error).split(separator: "\n") {
                StandardError.writeLine(String(line))
            }
            StandardError.writeLine("kazakhstan-api: reload refused; still serving the previous data")
            return
        }
        do {
            let summary = try handler.reload(store: store)
            Log.info(
                "reloaded",
                [
                    "data_dir": dataDirectory,
                    "previous_dataset_version": summary.previousVersion,
                    "dataset_version": summary.version,
                    "responses": "\(summary.responses)",
                    "responses_changed": "\(summary.changedResponses)",
                    "duration": formatDuration(ContinuousClock.now - started),
                ])
        } catch {
            handler.reloadFailed()
            StandardError.writeLine(StartupMessages.apiFailure(dataDirectory, error))
            StandardError.writeLine("kazakhstan-api: reload refused; still serving the previous data")
        }
    }
}

/// The messages a data problem produces, word for word the same at start-up and on reload.
enum StartupMessages {
    static func loadFailure(_ dataDirectory: String, _ error: StoreLoadError) -> String {
        "kazakhstan-api: cannot load the data in \(dataDirectory): \(error.problems.count) problem(s)\n\(error.description)"
    }

    static func apiFailure(_ dataDirectory: String, _ error: any Error) -> String {
        "kazakhstan-api: cannot build the API over the data in \(dataDirectory): \(error)"
    }
}
