import JSON

/// The keys of a search hit (`SearchRoute.write`), their bytes made once (`JSONKey`).
enum SearchHitKey {
    static let end = JSONKey("end")
    static let field = JSONKey("field")
    static let href = JSONKey("href")
    static let id = JSONKey("id")
    static let language = JSONKey("language")
    static let match = JSONKey("match")
    static let matches = JSONKey("matches")
    static let name = JSONKey("name")
    static let paragraph = JSONKey("paragraph")
    static let score = JSONKey("score")
    static let snippet = JSONKey("snippet")
    static let snippetStart = JSONKey("snippet_start")
    static let source = JSONKey("source")
    static let start = JSONKey("start")
    static let type = JSONKey("type")
}
