/// Finds many fixed phrases in a text in one pass: the formulation lexicon, the theme terms, the
/// slogans of a document. Phrases are looked up by their first two scalars, after two bit tests
/// that reject most positions without hashing: common first characters (发, 推, 坚…) start many
/// phrases, and a first-character index made every such position compare against all of them.
public struct PhraseIndex<Value: Sendable>: Sendable {
    private let phrases: [(scalars: [Unicode.Scalar], value: Value)]
    /// Phrase indices by first two scalars (`pairKey`), and one-scalar phrases by their scalar,
    /// longest first: the tables map a key to a list in `lists`. Open addressing with integer
    /// keys, as Dictionary's SipHash was most of the time of a scan.
    private let byPair: WordIDTable
    private let singles: WordIDTable
    private let lists: [[Int]]
    private let firsts: ScalarSet
    private let seconds: ScalarSet

    public init(_ phrases: [(scalars: [Unicode.Scalar], value: Value)]) {
        let phrases = phrases.filter { !$0.scalars.isEmpty }
        self.phrases = phrases
        let longestFirst = phrases.indices.sorted { phrases[$0].scalars.count > phrases[$1].scalars.count || phrases[$0].scalars.count == phrases[$1].scalars.count && $0 < $1 }
        var byPair = WordIDTable(capacity: phrases.count), singles = WordIDTable(capacity: 8)
        var lists: [[Int]] = []
        for index in longestFirst {
            let scalars = phrases[index].scalars
            let list: Int32
            if scalars.count == 1 {
                list = singles.value(for: Int(scalars[0].value), insertingIfAbsent: Int32(lists.count))
            } else {
                list = byPair.value(for: Self.pairKey(scalars[0], scalars[1]), insertingIfAbsent: Int32(lists.count))
            }
            if list == lists.count { lists.append([]) }
            lists[Int(list)].append(index)
        }
        self.byPair = byPair
        self.singles = singles
        self.lists = lists
        firsts = ScalarSet(phrases.map { $0.scalars[0] })
        seconds = ScalarSet(phrases.compactMap { $0.scalars.count > 1 ? $0.scalars[1] : nil })
    }

    /// Two scalars (21 bits each) as one non-negative integer key.
    @inline(__always)
    private static func pairKey(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
        Int(first.value) << 21 | Int(second.value)
    }

    /// Calls `body` with the length and value of each phrase that starts at `index` and ends by
    /// `end`, longest first, until it returns false.
    @inline(__always)
    public func forEachPhrase(at index: Int, in scalars: [Unicode.Scalar], end: Int, _ body: (Int, Value) -> Bool) {
        guard firsts.contains(scalars[index]) else { return }
        if index + 1 < end, seconds.contains(scalars[index + 1]), let list = byPair.lookup(Self.pairKey(scalars[index], scalars[index + 1])) {
            for candidate in lists[Int(list)] {
                let phrase = phrases[candidate].scalars
                guard index + phrase.count <= end, scalars[(index + 2)..<(index + phrase.count)].elementsEqual(phrase[2...]) else { continue }
                if !body(phrase.count, phrases[candidate].value) { return }
            }
        }
        if singles.count > 0, let list = singles.lookup(Int(scalars[index].value)) {
            for candidate in lists[Int(list)] where !body(1, phrases[candidate].value) { return }
        }
    }

    /// Left to right, the longest phrase at each position, skipping past it: no overlaps.
    public func longestMatches(in scalars: [Unicode.Scalar], range: Range<Int>? = nil) -> [(span: TextSpan, value: Value)] {
        let range = range ?? 0..<scalars.count
        var found: [(span: TextSpan, value: Value)] = []
        var index = range.lowerBound
        let firstWords = firsts.bmpWords
        while index < range.upperBound {
            // Most positions start no phrase: skip them with the first-scalar bits, read raw.
            index = Self.nextPossibleStart(from: index, to: range.upperBound, in: scalars, firstWords: firstWords)
            guard index < range.upperBound else { break }
            var length = 0
            forEachPhrase(at: index, in: scalars, end: range.upperBound) { count, value in
                found.append((TextSpan(start: index, end: index + count), value))
                length = count
                return false
            }
            index += max(length, 1)
        }
        return found
    }

    /// The first position from `index` whose scalar may start a phrase (astral ones always may).
    private static func nextPossibleStart(from index: Int, to end: Int, in scalars: [Unicode.Scalar], firstWords: [UInt64]) -> Int {
        scalars.withUnsafeBufferPointer { text in
            firstWords.withUnsafeBufferPointer { words in
                var index = index
                while index < end {
                    let value = text[index].value
                    if value >= 0x10000 || words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 { return index }
                    index += 1
                }
                return end
            }
        }
    }

    /// Every occurrence of every phrase, overlapping ones included.
    public func allMatches(in scalars: [Unicode.Scalar]) -> [(span: TextSpan, value: Value)] {
        var found: [(span: TextSpan, value: Value)] = []
        for index in scalars.indices {
            forEachPhrase(at: index, in: scalars, end: scalars.count) { count, value in
                found.append((TextSpan(start: index, end: index + count), value))
                return true
            }
        }
        return found
    }
}
