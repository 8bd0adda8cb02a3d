import AnalyticsCore

/// The keywords analyzer's word lists are data files beside it (Resources: `stopwords.txt`,
/// `free-characters.txt`, `surnames.txt`; entries separated by white space, `#` starts a comment),
/// each read once, when first used. `KeywordsAnalyzer.init` refuses to start without them.
enum KeywordWordLists {
    /// The entries of a shipped list, or nil when its file is not beside the binary.
    static func entries(of file: String) -> [String]? {
        ResourceLocator.words(of: file, target: "KeywordsPlugin")
    }

    static func han(of file: String) -> [Unicode.Scalar]? {
        entries(of: file).map { $0.flatMap(\.unicodeScalars).filter(ScriptClass.isHan) }
    }

    /// The first list that is missing, as a setup error naming it.
    static func checkShipped() throws(AnalyzerSetupError) {
        let missing = [(StopWords.shipped != nil, StopWords.file), (FreeCharacters.shipped != nil, FreeCharacters.file),
                       (Surnames.shipped != nil, Surnames.file), (FunctionCharacters.shipped != nil, FunctionCharacters.file),
                       (Titles.shipped != nil, Titles.file)].first { !$0.0 }
        if let (_, file) = missing {
            throw AnalyzerSetupError("the keywords word list '\(file)' is missing beside the binary; reinstall with scripts/install")
        }
    }
}

/// The default stop list: words that never make a keyword (function words, the genre's empty verbs,
/// verbs that frame a report, English stop words). Users add words with `keywords.stopwords=FILE`.
enum StopWords {
    static let file = "stopwords.txt"
    static let shipped = KeywordWordLists.entries(of: file)
    static let all = Set(shipped ?? [])
}

/// Single Han characters that stand free beside a word (function and measure words, numerals,
/// the genre's productive affixes); any other single character beside a word is bound: a word
/// glued to one in every occurrence is a piece of a longer unit (`KeywordTerms.applyGlue`).
enum FreeCharacters {
    static let file = "free-characters.txt"
    static let shipped = KeywordWordLists.han(of: file)
    static let all = Set(shipped ?? [])
}

/// Common single-character surnames: a two-character word with the same one before it everywhere
/// is a piece of a three-character name (谭 志军; `KeywordTerms.isNamePiece`).
enum Surnames {
    static let file = "surnames.txt"
    static let shipped = KeywordWordLists.han(of: file)
    static let all = ScalarSet(shipped ?? [])
}

/// Particles, prepositions, auxiliaries and directional complements: inside a word the lexicon
/// lacks that a text says once, the mark of a clause piece (卖得久, 之日起), not a name.
enum FunctionCharacters {
    static let file = "function-characters.txt"
    static let shipped = KeywordWordLists.han(of: file)
    static let all = ScalarSet(shipped ?? [])
}

/// Titles of office (局长, 主任, 书记): before a name, an office and a person, never one term.
enum Titles {
    static let file = "titles.txt"
    static let shipped = KeywordWordLists.entries(of: file)
    static let all = Set(shipped ?? [])
}
