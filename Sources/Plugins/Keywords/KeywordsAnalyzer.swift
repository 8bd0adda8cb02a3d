import AnalyticsCore
import Foundation

/// Keyword frequency over real word segmentation: TF-IDF with jieba's IDF table (default),
/// plain counts, or TextRank.
public struct KeywordsAnalyzer: Analyzer {
    public enum Method: String, Codable, Sendable, CaseIterable {
        case tfidf, frequency, textrank
    }

    public static let description = AnalyzerDescription(
        id: "keywords",
        summary: "Keywords by TF-IDF, frequency or TextRank over Chinese word segmentation",
        runsByDefault: true,
        options: [
            topOption,
            methodOption,
            OptionSpec("dict", .file, default: nil, help: "user dictionary: one word a line, optional frequency; its words win over their parts"),
            OptionSpec("words", .text, default: nil, help: "user words given inline, comma-separated (七大都市,一体两翼)"),
            OptionSpec("stopwords", .file, default: nil, help: "extra stop words, one a line"),
            OptionSpec("singles", .flag, default: "false", help: "allow single Han characters as keywords"),
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
        ]
    )

    static let topOption = Option(integer: "top", in: 1...10_000, default: 20, help: "how many keywords to report")
    static let methodOption = Option(choice: "method", default: Method.tfidf,
                                     help: "tfidf (jieba's IDF table; unseen words get its median), frequency (counts), or textrank")

    let segmenter: Segmenter
    let top: Int
    let method: Method
    let stopWords: Set<String>
    /// The stop words the lexicon knows, by word id: a document's term table asks once per new word.
    let stopWordIDs: WordIDTable
    let allowSingles: Bool
    /// The lexicon's largest IDF (see `tfidfScores`): a scan of its 2 MB table, done when a
    /// document first has enough terms to repay it, not at start-up.
    let largestIDF: OnceValue<Float>

    public init(options: OptionValues) throws {
        top = options[Self.topOption]
        method = options[Self.methodOption]
        allowSingles = options.flag("singles")
        var stopWords = StopWords.all
        if let path = options.string("stopwords") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw AnalyzerSetupError("cannot read the stop-word file '\(path)' given to keywords.stopwords")
            }
            stopWords.formUnion(String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace).map { $0.lowercased() })
        }
        self.stopWords = stopWords
        let userWords = try UserDictionary.words(file: options.string("dict"), inline: options.string("words"))
        // A missing lexicon is an installation problem (Lexicon.LoadError), not a bad option.
        var segmenter = try Segmenter.shipped(userWords: userWords)
        // Keywords want the dictionary's compounds whole (营商环境, 高质量发展), not the finer
        // treebank-style split that `--segment` makes.
        segmenter.lengthPenalty = 0
        self.segmenter = segmenter
        let lexicon = segmenter.lexicon
        largestIDF = OnceValue { lexicon.largestIDF() }
        self.stopWordIDs = WordIDTable(stopWords.compactMap { lexicon.wordID(of: ArraySlice($0.unicodeScalars)) })
    }

    public func analyze(_ document: Document, context: AnalysisContext) -> KeywordsResult {
        let counted = count(segmenter.tokens(in: document.scalars), in: document.scalars)
        let (terms, counts, sequence, sequenceSpans) = (counted.terms, counted.counts, counted.sequence, counted.sequenceSpans)
        func text(_ index: Int) -> String {
            switch terms[index].key {
            case .text(let text): return text
            case .word, .unknown: return document.text(terms[index].first)
            }
        }
        let scores: [Double]
        switch method {
        case .frequency:
            scores = counts.map(Double.init)
        case .tfidf:
            scores = tfidfScores(terms, counts: counts, total: Double(max(sequence.count, 1)))
        case .textrank:
            scores = TextRank.scores(sequence, termCount: terms.count, names: terms.indices.map(text))
        }
        // Only terms scoring at least the top-th best can be reported: sort those by score, then term.
        let cutoff = Self.topScore(top, of: scores)
        let candidates = terms.indices.filter { scores[$0] >= cutoff }
        let names = candidates.map(text)
        let ranked = Array(candidates.indices.sorted {
            scores[candidates[$0]] != scores[candidates[$1]] ? scores[candidates[$0]] > scores[candidates[$1]] : names[$0] < names[$1]
        }.prefix(top))
        // Occurrences of the ranked terms only, by rank: one array probe per token.
        var rankOfTerm = [Int32](repeating: -1, count: terms.count)
        for (rank, candidate) in ranked.enumerated() { rankOfTerm[candidates[candidate]] = Int32(rank) }
        var occurrences = [[KeywordsResult.Keyword.Occurrence]](repeating: [], count: ranked.count)
        for (position, index) in sequence.enumerated() where rankOfTerm[index] >= 0 {
            occurrences[Int(rankOfTerm[index])].append(.init(start: sequenceSpans[position].start, end: sequenceSpans[position].end))
        }
        let keywords = ranked.enumerated().map { rank, candidate in
            let index = candidates[candidate]
            return KeywordsResult.Keyword(term: names[candidate], count: counts[index], score: (scores[index] * 1e6).rounded() / 1e6,
                                          occurrences: occurrences[rank])
        }
        return KeywordsResult(method: method, tokens: counted.wordCount, keywords: keywords)
    }

    /// A document's candidate terms, each with its first span and count, and their sequence in
    /// text order (for TextRank and for the occurrences of the reported ones).
    struct Counted {
        var terms: [(key: TermKey, first: TextSpan)] = []
        var counts: [Int] = []
        var sequence: [Int] = []
        var sequenceSpans: [TextSpan] = []
        /// Word tokens: words, Latin words, numbers and URLs.
        var wordCount = 0
    }

    /// Counts terms by lexicon word id where there is one (integer hashing), by their characters
    /// for words the lexicon lacks, by string for Latin words: flat arrays, no String per token.
    /// A stop word enters its table as -1 when first seen, so each word token costs one probe.
    private func count(_ tokens: [Token], in scalars: [Unicode.Scalar]) -> Counted {
        var counted = Counted()
        var byWordID = WordIDTable(capacity: tokens.count / 6 + 64), byText: [String: Int] = [:], unknown = SpanInterner()
        counted.sequence.reserveCapacity(tokens.count / 2)
        counted.sequenceSpans.reserveCapacity(tokens.count / 2)
        scalars.withUnsafeBufferPointer { text in
            for token in tokens {
                switch token.kind {
                case .word, .latin, .number, .url: counted.wordCount += 1
                default: continue
                }
                guard let key = candidateKey(token, scalars) else { continue }
                let next = Int32(counted.terms.count)
                let index: Int
                switch key {
                case .word(let id):
                    index = Int(byWordID.value(for: id) { stopWordIDs.contains(id) ? -1 : next })
                case .unknown:
                    index = Int(unknown.value(for: token.span, in: text) { stopWords.contains(String(scalars: text[token.span.range])) ? -1 : next })
                case .text(let text):
                    if let known = byText[text] { index = known } else { index = Int(next); byText[text] = index }
                }
                if index < 0 { continue } // a stop word
                if index == counted.terms.count {
                    counted.terms.append((key, token.span))
                    counted.counts.append(0)
                }
                counted.counts[index] += 1
                counted.sequence.append(index)
                counted.sequenceSpans.append(token.span)
            }
        }
        return counted
    }

    /// TF-IDF of every term that can be among the `top`, -infinity for the others. Terms are
    /// scored most frequent first; once a term's count times the largest IDF falls below the
    /// `top`-th best score so far, no rarer term can reach it, and their IDF (a cache miss each
    /// into a 2 MB table: most of a document's terms occur once or twice) is never read.
    private func tfidfScores(_ terms: [(key: TermKey, first: TextSpan)], counts: [Int], total: Double) -> [Double] {
        let lexicon = segmenter.lexicon
        var scores = [Double](repeating: -.infinity, count: terms.count)
        var best: [Double] = [] // the best scores so far, highest first, at most `top`
        // A few thousand IDF misses cost less than the scan that finds the bound.
        let bound = terms.count > Self.termsWorthTheBound ? Double(largestIDF.value) : .infinity
        for index in Self.mostFrequentFirst(counts) {
            let frequency = Double(counts[index]) / total
            if best.count == top && frequency * bound < best[top - 1] { break }
            let idf: Float
            switch terms[index].key {
            case .word(let id): idf = lexicon.idf(ofWordID: id) ?? lexicon.medianIDF
            case .unknown: idf = lexicon.medianIDF // not in the lexicon's trie, so not in its IDF table
            case .text(let text): idf = lexicon.idf(of: text.unicodeScalars) ?? lexicon.medianIDF
            }
            let score = frequency * Double(idf)
            scores[index] = score
            if best.count < top || score > best[top - 1] {
                if best.count == top { best.removeLast() }
                best.insert(score, at: best.firstIndex { $0 < score } ?? best.count)
            }
        }
        return scores
    }

    static let termsWorthTheBound = 1_000

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

    enum TermKey: Hashable {
        /// A word the lexicon knows, by its id.
        case word(Int)
        /// A Han word the lexicon lacks, by its characters (see `SpanInterner`).
        case unknown
        /// A Latin word, folded and lowercased.
        case text(String)
    }

    /// The key a token counts under, or nil when it cannot be a keyword.
    private func candidateKey(_ token: Token, _ scalars: [Unicode.Scalar]) -> TermKey? {
        switch token.kind {
        case .word:
            guard token.length > 1 || allowSingles else { return nil }
            // Stop words are turned away where they are counted.
            if token.wordID >= 0 { return .word(Int(token.wordID)) }
            if let id = segmenter.lexicon.wordID(of: scalars[token.start..<token.end]) { return .word(id) }
            return .unknown
        case .latin:
            let term = WidthFolding.fold(String(scalars: scalars[token.start..<token.end])).lowercased()
            guard term.unicodeScalars.count > 1, !stopWords.contains(term), term.unicodeScalars.contains(where: { ScriptClass.of($0) == .latin }) else { return nil }
            return .text(term)
        default:
            return nil
        }
    }
}

public struct KeywordsResult: AnalyzerResult, Equatable {
    public struct Keyword: Codable, Sendable, Equatable {
        public struct Occurrence: Codable, Sendable, Equatable {
            public let start: Int
            public let end: Int
        }

        public let term: String
        public let count: Int
        /// TF-IDF, count or TextRank, by `method`; rounded to 6 decimals.
        public let score: Double
        /// Every place the term occurs as a token.
        public let occurrences: [Occurrence]
    }

    public let method: KeywordsAnalyzer.Method
    /// Word tokens in the document: words, Latin words, numbers and URLs (not punctuation).
    public let tokens: Int
    public let keywords: [Keyword]

    public var reportedSpans: [LabeledSpan] {
        keywords.flatMap { keyword in keyword.occurrences.map { LabeledSpan(keyword.term, TextSpan(start: $0.start, end: $0.end)) } }
    }

    public func rendering(for document: Document) -> [RenderBlock] {
        [
            .note("\(keywords.count) keywords by \(method.rawValue) from \(NumberText.grouped(tokens)) word tokens"),
            .bars(keywords.map { .init("\($0.term) ×\($0.count)", value: $0.score, display: method == .frequency ? String($0.count) : NumberText.fixed($0.score, digits: 4)) }),
        ]
    }
}

/// Across documents: each term's total count and the number of documents it is a keyword of.
public struct KeywordsCorpusSummary: Codable, Sendable, Equatable {
    public struct Term: Codable, Sendable, Equatable {
        public let term: String
        public let count: Int
        public let documents: Int
    }

    /// The terms that are keywords of at least one document, most widespread first (then by count, then term).
    public let terms: [Term]
}

extension KeywordsResult: CorpusSummarizable {
    public static func summarize(_ documents: [(source: String, result: KeywordsResult)]) -> KeywordsCorpusSummary {
        var totals: [String: (count: Int, documents: Int)] = [:]
        for (_, result) in documents {
            for keyword in result.keywords {
                let current = totals[keyword.term] ?? (0, 0)
                totals[keyword.term] = (current.count + keyword.count, current.documents + 1)
            }
        }
        let terms = totals.map { KeywordsCorpusSummary.Term(term: $0.key, count: $0.value.count, documents: $0.value.documents) }
            .sorted { ($1.documents, $1.count, $0.term) < ($0.documents, $0.count, $1.term) }
        return KeywordsCorpusSummary(terms: terms)
    }

    public static func rendering(of summary: KeywordsCorpusSummary) -> [RenderBlock] {
        [.bars(summary.terms.prefix(20).map { .init("\($0.term) ×\($0.count)", value: Double($0.documents), display: "\($0.documents) docs") })]
    }
}
