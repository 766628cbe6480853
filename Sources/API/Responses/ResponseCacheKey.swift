/// What a cached answer is filed under: the link base it was written for, the raw path and the normalized query.
/// Equivalent spellings of one query (`%6Cimit=200`, parameter order, `+` for `%20`) are one key; the path stays as
/// sent, because links echo it. The route follows from the path, so it needs no field of its own.
///
/// Only answers whose bytes are a function of this key may be stored under it: a 200 (its links are built from the
/// decoded, ordered pairs). A problem echoes the raw target in `instance` and a redirect the raw query in
/// `Location`, so those are never cached (`APIHandler`).
struct ResponseCacheKey: Hashable, Sendable {
    /// The dataset the answer was computed from (`APIHandler` counts reloads): an answer of the data a reload
    /// replaced is never served, even if a request still running on the old data stores one after the swap.
    let generation: Int
    /// `""` for the configured links, else a forwarded base (`https://host/prefix` or `/prefix`).
    let base: String
    let path: String
    /// `QueryString.normalized`: pure ASCII, so String equality is byte equality.
    let query: String

    /// nil when the query does not decode (such a request is answered with a 400, never cached).
    init?(generation: Int = 0, base: String, path: String, rawQuery: String?) {
        guard let query = QueryString.normalized(rawQuery) else { return nil }
        self.generation = generation
        self.base = base
        self.path = path
        self.query = query
    }

    /// Bytes the key itself takes in the cache.
    var cost: Int { base.utf8.count + path.utf8.count + query.utf8.count }
}
