import AnalyticsCore
import Foundation

/// What follows a number and what it makes of it. Genre knowledge for Chinese reports and news,
/// written for this project; longest match wins.
struct UnitEntry: Sendable {
    let text: [Unicode.Scalar]
    let kind: FactKind
    /// The unit reported (亿元 → 元: the value carries the 亿).
    let unit: String
    let multiplier: Double
    /// The unit is 番 (翻一番: doublings), decided once here, not by a String comparison per number.
    let isDoubling: Bool

    init(_ text: String, _ kind: FactKind, unit: String? = nil, multiplier: Double = 1) {
        self.text = Array(text.unicodeScalars)
        self.kind = kind
        self.unit = unit ?? text
        self.multiplier = multiplier
        isDoubling = self.unit == "番"
    }
}

/// The units a number can take: the shipped table (Resources/units.tsv), with 万, 亿… in front of
/// money and measures, then any measure word the lexicon knows (its tag q: 公尺, 毫秒, 架) as a count.
struct UnitTable: Sendable {
    let entries: [UnitEntry]
    /// Entries by first scalar, longest first, for a quick look-up.
    private let byFirstScalar: ScalarGroups<UnitEntry>
    private let lexicon: Lexicon
    /// The lexicon's code for the tag q (measure word), compared per look-up instead of a String.
    private let measureTag: Int
    static let magnitudes: [(String, Double)] = [("万", 1e4), ("亿", 1e8), ("万亿", 1e12), ("千", 1e3), ("百万", 1e6), ("千万", 1e7), ("十亿", 1e9)]

    init(lexicon: Lexicon) throws {
        try self.init(tsv: ResourceLocator.text(of: "units.tsv", target: "FactsPlugin", what: "the facts unit table"), lexicon: lexicon)
    }

    init(tsv: String, lexicon: Lexicon) throws {
        var entries: [UnitEntry] = []
        for fields in TabSeparated.lines(tsv) {
            guard fields.count >= 2, let kind = FactKind(rawValue: fields[1]) else {
                throw AnalyzerSetupError("facts units: bad line '\(fields.joined(separator: "\t"))'")
            }
            let unit = fields.count > 2 && !fields[2].isEmpty ? fields[2] : fields[0]
            let multiplier = fields.count > 3 && !fields[3].isEmpty ? Double(fields[3]) ?? 1 : 1
            entries.append(UnitEntry(fields[0], kind, unit: unit, multiplier: multiplier))
            if fields.count > 4, fields[4] == "scaled" {
                // 万千瓦: the base magnitudes only for measures; money takes them all (百万美元, 十亿元).
                for (prefix, scale) in Self.magnitudes where kind == .money || prefix == "万" || prefix == "亿" {
                    entries.append(UnitEntry(prefix + fields[0], kind, unit: unit, multiplier: multiplier * scale))
                }
            }
        }
        self.entries = entries.sorted { $0.text.count > $1.text.count }
        byFirstScalar = ScalarGroups(self.entries.map { ($0.text[0], $0) })
        self.lexicon = lexicon
        measureTag = lexicon.tagNames.firstIndex(of: "q").map { $0 + 1 } ?? -1
    }

    /// The longest unit starting at `index`: the table's, else a measure word of the lexicon's.
    func unit(at index: Int, in scalars: [Unicode.Scalar], end: Int) -> UnitEntry? {
        guard index < end else { return nil }
        let group = byFirstScalar.group(of: scalars[index])
        if group >= 0, let entry = byFirstScalar.members(group).first(where: { index + $0.text.count <= end && scalars[index..<index + $0.text.count].elementsEqual($0.text) }) {
            return entry
        }
        return measureWord(at: index, in: scalars, end: end)
    }

    /// A measure word (量词) the lexicon tags q, up to three characters, as a count: 架, 毫秒, 公尺.
    private func measureWord(at index: Int, in scalars: [Unicode.Scalar], end: Int) -> UnitEntry? {
        guard ScriptClass.isHan(scalars[index]), NumberScanner.chineseDigit(scalars[index]) == nil, NumberScanner.chineseUnit(scalars[index]) == nil else { return nil }
        for length in stride(from: min(3, end - index), through: 1, by: -1) {
            let word = scalars[index..<(index + length)]
            guard let id = lexicon.wordID(of: word), lexicon.tagCode(ofWordID: id) == measureTag else { continue }
            // A longer dictionary word starting here (人口, 家庭) is that word, not a measure word.
            if length == 1, index + 2 <= end, let longer = lexicon.wordID(of: scalars[index..<(index + 2)]),
               case let code = lexicon.tagCode(ofWordID: longer), code != 0, code != measureTag { return nil }
            return UnitEntry(String(scalars: word), .count)
        }
        return nil
    }
}
