/// A fixed list of words (governing verbs, noise words, stop words) tested against segmenter
/// tokens by lexicon word id, an integer probe instead of building and hashing a String per token.
/// The few listed words the lexicon lacks are compared by their scalars.
public struct WordList: Sendable {
    private let ids: WordIDTable
    private let unlisted: [[Unicode.Scalar]]
    private let lexicon: Lexicon

    public init(_ words: some Sequence<String>, lexicon: Lexicon) {
        var ids: [Int] = [], unlisted: [[Unicode.Scalar]] = []
        for word in words {
            let scalars = Array(word.unicodeScalars)
            if let id = lexicon.wordID(of: scalars[...]) { ids.append(id) } else if !scalars.isEmpty { unlisted.append(scalars) }
        }
        self.ids = WordIDTable(ids)
        self.unlisted = unlisted
        self.lexicon = lexicon
    }

    /// Whether the token's text is one of the words.
    public func contains(_ token: Token, in scalars: [Unicode.Scalar]) -> Bool {
        contains(scalars[token.start..<token.end], wordID: token.wordID >= 0 ? Int(token.wordID) : nil)
    }

    /// Whether `word` is one of the words; `wordID` is its lexicon id when the caller has it.
    public func contains(_ word: ArraySlice<Unicode.Scalar>, wordID: Int? = nil) -> Bool {
        // A word the lexicon knows has an id; equal texts have equal ids, so an id not listed
        // settles it. Only a text the lexicon lacks can be one of the unlisted words.
        if let id = wordID ?? lexicon.wordID(of: word) { return ids.contains(id) }
        return unlisted.contains { $0.elementsEqual(word) }
    }
}
