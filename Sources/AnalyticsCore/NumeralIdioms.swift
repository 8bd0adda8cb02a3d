/// Words and set phrases whose numeral characters are not numbers: 一切, 进一步, 一批, 统一, 十分,
/// 四川, 陆地… The number scanner skips a numeral that sits inside one of them. The list is data:
/// Resources/numeral-idioms.txt, genre knowledge for Chinese reports and news written for this project.
public enum NumeralIdioms {
    static let fileName = "numeral-idioms.txt"
    /// The shipped list (Resources/numeral-idioms.txt), read on first use; nil when the file is not
    /// beside the binary, which the lexicon beside it makes an installation error before any scan.
    static let shipped = ResourceLocator.words(of: fileName, target: "AnalyticsCore")
    static let words: [String] = shipped ?? []

    /// Each idiom as scalars with the offsets of its numeral characters.
    static let entries: [(scalars: [Unicode.Scalar], numeralOffsets: [Int])] = words.map { word in
        let scalars = Array(word.unicodeScalars)
        let offsets = scalars.indices.filter { NumberScanner.chineseDigit(scalars[$0]) != nil || NumberScanner.chineseUnit(scalars[$0]) != nil }
        return (scalars, offsets)
    }

    /// The idioms as phrases, and how far into one its last numeral character can sit.
    static let index = PhraseIndex(entries.map(\.scalars))
    static let numerals = ScalarSet(entries.flatMap { entry in entry.numeralOffsets.map { entry.scalars[$0] } })
    static let maximumOffset = entries.map { $0.numeralOffsets.last ?? 0 }.max() ?? 0

    /// The idiom covering the numeral at `index`, as a range, or nil: the one starting furthest
    /// left, the longest of those.
    public static func idiom(covering index: Int, in scalars: [Unicode.Scalar]) -> Range<Int>? {
        guard numerals.contains(scalars[index]) else { return nil }
        let phrases = Self.index
        for start in max(0, index - maximumOffset)...index {
            var found: Range<Int>?
            phrases.forEachPhrase(at: start, in: scalars, end: scalars.count) { length, _ in
                guard start + length > index else { return true }
                found = start..<(start + length)
                return false
            }
            if let found { return found }
        }
        return nil
    }
}
