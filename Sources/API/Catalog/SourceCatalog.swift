import JSON
import Store

/// Rows for `/sources` and `/sources/{id}/paragraphs`, prepared at startup like the entity rows.
struct SourceCatalog: Sendable {
    let sources: [CollectionItem]
    let sourcesByID: [String: CollectionItem]
    /// Paragraph rows per source id, paragraph n at index n - 1.
    let paragraphs: [String: [CollectionItem]]
    let sourceGrammar: CollectionGrammar
    let paragraphGrammar: CollectionGrammar

    /// `offsets`: each paragraph's UTF-16 table (`UTF16Offsets.paragraphs`), for the rows' `offsets=utf16` variant.
    init(store: Store, links: LinkBuilder, allIDs: [String], offsets: [String: [UTF16Offsets]]) {
        var sources: [CollectionItem] = []
        var paragraphs: [String: [CollectionItem]] = [:]
        for source in store.sources {
            let representation: JSONValue = .object([
                (key: "id", value: .string(source.id)),
                (key: "type", value: .string("sources")),
                (key: "href", value: .string(links.source(source.id))),
                (key: "language", value: .string(source.language)),
                (
                    key: "title",
                    value: .object([
                        (key: "ar", value: .string(source.title.ar)), (key: "en", value: .string(source.title.en)),
                    ])
                ),
                (key: "paragraph_count", value: .integer(source.paragraphCount)),
                (key: "sha256", value: .string(source.sha256)),
                (key: "modified", value: .string(source.modified)),
                (
                    key: "links",
                    value: .object([
                        (key: "self", value: .string(links.source(source.id))),
                        (key: "paragraphs", value: .string(links.paragraphs(source.id))),
                    ])
                ),
            ])
            sources.append(
                CollectionItem(
                    ref: nil, representation: representation, filterValues: [:], sortKeys: ["id": .text(source.id)],
                    citedIn: []))
            // Mentions are indexed for the primary source (the store's), so other sources list none.
            let isPrimary = source.id == store.source.id
            paragraphs[source.id] = source.paragraphs.enumerated().map { index, text in
                let n = index + 1
                let mentions = isPrimary ? store.mentions(inParagraph: n) : []
                return SourceCatalog.paragraphRow(
                    source: source, number: n, text: text, mentions: mentions, links: links,
                    offsets: offsets[source.id]?[index] ?? UTF16Offsets(text))
            }
        }
        self.sources = sources
        self.sourcesByID = Dictionary(
            sources.compactMap { row in row.representation["id"]?.stringValue.map { ($0, row) } },
            uniquingKeysWith: { a, _ in a })
        self.paragraphs = paragraphs

        var sourceGrammar = CollectionGrammar()
        sourceGrammar.sortFields = ["id"]
        sourceGrammar.fieldNames = [
            "href", "id", "language", "links", "links.paragraphs", "links.self", "modified", "paragraph_count",
            "sha256",
            "title",
            "title.ar", "title.en", "type",
        ]
        sourceGrammar.setIDs(store.sources.map(\.id))
        sourceGrammar.supportsSearch = false
        sourceGrammar.supportsCitedIn = false
        self.sourceGrammar = sourceGrammar

        var paragraphGrammar = CollectionGrammar()
        paragraphGrammar.sortFields = ["number"]
        paragraphGrammar.fieldNames = [
            "href", "id", "links", "links.next", "links.prev", "links.self", "links.source", "mentions", "number",
            "source", "text", "type",
        ]
        paragraphGrammar.filters = [
            CollectionGrammar.Filter(
                name: "mentions", summary: "paragraphs that mention these entities", allowed: allIDs,
                vocabulary: .entityIDs)
        ]
        // Paragraph ids are their numbers, "1" up to the longest source's count (a shorter source has fewer).
        paragraphGrammar.setIDs((1...max(1, store.sources.map(\.paragraphCount).max() ?? 1)).map { "\($0)" })
        paragraphGrammar.supportsCitedIn = false
        paragraphGrammar.givesOffsets = true  // mentions
        self.paragraphGrammar = paragraphGrammar
    }

    /// A paragraph with every entity mention in it (`type`, `id`, `href`, `name`, `role`, `start`, `end`, `quote`), so
    /// a page can highlight them and label each without another request. Mentions come in the store's order (by
    /// start, then end, kind and id). Offsets are in Unicode scalars, end exclusive, as in citations; the row's
    /// UTF-16 variant (`offsets=utf16`) is made here too, when the paragraph has a character that makes them differ.
    static func paragraphRow(
        source: Source, number n: Int, text: String, mentions: [Mention], links: LinkBuilder, offsets: UTF16Offsets
    ) -> CollectionItem {
        let href = links.paragraph(source.id, n)
        func build(_ offset: (Int) -> Int) -> JSONValue {
            .object([
                (key: "id", value: .string("\(n)")),
                (key: "type", value: .string("paragraphs")),
                (key: "href", value: .string(href)),
                (key: "source", value: .string(source.id)),
                (key: "number", value: .integer(n)),
                (key: "text", value: .string(text)),
                (key: "mentions", value: .array(mentions.map { mention($0, links: links, offset: offset) })),
                (
                    key: "links",
                    value: .object([
                        (key: "self", value: .string(href)),
                        (key: "source", value: .string(links.source(source.id))),
                        (key: "prev", value: n > 1 ? .string(links.paragraph(source.id, n - 1)) : .null),
                        (
                            key: "next",
                            value: n < source.paragraphCount ? .string(links.paragraph(source.id, n + 1)) : .null
                        ),
                    ])
                ),
            ])
        }
        let representation = build { $0 }
        return CollectionItem(
            ref: nil, representation: representation,
            filterValues: ["mentions": Array(Set(mentions.map(\.id))).sorted()],
            sortKeys: ["number": .number(Double(n))], citedIn: [n],
            utf16Representation: offsets.differs ? build { offsets($0) } : nil)
    }

    private static func mention(_ m: Mention, links: LinkBuilder, offset: (Int) -> Int) -> JSONValue {
        .object([
            (key: "type", value: .string(m.type.rawValue)),
            (key: "id", value: .string(m.id)),
            (key: "href", value: .string(links.entity(m.type, m.id))),
            (
                key: "name",
                value: .object([(key: "ar", value: .string(m.name.ar)), (key: "en", value: .string(m.name.en))])
            ),
            (key: "role", value: .string(m.role.rawValue)),
            (key: "start", value: .integer(offset(m.start))),
            (key: "end", value: .integer(offset(m.end))),
            (key: "quote", value: .string(m.quote)),
        ])
    }
}
