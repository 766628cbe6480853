import Dispatch
import Server
import Store

/// Computes the parameterless GETs of the precomputed routes at start-up, through the same `respond` and
/// `ResponsePreparer` as a live request, spread over both cores (start-up time is a target).
enum Precomputation {
    /// One concrete path of a route, with the values of its `{parameters}`.
    struct Job: Sendable {
        let path: String
        let route: RouteDefinition
        let parameters: [String: String]
    }

    /// Every concrete path of every precomputed route, in registration order.
    static func jobs(router: Router<RouteDefinition>, catalog: Catalog) -> [Job] {
        router.entries.filter(\.value.caching.isPrecomputed).flatMap { entry in
            entry.value.kind.parameterValues(catalog).map { parameters in
                Job(path: path(entry.segments, parameters), route: entry.value, parameters: parameters)
            }
        }
    }

    /// The template with its parameters filled in (percent-encoded as a path segment).
    private static func path(_ segments: [Router<RouteDefinition>.Segment], _ parameters: [String: String]) -> String {
        guard !segments.isEmpty else { return "/" }
        return segments.map { segment in
            switch segment {
            case .literal(let literal): "/" + literal
            case .parameter(let name): "/" + PathSegment.encode(parameters[name] ?? "")
            }
        }.joined()
    }

    /// Runs `jobs` on two lanes while `sideJob` runs on a third; the routes whose templates are in `after` run last,
    /// once the side job has finished (the OpenAPI document is built by the side job, and `/openapi.json` needs it).
    static func run(
        _ jobs: [Job], catalog: Catalog, preparer: ResponsePreparer, sideJob: (@Sendable () -> Void)?,
        after: Set<String>
    ) -> [String: PreparedResponse] {
        let now = jobs.filter { !after.contains($0.route.template) }
        let later = jobs.filter { after.contains($0.route.template) }
        let lanes = 2
        let results = Locked<[(String, PreparedResponse)]>([])
        DispatchQueue.concurrentPerform(iterations: lanes + 1) { lane in
            if lane == lanes {
                sideJob?()
                return
            }
            var mine: [(String, PreparedResponse)] = []
            for index in stride(from: lane, to: now.count, by: lanes) {
                mine.append((now[index].path, prepare(now[index], catalog: catalog, preparer: preparer)))
            }
            results.withLock { $0.append(contentsOf: mine) }
        }
        var prepared = Dictionary(results.withLock { $0 }, uniquingKeysWith: { first, _ in first })
        for job in later { prepared[job.path] = prepare(job, catalog: catalog, preparer: preparer) }
        return prepared
    }

    /// One parameterless GET through its route, prepared as the live path would.
    static func prepare(_ job: Job, catalog: Catalog, preparer: ResponsePreparer) -> PreparedResponse {
        let match = PathMatch.get(path: job.path, query: nil, parameters: job.parameters, catalog: catalog)
        return preparer.prepare(
            job.route.respond(to: match), instance: job.path, route: job.route.template, caching: job.route.caching)
    }
}
