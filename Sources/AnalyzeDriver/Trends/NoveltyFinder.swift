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
    /// ANALYZE_DEBUG_NOVELTY=TERM prints the candidates containing TERM (read once, for measuring;
    /// README, trends). Off, it costs one test of this constant per unit.
    static let debugTerm: String? = ProcessInfo.processInfo.environment["ANALYZE_DEBUG_NOVELTY"].flatMap { $0.isEmpty ? nil : $0 }

    /// A debug line to standard error in one write, so lines from units found in parallel never interleave.
    private static func debugLine(_ line: String) {
        StandardStreams.write(line + "\n", to: STDERR_FILENO)
    }

    struct Candidate: Hashable {
        let term: String
        /// Segmenter words in the phrase.
        let words: Int
        /// The lexicon's tag when the phrase is one dictionary word (ns, nr… weigh less).
        let tag: String?
        /// It holds a word of two or more characters the dictionary lacks (新质): a
        /// coined term more than a new combination of known words.
        let coined: Bool
        /// Its first word is a verb (or verbal noun) followed by others: an action on an
        /// object (落实一揽子化债方案, 弘扬教育家精神) more than the name of a thing.
        var opensWithVerb = false
        /// Its last word is a single character (着力稳, 全国碳, 者多得): the phrase stops inside
        /// a longer expression more often than at the end of a name.
        var endsWithSingle = false
        /// A verb or adjective (壮大, 营造, 健全 — by the dictionary's tag) put before a phrase of three
        /// or more characters that earlier documents already have (壮大新动能, 营造市场化, 优化营商环境): new
        /// only where the two meet, an action on an older term rather than a term.
        var modifiesOlder = false
        /// It ends in a head noun the genre names policies with (经济, 中国, 强国, 精神, 革命…:
        /// `policy-heads.txt`) after two characters or more: 低空经济, 工匠精神, 厕所革命.
        var endsWithHead = false
    }

    /// The genre's policy head nouns (`Resources/policy-heads.txt`), longest first; none when the
    /// file is not beside the binary.
    static let policyHeads: [[Unicode.Scalar]] = (ResourceLocator.words(of: "policy-heads.txt", target: "AnalyzeDriver") ?? [])
        .map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }

    /// The first scalars of the policy heads (BMP), so most positions are answered by one load.
    static let headStarts: [Bool] = {
        var starts = [Bool](repeating: false, count: 0x10000)
        for head in policyHeads where head[0].value < 0x10000 { starts[Int(head[0].value)] = true }
        return starts
    }()

    /// The length of the policy head noun starting at `position`, or 0.
    static func headLength(at position: Int, in s: [Unicode.Scalar]) -> Int {
        guard position < s.count else { return 0 } // a stretch may end with the text
        let first = s[position].value
        guard first >= 0x10000 || headStarts[Int(first)] else { return 0 }
        for head in policyHeads where position + head.count <= s.count {
            if (0..<head.count).allSatisfy({ s[position + $0] == head[$0] }) { return head.count }
        }
        return 0
    }

    /// Whether `term` ends in a policy head noun with two characters or more before it.
    static func endsWithHead(_ term: [Unicode.Scalar]) -> Bool {
        policyHeads.contains { head in
            term.count >= head.count + 2 && term[(term.count - head.count)...].elementsEqual(head)
        }
    }

    /// Characters of context segmented on each side of a stretch of new trigrams.
    static let margin = 8
    /// Stretches segmented per document at most, the most recurring first: bounds the work on a
    /// document that is mostly new to the run (the first of a genre, another province).
    static let stretchLimit = 150
    /// Stretches past the limit segmented too when later units keep every trigram of them, and
    /// how long such a stretch may be (a name, not a clause).
    static let persistentLimit = 60
    static let persistentLength = 7
    /// Beside them, short stretches past the limit that run into a policy head noun (发展银发|经济:
    /// the name of a thing, said once in a long report), the most recurring first.
    static let headedLimit = 20
    private let segmenter: Segmenter
    /// Candidates per document at most (the most frequent, then the longest): a long document
    /// of new material must not fill the term table.
    let limit: Int

    /// Per unit and document, the novel trigrams: position and how much the trigram recurs (its
    /// count in its first unit plus twice the later units that have it).
    private let novelties: [[[(position: Int32, weight: Int32)]]]

    /// Reads every unit's trigrams (units in date order, each a period's documents).
    init(segmenter: Segmenter, units: [[Document]], limit: Int = 120) {
        self.segmenter = segmenter
        self.limit = limit
        novelties = TrigramCensus.novelties(units.map { $0.map(\.scalars) })
    }

    /// Calls `body` with the position and key of every run of three Han characters.
    @inline(__always)
    static func forEachTrigram(_ s: [Unicode.Scalar], _ body: (Int, UInt64) -> Void) {
        var index = 0
        while index + 2 < s.count {
            guard ScriptClass.isHan(s[index + 2]) else { index += 3; continue }
            guard ScriptClass.isHan(s[index + 1]) else { index += 2; continue }
            guard ScriptClass.isHan(s[index]) else { index += 1; continue }
            body(index, UInt64(s[index].value) << 42 | UInt64(s[index + 1].value) << 21 | UInt64(s[index + 2].value))
            index += 1
        }
    }

    /// The new phrases of unit `unit` (after the first): stretches of trigrams no earlier unit
    /// has that recur, in this unit or a later one — a phrase used once and never again is not
    /// a formulation, and leaving it out keeps the work small.
    func discover(unit: Int, in documents: [Document]) -> [Candidate] {
        var found: [Candidate] = []
        var scratch = Segmenter.Scratch()
        var novel: [Bool] = [], weights: [Int] = [], keptLater: [Bool] = []
        for (number, document) in documents.enumerated() {
            let s = document.scalars
            // Reused across documents (allocating them per document was a tenth of this).
            novel.removeAll(keepingCapacity: true)
            novel.append(contentsOf: repeatElement(false, count: s.count))
            // How much a novel trigram recurs: its count here plus twice the later units that have it.
            weights.removeAll(keepingCapacity: true)
            weights.append(contentsOf: repeatElement(0, count: s.count))
            keptLater.removeAll(keepingCapacity: true)
            keptLater.append(contentsOf: repeatElement(false, count: s.count))
            var any = false
            for novelty in novelties[unit][number] {
                novel[Int(novelty.position)] = true
                weights[Int(novelty.position)] = Int(novelty.weight & 0xFF_FFFF)
                keptLater[Int(novelty.position)] = novelty.weight >> 24 != 0
                any = true
            }
            if any {
                found += phrases(in: document, novel: novel, weights: weights, keptLater: keptLater, scratch: &scratch)
            }
        }
        return found
    }

    /// Stretches covered by novel trigrams, as word-aligned phrases.
    /// The document's phrases, the most frequent (then the longest) first, at most `limit`.
    private func phrases(in document: Document, novel: [Bool], weights: [Int], keptLater: [Bool], scratch: inout Segmenter.Scratch) -> [Candidate] {
        let s = document.scalars
        var result: [Candidate] = []
        var frequency: [String: Int] = [:]
        // Per phrase, how much its weakest novel trigram recurs (count here + 2 × later units):
        // a bound on how much the phrase itself is said again, here and in later documents.
        var recurrence: [Int] = []
        var index = 0
        // Stretches: overlapping novel trigram spans merged, [start, end), with how much their
        // best trigram recurs; the `stretchLimit` most recurring are segmented, and up to
        // `persistentLimit` more whose novel trigrams later documents keep.
        var stretches: [(start: Int, end: Int, weight: Int)] = []
        while index < s.count {
            guard novel[index] else { index += 1; continue }
            let start = index
            var end = index + 3
            var weight = weights[index]
            var next = index + 1
            while next < end && next < s.count { if novel[next] { end = max(end, next + 3); weight = max(weight, weights[next]) }; next += 1 }
            index = end
            stretches.append((start, end, weight))
        }
        if let debug = Self.debugTerm {
            let ranked = stretches.enumerated().sorted { a, b in
                a.element.weight != b.element.weight ? a.element.weight > b.element.weight : a.offset < b.offset
            }
            for (rank, item) in ranked.enumerated() where String(scalars: s[max(0, item.element.start - 4)..<min(s.count, item.element.end + 4)]).contains(debug) {
                let text = String(scalars: s[item.element.start..<item.element.end])
                let ws = (item.element.start..<(item.element.end - 2)).map { novel[$0] ? String(weights[$0]) : "." }.joined(separator: ",")
                Self.debugLine("\(document.source): stretch \(text) weight \(item.element.weight) rank \(rank + 1) of \(stretches.count) [\(ws)]")
            }
        }
        if stretches.count > Self.stretchLimit {
            // The most recurring first, ties in text order: one key a stretch (weight high, the
            // offset's complement low), sorted as integers (the comparator over enumerated
            // tuples was 2–3% of trends' time on the reports); the kept ones back in text order.
            var keys = stretches.indices.map { UInt64(UInt32(clamping: stretches[$0].weight)) << 32 | (0xFFFF_FFFF - UInt64($0)) }
            keys.sort(by: >)
            var kept = keys.prefix(Self.stretchLimit).map { Int(0xFFFF_FFFF - ($0 & 0xFFFF_FFFF)) }
            // Beside them, short stretches that later units keep whole: every novel trigram of
            // the stretch is said again in a later unit (国内大循环 in a long report). A formulation
            // persists as a unit; a chance collocation keeps at most a piece of it. The most
            // recurring first (the shortest first lost 国内大循环 to shorter ones: measured).
            var persistent = 0
            for key in keys.dropFirst(Self.stretchLimit) where persistent < Self.persistentLimit {
                let index = Int(0xFFFF_FFFF - (key & 0xFFFF_FFFF))
                let (start, end, _) = stretches[index]
                guard end - start <= Self.persistentLength else { continue }
                guard (start...(end - 3)).allSatisfy({ !novel[$0] || keptLater[$0] }) else { continue }
                kept.append(index)
                persistent += 1
            }
            var taken = Set(kept), headed = 0
            for key in keys.dropFirst(Self.stretchLimit) where headed < Self.headedLimit {
                let index = Int(0xFFFF_FFFF - (key & 0xFFFF_FFFF))
                let (start, end, _) = stretches[index]
                guard end - start <= Self.persistentLength, !taken.contains(index) else { continue }
                // A head noun beginning inside the stretch, or just after it, with two characters before it.
                guard (start + 2...end).contains(where: { Self.headLength(at: $0, in: s) > 0 }) else { continue }
                kept.append(index)
                taken.insert(index)
                headed += 1
            }
            stretches = kept.sorted().map { stretches[$0] }
        }
        for (start, end, _) in stretches {
            // A window of the clause around the stretch (the Han run, at most `margin` characters
            // each side): segmenting whole clauses was most of the cost. A token at a cut edge
            // may be half a word, so it is left out.
            var windowStart = start, windowEnd = end
            while windowStart > 0 && ScriptClass.isHan(s[windowStart - 1]) && start - windowStart < Self.margin { windowStart -= 1 }
            while windowEnd < s.count && ScriptClass.isHan(s[windowEnd]) && windowEnd - end < Self.margin { windowEnd += 1 }
            var tokens = segmenter.tokens(in: s, range: windowStart..<windowEnd, scratch: &scratch)
            if windowStart > 0 && ScriptClass.isHan(s[windowStart - 1]) && tokens.count > 1 { tokens.removeFirst() }
            if windowEnd < s.count && ScriptClass.isHan(s[windowEnd]) && tokens.count > 1 { tokens.removeLast() }
            let joined = joinBoundSuffixes(&tokens, in: s)
            if let debug = Self.debugTerm, String(scalars: s[windowStart..<windowEnd]).contains(debug) {
                Self.debugLine("  window " + tokens.map { t in String(scalars: s[t.start..<t.end]) + "/" + (t.wordID >= 0 ? segmenter.lexicon.tag(ofWordID: Int(t.wordID)) ?? "?" : "-") }.joined(separator: " "))
            }
            func hasNovel(_ from: Int, _ to: Int) -> Bool {
                guard to - from >= 3 else { return false }
                for position in from...(to - 3) where novel[position] { return true }
                return false
            }
            // A two-character verb right before a policy head noun, the two new together, names a
            // kind of the head (分享经济, 共享经济): it does not split there. An older pair (发展经济)
            // is no candidate: it holds no novel trigram.
            func namesHead(_ position: Int) -> Bool {
                guard position + 1 < tokens.count else { return false }
                let verb = tokens[position], head = tokens[position + 1]
                guard verb.length == 2, verb.kind == .word, head.start == verb.end, verb.wordID >= 0,
                      segmenter.lexicon.tag(ofWordID: Int(verb.wordID)) == "v",
                      Self.headLength(at: head.start, in: s) == head.length, !modifiesNoun(position + 1) else { return false }
                return hasNovel(verb.start, head.end)
            }
            // The head noun at `position` is followed by a noun it modifies (经济|工作, 中国|特色): the
            // head is not the end of a name there (做好经济工作, 完善中国特色…); a verbal noun after
            // it (分享经济|发展) or the end of the clause leaves it one.
            func modifiesNoun(_ position: Int) -> Bool {
                guard position + 1 < tokens.count, tokens[position + 1].start == tokens[position].end,
                      tokens[position + 1].wordID >= 0, let tag = segmenter.lexicon.tag(ofWordID: Int(tokens[position + 1].wordID)) else { return false }
                return tag.hasPrefix("n")
            }
            // One candidate, tokens first...last.
            func emit(_ first: Int, _ last: Int) {
                let phraseStart = tokens[first].start, phraseEnd = tokens[last].end
                guard (3...16).contains(phraseEnd - phraseStart) else { return }
                let term = String(scalars: s[phraseStart..<phraseEnd])
                frequency[term, default: 0] += 1
                guard frequency[term] == 1 else { return }
                var weakest = Int.max
                for position in phraseStart...(phraseEnd - 3) where novel[position] { weakest = min(weakest, weights[position]) }
                recurrence.append(weakest)
                // A word joined to its suffix is two words (获得 + 感): a coined phrase, not a word.
                let words = last - first + 1 + joined.filter { $0 >= phraseStart && $0 < phraseEnd }.count
                let tag = words == 1 && tokens[first].wordID >= 0 ? segmenter.lexicon.tag(ofWordID: Int(tokens[first].wordID)) : nil
                let coined = (first...last).contains { tokens[$0].kind == .word && tokens[$0].wordID < 0 && tokens[$0].length > 1 }
                var candidate = Candidate(term: term, words: words, tag: tag, coined: coined)
                if words > 1, tokens[first].wordID >= 0, let opening = segmenter.lexicon.tag(ofWordID: Int(tokens[first].wordID)) {
                    candidate.opensWithVerb = opening == "v" || opening == "vn" || opening == "vd"
                }
                candidate.endsWithSingle = words > 1 && tokens[last].length == 1
                candidate.endsWithHead = words > 1 && Self.endsWithHead(Array(s[phraseStart..<phraseEnd]))
                if first < last, tokens[first].wordID >= 0, let opening = segmenter.lexicon.tag(ofWordID: Int(tokens[first].wordID)),
                   Self.modifierTags.contains(opening), phraseEnd - tokens[first + 1].start >= 3 {
                    candidate.modifiesOlder = !hasNovel(tokens[first + 1].start, phraseEnd)
                }
                result.append(candidate)
            }
            // Runs of tokens between weak ones (verbs, function words…) that hold a novel trigram:
            // 连续 几年 发行 超 长期 特别 国债 → 超长期特别国债.
            var runStart = 0
            for position in 0...tokens.count {
                guard position == tokens.count || (splits(tokens[position], in: s) && !namesHead(position)) else { continue }
                defer { runStart = position + 1 }
                guard runStart < position else { continue }
                var first = runStart, last = position - 1
                guard tokens[last].end > start && tokens[first].start < end, hasNovel(tokens[first].start, tokens[last].end) else { continue }
                // Adverbs, numerals, time words at the edges go (inside they may belong: 特别国债);
                // so does a verbal noun opening the run, the verb of the phrase: 发展 新质生产力.
                while first < last && (isWeak(tokens[first], in: s) || isVerbal(tokens[first])) && hasNovel(tokens[first + 1].start, tokens[last].end) { first += 1 }
                // A verb of two single characters, verb and result (打好, 抓实, 用好), opens an action
                // on the phrase, not the phrase: 打 好 蓝天 保卫战 → 蓝天保卫战.
                let verb = resultativeVerb(tokens, at: first, in: s)
                if verb > 0 && first + verb <= last && hasNovel(tokens[first + verb].start, tokens[last].end) { first += verb }
                // A single numeral or adverb before a word of three or more characters (多 获得感).
                if first < last && tokens[first].length == 1 && tokens[first + 1].length >= 3 && isSingleModifier(tokens[first], in: s)
                    && hasNovel(tokens[first + 1].start, tokens[last].end) { first += 1 }
                while last > first && isWeak(tokens[last], in: s) && hasNovel(tokens[first].start, tokens[last - 1].end) { last -= 1 }
                // A verb may open only a name it forms with a head noun (分享经济 of 分享经济发展).
                let verbOpens = isWeak(tokens[first], in: s)
                guard !verbOpens || namesHead(first), !isWeak(tokens[last], in: s) else { continue }
                // A name ending at a policy head noun inside the run: the part up to the head is a
                // candidate too (分享经济|发展, 结构性改革|方案); and an interior verbal noun before
                // the name is its verb (大力 发展 银发经济 — 大力 is no adverb by the dictionary). The
                // name opens with a noun, not a verbal one (服务 管理改革 gives no 管理改革).
                if first < last, let head = (first + 1...last).last(where: { isHeadToken(tokens[$0], in: s) }) {
                    var nameStart = first
                    for j in first..<head where j + 1 < head && isVerbal(tokens[j]) && hasNovel(tokens[j + 1].start, tokens[head].end) { nameStart = j + 1 }
                    let opensAsName = namesHead(nameStart) || !(isWeak(tokens[nameStart], in: s) || isVerbal(tokens[nameStart]))
                    if head < last || nameStart > first, opensAsName, !modifiesNoun(head), hasNovel(tokens[nameStart].start, tokens[head].end) {
                        emit(nameStart, head)
                        if head == last { continue }
                    }
                }
                if verbOpens { continue }
                // A verbal noun and a head noun alone (管理 改革, 发展 战略) name an action, not a thing.
                if first + 1 == last && isVerbal(tokens[first]) && isHeadToken(tokens[last], in: s) { continue }
                emit(first, last)
            }
        }
        if let debug = Self.debugTerm {
            for candidate in result where candidate.term.contains(debug) {
                Self.debugLine("\(document.source): \(candidate.term) ×\(frequency[candidate.term]!) words \(candidate.words)")
            }
        }
        guard result.count > limit else { return result }
        // Keys computed once: a String-keyed lookup in the comparator was most of this function.
        let keys = result.map { (frequency: frequency[$0.term]!, length: $0.term.unicodeScalars.count) }
        let ranked = result.indices.sorted { a, b in
            // The phrases said again most, in this document and in later ones, first.
            if recurrence[a] != recurrence[b] { return recurrence[a] > recurrence[b] }
            if keys[a].frequency != keys[b].frequency { return keys[a].frequency > keys[b].frequency }
            return keys[a].length != keys[b].length ? keys[a].length > keys[b].length : a < b
        }
        return ranked.prefix(limit).map { result[$0] }
    }

    /// Noun-forming suffixes that are bound morphemes (感, 力, 度): a word the segmenter left
    /// apart from one (获得 感) is joined to it as one unknown word, 获得感, so a verb does not split
    /// the noun it forms. Only a two-character word and the suffix standing alone. 性 and 化 are
    /// left out: they mostly form modifiers of a following noun (规模性返贫, 市场化改革), and the
    /// joined word was a cut (规模性 rose to 2021's fourth new term when 性 was in this set).
    static let boundSuffixes: Set<Unicode.Scalar> = Set("感力度".unicodeScalars)

    /// Returns the starts of the joined words.
    private func joinBoundSuffixes(_ tokens: inout [Token], in s: [Unicode.Scalar]) -> [Int] {
        var joined: [Int] = []
        var index = 0
        while index + 1 < tokens.count {
            let word = tokens[index], suffix = tokens[index + 1]
            if word.kind == .word && word.length == 2 && word.wordID >= 0 && suffix.length == 1 && suffix.start == word.end
                && Self.boundSuffixes.contains(s[suffix.start]) && !Self.functionCharacters.contains(s[word.start]) {
                tokens[index] = Token(start: word.start, end: suffix.end, kind: .word)
                tokens.remove(at: index + 1)
                joined.append(word.start)
            }
            index += 1
        }
        return joined
    }

    /// Tokens (2 or 1, else 0) of a verb of two characters, a one-character verb and its result
    /// (好, 实, 牢, not a function character), at `index`: as two tokens (打 好) or as a word the
    /// dictionary lacks (打好).
    private func resultativeVerb(_ tokens: [Token], at index: Int, in s: [Unicode.Scalar]) -> Int {
        let token = tokens[index]
        let verbStart: Int, resultStart: Int, count: Int
        if token.length == 1 && index + 1 < tokens.count && tokens[index + 1].length == 1 && tokens[index + 1].kind == .word {
            (verbStart, resultStart, count) = (token.start, tokens[index + 1].start, 2)
        } else if token.length == 2 && token.kind == .word && token.wordID < 0 {
            (verbStart, resultStart, count) = (token.start, token.start + 1, 1)
        } else {
            return 0
        }
        guard !Self.functionCharacters.contains(s[resultStart]),
              let id = segmenter.lexicon.wordID(of: s[verbStart...verbStart]) else { return 0 }
        return segmenter.lexicon.tag(ofWordID: id) == "v" ? count : 0
    }

    /// A token that is one of the policy head nouns (经济, 改革…), whole.
    private func isHeadToken(_ token: Token, in s: [Unicode.Scalar]) -> Bool {
        token.kind == .word && Self.headLength(at: token.start, in: s) == token.length
    }

    /// A one-character numeral or adverb (多, 再): by the dictionary's tag.
    private func isSingleModifier(_ token: Token, in s: [Unicode.Scalar]) -> Bool {
        // Looked up by the character: a single character the segmenter's HMM left has no word id.
        guard let id = segmenter.lexicon.wordID(of: s[token.start...token.start]), let tag = segmenter.lexicon.tag(ofWordID: id) else { return false }
        return tag == "m" || tag == "d"
    }

    /// Verbs, prepositions, conjunctions, particles and pronouns end a phrase where they stand.
    private func splits(_ token: Token, in s: [Unicode.Scalar]) -> Bool {
        if token.length == 1 || isLooseJoin(token, in: s) { return Self.functionCharacters.contains(s[token.start]) || token.length > 1 }
        guard token.wordID >= 0, let tag = segmenter.lexicon.tag(ofWordID: Int(token.wordID)) else { return false }
        return Self.splittingTags.contains(tag)
    }

    /// Verbs, verbal nouns and adjectives: words that act on or qualify the phrase after them.
    static let modifierTags: Set<String> = ["v", "vn", "vd", "a", "ad", "an"]

    static let splittingTags: Set<String> = ["v", "vd", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "r", "rr", "rz", "e", "y", "o", "zg"]

    private func isVerbal(_ token: Token) -> Bool {
        token.wordID >= 0 && segmenter.lexicon.tag(ofWordID: Int(token.wordID)) == "vn"
    }

    /// Verbs, adverbs, prepositions, conjunctions, particles, pronouns, numerals, measure words and
    /// time words do not begin or end a term; nor do single function characters.
    /// A word the HMM joined (not in the dictionary) that begins or ends with a function
    /// character is a join across words (比上年, 的新), not a new word.
    private func isLooseJoin(_ token: Token, in s: [Unicode.Scalar]) -> Bool {
        token.kind == .word && token.wordID < 0 && token.length > 1
            && (Self.functionCharacters.contains(s[token.start]) || Self.functionCharacters.contains(s[token.end - 1]))
    }

    private func isWeak(_ token: Token, in s: [Unicode.Scalar]) -> Bool {
        if isLooseJoin(token, in: s) { return true }
        if token.length == 1 { return Self.functionCharacters.contains(s[token.start]) }
        guard token.wordID >= 0, let tag = segmenter.lexicon.tag(ofWordID: Int(token.wordID)) else { return false }
        return Self.weakTags.contains(tag)
    }

    static let weakTags: Set<String> = ["v", "vd", "d", "df", "dg", "ad", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud",
                                        "r", "rr", "rz", "m", "mq", "q", "t", "tg", "f", "e", "y", "o", "zg"]
    static let functionCharacters: Set<Unicode.Scalar> = Set("的了和与及在对把被从向为以等是将并而或之其各每该也都又再更最很不要已由就还使让给到于着过比同跟按经据随较除自当".unicodeScalars)
}

/// Every Han trigram of a run, with the first unit (document or period) that has it, its count
/// there and how many units have it; what a unit's novel trigrams are follows from that.
///
/// Trigrams are taken by a 32-bit fingerprint (two trigrams sharing one, about one pair in
/// 2^32 / distinct trigrams, are taken as one). The occurrences are first split by fingerprint
/// bits into 64 partitions, in text order; each partition is then counted in its own small
/// table, which stays in the cache (one table for the whole run, 16 MB for the 98 reports,
/// missed the cache at nearly every occurrence, and that was most of the trends' cost), and
/// the partitions are independent, so they run on the cores the process may use.
enum TrigramCensus {
    static let partitionBits = 6

    private static func mix(_ key: UInt64) -> UInt64 { key &* 0x9E37_79B9_7F4A_7C15 }
    private static func fingerprint(_ key: UInt64) -> UInt64 { (mix(key) >> 32) | 1 }

    /// For units of documents (scalars), each document's novel trigrams: those whose first unit
    /// is this one and that recur (twice in it, or in a later unit); none for the first unit.
    static func novelties(_ units: [[[Unicode.Scalar]]]) -> [[[(position: Int32, weight: Int32)]]] {
        // Documents end to end: a global position is the document's start plus the position.
        var starts: [Int] = [], unitOf: [Int] = [], documentIndex: [(unit: Int, number: Int)] = []
        var total = 0
        for (unit, documents) in units.enumerated() {
            for (number, scalars) in documents.enumerated() {
                starts.append(total)
                unitOf.append(min(unit, 0x7FF))
                documentIndex.append((unit, number))
                total += scalars.count
            }
        }
        starts.append(total)
        var result = units.map { $0.map { _ in [(position: Int32, weight: Int32)]() } }
        // A global position is kept in 32 bits: past 4 G characters no phrase is looked for.
        guard total < 1 << 32 else { return result }
        let partitions = 1 << partitionBits
        // Occurrences by partition, in text order: fingerprint in the high half, global position low.
        var records = [[UInt64]](repeating: [], count: partitions)
        for partition in records.indices { records[partition].reserveCapacity(total / partitions + total / (4 * partitions) + 16) }
        var flat = 0
        for documents in units {
            for scalars in documents {
                NoveltyFinder.forEachTrigram(scalars) { index, key in
                    let print = fingerprint(key)
                    records[Int((print >> 1) & UInt64(partitions - 1))].append(print << 32 | UInt64(flat + index))
                }
                flat += scalars.count
            }
        }
        let found = ConcurrentSlots<[(Int, Int32)]>(count: partitions)
        let shared = records, documentStarts = starts, documentUnits = unitOf
        DispatchQueue.concurrentPerform(iterations: partitions) { partition in
            found.set(partition, count(shared[partition], starts: documentStarts, unitOf: documentUnits))
        }
        records = []
        var document = 0
        for partition in 0..<partitions {
            for (global, weight) in found.get(partition) {
                // Positions rise within a partition: walk the documents forward, back to 0 for the next.
                if global < starts[document] { document = 0 }
                while starts[document + 1] <= global { document += 1 }
                let (unit, number) = documentIndex[document]
                result[unit][number].append((Int32(truncatingIfNeeded: global - starts[document]), weight))
            }
        }
        return result
    }

    /// One partition's occurrences counted; its novel ones as (global position, weight).
    private static func count(_ records: [UInt64], starts: [Int], unitOf: [Int]) -> [(Int, Int32)] {
        var capacity = 64
        while capacity * 7 < records.count * 10 { capacity *= 2 } // at most 70% full, even if all distinct
        var slots = [UInt64](repeating: 0, count: capacity)
        let mask = capacity - 1
        var firstSeen: [Int] = [] // record numbers of occurrences in their trigram's first unit (after unit 0)
        var document = 0
        func slot(_ print: UInt64) -> Int {
            var index = Int(truncatingIfNeeded: print >> (1 + UInt64(partitionBits))) & mask
            while slots[index] != 0 && slots[index] >> 32 != print { index = (index + 1) & mask }
            return index
        }
        for (number, record) in records.enumerated() {
            let global = Int(record & 0xFFFF_FFFF), print = record >> 32
            while starts[document + 1] <= global { document += 1 }
            let unit = unitOf[document]
            let index = slot(print)
            var entry: Entry
            if slots[index] == 0 {
                entry = Entry(first: unit, countInFirst: 1, units: 1, lastUnit: unit)
            } else {
                entry = Entry(slots[index] & 0xFFFF_FFFF)
                if entry.lastUnit != unit {
                    entry.units += 1
                    entry.lastUnit = unit
                } else if entry.first == unit {
                    entry.countInFirst += 1
                }
            }
            slots[index] = print << 32 | entry.packed
            if entry.first == unit && unit > 0 { firstSeen.append(number) }
        }
        var novel: [(Int, Int32)] = []
        for number in firstSeen {
            let record = records[number]
            let entry = Entry(slots[slot(record >> 32)] & 0xFFFF_FFFF)
            guard entry.countInFirst >= 2 || entry.units >= 2 else { continue }
            // The weight, and bit 24: a later unit has the trigram too (kept, not only repeated here).
            novel.append((Int(record & 0xFFFF_FFFF), Int32(entry.countInFirst + 2 * (entry.units - 1)) | (entry.units >= 2 ? 1 << 24 : 0)))
        }
        return novel
    }

    /// Where a trigram first occurs and how widely, in 32 bits: first 11 bits, last unit 11,
    /// units 4 (saturating at 15), count in the first unit 6 (saturating at 63). Units past
    /// 2,047 are not told apart: trends group a long series into at most 50 periods by default,
    /// and NoveltyFinder is not run past 2,047 units.
    struct Entry {
        var first: Int
        var countInFirst: Int
        var units: Int
        var lastUnit: Int

        init(first: Int, countInFirst: Int, units: Int, lastUnit: Int) {
            self.first = first
            self.countInFirst = countInFirst
            self.units = units
            self.lastUnit = lastUnit
        }

        init(_ v: UInt64) {
            first = Int((v >> 21) & 0x7FF)
            countInFirst = Int(v & 63)
            units = Int((v >> 6) & 15)
            lastUnit = Int((v >> 10) & 0x7FF)
        }

        var packed: UInt64 {
            UInt64(first) << 21 | UInt64(lastUnit) << 10 | UInt64(min(units, 15)) << 6 | UInt64(min(countInFirst, 63))
        }
    }
}
