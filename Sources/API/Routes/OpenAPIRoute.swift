import Dispatch
import JSON
import Store
import Synchronization

/// `/openapi.json`: the OpenAPI 3.1 description of every route, built once per dataset (its examples are answers of
/// the routes registered before it, which never change while the dataset serves).
enum OpenAPIRoute {
    /// Registers the route; the document comes from `slot`, built once.
    static func register(in router: inout Router<RouteDefinition>, slot: OpenAPIDocumentSlot) {
        router.add(
            RouteDefinition(
                "/openapi.json", kind: .openAPI, grammar: .prettyOnly, summary: "This OpenAPI document", tag: "service"
            ) { context in
                .resource(Resource(body: slot.document, pretty: context.query.pretty))
            })
    }
}

/// The OpenAPI document, built once, on first use or when `start()` asks early: its examples are answers of the
/// other routes (a search among them, which needs the search index), so building it at start-up would make every
/// start wait for all of that. The executable starts it right after the listener opens (`APIHandler.warmUp`); a
/// request for `/openapi.json` before then waits for it. Dispatch's group carries the happens-before edge from the
/// builder to every reader.
final class OpenAPIDocumentSlot: @unchecked Sendable {
    // @unchecked: `built` is written once, by the builder, before `group.leave()`, and read only after
    // `group.wait()`; `build` is set before the handler is published to any event loop.
    var build: @Sendable () -> JSONValue = { .null }
    private var built: JSONValue = .null
    private let group = DispatchGroup()
    private let started = Atomic<Bool>(false)

    init() { group.enter() }

    /// Begins building on a background thread, once; later calls do nothing.
    func start() {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else { return }
        DispatchQueue.global(qos: .utility).async {
            self.built = self.build()
            self.group.leave()
        }
    }

    var document: JSONValue {
        start()
        group.wait()
        return built
    }
}
