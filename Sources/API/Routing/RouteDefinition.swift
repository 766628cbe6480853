/// One route, declared once: its template, what it serves, the query grammar it accepts, how its answers are cached,
/// and how the OpenAPI document names it. Everything else — query validation, precomputation, the cache, the HTTP
/// caching fields and the document — reads these fields instead of recognising the template.
///
/// A class: a matched route is handed around on every request, and copying a reference is one retain where
/// copying these fields would be a dozen.
final class RouteDefinition: Sendable {
    typealias Handler = @Sendable (RouteContext) -> RouteResult
    typealias Locator = @Sendable (PathMatch) -> RouteResult?

    let template: String
    let kind: RouteKind
    let grammar: CollectionGrammar
    /// `grammar.parameterNames`, listed once here rather than rebuilt (with its `fields[type]` names) per request.
    let parameterNames: [String]
    let caching: CachingPolicy
    /// The OpenAPI operation's summary and tag.
    let summary: String
    let tag: String
    /// Answers 404 or 301 when the path's parameters name no resource (nil when they do). It runs before the query
    /// is validated, so an unknown id is a 404 whatever its query.
    let locate: Locator?
    /// Makes the answer from a validated query.
    let handler: Handler

    init(
        _ template: String, kind: RouteKind, grammar: CollectionGrammar, caching: CachingPolicy = .precomputed,
        summary: String, tag: String, locate: Locator? = nil, handler: @escaping Handler
    ) {
        self.template = template
        self.kind = kind
        self.grammar = grammar
        parameterNames = grammar.parameterNames
        self.caching = caching
        self.summary = summary
        self.tag = tag
        self.locate = locate
        self.handler = handler
    }
}

extension Router where Value == RouteDefinition {
    mutating func add(_ route: RouteDefinition) { add(route.template, route) }

    /// The definitions in registration order.
    var routes: [RouteDefinition] { entries.map(\.value) }
}
