/// Finds many fixed phrases in a text in one pass: the formulation lexicon, the theme terms, the
/// slogans of a document. Phrases are looked up by their first two scalars, after two bit tests
/// that reject most positions without hashing: common first characters (发, 推, 坚…) start many
/// phrases, and a first-character index made every such position compare against all of them.
///
/// A match names its phrase by its index in the list the index was built from; callers keep
/// what a phrase means beside that list. (Not generic: a generic index was not specialised in
/// the plugins that use it, and its metadata look-ups cost as much as the scan.)
public struct PhraseIndex: Sendable {
    public struct Match: Sendable, Equatable {
        public let span: TextSpan
        /// The phrase's index in the list given to `init`.
        public let phrase: Int
    }

    /// All phrases' scalars end to end; phrase i is `scalars[starts[i]..<starts[i + 1]]`.
    private let scalars: [Unicode.Scalar]
    private let starts: [Int]
    /// Phrase indices by first two scalars (`pairKey`), and one-scalar phrases by their scalar,
    /// longest first: the tables map a key to a list, `members[listStarts[l]..<listStarts[l + 1]]`.
    /// Open addressing with integer keys, as Dictionary's SipHash was most of the time of a scan.
    private let byPair: WordIDTable
    private let singles: WordIDTable
    private let listStarts: [Int]
    private let members: [Int]
    private let firsts: ScalarSet
    private let seconds: ScalarSet
    /// The scans' filter, tested before a position is looked up: a bit per hashed pair of first
    /// two scalars (`pairBit`), and the scalars of one-scalar phrases. A third of report text
    /// starts with a phrase's first scalar (theme terms), a fifth of that starts a phrase's pair.
    private let pairBits: [UInt64]
    private let singleFirsts: ScalarSet
    private let hasSingles: Bool

    /// An index of `phrases`; empty ones never match.
    public init(_ phrases: [[Unicode.Scalar]]) {
        scalars = phrases.flatMap { $0 }
        var starts = [0]
        for phrase in phrases { starts.append(starts[starts.count - 1] + phrase.count) }
        self.starts = starts
        let longestFirst = phrases.indices.filter { !phrases[$0].isEmpty }
            .sorted { phrases[$0].count > phrases[$1].count || phrases[$0].count == phrases[$1].count && $0 < $1 }
        var byPair = WordIDTable(capacity: phrases.count), singles = WordIDTable(capacity: 8)
        var lists: [[Int]] = []
        for index in longestFirst {
            let phrase = phrases[index]
            let list: Int32
            if phrase.count == 1 {
                list = singles.value(for: Int(phrase[0].value), insertingIfAbsent: Int32(lists.count))
            } else {
                list = byPair.value(for: Self.pairKey(phrase[0], phrase[1]), insertingIfAbsent: Int32(lists.count))
            }
            if list == lists.count { lists.append([]) }
            lists[Int(list)].append(index)
        }
        self.byPair = byPair
        self.singles = singles
        members = lists.flatMap { $0 }
        var listStarts = [0]
        for list in lists { listStarts.append(listStarts[listStarts.count - 1] + list.count) }
        self.listStarts = listStarts
        firsts = ScalarSet(phrases.compactMap(\.first))
        seconds = ScalarSet(phrases.compactMap { $0.count > 1 ? $0[1] : nil })
        var pairBits = [UInt64](repeating: 0, count: Self.pairBitCount / 64)
        for phrase in phrases where phrase.count > 1 {
            let bit = Self.pairBit(phrase[0].value, phrase[1].value)
            pairBits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.pairBits = pairBits
        singleFirsts = ScalarSet(phrases.compactMap { $0.count == 1 ? $0[0] : nil })
        hasSingles = phrases.contains { $0.count == 1 }
    }

    /// 2^16 bits (8 KB): a few hundred or thousand pairs leave few false positives.
    private static let pairBitCount = 1 << 16

    /// The filter bit of a pair of scalars.
    @inline(__always)
    private static func pairBit(_ first: UInt32, _ second: UInt32) -> Int {
        Int(truncatingIfNeeded: ((UInt64(first) << 21 | UInt64(second)) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    /// Two scalars (21 bits each) as one non-negative integer key.
    @inline(__always)
    private static func pairKey(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
        Int(first.value) << 21 | Int(second.value)
    }

    /// Calls `body` with the length and index of each phrase that starts at `index` and ends by
    /// `end`, longest first, until it returns false.
    @inline(__always)
    public func forEachPhrase(at index: Int, in text: [Unicode.Scalar], end: Int, _ body: (_ length: Int, _ phrase: Int) -> Bool) {
        guard firsts.contains(text[index]) else { return }
        if index + 1 < end, seconds.contains(text[index + 1]), let list = byPair.lookup(Self.pairKey(text[index], text[index + 1])) {
            for member in listStarts[Int(list)]..<listStarts[Int(list) + 1] {
                let phrase = members[member]
                let start = starts[phrase], length = starts[phrase + 1] - start
                guard index + length <= end, matchesTail(of: start, length: length, at: index, in: text) else { continue }
                if !body(length, phrase) { return }
            }
        }
        if singles.count > 0, let list = singles.lookup(Int(text[index].value)) {
            for member in listStarts[Int(list)]..<listStarts[Int(list) + 1] where !body(1, members[member]) { return }
        }
    }

    /// Whether the phrase at `scalars[start..<start + length]` continues in `text` at `index + 2`
    /// (its first two scalars matched already).
    @inline(__always)
    private func matchesTail(of start: Int, length: Int, at index: Int, in text: [Unicode.Scalar]) -> Bool {
        var offset = 2
        while offset < length {
            if scalars[start + offset] != text[index + offset] { return false }
            offset += 1
        }
        return true
    }

    /// Left to right, the longest phrase at each position, skipping past it: no overlaps.
    public func longestMatches(in text: [Unicode.Scalar], range: Range<Int>? = nil) -> [Match] {
        let range = range ?? 0..<text.count
        var found: [Match] = []
        var index = range.lowerBound
        while index < range.upperBound {
            // Most positions start no phrase: skip them with the filter bits, read raw.
            index = nextPossibleStart(from: index, to: range.upperBound, in: text)
            guard index < range.upperBound else { break }
            var length = 0
            forEachPhrase(at: index, in: text, end: range.upperBound) { count, phrase in
                found.append(Match(span: TextSpan(start: index, end: index + count), phrase: phrase))
                length = count
                return false
            }
            index += max(length, 1)
        }
        return found
    }

    /// The first position from `index` that may start a phrase ending by `end`: its scalar
    /// starts a phrase and is one itself or begins, with the next scalar, a phrase's first pair
    /// (by the filter bits: false positives only). Astral scalars always may.
    private func nextPossibleStart(from index: Int, to end: Int, in text: [Unicode.Scalar]) -> Int {
        let hasSingles = self.hasSingles
        return text.withUnsafeBufferPointer { text in
            firsts.bmpWords.withUnsafeBufferPointer { firstWords in
                pairBits.withUnsafeBufferPointer { pairWords in
                    singleFirsts.bmpWords.withUnsafeBufferPointer { singleWords in
                        var index = index
                        while index < end {
                            let value = text[index].value
                            if value >= 0x10000 { return index }
                            let word = Int(value >> 6), bit = UInt64(1) << UInt64(value & 63)
                            if firstWords[word] & bit != 0 {
                                if hasSingles && singleWords[word] & bit != 0 { return index }
                                if index + 1 < end {
                                    let pair = Self.pairBit(value, text[index + 1].value)
                                    if pairWords[pair >> 6] & (1 << UInt64(pair & 63)) != 0 { return index }
                                }
                            }
                            index += 1
                        }
                        return end
                    }
                }
            }
        }
    }

    /// Every occurrence of every phrase, overlapping ones included.
    public func allMatches(in text: [Unicode.Scalar]) -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < text.count {
            index = nextPossibleStart(from: index, to: text.count, in: text)
            guard index < text.count else { break }
            forEachPhrase(at: index, in: text, end: text.count) { count, phrase in
                found.append(Match(span: TextSpan(start: index, end: index + count), phrase: phrase))
                return true
            }
            index += 1
        }
        return found
    }
}
