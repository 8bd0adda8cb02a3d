import Foundation

/// A token of the text: a word, a number, a Latin word, a URL, punctuation, whitespace or a symbol.
public struct Token: Hashable, Sendable {
    public enum Kind: UInt8, Sendable, Codable {
        /// A Chinese word: from the dictionary, the user dictionary, or found by the HMM.
        case word
        /// Digits with decimal point, thousands separators, %, and a date unit (2022年, 3月, 5日).
        case number
        /// Latin letters and digits, joined by - . ' _ & inside (A-AVG, U.S., AT&T).
        case latin
        case url
        case punctuation
        case whitespace
        /// Anything else: emoji, kana, symbols.
        case symbol
    }

    // 32-bit offsets: a token is 16 bytes, not 24, and a document's tokens are many (inputs are
    // limited far below 2^31 characters by --max-bytes).
    private let startOffset: Int32
    private let endOffset: Int32
    public let kind: Kind
    /// The lexicon's id for a dictionary word the route chose (see `Lexicon.wordID`), or -1:
    /// analyzers count and look up words by it without hashing strings.
    public let wordID: Int32

    public init(start: Int, end: Int, kind: Kind, wordID: Int32 = -1) {
        startOffset = Int32(truncatingIfNeeded: start)
        endOffset = Int32(truncatingIfNeeded: end)
        self.kind = kind
        self.wordID = wordID
    }

    public var start: Int { Int(startOffset) }
    public var end: Int { Int(endOffset) }

    public var span: TextSpan { TextSpan(start: start, end: end) }
    public var length: Int { end - start }
}

/// Chinese word segmentation: jieba's model (a prefix dictionary, the maximum-probability route
/// through the DAG of dictionary words, an HMM over runs of characters left single), with
/// numbers, dates, percentages, Latin words and URLs kept whole before the dictionary sees them,
/// and user words that win over their parts.
public struct Segmenter: Sendable {
    public let lexicon: Lexicon
    let userWords: UserWordTrie
    /// Find words the dictionary lacks with the HMM (as jieba's default).
    public var useHMM = true
    /// Keep a date unit with its number (2022年, 3月, 5日 after a month) instead of the
    /// UD/CTB convention 2022 年. The digits are never split either way.
    public var keepDatesWhole = false
    /// Log-probability cost of each character a dictionary word has beyond its first. jieba's
    /// dictionary prefers long compounds (企业界, 电视机) where treebank standards and readers
    /// split; 1.5 was tuned on the UD GSDSimp dev set (F1 0.793 at 0, 0.800 at 1.5).
    public var lengthPenalty = 1.5

    public init(lexicon: Lexicon, userWords: [UserWord] = []) {
        self.lexicon = lexicon
        var trie = UserWordTrie()
        for entry in userWords {
            let scalars = Array(entry.word.unicodeScalars)
            guard !scalars.isEmpty else { continue }
            // Without a frequency, a user word gets a probability that beats every split of it.
            let parts = Self.bestRouteLogP(scalars, lexicon: lexicon, userWords: trie)
            let given = entry.frequency.map { Float(log($0)) + lexicon.defaultLogP }
            trie.insert(scalars, logP: max(given ?? -.infinity, parts + 5))
        }
        self.userWords = trie
    }

    /// The segmenter over the shipped lexicon.
    public static func shipped(userWords: [UserWord] = []) throws(Lexicon.LoadError) -> Segmenter {
        Segmenter(lexicon: try Lexicon.shipped(), userWords: userWords)
    }

    /// The words of `text` (no whitespace tokens), for tests and quick use.
    public func words(_ text: String) -> [String] {
        let scalars = text.scalarArray
        return tokens(in: scalars).filter { $0.kind != .whitespace }.map { String(scalars: scalars[$0.start..<$0.end]) }
    }

    /// The text with its words separated by single spaces, one output line per input line
    /// (`analyze --segment`, the gold format of segmentation scorers). Writes UTF-8 directly.
    public func segmentedLines(_ text: String) -> String {
        String(decoding: segmentedLinesUTF8(text), as: UTF8.self)
    }

    /// `segmentedLinesUTF8` a piece at a time: the text is cut after a line feed every
    /// `chunkBytes` or so, and each piece's output goes to `write`. Words never span a line
    /// break, so the pieces join into exactly the whole text's output, and memory holds one piece.
    public func segmentedLines(_ text: String, chunkBytes: Int, write: ([UInt8]) -> Void) {
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            var end = utf8.index(start, offsetBy: chunkBytes, limitedBy: utf8.endIndex) ?? utf8.endIndex
            while end < utf8.endIndex && utf8[utf8.index(before: end)] != UInt8(ascii: "\n") { end = utf8.index(after: end) }
            write(segmentedLinesUTF8(String(text[start..<end])))
            start = end
        }
    }

    /// `segmentedLines` as the UTF-8 bytes a caller writes out, without building a String
    /// (which validates every byte again). Words are copied from the text's own UTF-8, walked
    /// alongside the tokens, rather than encoded again from scalars.
    public func segmentedLinesUTF8(_ text: String) -> [UInt8] {
        let tokens = tokens(in: text.scalarArray)
        var text = text
        return text.withUTF8 { source in
            // Never longer than the input plus one separator per token.
            [UInt8](unsafeUninitializedCapacity: source.count + tokens.count + 1) { out, written in
                guard let input = source.baseAddress, let output = out.baseAddress else { written = 0; return }
                var at = 0, from = 0 // output and input byte offsets
                var lineHasWords = false
                for token in tokens {
                    var byteEnd = from
                    for _ in 0..<token.length { byteEnd += Self.utf8Length(lead: input[byteEnd]) }
                    if token.kind == .whitespace {
                        // Only line breaks survive: one line feed each, CR LF counting once.
                        var index = from
                        while index < byteEnd {
                            let byte = input[index]
                            if byte == 0x0A || byte == 0x0D {
                                output[at] = 0x0A
                                at += 1
                                lineHasWords = false
                                if byte == 0x0D && index + 1 < byteEnd && input[index + 1] == 0x0A { index += 1 }
                            }
                            index += 1
                        }
                    } else {
                        if lineHasWords {
                            output[at] = 0x20
                            at += 1
                        }
                        lineHasWords = true
                        (output + at).update(from: input + from, count: byteEnd - from)
                        at += byteEnd - from
                    }
                    from = byteEnd
                }
                written = at
            }
        }
    }

    /// The length of the UTF-8 sequence a valid lead byte starts.
    @inline(__always)
    static func utf8Length(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }

    /// Tokens covering `scalars[range]` without gaps, in order.
    public func tokens(in scalars: [Unicode.Scalar], range: Range<Int>? = nil) -> [Token] {
        var scratch = Scratch()
        return tokens(in: scalars, range: range, scratch: &scratch)
    }

    /// Working memory reused across calls: analyzers that segment many small windows of a
    /// document (facts' subjects) keep one, so each call allocates only its result.
    public struct Scratch {
        var route = RouteScratch()
        public init() {}
    }

    /// `tokens(in:range:)` with the caller's working memory.
    public func tokens(in scalars: [Unicode.Scalar], range: Range<Int>? = nil, scratch: inout Scratch) -> [Token] {
        let range = range ?? 0..<scalars.count
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count * 3 / 4 + 8) // report text: about 0.6 tokens a character
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let scalar = scalars[index]
            if ScriptClass.isHan(scalar) {
                var runEnd = index + 1
                while runEnd < end && ScriptClass.isHan(scalars[runEnd]) { runEnd += 1 }
                segmentHan(scalars, index..<runEnd, into: &tokens, scratch: &scratch.route)
                index = runEnd
            } else {
                let token = PreTokenizer.token(at: index, in: scalars, end: end, keepDatesWhole: keepDatesWhole)
                tokens.append(token)
                index = token.end
            }
        }
        return tokens
    }

    // MARK: Han runs

    /// What the route knows of one position of a run.
    struct RouteCell {
        /// Log probability of the best route from here to the run's end, and where its first word ends.
        var best: Double = 0
        var next: Int32 = 0
        /// The lexicon word id of that word, or -1.
        var word: Int32 = -1
        /// The root edge of this position's character, and the edge of the character pair it
        /// starts, or -1 (see `firstSteps`).
        var root: Int32 = -1
        var pair: Int32 = -1
    }

    struct RouteScratch {
        var cells: [RouteCell] = []
        var hmm = HMMSegmenter.Scratch()

        /// Room for a run of `count` characters; the cells only grow.
        mutating func reserve(_ count: Int) {
            if cells.count < count + 1 { cells = Array(repeating: RouteCell(), count: count + 1) }
        }
    }

    private func segmentHan(_ scalars: [Unicode.Scalar], _ run: Range<Int>, into tokens: inout [Token], scratch: inout RouteScratch) {
        let start = run.lowerBound, count = run.count
        if count == 1 {
            tokens.append(Token(start: start, end: start + 1, kind: .word))
            return
        }
        route(scalars, run, scratch: &scratch)
        var index = 0
        var single = -1 // start of pending single characters
        while index < count {
            let next = Int(scratch.cells[index].next)
            if next - index == 1 {
                if single < 0 { single = index }
            } else {
                if single >= 0 { flushSingles(scalars, start + single..<start + index, into: &tokens, scratch: &scratch.hmm) }
                single = -1
                tokens.append(Token(start: start + index, end: start + next, kind: .word, wordID: scratch.cells[index].word))
            }
            index = next
        }
        if single >= 0 { flushSingles(scalars, start + single..<start + count, into: &tokens, scratch: &scratch.hmm) }
    }

    /// The maximum-probability route through the DAG of dictionary words: `next[i]` is where the
    /// word starting at `i` ends. Ties go to the longer word, as in jieba.
    private func route(_ scalars: [Unicode.Scalar], _ run: Range<Int>, scratch: inout RouteScratch) {
        let count = run.count
        scratch.reserve(count)
        let defaultLogP = Double(lexicon.defaultLogP)
        let lexicon = self.lexicon
        let penalty = lengthPenalty
        let userWords = self.userWords
        let hasUserWords = !userWords.isEmpty
        // Unsafe buffers: this loop is the segmenter's hot path.
        scalars.withUnsafeBufferPointer { allScalars in
            let text = UnsafeBufferPointer(rebasing: allScalars[run])
            scratch.cells.withUnsafeMutableBufferPointer { cells in
                firstSteps(text, cells)
                cells[count].best = 0
                for i in stride(from: count - 1, through: 0, by: -1) {
                    let root = cells[i].root, pair = cells[i].pair
                    var edge: Int? = root >= 0 ? Int(root) : nil
                    var singleLogP = defaultLogP
                    if let edge, case let logP = lexicon.edges[edge].logP, !logP.isNaN { singleLogP = Double(logP) }
                    var bestScore = singleLogP + cells[i + 1].best
                    var bestEnd = i + 1
                    var bestWord = Int32(edge ?? -1)
                    var j = i + 1
                    while let current = edge, j < count {
                        edge = j == i + 1 ? (pair >= 0 ? Int(pair) : nil) : lexicon.childIndex(of: current, text[j])
                        j += 1
                        guard let found = edge else { break }
                        let logP = lexicon.edges[found].logP
                        if !logP.isNaN {
                            let score = Double(logP) + cells[j].best - penalty * Double(j - i - 1)
                            if score >= bestScore {
                                bestScore = score
                                bestEnd = j
                                bestWord = Int32(found)
                            }
                        }
                    }
                    if hasUserWords { // user words are extra DAG edges, unpenalised
                        userWords.forEachWord(from: i, in: text) { wordEnd, logP in
                            let score = Double(logP) + cells[wordEnd].best
                            if score >= bestScore {
                                bestScore = score
                                bestEnd = wordEnd
                                bestWord = -1
                            }
                        }
                    }
                    cells[i].best = bestScore
                    cells[i].next = Int32(bestEnd)
                    cells[i].word = bestWord
                }
            }
        }
    }

    /// The first two steps of every position's walk: its character's root edge and the edge of the
    /// pair it starts. The walk is mostly waiting for trie records (a cache miss each), so these
    /// passes ask for them ahead with prefetch hints, a whole run at a time: the pairs' slots,
    /// then (found with the slots in cache) the pairs' records, then what each third step reads
    /// (a hash slot or the start of a child list). The waits of all positions overlap instead of
    /// queueing one behind the other, and the route finds the records in cache. (Asking for the
    /// fourth step too measured no faster.)
    private func firstSteps(_ text: UnsafeBufferPointer<Unicode.Scalar>, _ cells: UnsafeMutableBufferPointer<RouteCell>) {
        let count = text.count
        let lexicon = self.lexicon
        for position in 0..<count {
            let edge = lexicon.rootIndex(text[position]) ?? -1
            cells[position].root = Int32(edge)
            if edge >= 0 && position + 1 < count { lexicon.prefetchPair(of: edge, text[position + 1]) }
        }
        for position in 0..<count {
            cells[position].pair = -1
            let root = Int(cells[position].root)
            guard root >= 0, position + 1 < count, let found = lexicon.pairChild(of: root, text[position + 1]) else { continue }
            cells[position].pair = Int32(found)
            lexicon.prefetchEdge(found)
        }
        for position in 0..<max(count - 2, 0) where cells[position].pair >= 0 {
            lexicon.prefetchChild(of: Int(cells[position].pair), text[position + 2])
        }
    }

    /// Characters the route left single: one is a word; a run goes to the HMM, which may join
    /// them into words the dictionary lacks (or has only as rare words).
    private func flushSingles(_ scalars: [Unicode.Scalar], _ run: Range<Int>, into tokens: inout [Token], scratch: inout HMMSegmenter.Scratch) {
        if run.count == 1 || !useHMM {
            for index in run { tokens.append(Token(start: index, end: index + 1, kind: .word)) }
            return
        }
        HMMSegmenter.segment(scalars, run, tables: lexicon.hmm, scratch: &scratch, into: &tokens)
    }

    /// The log probability of the best dictionary route through `scalars`.
    static func bestRouteLogP(_ scalars: [Unicode.Scalar], lexicon: Lexicon, userWords: UserWordTrie) -> Float {
        let segmenter = Segmenter(lexicon: lexicon, trie: userWords)
        var scratch = RouteScratch()
        segmenter.route(scalars, 0..<scalars.count, scratch: &scratch)
        return Float(scratch.cells[0].best)
    }

    private init(lexicon: Lexicon, trie: UserWordTrie) {
        self.lexicon = lexicon
        self.userWords = trie
    }
}

/// A word from a user dictionary, with an optional frequency (as in jieba's dictionary format).
public struct UserWord: Sendable, Equatable {
    public let word: String
    public let frequency: Double?

    public init(_ word: String, frequency: Double? = nil) {
        self.word = word
        self.frequency = frequency
    }

    /// Parses a user dictionary: one word a line, optionally followed by a frequency (and a tag,
    /// ignored); blank lines and lines starting with # are skipped.
    public static func parse(_ text: String) -> [UserWord] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
            guard let word = fields.first, !word.hasPrefix("#") else { return nil }
            return UserWord(String(word), frequency: fields.count > 1 ? Double(fields[1]).flatMap { $0 > 0 ? $0 : nil } : nil)
        }
    }
}

/// User words in a small in-memory trie, consulted beside the mapped dictionary.
struct UserWordTrie: Sendable {
    private var children: [[UInt32: Int32]] = [[:]]
    private var logP: [Float] = [.nan]

    var isEmpty: Bool { children.count == 1 }

    mutating func insert(_ word: [Unicode.Scalar], logP value: Float) {
        var node = 0
        for scalar in word {
            if let next = children[node][scalar.value] {
                node = Int(next)
            } else {
                children[node][scalar.value] = Int32(children.count)
                node = children.count
                children.append([:])
                logP.append(.nan)
            }
        }
        logP[node] = value
    }

    /// Calls `body` with the end and log probability of each user word starting at `start`.
    func forEachWord(from start: Int, in text: UnsafeBufferPointer<Unicode.Scalar>, _ body: (Int, Float) -> Void) {
        var node = 0
        var index = start
        while index < text.count, let next = children[node][text[index].value] {
            node = Int(next)
            index += 1
            if !logP[node].isNaN { body(index, logP[node]) }
        }
    }
}

