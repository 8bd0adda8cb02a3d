import AnalyticsCore
import Foundation

/// Word classes of clauses, from the lexicon's part-of-speech tags (Resources/wordclasses.tsv):
/// whether a clause tells a story or reports speech (a pronoun, a preposition, a person's name, a
/// verb of saying…), whether an item is a noun alone, whether it is verb + object. Only the few
/// clauses that look parallel are segmented.
struct WordClasses: Sendable {
    let segmenter: Segmenter
    private let narrative: Set<String>
    private let loose: Set<String>
    private let noun: Set<String>
    private let verb: Set<String>
    /// Verbs of saying by lexicon word id (no String or array per token).
    private let speech: Set<Int>

    init(segmenter: Segmenter, table: String) {
        self.segmenter = segmenter
        var lists: [String: [String]] = [:]
        for fields in TabSeparated.lines(table, maxSplits: 1) where fields.count == 2 {
            lists[fields[0], default: []] += fields[1].split(separator: " ").map(String.init)
        }
        narrative = Set(lists["narrative"] ?? [])
        loose = Set(lists["loose"] ?? [])
        noun = Set(lists["noun"] ?? [])
        verb = Set(lists["verb"] ?? [])
        speech = Set((lists["speech"] ?? []).compactMap { segmenter.lexicon.wordID(of: Array($0.unicodeScalars)[...]) })
    }

    static func load(segmenter: Segmenter) throws -> WordClasses {
        WordClasses(segmenter: segmenter, table: try ResourceLocator.text(of: "wordclasses.tsv", target: "SlogansPlugin", what: "the word classes"))
    }

    /// The token's word id; single characters carry none from the segmenter, so they are looked up.
    private func wordID(_ token: Token, _ scalars: [Unicode.Scalar]) -> Int? {
        if token.wordID >= 0 { return Int(token.wordID) }
        guard token.kind == .word, token.length == 1 else { return nil }
        return segmenter.lexicon.wordID(of: scalars[token.range])
    }

    private func tag(_ token: Token, _ scalars: [Unicode.Scalar]) -> String? {
        wordID(token, scalars).flatMap(segmenter.lexicon.tag(ofWordID:))
    }

    /// Whether the clause tells a story or reports speech. `framed` clauses (sharing characters
    /// with their neighbours) may hold numerals and place words (马上办、网上办、一次办). `frame`:
    /// the slots every clause of the run shares; a word inside them is the slogan's pattern (青年 of
    /// 青年兴则国家兴，青年强则国家强; 我 of 青春之我、奋斗之我), except a pronoun opening the clause
    /// (有人负责…，有人负责…). `pronouns: false` for quoted maxims (民有所呼，我有所应).
    /// `opensClause: false` for a window inside a clause: its first word does not open the clause.
    func isNarrative(_ clause: TextSpan, _ scalars: [Unicode.Scalar], framed: Bool, frame: [Int] = [], pronouns: Bool = true,
                     opensClause: Bool = true) -> Bool {
        isNarrative(clause, words: words(clause, scalars), scalars, framed: framed, frame: frame, pronouns: pronouns, opensClause: opensClause)
    }

    /// The clause's words, for callers that ask several questions of one clause. A clause that is
    /// one idiom or set phrase of the dictionary (踔厉奋发: i, 守规矩: l) is looked up, not segmented.
    func words(_ clause: TextSpan, _ scalars: [Unicode.Scalar]) -> [Token] {
        // The whole clause is looked up once, for both questions below.
        let whole = clause.length >= 3 ? segmenter.lexicon.wordID(of: scalars[clause.range]) : nil
        let wholeTag = whole.flatMap(segmenter.lexicon.tag(ofWordID:))
        if let whole, let wholeTag, wholeTag == "i" || wholeTag == "l" {
            return [Token(start: clause.start, end: clause.end, kind: .word, wordID: Int32(whole))]
        }
        // Four characters that are two dictionary words (实干 担当, 载人 航天) and not one: the
        // segmenter would cut them so too, without running its route.
        if clause.length == 4, wholeTag == nil,
           let first = taggedID(scalars[clause.start..<(clause.start + 2)]), let second = taggedID(scalars[(clause.start + 2)..<clause.end]) {
            return [Token(start: clause.start, end: clause.start + 2, kind: .word, wordID: Int32(first)),
                    Token(start: clause.start + 2, end: clause.end, kind: .word, wordID: Int32(second))]
        }
        return segmenter.tokens(in: scalars, range: clause.range)
    }

    func isNarrative(_ clause: TextSpan, words: [Token], _ scalars: [Unicode.Scalar], framed: Bool, frame: [Int] = [], pronouns: Bool = true,
                     opensClause: Bool = true) -> Bool {
        for token in words {
            guard let id = wordID(token, scalars) else { continue }
            if speech.contains(id) { return true }
            guard let tag = segmenter.lexicon.tag(ofWordID: id) else { continue }
            let opens = opensClause && token.start == clause.start
            let inFrame = (token.start..<token.end).allSatisfy { frame.contains($0 - clause.start) }
            if inFrame && !(opens && tag == "r") { continue }
            if tag == "r" && !pronouns { continue }
            // A single character counts only as a pronoun or a particle of narration (她; 的, 了), or as a
            // conjunction or preposition opening the clause (既是…; 对重大案件…): a lone 至, 上 or 并 inside
            // is mostly a piece of a word the dictionary lacks (人民至上, 沉得下) or of a classical line (众力并则万钧举).
            if token.length == 1 {
                guard tag == "r" || narrative.contains(tag) && tag.hasPrefix("u") || opens && (tag == "c" || tag == "p") else { continue }
                return true
            }
            // Conjunctions and prepositions tell a story where they open the clause (只要…, 经过…);
            // inside, the dictionary's tags are less sure (及时 is tagged c).
            if (tag == "c" || tag == "p") && !opens { continue }
            if tag == "m" && scalars[token.start] == "第" { continue } // an ordinal ranks, it does not count: 安全第一
            if narrative.contains(tag) || !framed && loose.contains(tag) { return true }
        }
        return false
    }

    /// Whether the item is nouns alone (载人航天: 载人 航天), as in an enumeration.
    func isNounOnly(_ item: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        isNounOnly(words: words(item, scalars), scalars)
    }

    func isNounOnly(words tokens: [Token], _ scalars: [Unicode.Scalar]) -> Bool {
        return !tokens.isEmpty && tokens.allSatisfy { tag($0, scalars).map(noun.contains) == true }
    }

    /// Whether the clause starts a word at `offset` (a tail cut from a longer clause must be words of
    /// its own), judged on four characters either side: the rest of a long clause does not move it.
    /// Two dictionary words meeting there (坚持|人民) answer without segmenting.
    func startsWord(at offset: Int, in clause: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        if offset == clause.start || offset == clause.end { return true }
        if offset - 2 >= clause.start, offset + 2 <= clause.end, taggedID(scalars[(offset - 2)..<offset]) != nil,
           taggedID(scalars[offset..<(offset + 2)]) != nil, taggedID(scalars[(offset - 1)..<(offset + 1)]) == nil { return true }
        let window = max(clause.start, offset - 4)..<min(clause.end, offset + 4)
        return segmenter.tokens(in: scalars, range: window).contains { $0.start == offset }
    }

    /// Whether the item is one noun of the dictionary (图书馆, 博物馆).
    func isNounWord(_ item: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        wordTag(scalars[item.range]).map { ["n", "nz", "ns", "nt"].contains($0) } == true
    }

    /// Whether a three-character item is a character and a two-character word (讲政治, 顾大局,
    /// 勤学习, 勇实践): the shape of a verb or adverb and its object or verb. The character may not be
    /// a pronoun, numeral, particle, preposition or conjunction, nor the item one noun of the dictionary.
    func isCharacterAndWord(_ item: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        guard item.length == 3,
              let firstTag = wordTag(scalars[item.start..<(item.start + 1)]), let restTag = wordTag(scalars[(item.start + 1)..<item.end]),
              !["r", "m", "q", "p", "c", "f", "x"].contains(firstTag), !firstTag.hasPrefix("u"),
              ["v", "vn", "n", "a", "an", "nr", "l"].contains(restTag) else { return false }
        // One common noun of the dictionary (研究生) is no such item; nz is not (the dictionary files 促发展 under it).
        if let wholeTag = wordTag(scalars[item.range]), ["n", "ns", "nt"].contains(wholeTag) { return false }
        return true
    }

    private func taggedID(_ text: ArraySlice<Unicode.Scalar>) -> Int? {
        guard let id = segmenter.lexicon.wordID(of: text), segmenter.lexicon.tag(ofWordID: id) != nil else { return nil }
        return id
    }

    private func wordTag(_ text: ArraySlice<Unicode.Scalar>) -> String? {
        segmenter.lexicon.wordID(of: text).flatMap { segmenter.lexicon.tag(ofWordID: $0) }
    }

    /// Whether the span is a word of the dictionary (with a part of speech: not merely a prefix of one).
    func isWord(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        segmenter.lexicon.wordID(of: scalars[span.range]).flatMap { segmenter.lexicon.tag(ofWordID: $0) } != nil
    }

    /// Whether the text is one dictionary word (风险, 管家), not a coinage (田保姆, 河长制).
    func isDictionaryWord(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        span.length >= 2 && isWord(span, scalars)
    }
}

extension Token {
    var range: Range<Int> { start..<end }
}
