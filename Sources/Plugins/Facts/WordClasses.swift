import AnalyticsCore

/// A word's class for finding subjects, from the lexicon's part-of-speech tags (jieba's ICTCLAS
/// set: n, nr, ns, vn, v, a, d, p, c, u, r, m, q, f, t…). A word the dictionary lacks (a name the
/// HMM found) is taken for a noun: that is what unknown words in this genre mostly are.
enum WordClass: Sendable {
    case noun, verb, adjective, adverb, preposition, conjunction, particle, pronoun, numeral, measure, locative, time, other

    /// Can stand in a noun phrase before its head (大型, 平均, 主要).
    var isModifier: Bool { self == .noun || self == .adjective }

    init(tag: String) {
        switch tag {
        case "vn", "an", "nz", "j", "eng", "s", "g", "nrt", "nrfg", "ng", "nt", "ns", "nr", "n", "b", "x", "zg", "h", "k": self = .noun
        case "a", "ad", "ag", "z": self = .adjective
        case "d", "dg": self = .adverb
        case "p": self = .preposition
        case "c": self = .conjunction
        case "u", "uj", "ul", "uz", "ud", "ug", "uv", "y", "e", "o": self = .particle
        case "r", "rr", "rz", "rg": self = .pronoun
        case "m", "mq": self = .numeral
        case "q": self = .measure
        case "f": self = .locative
        case "t", "tg": self = .time
        case "l": self = .noun // set phrases in jieba's dictionary are mostly noun phrases (文艺演出, 基础设施)
        case "i": self = .other
        // jieba tags a few single characters zg (县) and prefixes h (非): parts of nouns here.
        default: self = tag.hasPrefix("v") ? .verb : tag.hasPrefix("n") ? .noun : .other
        }
    }
}

/// Word classes of tokens: the lexicon's tag of the word the segmenter chose.
struct WordClasses: Sendable {
    private let lexicon: Lexicon
    /// By tag code (`Lexicon.tagCode`): index 0 is "no tag".
    private let classes: [WordClass?]

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        classes = [nil] + lexicon.tagNames.map { WordClass(tag: $0) }
    }

    private func id(of token: Token, _ scalars: [Unicode.Scalar]) -> Int? {
        token.wordID >= 0 ? Int(token.wordID) : lexicon.wordID(of: scalars[token.start..<token.end])
    }

    /// The class the lexicon gives, or nil for a word it does not tag.
    func knownClass(_ token: Token, _ scalars: [Unicode.Scalar]) -> WordClass? {
        guard token.kind == .word, let id = id(of: token, scalars) else { return nil }
        let code = lexicon.tagCode(ofWordID: id)
        return code < classes.count ? classes[code] : nil
    }

    /// The segmenter leaves single characters and the HMM's words without an id: they are looked up.
    func of(_ token: Token, _ scalars: [Unicode.Scalar]) -> WordClass {
        switch token.kind {
        case .word: return knownClass(token, scalars) ?? .noun
        case .latin: return .noun
        case .number: return .numeral
        default: return .other
        }
    }
}
