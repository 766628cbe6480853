/// A name people use for an entity that is not how the text names it: a historic name (Alma-Ata), a
/// transliteration (Qazaqstan, Назарбаев), an abbreviation (GCC), a demonym (Chinese, Qatari). Kept apart from
/// `aliases` (which are the text's own spellings and the standard names) in `lexicon/alternate-names.json`, each
/// tagged with its language and kind and with where it comes from, so search can find what people type without the
/// data claiming the text says it.
public struct AlternateName: Sendable, Codable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case historic, transliteration, abbreviation, demonym, short
    }

    public var entity: EntityReference
    public var name: String
    /// BCP 47 tag: `ar`, `en`, `ru`, `kk`, …
    public var language: String
    public var kind: Kind
    /// `text` when the source document itself uses the name, else `external`.
    public var source: String
    public var note: LocalizedText?
}
