/// The query parameters the grammars draw from (named filters aside, which each collection declares). Every place
/// that must know each parameter switches over this enum exhaustively — which grammars accept it, how its value is
/// parsed (`CollectionQuery`), how the OpenAPI document describes it — so adding a case is a compile error until
/// each of them says what the parameter means there.
enum QueryParameter: String, CaseIterable, Sendable {
    // Declaration order is the order grammars list their parameters (errors, the OpenAPI document).
    case limit, offset, sort, fields, pretty, include, lang, q
    case citedIn = "cited_in"
    case offsets
    case id

    /// Whether `grammar` accepts the parameter.
    func isAccepted(by grammar: CollectionGrammar) -> Bool {
        switch self {
        case .limit, .offset, .sort: grammar.isCollection
        // `fields` only where there are fields to name, or on a collection.
        case .fields: !grammar.fieldNames.isEmpty || grammar.isCollection
        case .pretty: grammar.acceptsPretty
        case .include: !grammar.includes.isEmpty
        case .lang: grammar.supportsLang
        case .q: grammar.isCollection && grammar.supportsSearch
        case .citedIn: grammar.isCollection && grammar.supportsCitedIn
        case .offsets: grammar.givesOffsets
        case .id: grammar.isCollection && !grammar.ids.isEmpty
        }
    }

    /// Whether its value is a comma list, so that giving it again (`include=a&include=b`, what generated clients
    /// and query-string libraries send for arrays) means the joined list (`include=a,b`). A single-valued one given
    /// twice is a 400. Named filters and `fields[type]` are lists too (`CollectionQuery.isListValued`).
    var isList: Bool {
        switch self {
        case .sort, .fields, .include, .citedIn, .id: true
        case .limit, .offset, .pretty, .lang, .q, .offsets: false
        }
    }

    /// Whether it means the same on every route, so the OpenAPI document defines it once under its bare name (the
    /// others depend on the collection: which fields, which sort keys, which relations).
    var meansTheSameEverywhere: Bool {
        switch self {
        case .limit, .offset, .lang, .pretty, .citedIn, .offsets: true
        case .sort, .fields, .include, .q, .id: false
        }
    }
}
