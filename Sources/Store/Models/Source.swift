/// The source document: metadata plus its paragraphs (lines of the UTF-8 text file).
public struct Source: Sendable, Equatable {
    public var id: String
    public var language: String
    public var title: LocalizedText
    public var paragraphCount: Int
    /// Lowercase hex sha256 of the text file's bytes.
    public var sha256: String
    /// Paragraph n is `paragraphs[n - 1]`.
    public var paragraphs: [String]
    /// The exact bytes of the text file.
    public var text: [UInt8]
    public var notes: [LocalizedText]
    /// When this source's data last changed, as its metadata records it (`2026-11-29T05:32:23Z`).
    public var modified: String
    /// `modified` in seconds since 1970.
    public var modifiedSince1970: Int

    /// The 1-based paragraph `n`, or nil when out of range.
    public func paragraph(_ n: Int) -> String? {
        n >= 1 && n <= paragraphs.count ? paragraphs[n - 1] : nil
    }
}
