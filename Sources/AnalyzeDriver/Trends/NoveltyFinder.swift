import AnalyticsCore
import Foundation

/// Finds phrases a document (or a period's documents) uses that no earlier one did, so a
/// formulation is a term the first year it appears even when it occurs once and neither the
/// keywords nor the slogans name it (新质生产力 in the 2024 work report).
///
/// A document's Han character trigrams are compared with every trigram of the earlier documents;
/// each stretch of text covered by unseen trigrams is widened to the words the segmenter finds
/// there and trimmed of verbs, adverbs and function words at its edges (加快发展新质生产力 →
/// 新质生产力). Trigrams are three 21-bit scalars in one UInt64: exact, no hashing collisions.
/// Memory grows with the distinct trigrams of the run (about 12 MB for the 98 reports).
struct NoveltyFinder {
    struct Candidate: Hashable {
        let term: String
        /// Segmenter words in the phrase.
        let words: Int
        /// The lexicon's tag when the phrase is one dictionary word (ns, nr… weigh less).
        let tag: String?
        /// It holds a word of two or more characters the dictionary lacks (新质): a
        /// coined term more than a new combination of known words.
        let coined: Bool
    }

    private var seen = Set<UInt64>()
    private let segmenter: Segmenter
    /// Candidates per document at most (the first found win): a long document of new material
    /// must not fill the term table.
    let limit: Int

    init(segmenter: Segmenter, limit: Int = 300) {
        self.segmenter = segmenter
        self.limit = limit
    }

    /// The new phrases of `documents` (one period, in order) against everything passed before;
    /// the first call only records what it has seen.
    mutating func discover(in documents: [Document], recordOnly: Bool) -> [Candidate] {
        var found: [Candidate] = []
        var unitGrams: [UInt64] = []
        var scratch = Segmenter.Scratch()
        for document in documents {
            let s = document.scalars
            var novel = [Bool](repeating: false, count: s.count)
            var any = false
            var index = 0
            while index + 2 < s.count {
                guard ScriptClass.isHan(s[index + 2]) else { index += 3; continue }
                guard ScriptClass.isHan(s[index + 1]) else { index += 2; continue }
                guard ScriptClass.isHan(s[index]) else { index += 1; continue }
                let key = UInt64(s[index].value) << 42 | UInt64(s[index + 1].value) << 21 | UInt64(s[index + 2].value)
                unitGrams.append(key)
                if !recordOnly && !seen.contains(key) { novel[index] = true; any = true }
                index += 1
            }
            if any {
                found += phrases(in: document, novel: novel, scratch: &scratch)
            }
        }
        seen.reserveCapacity(seen.count + unitGrams.count / 2)
        for key in unitGrams { seen.insert(key) }
        return found
    }

    /// Stretches covered by novel trigrams, as word-aligned phrases.
    /// The document's phrases, the most frequent (then the longest) first, at most `limit`.
    private func phrases(in document: Document, novel: [Bool], scratch: inout Segmenter.Scratch) -> [Candidate] {
        let s = document.scalars
        var result: [Candidate] = []
        var frequency: [String: Int] = [:]
        var lastClause = 0..<0
        var lastTokens: [Token] = []
        var index = 0
        while index < s.count {
            guard novel[index] else { index += 1; continue }
            // Merge overlapping trigram spans into one stretch [start, end).
            let start = index
            var end = index + 3
            var next = index + 1
            while next < end && next < s.count { if novel[next] { end = max(end, next + 3) }; next += 1 }
            index = end
            // The clause: the run of Han characters around the stretch.
            var clauseStart = start, clauseEnd = end
            while clauseStart > 0 && ScriptClass.isHan(s[clauseStart - 1]) && start - clauseStart < 24 { clauseStart -= 1 }
            while clauseEnd < s.count && ScriptClass.isHan(s[clauseEnd]) && clauseEnd - end < 24 { clauseEnd += 1 }
            // Stretches of one clause share its segmentation.
            if lastClause != clauseStart..<clauseEnd {
                lastClause = clauseStart..<clauseEnd
                lastTokens = segmenter.tokens(in: s, range: clauseStart..<clauseEnd, scratch: &scratch)
            }
            let tokens = lastTokens
            func hasNovel(_ from: Int, _ to: Int) -> Bool {
                guard to - from >= 3 else { return false }
                for position in from...(to - 3) where novel[position] { return true }
                return false
            }
            // Runs of tokens between weak ones (verbs, function words…) that hold a novel trigram:
            // 连续 几年 发行 超 长期 特别 国债 → 超长期特别国债.
            var runStart = 0
            for position in 0...tokens.count {
                guard position == tokens.count || splits(tokens[position], in: s) else { continue }
                defer { runStart = position + 1 }
                guard runStart < position else { continue }
                var first = runStart, last = position - 1
                guard tokens[last].end > start && tokens[first].start < end, hasNovel(tokens[first].start, tokens[last].end) else { continue }
                // Adverbs, numerals, time words at the edges go (inside they may belong: 特别国债);
                // so does a verbal noun opening the run, the verb of the phrase: 发展 新质生产力.
                while first < last && (isWeak(tokens[first], in: s) || isVerbal(tokens[first])) && hasNovel(tokens[first + 1].start, tokens[last].end) { first += 1 }
                while last > first && isWeak(tokens[last], in: s) && hasNovel(tokens[first].start, tokens[last - 1].end) { last -= 1 }
                guard !isWeak(tokens[first], in: s) && !isWeak(tokens[last], in: s) else { continue }
                let phraseStart = tokens[first].start, phraseEnd = tokens[last].end
                guard (3...16).contains(phraseEnd - phraseStart) else { continue }
                let term = String(String.UnicodeScalarView(s[phraseStart..<phraseEnd]))
                frequency[term, default: 0] += 1
                guard frequency[term] == 1 else { continue }
                let words = last - first + 1
                let tag = words == 1 && tokens[first].wordID >= 0 ? segmenter.lexicon.tag(ofWordID: Int(tokens[first].wordID)) : nil
                let coined = (first...last).contains { tokens[$0].kind == .word && tokens[$0].wordID < 0 && tokens[$0].length > 1 }
                result.append(Candidate(term: term, words: words, tag: tag, coined: coined))
            }
        }
        if let debug = ProcessInfo.processInfo.environment["ANALYZE_DEBUG_NOVELTY"], !debug.isEmpty {
            for candidate in result where candidate.term.contains(debug) {
                FileHandle.standardError.write("\(document.source): \(candidate.term) ×\(frequency[candidate.term]!) words \(candidate.words)\n".data(using: .utf8)!)
            }
        }
        let ranked = result.enumerated().sorted { a, b in
            let fa = frequency[a.element.term]!, fb = frequency[b.element.term]!
            if fa != fb { return fa > fb }
            let la = a.element.term.unicodeScalars.count, lb = b.element.term.unicodeScalars.count
            return la != lb ? la > lb : a.offset < b.offset
        }
        return ranked.prefix(limit).map(\.element)
    }

    /// Verbs, prepositions, conjunctions, particles and pronouns end a phrase where they stand.
    private func splits(_ token: Token, in s: [Unicode.Scalar]) -> Bool {
        if token.length == 1 { return Self.functionCharacters.contains(s[token.start]) }
        guard token.wordID >= 0, let tag = segmenter.lexicon.tag(ofWordID: Int(token.wordID)) else { return false }
        return Self.splittingTags.contains(tag)
    }

    static let splittingTags: Set<String> = ["v", "vd", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "rr", "rz", "e", "y", "o", "zg"]

    private func isVerbal(_ token: Token) -> Bool {
        token.wordID >= 0 && segmenter.lexicon.tag(ofWordID: Int(token.wordID)) == "vn"
    }

    /// Verbs, adverbs, prepositions, conjunctions, particles, pronouns, numerals, measure words and
    /// time words do not begin or end a term; nor do single function characters.
    private func isWeak(_ token: Token, in s: [Unicode.Scalar]) -> Bool {
        if token.length == 1 { return Self.functionCharacters.contains(s[token.start]) }
        guard token.wordID >= 0, let tag = segmenter.lexicon.tag(ofWordID: Int(token.wordID)) else { return false }
        return Self.weakTags.contains(tag)
    }

    static let weakTags: Set<String> = ["v", "vd", "d", "df", "dg", "ad", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud",
                                        "r", "rr", "rz", "m", "mq", "q", "t", "tg", "f", "e", "y", "o", "zg"]
    static let functionCharacters: Set<Unicode.Scalar> = Set("的了和与及在对把被从向为以等是将并而或之其各每该也都又再更最很不要已由就还使让给到于着过".unicodeScalars)
}
