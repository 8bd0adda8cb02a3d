import AnalyticsCore

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
            if any && found.count < limit {
                found += phrases(in: document, novel: novel, scratch: &scratch, room: limit - found.count)
            }
        }
        seen.reserveCapacity(seen.count + unitGrams.count / 2)
        for key in unitGrams { seen.insert(key) }
        return found
    }

    /// Stretches covered by novel trigrams, as word-aligned phrases.
    private func phrases(in document: Document, novel: [Bool], scratch: inout Segmenter.Scratch, room: Int) -> [Candidate] {
        let s = document.scalars
        var result: [Candidate] = []
        var seenTerms = Set<String>()
        var index = 0
        while index < s.count && result.count < room {
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
            let tokens = segmenter.tokens(in: s, range: clauseStart..<clauseEnd, scratch: &scratch)
            guard var first = tokens.firstIndex(where: { $0.end > start }),
                  var last = tokens.lastIndex(where: { $0.start < end }) else { continue }
            func hasNovel(_ from: Int, _ to: Int) -> Bool {
                guard to - from >= 3 else { return false }
                for position in from...(to - 3) where novel[position] { return true }
                return false
            }
            while first < last && isWeak(tokens[first], in: s) && hasNovel(tokens[first + 1].start, tokens[last].end) { first += 1 }
            while last > first && isWeak(tokens[last], in: s) && hasNovel(tokens[first].start, tokens[last - 1].end) { last -= 1 }
            let phraseStart = tokens[first].start, phraseEnd = tokens[last].end
            let length = phraseEnd - phraseStart
            guard (3...12).contains(length), !isWeak(tokens[first], in: s), !isWeak(tokens[last], in: s) else { continue }
            let term = String(String.UnicodeScalarView(s[phraseStart..<phraseEnd]))
            guard seenTerms.insert(term).inserted else { continue }
            let words = last - first + 1
            let tag = words == 1 && tokens[first].wordID >= 0 ? segmenter.lexicon.tag(ofWordID: Int(tokens[first].wordID)) : nil
            result.append(Candidate(term: term, words: words, tag: tag))
        }
        return result
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
