/// How a route's answers are kept, by the server and by clients. Declared with the route, so the precomputation at
/// start-up, the query cache, the HTTP caching fields and the OpenAPI document all read the same fact.
enum CachingPolicy: Sendable, Equatable {
    /// The answers never change while the process runs: every parameterless GET is built at start-up, an answer to a
    /// query is computed once per query and cached, and clients may cache and revalidate (`ETag`, `Last-Modified`,
    /// `Cache-Control: public`).
    case precomputed
    /// As `precomputed`, but the route has no parameterless answer (it needs a query, like `/search?q=`): answers are
    /// computed once per query and cached.
    case cachedPerQuery
    /// The answer never changes while the process runs, so the server precomputes it, but clients and proxies must not
    /// store it (`no-store`): a probe must reach the process (`/healthz`).
    case noStore
    /// The answer changes while the process runs (`/readyz` at shutdown, `/metrics` with every request): computed
    /// for every request, never cached anywhere (`no-store`).
    case dynamic

    /// Whether the server computes the route's parameterless answers at start-up.
    var isPrecomputed: Bool { self == .precomputed || self == .noStore }

    /// Whether the server keeps computed answers to queries.
    var cachesQueries: Bool { self != .dynamic }

    /// Whether clients may store answers and revalidate them (ETag, 304).
    var allowsClientCaching: Bool { self == .precomputed || self == .cachedPerQuery }
}
