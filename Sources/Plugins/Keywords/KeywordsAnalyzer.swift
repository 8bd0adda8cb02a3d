import AnalyticsCore
import Foundation
import SectionsPlugin

/// Keywords that say what a document is about: candidate terms (words, discovered multi-word
/// terms, see `KeywordTerms`) ranked by keyness against a reference corpus of the genre
/// (log-likelihood, default), TF-IDF with jieba's IDF table, plain counts, or TextRank.
public struct KeywordsAnalyzer: Analyzer {
    public enum Method: String, Codable, Sendable, CaseIterable {
        case keyness, tfidf, frequency, textrank
    }

    public static let description = AnalyzerDescription(
        id: "keywords",
        summary: "Keywords by keyness against the genre (log-likelihood), TF-IDF, frequency or TextRank, with multi-word terms",
        runsByDefault: true,
        options: [
            topOption,
            methodOption,
            OptionSpec("reference", .file, default: nil,
                       help: "reference for keyness: a table (#tokens<TAB>N and #documents<TAB>M lines, then term<TAB>count<TAB>documents; or the binary form of scripts/build-reference.py) or a directory of .txt documents; default: the shipped table of 98 government and Party reports"),
            discoverOption,
            cohesionOption,
            OptionSpec("dict", .file, default: nil, help: "user dictionary: one word a line, optional frequency; its words win over their parts"),
            OptionSpec("words", .text, default: nil, help: "user words given inline, comma-separated (七大都市,一体两翼)"),
            OptionSpec("stopwords", .file, default: nil, help: "extra stop words, one a line"),
            OptionSpec("singles", .flag, default: "false", help: "allow single Han characters as keywords"),
            OptionSpec("annex", .flag, default: "false",
                       help: "count a report's annex (附件, 名词解释 at its end) as its text; scripts/build-reference.py does, as an annex's words are the genre's"),
        ],
        examples: [
            AnalyzerExample("«政协委员»和我们围绕«社会主义»建言。«人民政协»关注«社会主义»的建设。", mustNotReport: ["委", "。", "我们", "的", "社会"],
                            note: "segmented words, not characters or bigrams; stop words never appear"),
            AnalyzerExample("打造«七大都市»，建设«七大都市»。", mustNotReport: ["七", "大都市"],
                            options: ["words": "七大都市"], note: "a user word (keywords.words or keywords.dict) wins over its parts"),
            AnalyzerExample("«Proposals» on the «economy»: «proposals» accepted.", mustNotReport: ["on", "the"],
                            note: "Latin words are case-folded and English stop words removed"),
            AnalyzerExample("参加委员1954人次，增长23.4%。", mustNotReport: ["1954", "23.4%", "1954人次"],
                            note: "numbers are tokens but never keywords"),
            AnalyzerExample("因地制宜发展«新质生产力»。培育«新质生产力»，壮大«新质生产力»。", mustNotReport: ["新质", "生产力"],
                            note: "a run of words that recurs together with varied neighbours is one term (term discovery)"),
            AnalyzerExample("发行«超长期特别国债»。用好«超长期特别国债»，继续发行«超长期特别国债»。", mustNotReport: ["特别国债", "超长期", "国债"],
                            note: "the longest unit the text keeps together, never a piece of it"),
            AnalyzerExample("实施«人工智能+»行动。推进«人工智能+»制造。", mustNotReport: ["人工智能"],
                            note: "an X+ formulation is one term"),
            AnalyzerExample("«亚投行»成员增加。«亚投行»总部在北京。", mustNotReport: ["投行"],
                            note: "a word the segmenter cut off a bound character everywhere is taken whole"),
            AnalyzerExample("小店开张\n本报记者 郑晓峰\n«山货»小店开张了。小店卖«山货»。\n图为小店。 郑晓峰 摄", mustNotReport: ["郑晓峰", "本报记者"],
                            options: ["method": "frequency"], note: "bylines, datelines, captions and the editor line are not counted (sections' roles)"),
            AnalyzerExample("镇里建了«冷库»。镇里的«冷库»很大。", mustNotReport: ["镇里"],
                            note: "a where-word (镇里, 区里: a place noun and 里 or 内) is no keyword"),
            AnalyzerExample("«带货主播»很忙。«带货主播»直播。", mustNotReport: ["货主"],
                            options: ["method": "frequency"], note: "a word held by the same characters on both sides everywhere is a piece of the longer unit"),
            AnalyzerExample("«高标准农田»比例达到80%，«耕地»比例达到90%。«高标准农田»面积年均增长5%，«耕地»年均增长2%。", mustNotReport: ["比例达到", "年均增长", "达到", "增长"],
                            options: ["method": "frequency"], note: "a verb or rate word of a figure (达到, 增长, 新增, 增速) is no keyword and no term's edge"),
            AnalyzerExample("深化«征地制度改革»，推动产业升级。面临品控和«售后»难题。", mustNotReport: ["征地", "推动产业", "售后难题"],
                            note: "a word of the genre said inside a compound said once gives way to it; no compound across a verb or a coordination"),
        ]
    )

    static let topOption = Option(integer: "top", in: 1...1_000_000, default: 20, help: "how many keywords to report")
    static let methodOption = Option(choice: "method", default: Method.keyness,
                                     help: "keyness (log-likelihood G² against the reference, over-used terms only), tfidf (jieba's IDF table), frequency (counts), or textrank")
    static let discoverOption = Option(flag: "discover", default: true, help: "find multi-word terms that recur in the document (新词发现) and count them as one term")
    static let cohesionOption = Option(number: "cohesion", in: 0...1, default: 0.03,
                                       help: "term discovery: the smallest cohesion (symmetric conditional probability of a term's parts)")

    let terms: KeywordTerms
    let top: Int
    let method: Method
    /// Count a report's annex as its text (`annexStart`).
    let annex: Bool
    /// The reference of keyness: the shipped table, read on first use, or the user's.
    let reference: OnceValue<Swift.Result<ReferenceFrequencies, AnalyzerSetupError>>
    /// The lexicon's largest IDF (see `tfidfScores`): a scan of its 2 MB table, done when a
    /// document first has enough terms to repay it, not at start-up.
    let largestIDF: OnceValue<Float>

    /// The contextual tagger (read on first use): whether a ranked term names an action (`isAction`).
    let tagger: OnceValue<PartOfSpeechTagger?>

    var segmenter: Segmenter { terms.segmenter }
    /// The sections analyzer without themes: the roles of the document's parts (byline, caption…).
    let parts: SectionsAnalyzer

    public init(options: OptionValues) throws {
        top = options[Self.topOption]
        method = options[Self.methodOption]
        annex = options.flag("annex")
        try KeywordWordLists.checkShipped()
        var stopWords = StopWords.all
        if let path = options.string("stopwords") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw AnalyzerSetupError("cannot read the stop-word file '\(path)' given to keywords.stopwords")
            }
            stopWords.formUnion(String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).map { $0.lowercased() })
        }
        let userWords = try UserDictionary.words(file: options.string("dict"), inline: options.string("words"))
        // A missing lexicon is an installation problem (Lexicon.LoadError), not a bad option.
        var segmenter = try Segmenter.shipped(userWords: userWords)
        // Keywords want the dictionary's compounds whole (营商环境, 高质量发展), not the finer
        // treebank-style split that `--segment` makes.
        segmenter.lengthPenalty = 0
        let terms = KeywordTerms(segmenter: segmenter, stopWords: stopWords, userWords: Set(userWords.map(\.word)), allowSingles: options.flag("singles"),
                                 discovery: options[Self.discoverOption] ? Self.discovery(options) : nil)
        self.terms = terms
        parts = try SectionsAnalyzer.rolesOnly()
        let lexicon = segmenter.lexicon
        largestIDF = OnceValue { lexicon.largestIDF() }
        tagger = OnceValue { PartOfSpeechTagger.shipped(lexicon: lexicon) }
        if let path = options.string("reference") {
            let loaded = try KeywordsReference.load(path, terms: terms)
            reference = OnceValue { .success(loaded) }
        } else {
            reference = OnceValue { Swift.Result { () throws(AnalyzerSetupError) in try KeywordsReference.shipped() } }
        }
    }

    static func discovery(_ options: OptionValues) -> TermDiscovery {
        var discovery = TermDiscovery()
        discovery.minCohesion = options[Self.cohesionOption]
        return discovery
    }

    public func analyze(_ document: Document, context: AnalysisContext) throws -> KeywordsResult {
        // Bylines, datelines, captions, editor lines and notes say who wrote and who edited, not
        // what the text is about (本报记者, a reporter's name): their words are not counted. The
        // sections analyzer's own layout, without its themes (requiring sections would cost a
        // keywords run 10% more instructions, half of them theme matching).
        let sections = parts.analyze(document, context: context)
        let body = Self.bodyText(document.scalars, sections: sections)
        let scalars = annex ? body : Self.withoutAnnex(body)
        var counted = terms.count(scalars)
        let reference: ReferenceFrequencies? = try self.reference.value.get()
        var keyness = reference.map { KeynessScorer(reference: $0, lexicon: segmenter.lexicon, counted: counted, scalars: scalars,
                                                    headings: Self.headings(scalars, sections: sections)) }
        // A few more than `top` are scored, so that a word that yields to a longer term (`yielding`) leaves its place to the next.
        // `frequency` is the plain counts (the reference is built from them): nothing yields there.
        let reach = method == .frequency ? top : top + Self.yieldReach
        var scores: [Double]
        var reported: [Double]? = nil
        switch method {
        case .frequency:
            scores = counted.counts.map { $0 > 0 ? Double($0) : -.infinity }
        case .tfidf:
            scores = tfidfScores(counted, scalars, total: Double(max(counted.wordCount, 1)), top: reach)
        case .textrank:
            scores = TextRank.scores(counted.sequence, termCount: counted.terms.count, names: counted.terms.indices.map { counted.text($0, scalars) })
                .enumerated().map { counted.counts[$0.offset] > 0 ? $0.element : -.infinity }
        case .keyness:
            (reported, scores) = keyness!.scores(top: reach)
            if let tagger = tagger.value { Self.demoteActions(&scores, reach: reach, counted: counted, scalars: scalars, tagger: tagger) }
        }
        // Only terms scoring at least the top-th best can be reported: sort those by score, then term.
        let cutoff = Self.topScore(reach, of: scores)
        let candidates = counted.terms.indices.filter { scores[$0] >= cutoff && scores[$0] > -.infinity }
        let names = candidates.map { counted.text($0, scalars) }
        var seen = Set<String>()
        let sorted = candidates.indices.sorted {
            scores[candidates[$0]] != scores[candidates[$1]] ? scores[candidates[$0]] > scores[candidates[$1]] : names[$0] < names[$1]
        }.filter { seen.insert(names[$0]).inserted }
        var yields = method == .frequency ? [Bool](repeating: false, count: sorted.count)
            : Self.yielding(sorted.map { names[$0] }, counts: sorted.map { counted.counts[candidates[$0]] },
                            generic: sorted.map { at in keyness.map { $0.referenceCount(candidates[at]).share >= Self.genericShare } ?? true })
        // Keyness: a term mostly said inside longer terms of the document (`inside`) is a fragment of
        // what the text names. A word of the genre gives way to them, the most frequent taking its
        // place if it recurs and is not ranked already (城镇 → 城镇新增就业, 人均 → 人均可支配收入); a
        // domain's own word gives way only to a longer term not ranked yet (食堂 stays beside a
        // ranked 社区食堂: the text's subject and its head; alone, it would become 社区食堂).
        var ranked: [(term: Int, name: String)] = []
        // Compounds said once that ranked words gave way to: their occurrences, by term.
        var added: [Int: [TextSpan]] = [:]
        // Words reported with the characters glued to them (`gluedCharacters`), by term.
        var widened: [Int: (left: Int, right: Int)] = [:]
        // Keyness: the rank score of the candidate whose place each ranked term took (its tier and weight, `Keyword.tier`).
        var slotRanks: [(rank: Double, statistic: Double)] = []
        func slot(_ index: Int) -> (rank: Double, statistic: Double) { (scores[index], reported.map { index < $0.count ? $0[index] : 0 } ?? 0) }
        if var scorer = keyness, method == .keyness {
            defer { (counted, keyness) = (scorer.counted, scorer) }
            let compounds = OnceCompounds(segmenter: segmenter, stopWordIDs: terms.stopWordIDs, reference: scorer.reference)
            var unitOfWord: [Int: Int32]? = nil
            let (inside, longest) = Self.inside(sorted.map { candidates[$0] }, counted: counted, scalars: scalars)
            var taken = Set(sorted.map { names[$0] })
            let spans = Self.spans(of: sorted.map { candidates[$0] }, counted: counted)
            // One segmenter scratch for every check of the loop (a window each: no allocation per check).
            var scratch = Segmenter.Scratch()
            var current = -1
            for (at, candidate) in sorted.enumerated() where ranked.count < top {
                let index = candidates[candidate]
                if slotRanks.count < ranked.count { slotRanks.append(slot(current)) }
                current = index
                if Self.isQuantityPiece(spans[at], scalars: scalars) { continue }
                // One name of a place is enough (四川 beside 四川省, 龙江 beside 黑龙江).
                if Self.isPlace(index, scorer.counted, scalars),
                   ranked.contains(where: { Self.isPlace($0.term, scorer.counted, scalars) && Self.nested($0.name, names[candidate]) }) { continue }
                if counted.terms[index].partCount == 1 && Self.isGenreFragment(spans[at], scalars: scalars, reference: scorer.reference, alone: { p in
                    segmenter.tokens(in: scalars, range: max(0, p - 4)..<min(scalars.count, p + 5), scratch: &scratch).contains { $0.start == p && $0.length == 1 }
                }) { continue }
                // A word said inside a compound said once gives way to it (口袋 → 口袋公园); to a
                // ranked one, it just goes.
                let once = counted.terms[index].partCount == 1 && counted.units[Int(counted.terms[index].unit)].noun
                    ? compounds.compound(of: spans[at], scalars, scratch: &scratch) : nil
                // Said once, any other noun (or a word the lexicon lacks) inside such a run is its piece
                // too (手环 of 智能手环, 试种 of 土地试种, 退捕 of 退捕渔民): it goes, and the run takes no place (a news article's own run said once is as
                // often a clause as a term: 卫生防疫人员, 图像识别模型).
                if once == nil, counted.counts[index] == 1, counted.terms[index].partCount == 1, counted.units[Int(counted.terms[index].unit)].noun,
                   compounds.compound(around: spans[at][0], scalars, scratch: &scratch, anyHead: true, guessIsNoun: true) != nil { continue }
                if let whole = once {
                    let name = String(scalars: scalars[whole.span.range])
                    if taken.contains(name) { continue }
                    if unitOfWord == nil { unitOfWord = Self.unitsByWord(counted) }
                    let parts = whole.words.compactMap { unitOfWord![$0] }
                    if parts.count == whole.words.count {
                        let occurrences = OnceCompounds.occurrences(of: whole.span, scalars)
                        let long = scorer.counted.terms.count
                        scorer.counted.terms.append(.init(key: .phrase, first: whole.span, parts: parts))
                        scorer.counted.counts.append(occurrences.count)
                        if scorer.statistic(long) != nil {
                            taken.insert(name)
                            ranked.append((long, name))
                            added[long] = occurrences
                            continue
                        }
                        scorer.counted.terms.removeLast()
                        scorer.counted.counts.removeLast()
                    }
                }
                let long = longest[at]
                let name = long >= 0 && counted.counts[long] >= Self.takesPlace ? counted.text(long, scalars) : nil
                if !yields[at] && Self.givesWay(inside: inside[at], alone: counted.counts[index]) {
                    yields[at] = scorer.referenceCount(index).share >= Self.genericShare || name.map { !taken.contains($0) } ?? false
                }
                guard yields[at] else {
                    // A noun written beside the same unit character or attribute every time is reported with it.
                    let unit = counted.units[Int(counted.terms[index].unit)]
                    if counted.terms[index].partCount == 1, unit.noun, !unit.verb, !unit.person, counted.terms[index].key != .phrase {
                        let glued = Self.gluedCharacters(spans[at], scalars: scalars, lexicon: segmenter.lexicon)
                        if glued != (0, 0) {
                            let first = counted.terms[index].first
                            let name = String(scalars: scalars[(first.start - glued.left)..<(first.end + glued.right)])
                            if !taken.insert(name).inserted { continue }
                            widened[index] = glued
                            ranked.append((index, name))
                            continue
                        }
                    }
                    ranked.append((index, names[candidate]))
                    continue
                }
                guard let name, scorer.statistic(long) != nil, taken.insert(name).inserted else { continue }
                ranked.append((long, name))
            }
            if slotRanks.count < ranked.count, current >= 0 { slotRanks.append(slot(current)) }
        } else {
            ranked = sorted.indices.filter { !yields[$0] }.prefix(top).map { (candidates[sorted[$0]], names[sorted[$0]]) }
        }
        // Occurrences of the ranked terms only, by rank: one array probe per token.
        var rankOfTerm = [Int32](repeating: -1, count: counted.terms.count)
        for (rank, entry) in ranked.enumerated() { rankOfTerm[entry.term] = Int32(rank) }
        var occurrences = [[KeywordsResult.Keyword.Occurrence]](repeating: [], count: ranked.count)
        for (rank, entry) in ranked.enumerated() {
            occurrences[rank] = added[entry.term]?.map { .init(start: $0.start, end: $0.end) } ?? []
        }
        for (position, index) in counted.sequence.enumerated() where rankOfTerm[index] >= 0 {
            let glued: (left: Int, right: Int) = widened.isEmpty ? (0, 0) : widened[index] ?? (0, 0)
            occurrences[Int(rankOfTerm[index])].append(.init(start: counted.sequenceSpans[position].start - glued.left, end: counted.sequenceSpans[position].end + glued.right))
        }
        let keywords = ranked.enumerated().map { rank, entry in
            let index = entry.term
            let expected = keyness?.expected(index) ?? 0
            let score = reported.map { index < $0.count && $0[index] > -.infinity ? $0[index] : keyness?.statistic(index) ?? 0 } ?? scores[index]
            var keyword = KeywordsResult.Keyword(term: Self.ownForm(entry.name, counted.terms[index], scalars), count: counted.counts[index], score: (score * 1e6).rounded() / 1e6,
                                                 expected: (expected * 1e3).rounded() / 1e3, phrase: counted.terms[index].key == .phrase,
                                                 occurrences: occurrences[rank])
            if rank < slotRanks.count { (keyword.tier, keyword.weight) = Self.tierAndWeight(slotRanks[rank].rank, statistic: slotRanks[rank].statistic) }
            return keyword
        }
        return KeywordsResult(method: method, tokens: counted.wordCount, keywords: keywords,
                              termCounts: .init(scalars: scalars, counted: counted))
    }

    /// A place's name: a place name by the lexicon (四川, 龙江), or one taken with its unit (松岭县, 槐州市).
    static func isPlace(_ index: Int, _ counted: KeywordTerms.Counted, _ scalars: [Unicode.Scalar]) -> Bool {
        let term = counted.terms[index]
        if term.partCount == 1 { return counted.units[Int(term.unit)].place }
        guard term.partCount == 2 else { return false }
        let head = counted.units[Int(term.parts[0])], tail = counted.units[Int(term.parts[1])]
        return head.place && tail.first.length == 1 && KeywordTerms.placeSuffixes.contains(scalars[tail.first.start])
            || head.first.length == 1 && KeywordTerms.isPlaceTail(tail.first, scalars)
    }

    /// Whether one name holds the other (四川 and 四川省, 龙江 and 黑龙江).
    static func nested(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.count < b.unicodeScalars.count ? b.contains(a) : a.contains(b)
    }

    /// The tier of a keyness rank score (1: said twice or more with a significant G², ranked
    /// before 2: the rest) and the weight its G² was ranked with (`KeynessScorer.verbWeight`,
    /// `personWeight`: 0.3 for a verb, an action or a person met in passing), from the score's parts.
    static func tierAndWeight(_ rank: Double, statistic: Double) -> (tier: Int, weight: Double?) {
        let tier = rank >= KeynessScorer.repeatedTier ? 1 : 2
        guard statistic > 0, statistic.isFinite else { return (tier, nil) }
        let weight = ((rank - (tier == 1 ? KeynessScorer.repeatedTier : 0)) / statistic * 10).rounded() / 10
        return (tier, weight == 1 ? nil : weight)
    }

    /// How the text writes a term: a Latin word is counted case-folded (AI and ai are one term, as
    /// the reference counts them) but reported as its first occurrence writes it (AI, not ai).
    static func ownForm(_ name: String, _ term: KeywordTerms.Term, _ scalars: [Unicode.Scalar]) -> String {
        guard term.partCount == 1, case .text = term.key else { return name }
        return WidthFolding.fold(String(scalars: scalars[term.first.range]))
    }

    /// The document's units of dictionary words, by lexicon id.
    static func unitsByWord(_ counted: KeywordTerms.Counted) -> [Int: Int32] {
        var units: [Int: Int32] = [:]
        for (at, unit) in counted.units.enumerated() {
            if case .word(let id) = unit.key { units[id] = Int32(at) }
        }
        return units
    }

    /// TF-IDF of every term that can be among the `top`, -infinity for the others. Terms are
    /// scored most frequent first; once a term's count times the largest IDF falls below the
    /// `top`-th best score so far, no rarer term can reach it, and their IDF (a cache miss each
    /// into a 2 MB table: most of a document's terms occur once or twice) is never read.
    private func tfidfScores(_ counted: KeywordTerms.Counted, _ scalars: [Unicode.Scalar], total: Double, top: Int) -> [Double] {
        let lexicon = segmenter.lexicon
        var scores = [Double](repeating: -.infinity, count: counted.terms.count)
        var best = TopScores(top)
        // A few thousand IDF misses cost less than the scan that finds the bound.
        let bound = counted.terms.count > Self.termsWorthTheBound ? Double(largestIDF.value) : .infinity
        for index in Self.mostFrequentFirst(counted.counts) where counted.counts[index] > 0 {
            let frequency = Double(counted.counts[index]) / total
            if frequency * bound < best.floor { break }
            let term = counted.terms[index]
            let idf: Float
            switch term.key {
            case .word(let id): idf = lexicon.idf(ofWordID: id) ?? lexicon.medianIDF
            case .unknown, .phrase: idf = lexicon.idf(of: scalars[term.first.range]) ?? lexicon.medianIDF
            case .text(let text): idf = lexicon.idf(of: text.unicodeScalars) ?? lexicon.medianIDF
            }
            scores[index] = frequency * Double(idf)
            best.add(scores[index])
        }
        return scores
    }

    static let termsWorthTheBound = 1_000

    /// How many candidates beyond `top` are scored for `yielding`.
    static let yieldReach = 10

    /// Which of the ranked terms yield to longer ones among them: a word of the genre that the
    /// document nearly always says inside longer ranked terms (城镇 beside 城镇新增就业 and
    /// 城镇调查失业率, 乡村 beside 乡村振兴, 生产总值 beside 地区生产总值) says less than they do. A
    /// term's count is of its occurrences outside longer found terms; one mostly said alone still
    /// ranks (电池 in a text of 电池 and a few 固态电池), and so does a word not `generic`.
    static func yielding(_ names: [String], counts: [Int], generic: [Bool]) -> [Bool] {
        let scalars = names.map { Array($0.unicodeScalars) }
        return names.indices.map { short in
            guard generic[short] else { return false }
            var inside = 0
            for long in names.indices where scalars[long].count > scalars[short].count && ScalarText.contains(scalars[long][...], scalars[short][...]) {
                inside += counts[long]
            }
            return inside > 0 && Double(inside) >= yieldRatio * Double(counts[short])
        }
    }

    /// A word yields when said inside longer ranked terms at least this many times as often as alone…
    static let yieldRatio = 2.0
    /// …and it is a word of the genre: in at least this share of the reference's documents (a
    /// domain's own head, 食堂 of 社区食堂, 冷链 of 冷链物流, stays).
    static let genericShare = 0.2

    /// Parts of a document that are not its text (`SectionsAnalyzer`'s roles).
    static let nonBodyRoles: Set<SectionRole> = [.byline, .dateline, .caption, .editor, .note, .other]

    /// The document with its non-body parts blanked (line breaks: offsets unchanged); the same
    /// array when there are none (reports), so nothing is copied.
    static func bodyText(_ scalars: [Unicode.Scalar], sections: SectionsResult?) -> [Unicode.Scalar] {
        guard let sections, sections.sections.contains(where: { nonBodyRoles.contains($0.role) }) else { return scalars }
        var body = scalars
        for section in sections.sections where nonBodyRoles.contains(section.role) {
            for at in max(section.start, 0)..<min(section.end, body.count) { body[at] = "\n" }
        }
        return body
    }

    /// The headings' text (title, subtitle, kicker, subheads), one a line.
    static func headings(_ scalars: [Unicode.Scalar], sections: SectionsResult?) -> [Unicode.Scalar] {
        guard let sections else { return [] }
        var text: [Unicode.Scalar] = []
        for section in sections.sections where !nonBodyRoles.contains(section.role) {
            guard let start = section.headingStart, let end = section.headingEnd, start < end, end <= scalars.count else { continue }
            text.append(contentsOf: scalars[start..<end])
            text.append("\n")
        }
        return text
    }

    /// Indices of `counts`, highest count first (a counting sort: counts are small).
    static func mostFrequentFirst(_ counts: [Int]) -> [Int] {
        guard let highest = counts.max() else { return [] }
        var starts = [Int](repeating: 0, count: highest + 2)
        for count in counts { starts[highest - count + 1] += 1 }
        for bucket in 1..<starts.count { starts[bucket] += starts[bucket - 1] }
        var order = [Int](repeating: 0, count: counts.count)
        for (index, count) in counts.enumerated() {
            order[starts[highest - count]] = index
            starts[highest - count] += 1
        }
        return order
    }

    /// The `top`-th highest of `scores` (everything counts when there are fewer): a running
    /// list of the best `top`, as a document has tens of thousands of terms and reports twenty.
    static func topScore(_ top: Int, of scores: [Double]) -> Double {
        guard top > 0, scores.count > top else { return -.infinity }
        if top > 64 { return scores.sorted(by: >)[top - 1] } // insertion would cost top per score
        var best = scores[..<top].sorted(by: >)
        for score in scores[top...] where score > best[top - 1] {
            var at = top - 1
            while at > 0 && best[at - 1] < score { best[at] = best[at - 1]; at -= 1 }
            best[at] = score
        }
        return best[top - 1]
    }
}

/// The best `top` scores seen so far, highest first: `floor` is the score a newcomer must beat.
struct TopScores {
    let top: Int
    private(set) var best: [Double] = []
    init(_ top: Int) { self.top = top }
    var floor: Double { best.count < top ? -.infinity : best[top - 1] }
    mutating func add(_ score: Double) {
        guard best.count < top || score > best[top - 1] else { return }
        if best.count == top { best.removeLast() }
        best.insert(score, at: best.firstIndex { $0 < score } ?? best.count)
    }
}

public struct KeywordsResult: AnalyzerResult, Equatable {
    /// Encodable through `JSONDescribed` (KeywordsJSON.swift); Decodable synthesized.
    public struct Keyword: Decodable, Sendable, Equatable {
        public struct Occurrence: Decodable, Sendable, Equatable {
            public let start: Int
            public let end: Int
        }

        public let term: String
        public let count: Int
        /// Keyness (G²), TF-IDF, count or TextRank, by `method`; rounded to 6 decimals.
        public let score: Double
        /// The count the reference's rate predicts for a document of this size (3 decimals): why
        /// the term is key (count well above expected) or not.
        public let expected: Double
        /// A multi-word term: a discovered phrase, an X+ formulation, or a word taken with a bound character.
        public let phrase: Bool
        /// Every place the term occurs as a token.
        public let occurrences: [Occurrence]
        /// Keyness: the tier the term was ranked in (1: said at least twice with a significant G²,
        /// before 2: the rest); within a tier, by G² times `weight`. Nil for the other methods.
        public var tier: Int? = nil
        /// Keyness: the weight its G² was ranked with when not 1 (0.3: a verb, an action, a person met in passing).
        public var weight: Double? = nil
    }

    public let method: KeywordsAnalyzer.Method
    /// Word tokens in the document: words, Latin words, numbers and URLs (not punctuation).
    public let tokens: Int
    public let keywords: [Keyword]
    /// Every recurring term's count, for the corpus summary's keyness against the rest of the run
    /// (not in the report).
    let termCounts: TermCounts

    /// For decoding; encoding is `describeJSON` (KeywordsJSON.swift).
    enum CodingKeys: String, CodingKey { case method, tokens, keywords }

    public init(method: KeywordsAnalyzer.Method, tokens: Int, keywords: [Keyword]) {
        self.init(method: method, tokens: tokens, keywords: keywords, termCounts: TermCounts())
    }

    init(method: KeywordsAnalyzer.Method, tokens: Int, keywords: [Keyword], termCounts: TermCounts) {
        self.method = method
        self.tokens = tokens
        self.keywords = keywords
        self.termCounts = termCounts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(method: try container.decode(KeywordsAnalyzer.Method.self, forKey: .method), tokens: try container.decode(Int.self, forKey: .tokens),
                  keywords: try container.decode([Keyword].self, forKey: .keywords))
    }

    public var reportedSpans: [LabeledSpan] {
        keywords.flatMap { keyword in keyword.occurrences.map { LabeledSpan(keyword.term, TextSpan(start: $0.start, end: $0.end)) } }
    }

    public func rendering(for document: Document) -> [RenderBlock] {
        [
            .note("\(keywords.count) keywords by \(method.rawValue) from \(NumberText.grouped(tokens)) word tokens"
                  + (method == .keyness ? " (tier 1: said twice or more with G² ≥ 3.84, then tier 2; within a tier by G² × weight)" : "")),
            .bars(keywords.map { .init("\($0.term) ×\($0.count)", value: $0.score, display: display($0)) }),
        ]
    }

    private func display(_ keyword: Keyword) -> String {
        switch method {
        case .frequency: return String(keyword.count)
        case .keyness:
            return (keyword.tier.map { "tier \($0) · " } ?? "") + "G² " + NumberText.fixed(keyword.score, digits: 1)
                + (keyword.weight.map { " ×" + NumberText.fixed($0, digits: 1) } ?? "") + ", expected " + NumberText.fixed(keyword.expected, digits: 2)
        default: return NumberText.fixed(keyword.score, digits: 4)
        }
    }
}

/// A document's recurring terms (count >= 2) by their characters, kept unbuilt until a corpus
/// summary asks (the document's scalars are shared, not copied).
struct TermCounts: Sendable, Equatable {
    var scalars: [Unicode.Scalar] = []
    var spans: [TextSpan] = []
    var counts: [Int32] = []
    var latin: [(text: String, count: Int32)] = []
    var tokens = 0

    init() {}

    init(scalars: [Unicode.Scalar], counted: KeywordTerms.Counted) {
        self.scalars = scalars
        tokens = counted.wordCount
        for index in counted.terms.indices where counted.counts[index] >= 2 {
            let term = counted.terms[index]
            if term.partCount == 1, case .text(let text) = term.key {
                latin.append((text, Int32(counted.counts[index])))
            } else {
                spans.append(term.first)
                counts.append(Int32(counted.counts[index]))
            }
        }
    }

    var all: [(term: String, count: Int)] {
        zip(spans, counts).map { (String(scalars: scalars[$0.range]), Int($1)) } + latin.map { ($0.text, Int($0.count)) }
    }

    static func == (a: TermCounts, b: TermCounts) -> Bool {
        a.tokens == b.tokens && a.counts == b.counts && a.spans == b.spans && a.latin.map(\.text) == b.latin.map(\.text)
    }
}
