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
    private let speech: Set<[Unicode.Scalar]>

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
        speech = Set((lists["speech"] ?? []).map { Array($0.unicodeScalars) })
    }

    static func load(segmenter: Segmenter) throws -> WordClasses {
        guard let path = ResourceLocator.path(of: "wordclasses.tsv", target: "SlogansPlugin"),
              let data = FileManager.default.contents(atPath: path) else {
            throw AnalyzerSetupError("the word classes (analyze_SlogansPlugin.resources/wordclasses.tsv) are not beside the analyze binary; reinstall with scripts/install")
        }
        return WordClasses(segmenter: segmenter, table: String(decoding: data, as: UTF8.self))
    }

    /// The token's tag; single characters carry no word id from the segmenter, so they are looked up.
    private func tag(_ token: Token, _ scalars: [Unicode.Scalar]) -> String? {
        if token.wordID >= 0 { return segmenter.lexicon.tag(ofWordID: Int(token.wordID)) }
        guard token.kind == .word, let id = segmenter.lexicon.wordID(of: scalars[token.range]) else { return nil }
        return segmenter.lexicon.tag(ofWordID: id)
    }

    /// Whether the clause tells a story or reports speech. `framed` clauses (sharing characters
    /// with their neighbours) may hold numerals and place words (马上办、网上办、一次办).
    /// `sharedOpening`: every clause of the run opens with the same character (为…，为…), which is
    /// then a frame, not a preposition of a story.
    func isNarrative(_ clause: TextSpan, _ scalars: [Unicode.Scalar], framed: Bool, sharedOpening: Bool = false) -> Bool {
        for token in segmenter.tokens(in: scalars, range: clause.range) {
            if speech.contains(Array(scalars[token.range])) { return true }
            guard let tag = tag(token, scalars) else { continue }
            // A single character counts only as a pronoun or a particle of narration (她; 的, 了), or as a
            // conjunction or preposition opening the clause (既是…; 对重大案件…): a lone 至, 上 or 并 inside is mostly a piece of a
            // word the dictionary lacks (人民至上, 沉得下) or of a classical line (众力并则万钧举).
            if token.length == 1 {
                let opens = token.start == clause.start && !sharedOpening
                guard tag == "r" || narrative.contains(tag) && tag.hasPrefix("u") || opens && (tag == "c" || tag == "p") else { continue }
                return true
            }
            if narrative.contains(tag) || !framed && loose.contains(tag) { return true }
        }
        return false
    }

    /// Whether the item is nouns alone (载人航天: 载人 航天), as in an enumeration.
    func isNounOnly(_ item: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        let tokens = segmenter.tokens(in: scalars, range: item.range)
        return !tokens.isEmpty && tokens.allSatisfy { tag($0, scalars).map(noun.contains) == true }
    }

    /// Whether the clause starts a word at `offset` (a tail cut from a longer clause must be words of its own).
    func startsWord(at offset: Int, in clause: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        segmenter.tokens(in: scalars, range: clause.range).contains { $0.start == offset }
    }

    /// Whether a three-character item is a one-character verb and a two-character noun (讲政治, 顾大局).
    func isVerbObject(_ item: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        guard item.length == 3,
              let verbID = segmenter.lexicon.wordID(of: scalars[item.start..<(item.start + 1)]),
              let objectID = segmenter.lexicon.wordID(of: scalars[(item.start + 1)..<item.end]),
              let verbTag = segmenter.lexicon.tag(ofWordID: verbID), let objectTag = segmenter.lexicon.tag(ofWordID: objectID) else { return false }
        return verb.contains(verbTag) && noun.contains(objectTag)
    }

    /// Whether the span is a word of the dictionary (with a part of speech: not merely a prefix of one).
    func isWord(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        segmenter.lexicon.wordID(of: scalars[span.range]).flatMap { segmenter.lexicon.tag(ofWordID: $0) } != nil
    }

    /// Whether the text is one dictionary word (风险, 管家), not a coinage (田保姆, 河长制).
    func isDictionaryWord(_ span: TextSpan, _ scalars: [Unicode.Scalar]) -> Bool {
        let tokens = segmenter.tokens(in: scalars, range: span.range)
        return tokens.count == 1 && tokens[0].kind == .word && tokens[0].wordID >= 0
    }
}

extension Token {
    var range: Range<Int> { start..<end }
}
