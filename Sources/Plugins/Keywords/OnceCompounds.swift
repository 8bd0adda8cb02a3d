import AnalyticsCore

/// Compounds a report says once (建设口袋公园, 户籍制度改革, 征地制度改革): term discovery needs two
/// occurrences, so such a compound stays cut into dictionary words and its pieces rank (口袋,
/// 户籍制度). A ranked word said inside one run of content words gives way to the whole run.
///
/// A run, inside one clause of the text as the segmenter cuts a window around the word: nouns and
/// verbal nouns (n, ng, vn, an, j by the lexicon's tag), an attribute word (b: 服务型 is n, 主要 b)
/// only first, a one-character noun or suffix (n, k: 量, 型) only last. Anything else ends it: a
/// verb that takes an object (推动 产业), punctuation, a number, a name, a stop word, a function
/// character. A verbal noun does not start one (建设 口袋公园: the verb of its object). Two or three
/// words and at most `maxCharacters` (经济社会发展高质量 is no term); the reference has the whole in
/// fewer than 5% of its documents (a phrase of the genre is known already) while its head, the
/// last word of two characters or more, is in at least as many (公园, 改革, 政府: a kind of a common
/// thing, not a clause of rare words). Not crossing 和, 与, 及, 或, 、 (a coordination shares its head).
/// Only a word of the genre gives way (`compound(of:)`); the compound takes its place in the ranking
/// (`KeywordsAnalyzer.analyze`, keyness only).
struct OnceCompounds {
    let segmenter: Segmenter
    let stopWordIDs: WordIDTable
    let reference: ReferenceFrequencies

    static let maxWords = 3
    /// A word of the genre: in at least this many of the reference's documents.
    static let genreDocuments = 2
    static let maxCharacters = 7
    /// How far around the word the window is segmented (a run's other words lie within).
    static let reach = 8
    /// Rare as a whole, common as a head: this share of the reference's documents.
    static let share = KeywordsAnalyzer.genreUnitShare

    enum Role { case noun, attribute, suffix, none }

    /// The lexicon's tag of a word (nil: not a word, or none), looked up once per token.
    func tag(_ token: Token, _ scalars: [Unicode.Scalar]) -> (tag: String?, stop: Bool) {
        guard token.kind == .word else { return (nil, false) }
        let lexicon = segmenter.lexicon
        guard let id = token.wordID >= 0 ? Int(token.wordID) : lexicon.wordID(of: scalars[token.start..<token.end]) else { return (nil, false) }
        return (lexicon.tag(ofWordID: id), stopWordIDs.contains(id))
    }

    /// What a word can be in a compound, by the lexicon's tag.
    func role(_ token: Token, _ scalars: [Unicode.Scalar]) -> Role {
        role(token, tag(token, scalars), scalars)
    }

    private func role(_ token: Token, _ tagged: (tag: String?, stop: Bool), _ scalars: [Unicode.Scalar]) -> Role {
        guard token.kind == .word, !tagged.stop, let tag = tagged.tag else { return .none }
        if token.length == 1 {
            // An administrative unit ends a name (市 人大, 松岭 县), not a compound.
            return (tag == "n" || tag == "k") && !KeywordTerms.placeSuffixes.contains(scalars[token.start]) ? .suffix : .none
        }
        switch tag {
        case "n", "ng", "vn", "an", "j": return .noun
        case "b": return .attribute
        default: return .none
        }
    }

    /// The compound the word at `span` sits in (its span and its words' lexicon ids), or nil.
    func compound(around span: TextSpan, _ scalars: [Unicode.Scalar]) -> (span: TextSpan, words: [Int])? {
        var scratch = Segmenter.Scratch()
        return compound(around: span, scalars, scratch: &scratch)
    }

    func compound(around span: TextSpan, _ scalars: [Unicode.Scalar], scratch: inout Segmenter.Scratch, anyHead: Bool = false, guessIsNoun: Bool = false) -> (span: TextSpan, words: [Int])? {
        // Punctuation or the text's edge on both sides: no run (checked before segmenting).
        guard span.start > 0 && ScriptClass.isHan(scalars[span.start - 1]) || span.end < scalars.count && ScriptClass.isHan(scalars[span.end]) else { return nil }
        var low = span.start, high = span.end
        while low > 0 && span.start - low < Self.reach && ScriptClass.isHan(scalars[low - 1]) { low -= 1 }
        while high < scalars.count && high - span.end < Self.reach && ScriptClass.isHan(scalars[high]) { high += 1 }
        let tokens = segmenter.tokens(in: scalars, range: low..<high, scratch: &scratch)
        guard let at = tokens.firstIndex(where: { $0.start == span.start }), tokens[at].end == span.end else { return nil }
        let tags = tokens.map { tag($0, scalars) }
        var roles = tokens.indices.map { role(tokens[$0], tags[$0], scalars) }
        // A word the lexicon lacks (退捕 of 退捕渔民, 入河 of 入河排污口) is a noun here when asked (`guessIsNoun`).
        if guessIsNoun && tags[at].tag == nil && !tags[at].stop && tokens[at].length >= 2 && tokens[at].kind == .word { roles[at] = .noun }
        let isVerbalNoun = { (k: Int) in tags[k].tag == "vn" }
        guard roles[at] == .noun else { return nil }
        var first = at, last = at
        while first > 0 && roles[first - 1] != .none && roles[first - 1] != .suffix && roles[first] != .attribute { first -= 1 }
        while last + 1 < tokens.count && roles[last + 1] != .none && roles[last + 1] != .attribute && roles[last] != .suffix { last += 1 }
        // A run cut by the window's edge, not the clause's, may be longer than it looks.
        if first == 0 && low > 0 && ScriptClass.isHan(scalars[low - 1]) { return nil }
        if last == tokens.count - 1 && high < scalars.count && ScriptClass.isHan(scalars[high]) { return nil }
        // Coordinated (品控和售后 难题, 保健品 销售 和…骗局): the head may be shared, the run is no unit.
        // (The window ends at punctuation: 、 is looked at beyond it.)
        let before = first > 0 ? Self.isCoordinator(tokens[first - 1], scalars) : low > 0 && scalars[low - 1] == "、"
        let after = last + 1 < tokens.count ? Self.isCoordinator(tokens[last + 1], scalars) : high < scalars.count && scalars[high] == "、"
        if before || after { return nil }
        // A verbal noun first is the verb of what follows (建设 口袋公园); last, before another word,
        // the verb of what follows it (编程 训练 简单的模型).
        while first <= at && isVerbalNoun(first) { first += 1 }
        guard first <= at else { return nil } // the word itself is that verb
        // A one-character suffix only after a noun (排放 量), not after a verbal noun (办理 市).
        if roles[last] == .suffix && (last == first || isVerbalNoun(last - 1)) { last -= 1 }
        if last > at && last + 1 < tokens.count && isVerbalNoun(last) && Self.isContent(tokens[last + 1], scalars) { last -= 1 }
        // Overlong: an attribute word first goes (主要 污染物排放量); still overlong, no term.
        if tokens[last].end - tokens[first].start > Self.maxCharacters && roles[first] == .attribute && first < at { first += 1 }
        let words = last - first + 1
        // A title before a name (局 局长 郑): an office and a person, no term (`Titles`).
        if words >= 2, (first..<last).contains(where: { tokens[$0].length >= 2 && Titles.all.contains(String(scalars: scalars[tokens[$0].start..<tokens[$0].end])) }) { return nil }
        guard words >= 2, words <= Self.maxWords, tokens[last].end - tokens[first].start <= Self.maxCharacters else { return nil }
        let whole = TextSpan(start: tokens[first].start, end: tokens[last].end)
        guard reference.entry(of: scalars[whole.range]).share < Self.share,
              let head = (first...last).reversed().first(where: { tokens[$0].length >= 2 }),
              anyHead || reference.entry(of: scalars[tokens[head].start..<tokens[head].end]).share >= Self.share else { return nil }
        let lexicon = segmenter.lexicon
        let ids = tokens[first...last].compactMap { $0.wordID >= 0 ? Int($0.wordID) : lexicon.wordID(of: scalars[$0.start..<$0.end]) }
        return (whole, ids)
    }

    /// Characters that join coordinated terms (A和B, A、B).
    static let coordinators = ScalarSet("和与及或、".unicodeScalars)

    static func isCoordinator(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        token.length == 1 && coordinators.contains(scalars[token.start])
    }

    /// A word that can be an object: of two characters or more, or a bound single one.
    static func isContent(_ token: Token, _ scalars: [Unicode.Scalar]) -> Bool {
        token.kind == .word && (token.length > 1 || !FreeCharacters.all.contains(scalars[token.start]))
    }

    /// The compound a word gives way to: the one it sits in most often, when that is at least two
    /// thirds of its occurrences (`KeywordsAnalyzer.givesWay`'s share; said once, its one compound).
    /// Only a word of the genre: one the reference has in at least `genreDocuments` documents
    /// (户籍制度, 排放量, 口袋); a word it lacks is the document's own (保健品, 卫生防疫, 图像识别
    /// of a news article) and says something alone.
    func compound(of spans: [TextSpan], _ scalars: [Unicode.Scalar]) -> (span: TextSpan, words: [Int])? {
        var scratch = Segmenter.Scratch()
        return compound(of: spans, scalars, scratch: &scratch)
    }

    func compound(of spans: [TextSpan], _ scalars: [Unicode.Scalar], scratch: inout Segmenter.Scratch) -> (span: TextSpan, words: [Int])? {
        guard let span = spans.first,
              reference.entry(of: scalars[span.range]).share * Double(reference.documents) >= Double(Self.genreDocuments) - 0.5 else { return nil }
        var found: [(compound: (span: TextSpan, words: [Int]), count: Int)] = []
        var misses = 0
        for span in spans {
            // More than a third outside any compound: the word stays (a common word said often is
            // not segmented around every occurrence).
            guard let whole = compound(around: span, scalars, scratch: &scratch) else {
                misses += 1
                if 3 * misses > spans.count { return nil }
                continue
            }
            if let known = found.firstIndex(where: { scalars[$0.compound.span.range].elementsEqual(scalars[whole.span.range]) }) {
                found[known].count += 1
            } else {
                found.append((whole, 1))
            }
        }
        // The first of the most frequent (max(by:) would keep the last of equals).
        guard let best = found.indices.min(by: { found[$0].count > found[$1].count || found[$0].count == found[$1].count && $0 < $1 }),
              3 * found[best].count >= 2 * spans.count else { return nil }
        return found[best].compound
    }

    /// Every occurrence of the compound's characters in the text, left to right, not overlapping.
    static func occurrences(of span: TextSpan, _ scalars: [Unicode.Scalar]) -> [TextSpan] {
        let part = scalars[span.range]
        var found: [TextSpan] = [], at = 0
        while at + part.count <= scalars.count {
            if ScalarText.occurs(part, in: scalars[...], at: at) {
                found.append(TextSpan(start: at, end: at + part.count))
                at += part.count
            } else {
                at += 1
            }
        }
        return found
    }
}
