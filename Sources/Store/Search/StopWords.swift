/// Words that carry no name: prepositions, conjunctions, pronouns, question words. Dropped from a query when other
/// words remain («في ألماتي» asks for Almaty), and never required of a name («President of Kazakhstan» is matched by
/// «President Kazakhstan»). Arabic: the function words of Savoy's list (the one Lucene's Arabic analyzer ships) plus
/// the question words people type, all through our normalizer, so every spelling of them is caught. English: a
/// short list of the same kind.
enum StopWords {
    static let arabic: [String] = [
        "من", "ومن", "منها", "منه", "في", "وفي", "فيها", "فيه", "و", "ف", "ثم", "او", "أو", "ب", "بها", "به", "ا",
        "أ", "اى", "اي", "أي", "أى", "لا", "ولا", "الا", "ألا", "إلا", "لكن", "ما", "وما", "كما", "فما", "عن", "مع",
        "اذا", "إذا", "ان", "أن", "إن", "انها", "أنها", "إنها", "انه", "أنه", "إنه", "بان", "بأن", "فان", "فأن",
        "وان", "وأن", "وإن", "التى", "التي", "الذى", "الذي", "الذين", "الى", "الي", "إلى", "إلي", "على", "عليها",
        "عليه", "اما", "أما", "إما", "ايضا", "أيضا", "كل", "وكل", "لم", "ولم", "لن", "ولن", "هى", "هي", "هو", "وهى",
        "وهي", "وهو", "فهى", "فهي", "فهو", "انت", "أنت", "لك", "لها", "له", "هذه", "هذا", "تلك", "ذلك", "هناك",
        "كانت", "كان", "يكون", "تكون", "وكانت", "وكان", "غير", "بعض", "قد", "نحو", "بين", "بينما", "منذ", "ضمن",
        "حيث", "الان", "الآن", "خلال", "بعد", "قبل", "حتى", "عند", "عندما", "لدى", "جميع",
        // Question words and the little words of a typed question.
        "هل", "ماذا", "لماذا", "كيف", "متى", "أين", "اين", "كم", "مين", "عن", "الى", "ل", "لل", "تقع", "يقع",
    ]

    static let english: [String] = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "is", "are", "was",
        "were", "be", "been", "it", "its", "this", "that", "these", "those", "as", "into", "about", "what", "who",
        "whom", "which", "where", "when", "how", "why", "do", "does", "did", "s", "located", "lies",
    ]

    /// Every stop word as a normalized key (by bytes: `String`'s Unicode-aware hash cost 1,200 instructions an
    /// Arabic word, and every query word is asked about).
    static let keys: Set<UTF8Key> = Set((arabic + english).map { UTF8Key(TextNormalizer.normalize($0)) })

    static func contains(_ key: String) -> Bool { keys.contains(UTF8Key(key)) }
}
