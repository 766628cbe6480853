import Synchronization

/// Whether this replica should receive new traffic. `/readyz` answers 503 from the moment shutdown begins, so a load
/// balancer stops routing here while requests in flight are still served.
public final class Readiness: Sendable {
    private let draining = Atomic<Bool>(false)

    public init() {}

    public func markDraining() { draining.store(true, ordering: .relaxed) }

    public var isDraining: Bool { draining.load(ordering: .relaxed) }
}
