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

extension WordClass {
    /// The class of a universal part of speech (UD: time words are nouns, localizers adpositions).
    init(_ partOfSpeech: PartOfSpeech) {
        switch partOfSpeech {
        case .noun, .properNoun: self = .noun
        case .verb, .auxiliary: self = .verb
        case .adjective: self = .adjective
        case .adverb: self = .adverb
        case .adposition: self = .preposition
        case .coordinatingConjunction, .subordinatingConjunction: self = .conjunction
        case .particle: self = .particle
        case .pronoun, .determiner: self = .pronoun
        case .numeral: self = .numeral
        case .classifier: self = .measure
        case .punctuation, .symbol, .other, .interjection: self = .other
        }
    }

    /// The open classes, where the dictionary's one tag per word is most often wrong in context
    /// (发展, 建设: verb or noun) and the tagger is asked.
    var isOpen: Bool { self == .noun || self == .verb || self == .adjective }
}

/// Word classes of tokens: the lexicon's tag of the word the segmenter chose, read in context by
/// AnalyticsCore's `PartOfSpeechTagger` where the choice is between open classes (发展: verb in
/// 大力发展数字经济, noun in 经济的发展) and the tagger is sure. Only the words the rules ask about are
/// tagged, one at a time, when asked: the few words around a figure, never a whole document.
struct WordClasses: Sendable {
    private let lexicon: Lexicon
    /// By tag code (`Lexicon.tagCode`): index 0 is "no tag".
    private let classes: [WordClass?]
    private let tagger: PartOfSpeechTagger?
    /// The tagger's answers for one document (`forDocument`); nil in the analyzer's own copy.
    private var memo: PartOfSpeechMemo?
    /// By tag code: whether the tagger is asked about a word the lexicon tags so: v, vn, a and b,
    /// where on held-out folds of the UD dev file it changed the class rightly 143 times to 32
    /// wrongly (of 2,293 words asked). n words it changed rightly 44 times in 2,716; they are not
    /// asked: they are most of the words near figures (asking about them too made 2.6 times the
    /// calls on the report corpus). Other tags (ns, nr, t…) it almost never changed.
    /// Single characters (有, 达, 占) are not asked either: 29% of the words asked on those folds, 12 of
    /// the 143 right changes, and the verbs that sit next to most figures.
    private let asked: [Bool]
    /// By tag code: whether the lexicon's tag is a verb's (v, vn, vd…), whatever class it reads as here.
    private let verbal: [Bool]
    private let placeCode: Int
    private let commonNounCode: Int
    private let distinguishingCode: Int
    private let setPhraseCode: Int
    private let boundMorphemeCode: Int
    private static let askedTags: Set<String> = ["v", "vn", "a", "b"]

    /// How far ahead of the next class the tagger's class must score to replace the lexicon's.
    /// From the treebank, not from facts' data: on held-out folds of the UD dev file, where tagger
    /// and lexicon disagree between open classes, below 40 each is right about as often (53 : 57
    /// words), from 40 up the tagger is right 195 times to the lexicon's 37 (scripts/train-tagger.py --margins).
    static let confidentMargin = 40

    init(lexicon: Lexicon, tagger: PartOfSpeechTagger?) {
        self.lexicon = lexicon
        classes = [nil] + lexicon.tagNames.map { WordClass(tag: $0) }
        self.tagger = tagger
        asked = [false] + lexicon.tagNames.map { Self.askedTags.contains($0) }
        verbal = [false] + lexicon.tagNames.map { $0.hasPrefix("v") }
        placeCode = lexicon.tagNames.firstIndex(of: "ns").map { $0 + 1 } ?? -1
        commonNounCode = lexicon.tagNames.firstIndex(of: "n").map { $0 + 1 } ?? -1
        distinguishingCode = lexicon.tagNames.firstIndex(of: "b").map { $0 + 1 } ?? -1
        setPhraseCode = lexicon.tagNames.firstIndex(of: "l").map { $0 + 1 } ?? -1
        boundMorphemeCode = lexicon.tagNames.firstIndex(of: "ng").map { $0 + 1 } ?? -1
    }

    /// Whether the lexicon's tag of the word is the one with this code (the codes above; -1 when the lexicon has none).
    private func hasTag(_ code: Int, _ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        let tagged = lexiconClass(token, scalars).code
        return tagged > 0 && tagged == code
    }

    /// Whether the lexicon has no tag for the word (a name the HMM found), without asking the tagger.
    func isUnknown(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        token.kind == .word && lexiconClass(token, scalars).0 == nil
    }

    /// Whether the lexicon tags the word as a set phrase (jieba's l: 同时在线, 文艺演出).
    func isSetPhrase(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        hasTag(setPhraseCode, token, scalars)
    }

    /// Whether the lexicon tags the word as a bound noun morpheme (jieba's ng: 林, 乳), which does not stand alone.
    func isBoundMorpheme(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        hasTag(boundMorphemeCode, token, scalars)
    }

    /// Whether the lexicon tags the word as a common noun (jieba's n: 规划, 目标), not a verbal noun, name or set phrase.
    func isCommonNoun(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        hasTag(commonNounCode, token, scalars)
    }

    /// Whether the lexicon tags the word as a distinguishing word (jieba's b: 双向, 公共), which only qualifies a noun.
    func isDistinguishing(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        hasTag(distinguishingCode, token, scalars)
    }

    /// Whether the lexicon tags the word as a place name (jieba's ns: 东海, 浙江省, 城镇).
    func isPlaceName(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        hasTag(placeCode, token, scalars)
    }

    /// Whether the lexicon tags the word as a verb of some kind (建设 vn, 改善 v), out of context.
    func isVerbal(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        let code = lexiconClass(token, scalars).code
        return code < verbal.count && verbal[code]
    }

    /// A copy for one document's analysis, remembering the tagger's answers (the rules ask about
    /// the same words more than once); used by that analysis alone, so the memo takes no lock.
    func forDocument() -> WordClasses {
        var copy = self
        copy.memo = tagger.map { PartOfSpeechMemo(tagger: $0) }
        return copy
    }

    /// With the shipped tagger (the lexicon's tags alone when its model is not beside the binary).
    init(lexicon: Lexicon) {
        self.init(lexicon: lexicon, tagger: PartOfSpeechTagger.shipped(lexicon: lexicon))
    }

    private func id(of token: Token, _ scalars: [Unicode.Scalar]) -> Int? {
        token.wordID >= 0 ? Int(token.wordID) : lexicon.wordID(of: scalars[token.start..<token.end])
    }

    /// The lexicon's class and whether the tagger is asked about the word.
    private func lexiconClass(_ token: Token, _ scalars: [Unicode.Scalar]) -> (WordClass?, ask: Bool, code: Int) {
        guard token.kind == .word, let id = id(of: token, scalars) else { return (nil, false, 0) }
        let code = lexicon.tagCode(ofWordID: id)
        return code < classes.count ? (classes[code], asked[code], code) : (nil, false, 0)
    }

    /// The tagger's class where the lexicon's is open and the tagger, sure of itself, says another
    /// open class; else the lexicon's. Words the lexicon lacks stay nouns.
    private func inContext(_ token: Token, _ scalars: [Unicode.Scalar], lexiconClass known: (WordClass?, ask: Bool, code: Int)) -> WordClass? {
        // Optional chaining, not `if let tagger`: a bound copy of the tagger retains all its arrays.
        guard known.ask, token.length >= 2, let lexiconClass = known.0, lexiconClass.isOpen,
              let guess = memo?.classify(token.start..<token.end, in: scalars, tagCode: known.code)
                ?? tagger?.classify(token.start..<token.end, in: scalars, tagCode: known.code) else { return known.0 }
        let found = WordClass(guess.partOfSpeech)
        return found.isOpen && guess.margin >= Self.confidentMargin ? found : lexiconClass
    }

    /// The class the lexicon gives (read in context), or nil for a word it does not tag.
    func knownClass(_ token: Token, _ scalars: [Unicode.Scalar]) -> WordClass? {
        inContext(token, scalars, lexiconClass: lexiconClass(token, scalars))
    }

    /// The lexicon's class alone, without the tagger (a cue word looked up before it is segmented).
    func knownClassOutOfContext(_ token: Token, _ scalars: [Unicode.Scalar]) -> WordClass? {
        lexiconClass(token, scalars).0
    }

    /// The segmenter leaves single characters and the HMM's words without an id: they are looked up.
    func of(_ token: Token, _ scalars: [Unicode.Scalar]) -> WordClass {
        switch token.kind {
        case .word: return inContext(token, scalars, lexiconClass: lexiconClass(token, scalars)) ?? .noun
        case .latin: return .noun
        case .number: return .numeral
        default: return .other
        }
    }
}

extension FactBuilder {
    /// A copy for one document's analysis: its subject finder and not-figure rules share one
    /// memory of the tagger's answers, made for this document.
    func forDocument() -> FactBuilder {
        var copy = self
        let classes = subjects.classes.forDocument()
        copy.subjects.classes = classes
        copy.notFigures.classes = classes
        return copy
    }
}
