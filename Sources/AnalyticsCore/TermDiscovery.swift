import Foundation

/// Term discovery (新词发现): runs of two to four adjacent words that recur with strong internal
/// cohesion and varied neighbours on both sides, so a term the dictionary has never seen
/// (新质生产力 = 新质 + 生产力, 超长期特别国债, 问需于民) is one unit the first time a text repeats it.
///
/// The statistics are the standard ones of the literature (Matrix67's 新词发现; Sproat & Shih):
/// - cohesion: for every way of cutting the run in two (L | R), the symmetric conditional
///   probability SCP = c(LR)² / (c(L)·c(R)) = P(R|L)·P(L|R) (Silva & Lopes' LocalMaxs); the run's
///   cohesion is the smallest over its cuts, so 高质量 发展 (23 of 高质量's 28, of 发展's 129: 0.15)
///   passes and 经济 发展 (10 of 45, of 129: 0.017) does not, nor 发展 新质 (2 of 3, of 145), where
///   a rare word happens to follow a common one. Its PMI, log(c(LR)·N / c(L)·c(R)), must also be
///   positive.
/// - boundary entropy: the entropy of the words just before and just after the run (each text
///   boundary counted as a distinct neighbour). A run always preceded by the same word is a piece
///   of a longer unit (特别 国债 inside 超长期 特别 国债), which is found instead.
///
/// Two ways in: `phrases(units:joinable:)` over a caller's word ids (what keywords does, on the
/// tokens it already has), and `terms(in:segmenter:)` over a text (for slogans, trends and scripts).
/// `Corpus` adds up the terms of many documents (a run) and ranks them by the documents they recur in.
public struct TermDiscovery: Sendable {
    /// Fewest occurrences in the text.
    public var minCount = 2
    /// Longest run, in words.
    public var maxWords = 4
    /// Smallest cohesion (SCP, see above), 0…1.
    public var minCohesion = 0.03
    /// Smallest boundary entropy (nats) on each side; two different neighbours give ln 2 ≈ 0.69.
    public var minEntropy = 0.5

    public init() {}

    /// A run of words found to be a term: its word ids (the caller's), how often it occurs, and the
    /// statistics that admitted it.
    public struct Phrase: Sendable, Equatable {
        public let words: [Int32]
        public let count: Int
        public let cohesion: Double
        public let pmi: Double
        public let leftEntropy: Double
        public let rightEntropy: Double
    }

    /// Boundary marker in `units`: punctuation, numbers, whitespace, a line end.
    public static let boundary: Int32 = -1

    /// The phrases of a text given as `units`, one per token: a word id (>= 0, equal ids for equal
    /// words) or `boundary`. Only words with `joinable[id]` may be inside a phrase (the caller
    /// leaves out stop words and function characters); all words count as neighbours. A phrase
    /// starts only with a word that `canStart` allows and ends only with one `canEnd` allows (nil:
    /// any joinable word), so a caller keeps verbs and adverbs off a term's front (实施 制造业);
    /// a word with `longOnly` may be first or last only in a run of three words or more (a single
    /// character: 超 长期 特别 国债, not 请 居民).
    /// Ordered by length, then first occurrence. Work is linear in the text: each level only
    /// extends runs that already recur (a run occurring twice needs both its shorter runs to occur twice).
    public func phrases(units: [Int32], joinable: [Bool], canStart: [Bool]? = nil, canEnd: [Bool]? = nil, longOnly: [Bool]? = nil) -> [Phrase] {
        let n = units.count
        guard n > 1, maxWords >= 2 else { return [] }
        var wordCounts = [Int32](repeating: 0, count: joinable.count)
        var total = 0
        for unit in units where unit >= 0 { wordCounts[Int(unit)] += 1; total += 1 }
        // Run ids: words are 0..<words; longer runs get ids from `words` up, by (prefix, last word).
        let words = joinable.count
        var table = PairTable(capacity: n / 4 + 64)
        var runCounts: [Int32] = []
        func count(of id: Int32) -> Int32 { Int(id) < words ? wordCounts[Int(id)] : runCounts[Int(id) - words] }
        // `runAt[(l - 1) * n + i]`: the run of l words starting at i, or -1 (one flat array: nested
        // arrays cost a retain per access in the loops below).
        var runAt = [Int32](repeating: -1, count: n * maxWords)
        // `positions[l - 1]`: where a run of l words starts (only these are visited at the next level).
        var starts: [Int32] = [] // level 1, built here: an append to a nested array checks both for sharing
        starts.reserveCapacity(n / 2)
        for i in 0..<n where units[i] >= 0 && joinable[Int(units[i])] && wordCounts[Int(units[i])] >= minCount {
            runAt[i] = units[i]
            starts.append(Int32(i))
        }
        var positions: [[Int32]] = [starts]
        var levels = 1
        for length in 2...maxWords {
            var here: [Int32] = []
            let previous = (length - 2) * n, current = (length - 1) * n
            for position in positions[length - 2] {
                let i = Int(position)
                guard i + length <= n else { break }
                let prefix = runAt[previous + i]
                guard count(of: prefix) >= minCount else { continue }
                // The run without its first word must recur too (its id is at i + 1, one level down).
                let suffix = runAt[previous + i + 1]
                guard suffix >= 0, count(of: suffix) >= minCount else { continue }
                let last = units[i + length - 1]
                let key = UInt64(UInt32(bitPattern: prefix)) << 32 | UInt64(UInt32(bitPattern: last))
                let id = table.value(for: key) {
                    runCounts.append(0)
                    return Int32(words + runCounts.count - 1)
                }
                runCounts[Int(id) - words] += 1
                runAt[current + i] = id
                here.append(position)
            }
            if here.isEmpty { break }
            positions.append(here)
            levels = length
        }
        guard levels > 1 else { return [] }
        // Candidates: runs that recur and hold together; then their neighbours.
        var candidate = [Int32](repeating: -1, count: runCounts.count) // run → candidate index
        var candidates: [(run: Int32, first: Int, length: Int, cohesion: Double, pmi: Double)] = []
        for length in 2...levels {
            for position in positions[length - 1] {
                let i = Int(position)
                let run = runAt[(length - 1) * n + i]
                guard candidate[Int(run) - words] == -1 else { continue }
                candidate[Int(run) - words] = -2 // seen
                let c = Double(runCounts[Int(run) - words])
                guard c >= Double(minCount) else { continue }
                if let canStart, !canStart[Int(units[i])] { continue }
                if let canEnd, !canEnd[Int(units[i + length - 1])] { continue }
                if length < 3, let longOnly, longOnly[Int(units[i])] || longOnly[Int(units[i + length - 1])] { continue }
                var cohesion = Double.infinity, pmi = Double.infinity
                for cut in 1..<length {
                    let left = runAt[(cut - 1) * n + i], right = runAt[(length - cut - 1) * n + i + cut]
                    guard left >= 0, right >= 0 else { cohesion = 0; break }
                    let cl = Double(count(of: left)), cr = Double(count(of: right))
                    cohesion = min(cohesion, c * c / (cl * cr))
                    pmi = min(pmi, log(c * Double(total) / (cl * cr)))
                }
                guard cohesion >= minCohesion, pmi > 0 else { continue }
                candidate[Int(run) - words] = Int32(candidates.count)
                candidates.append((run, i, length, cohesion, pmi))
            }
        }
        guard !candidates.isEmpty else { return [] }
        // Each candidate's neighbours in one flat array (a candidate's slice is as long as its
        // count: every occurrence of a run is at one of its level's positions), not an array each.
        var slices = [Int](repeating: 0, count: candidates.count + 1)
        for (index, entry) in candidates.enumerated() { slices[index + 1] = slices[index] + Int(runCounts[Int(entry.run) - words]) }
        var filled = Array(slices.dropLast())
        var left = [Int32](repeating: 0, count: slices[candidates.count])
        var right = left
        var boundaryID: Int32 = Int32.min // each text boundary a neighbour of its own
        for length in 2...levels {
            for position in positions[length - 1] {
                let i = Int(position)
                let index = Int(candidate[Int(runAt[(length - 1) * n + i]) - words])
                guard index >= 0 else { continue }
                let before = i > 0 ? units[i - 1] : Self.boundary
                let after = i + length < n ? units[i + length] : Self.boundary
                if before < 0 { boundaryID += 1 }
                left[filled[index]] = before < 0 ? boundaryID : before
                if after < 0 { boundaryID += 1 }
                right[filled[index]] = after < 0 ? boundaryID : after
                filled[index] += 1
            }
        }
        var found: [Phrase] = []
        for (index, entry) in candidates.enumerated() {
            let slice = slices[index]..<slices[index + 1]
            left[slice].sort()
            right[slice].sort()
            let leftEntropy = Self.entropy(sorted: left[slice]), rightEntropy = Self.entropy(sorted: right[slice])
            guard leftEntropy >= minEntropy, rightEntropy >= minEntropy else { continue }
            found.append(Phrase(words: Array(units[entry.first..<entry.first + entry.length]), count: Int(runCounts[Int(entry.run) - words]),
                                cohesion: entry.cohesion,
                                pmi: entry.pmi, leftEntropy: leftEntropy, rightEntropy: rightEntropy))
        }
        return found
    }

    /// Shannon entropy (nats) of the values' distribution.
    static func entropy(_ values: [Int32]) -> Double {
        entropy(sorted: values.sorted()[...])
    }

    /// `entropy` of values already sorted.
    static func entropy(sorted: ArraySlice<Int32>) -> Double {
        guard sorted.count > 1 else { return 0 }
        var entropy = 0.0, run = 1
        let total = Double(sorted.count)
        for index in sorted.indices.dropFirst() {
            if sorted[index] == sorted[index - 1] { run += 1; continue }
            let p = Double(run) / total
            entropy -= p * log(p)
            run = 1
        }
        let p = Double(run) / total // the last run
        entropy -= p * log(p)
        return entropy
    }

    /// Where the phrases occur in `units`: `length[i]` is the number of units of the phrase that
    /// starts at i (the longest, left to right, never overlapping), 0 elsewhere.
    public static func cover(_ units: [Int32], with phrases: [Phrase]) -> (length: [UInt8], phrase: [Int32]) {
        var length = [UInt8](repeating: 0, count: units.count)
        var which = [Int32](repeating: -1, count: units.count)
        guard !phrases.isEmpty else { return (length, which) }
        // A trie of the phrases by word id: (node, word) → node.
        var trie = PairTable(capacity: phrases.count * 4)
        var terminal: [Int32] = [-1] // node → phrase index
        for (index, phrase) in phrases.enumerated() {
            var node: Int32 = 0
            for word in phrase.words {
                let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
                node = trie.value(for: key) { terminal.append(-1); return Int32(terminal.count - 1) }
            }
            terminal[Int(node)] = Int32(index)
        }
        var i = 0
        while i < units.count {
            var node: Int32 = 0, best = -1, bestLength = 0, j = i
            while j < units.count, units[j] >= 0, j - i < 255 {
                let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: units[j]))
                guard let next = trie.lookup(key) else { break }
                node = next
                j += 1
                if terminal[Int(node)] >= 0 { best = Int(terminal[Int(node)]); bestLength = j - i }
            }
            if best >= 0 {
                length[i] = UInt8(bestLength)
                which[i] = Int32(best)
                i += bestLength
            } else {
                i += 1
            }
        }
        return (length, which)
    }
}

// MARK: Over a text

/// A term found in a text: its characters, how often it occurs as a unit, where, and its statistics.
public struct DiscoveredTerm: Sendable, Equatable, Codable {
    public let text: String
    /// The words it joins, as the segmenter cut them.
    public let parts: [String]
    public let count: Int
    public let cohesion: Double
    public let leftEntropy: Double
    public let rightEntropy: Double
    /// Where it occurs (Unicode-scalar offsets, end exclusive), as one unit.
    public let spans: [TextSpan]
}

extension TermDiscovery {
    /// The terms of a text: segmented by `segmenter`, with `isStop` words (and single characters
    /// that `isStop` names) kept out of terms. Ordered by first occurrence.
    public func terms(in scalars: [Unicode.Scalar], segmenter: Segmenter, isStop: (String) -> Bool = { _ in false }) -> [DiscoveredTerm] {
        let tokens = segmenter.tokens(in: scalars)
        var ids: [String: Int32] = [:]
        var joinable: [Bool] = []
        var units = [Int32](repeating: Self.boundary, count: tokens.count)
        for (index, token) in tokens.enumerated() where token.kind == .word || token.kind == .latin {
            let text = String(scalars: scalars[token.start..<token.end])
            if let id = ids[text] { units[index] = id; continue }
            let id = Int32(joinable.count)
            ids[text] = id
            joinable.append(!isStop(text))
            units[index] = id
        }
        let found = phrases(units: units, joinable: joinable)
        var names = [String](repeating: "", count: joinable.count)
        for (text, id) in ids { names[Int(id)] = text }
        let texts = found.map { $0.words.map { names[Int($0)] }.joined() }
        var spans = [[TextSpan]](repeating: [], count: found.count)
        for match in Self.occurrences(of: texts.map { Array($0.unicodeScalars) }, in: scalars) { spans[match.phrase].append(match.span) }
        return found.indices.compactMap { index in
            guard !spans[index].isEmpty else { return nil }
            let phrase = found[index]
            return DiscoveredTerm(text: texts[index], parts: phrase.words.map { names[Int($0)] },
                                  count: spans[index].count, cohesion: phrase.cohesion, leftEntropy: phrase.leftEntropy,
                                  rightEntropy: phrase.rightEntropy, spans: spans[index])
        }
    }

    /// Every occurrence of the terms' characters, longest first and never overlapping: a term is
    /// one unit wherever its characters are, however the segmenter cut them there (亚投行 as
    /// 亚 投行 here, 亚投 行将 there). Keywords count terms this way too.
    public static func occurrences(of terms: [[Unicode.Scalar]], in scalars: [Unicode.Scalar]) -> [PhraseIndex.Match] {
        terms.isEmpty ? [] : PhraseIndex(terms).longestMatches(in: scalars)
    }

    /// The terms of a run of documents: each document's terms added up, ranked by the number of
    /// documents they were found in, then by count. Feed `add` in input order; the result does not
    /// depend on it.
    public struct Corpus: Sendable {
        public struct Entry: Sendable, Equatable, Codable {
            public let text: String
            public var count: Int
            public var documents: Int
        }

        private var entries: [String: Entry] = [:]

        public init() {}

        public mutating func add(_ terms: [(text: String, count: Int)]) {
            var seen = Set<String>()
            for term in terms {
                var entry = entries[term.text] ?? Entry(text: term.text, count: 0, documents: 0)
                entry.count += term.count
                if seen.insert(term.text).inserted { entry.documents += 1 }
                entries[term.text] = entry
            }
        }

        /// Terms found in at least `minDocuments` documents, most widespread first (then count, then text).
        public func terms(minDocuments: Int = 1) -> [Entry] {
            entries.values.filter { $0.documents >= minDocuments }
                .sorted { ($1.documents, $1.count, $0.text) < ($0.documents, $0.count, $1.text) }
        }

        /// The terms as a user dictionary (one word a line with its count, jieba's format), for
        /// `keywords.dict`.
        public func userDictionary(minDocuments: Int = 1) -> String {
            terms(minDocuments: minDocuments).map { "\($0.text) \($0.count)\n" }.joined()
        }
    }
}

/// UInt64 key → Int32 value by open addressing (run ids by (prefix, word)).
struct PairTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0
    private static let empty = UInt64.max

    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: Self.empty, count: size)
        values = Array(repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while keys[slot] != Self.empty && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    func lookup(_ key: UInt64) -> Int32? {
        let at = slot(for: key)
        return keys[at] == key ? values[at] : nil
    }

    @inline(__always)
    mutating func value(for key: UInt64, ifAbsent absent: () -> Int32) -> Int32 {
        let at = slot(for: key)
        if keys[at] == key { return values[at] }
        let value = absent()
        keys[at] = key
        values[at] = value
        count += 1
        if count * 2 > keys.count { grow() }
        return value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = Array(repeating: Self.empty, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (index, key) in oldKeys.enumerated() where key != Self.empty {
            let at = slot(for: key)
            keys[at] = key
            values[at] = oldValues[index]
        }
    }
}
