/// What the engine calls for every complete request. Runs synchronously on the event loop thread,
/// so it must never block (the API's store is immutable, so it never needs to).
public protocol RequestHandler: Sendable {
    func handle(_ request: Request) -> Response
}
