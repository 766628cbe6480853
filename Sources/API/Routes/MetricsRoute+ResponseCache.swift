extension MetricsRoute {
    /// The response cache's families: what it holds against its budget, and how it is used. An operator alerts on
    /// evictions rising with hits falling (the budget is too small for the traffic), never on memory: the budget
    /// caps that.
    static func render(_ cache: ResponseCache.Stats) -> String {
        var out = ""
        func family(_ name: String, _ type: String, _ help: String, _ value: Int) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(value)\n"
        }
        family(
            "kazakhstan_api_response_cache_bytes", "gauge",
            "Bytes held by cached responses (bodies, fields and keys), never above the budget.", cache.bytes)
        family(
            "kazakhstan_api_response_cache_budget_bytes", "gauge", "The cache's byte budget (--cache-size).",
            cache.budget)
        family("kazakhstan_api_response_cache_entries", "gauge", "Cached responses.", cache.entries)
        family(
            "kazakhstan_api_response_cache_evictions_total", "counter",
            "Cached responses dropped, least recently used first, to stay within the budget.", cache.evictions)
        family(
            "kazakhstan_api_response_cache_hits_total", "counter", "Requests answered from the cache.", cache.hits)
        family(
            "kazakhstan_api_response_cache_misses_total", "counter",
            "Cacheable requests whose answer was not cached, so computed.", cache.misses)
        return out
    }
}
