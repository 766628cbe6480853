import Server

/// Path matching for a static table of templates: literal segments and `{parameter}` segments, each template mapped
/// to a value (the API maps them to `RouteDefinition`s). It knows nothing of methods, queries or handlers.
struct Router<Value: Sendable>: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    struct Entry: Sendable {
        let template: String
        let segments: [Segment]
        let value: Value
    }

    private(set) var entries: [Entry] = []
    /// Templates without parameters, by their path: most requests are matched by one hash lookup.
    private var literalPaths: [String: Int] = [:]
    /// The same entries by their segments, for paths that needed percent-decoding.
    private var literalSegments: [[String]: Int] = [:]
    /// Templates with parameters, by their first (literal) segment, so a path meets only the candidates it could match.
    private var parameterisedByFirst: [String: [Int]] = [:]
    /// Templates with parameters that start with one: candidates for every path.
    private var parameterisedAnywhere: [Int] = []

    mutating func add(_ template: String, _ value: Value) {
        let segments = Router.split(template).map { s -> Segment in
            s.hasPrefix("{") && s.hasSuffix("}") ? .parameter(String(s.dropFirst().dropLast())) : .literal(String(s))
        }
        let index = entries.count
        entries.append(Entry(template: template, segments: segments, value: value))
        let literals = segments.compactMap { segment -> String? in if case .literal(let s) = segment { s } else { nil }
        }
        if literals.count == segments.count {
            // The first registration of a path wins, as in a scan in registration order.
            if literalPaths[template] == nil { literalPaths[template] = index }
            if literalSegments[literals] == nil { literalSegments[literals] = index }
        } else if case .literal(let first)? = segments.first {
            parameterisedByFirst[first, default: []].append(index)
        } else {
            parameterisedAnywhere.append(index)
        }
    }

    enum Match {
        case found(Entry, parameters: [String: String])
        case notFound
        /// A segment was not valid percent-encoded UTF-8.
        case badPath
    }

    /// Splits the raw path on `/` first and percent-decodes each segment after, so an encoded `%2F` stays inside
    /// its segment and cannot forge another route. Literal templates win over parameterised ones (`/sources` is
    /// never read as an id), then templates are tried in registration order.
    func match(path: String) -> Match {
        if let index = literalPaths[path] { return .found(entries[index], parameters: [:]) }
        var decoded: [String] = []
        var escaped = false
        for raw in Router.split(path) {
            guard let segment = PercentEncoding.decode(raw) else { return .badPath }
            decoded.append(segment)
            escaped = escaped || segment.utf8.count != raw.utf8.count
        }
        // Unescaped, the segments spell `path` itself, which `literalPaths` has already answered.
        if escaped, let index = literalSegments[decoded] { return .found(entries[index], parameters: [:]) }
        // Both lists are in registration order; they only need merging when a template starts with a parameter.
        var candidates = decoded.first.flatMap { parameterisedByFirst[$0] } ?? []
        if !parameterisedAnywhere.isEmpty { candidates = (candidates + parameterisedAnywhere).sorted() }
        for index in candidates where entries[index].segments.count == decoded.count {
            if let parameters = Router.bind(entries[index].segments, to: decoded) {
                return .found(entries[index], parameters: parameters)
            }
        }
        return .notFound
    }

    /// The parameter values when every literal segment matches, else nil.
    private static func bind(_ segments: [Segment], to decoded: [String]) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (segment, value) in zip(segments, decoded) {
            switch segment {
            case .literal(let literal): if literal != value { return nil }
            case .parameter(let name): parameters[name] = value
            }
        }
        return parameters
    }

    /// `/` is the root (no segments). Empty segments (`//`, a trailing `/`) are kept, so `/healthz/` is not
    /// `/healthz`: one resource, one URL.
    ///
    /// Split over UTF-8 bytes, not Characters: the path is ASCII (the parser refuses anything else) and grapheme
    /// breaking was most of a 404's routing cost.
    private static func split(_ path: String) -> [Substring] {
        let utf8 = path.utf8
        guard path != "/", utf8.first == UInt8(ascii: "/") else { return [] }
        var segments: [Substring] = []
        var start = utf8.index(after: utf8.startIndex)
        var i = start
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: "/") {
                segments.append(path[start..<i])
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        segments.append(path[start..<utf8.endIndex])
        return segments
    }
}
